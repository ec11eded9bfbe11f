import type { PolicyFinding } from "../../policy/lib/evaluate";

/**
 * Which stack configuration key controls the property a finding is about. The pack is written for
 * any stack and its "Fix:" names the resource property; a user of this program changes configuration,
 * never the resource, so the preview adds the key. The first entry that matches the policy and URN
 * wins; a test resolves every key against the parsed configuration, so a renamed key fails there.
 */
export interface ConfigHint {
    readonly policy: string | RegExp;
    /** Matched against the finding's URN; absent: any resource of the policy. */
    readonly urn?: RegExp;
    readonly key: string;
}

export const CONFIG_HINTS: readonly ConfigHint[] = [
    { policy: "log-log-group-retention", urn: /platform:network:Network\$.*::flow-logs$/, key: "platform:network.flowLogs.retentionInDays" },
    { policy: "log-log-group-retention", urn: /platform:compute:Cluster\$.*::eks-control-plane$/, key: "platform:compute.controlPlaneLogs.retentionInDays" },
    { policy: "log-log-group-retention", urn: /platform:edge:Edge\$.*::waf-[a-z]+$/, key: "platform:edge.waf.logRetentionInDays" },
    { policy: "log-log-group-retention", urn: /platform:edge:Edge\$/, key: "platform:edge.logging.retentionInDays" },
    { policy: "log-log-group-retention", urn: /\$aws:cloudwatch\/logGroup:LogGroup::cloudtrail$/, key: "platform:security.cloudTrail.cloudWatchLogsRetentionInDays" },
    { policy: "log-log-group-retention", urn: /platform:integration:Integration\$/, key: "platform:integration.logRetentionInDays" },
    { policy: "log-log-group-retention", urn: /platform:data:DataTier\$.*::aurora[^:]*$/, key: "platform:data.aurora.logRetentionInDays" },
    { policy: "log-log-group-retention", urn: /platform:data:DataTier\$.*::cache[^:]*$/, key: "platform:data.cache.logRetentionInDays" },
    { policy: /^log-guardduty-/, key: "platform:security.guardDuty.features" },
    { policy: /^res-(dynamodb|rds|eks|lb)-deletion-protection$/, key: "platform:protection.deletionProtection" },
    { policy: "res-eks-nodegroup-ha", key: "platform:compute.nodeGroups[].minSize" },
    { policy: "res-lambda-concurrency", key: "platform:integration.functions[].reservedConcurrency" },
    { policy: "res-secret-recovery-window", key: "platform:protection.deletionProtection" },
    { policy: "res-elasticache-failover", key: "platform:data.cache.replicasPerShard" },
    { policy: "iam-cognito-threat-protection", key: "platform:integration.api.userPool.threatProtection" },
    // Issue 21's new advisory rules: no key sets these yet, so the hint names the section where the
    // setting belongs (the accepted reasons are in tests/policy/programCompliance.ts).
    { policy: "net-nondefault-ports", urn: /platform:data:DataTier\$.*::aurora[^:]*$/, key: "platform:data.aurora" },
    { policy: "net-nondefault-ports", urn: /platform:data:DataTier\$.*::cache[^:]*$/, key: "platform:data.cache" },
    { policy: "res-cf-origin-failover", key: "platform:edge" },
    { policy: "log-sns-delivery-status", urn: /platform:integration:Integration\$/, key: "platform:integration.topics" },
    { policy: "log-sns-delivery-status", urn: /platform:operations:/, key: "platform:operations.alarms" },
];

export function configKeyFor(finding: Pick<PolicyFinding, "policy" | "urn">, hints: readonly ConfigHint[] = CONFIG_HINTS): string | undefined {
    return hints.find((hint: ConfigHint) =>
        (typeof hint.policy === "string" ? hint.policy === finding.policy : hint.policy.test(finding.policy))
        && (hint.urn === undefined || (finding.urn !== undefined && hint.urn.test(finding.urn))))?.key;
}

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isFalse, isTrue } from "../../lib/props";
import { ABSENT, StackRule, StackRuleContext, stackPolicy } from "../../lib/rule";
import { ACCESS_LOGGING_TYPES, isAccessLogDestination } from "../../lib/accessLogSinks";
import { BUCKET_TYPES, UNKNOWN, VPC_TYPES, bucketSubResources, childrenOf, knownStrings, matchesAny, ofType, peek, peekArray } from "../../lib/stackJoins";

/** Cross-resource logging rules (validateStack). */

const TRAIL = "aws:cloudtrail/trail:Trail";

interface RequireConfig { requireInStack: boolean }

const requireSchema = (what: string) => ({
    schema: { requireInStack: { type: "boolean" as const, description: `Report when the stack declares no ${what}, unless the stack declares that another stack or the organisation owns the account baseline (platform:account:AccountBaseline with role consumer or organization).` } },
    defaults: { requireInStack: false },
});

/** The component through which this program declares who owns the account-wide resources (infra/components/account). */
const ACCOUNT_BASELINE = "platform:account:AccountBaseline";

/**
 * True when the stack says its account baseline (trail, GuardDuty, ...) is owned elsewhere: another
 * stack of the account (consumer) or the organisation (organization). Such a stack must not declare
 * them (AWS allows one detector per account and Region), so requireInStack does not apply to it.
 */
export function baselineOwnedElsewhere(resources: readonly PolicyResource[]): boolean {
    return resources.some((r) => r.type === ACCOUNT_BASELINE && ["consumer", "organization"].includes(String(peek(r.props, "role"))));
}

export const cloudtrailMultiRegion: StackRule<RequireConfig> = {
    id: "log-cloudtrail-multi-region",
    description: "CloudTrail trails are multi-region, include global service events and are logging; optionally at least one such trail in the stack.",
    severity: "high",
    remediation: "Set isMultiRegionTrail: true, includeGlobalServiceEvents: true and enableLogging: true on the account trail.",
    config: requireSchema("multi-region CloudTrail trail"),
    check(resources, ctx) {
        const trails = ofType(resources, [TRAIL]);
        for (const trail of trails) {
            const multi = peek(trail.props, "isMultiRegionTrail");
            if (multi !== UNKNOWN && !isTrue(multi)) {
                ctx.report(trail, { property: "isMultiRegionTrail", value: multi ?? ABSENT, expected: "true" });
            }
            for (const key of ["includeGlobalServiceEvents", "enableLogging"]) {
                const value = peek(trail.props, key);
                if (isFalse(value)) {
                    ctx.report(trail, { property: key, value, expected: "true (the default)" });
                }
            }
        }
        if (trails.length === 0 && ctx.config.requireInStack && !baselineOwnedElsewhere(resources)) {
            const anchor = resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? resources[0];
            if (anchor) {
                ctx.report(anchor, { property: "aws:cloudtrail/trail", value: ABSENT, expected: "a multi-region trail in this stack (requireInStack is on)" });
            }
        }
    },
};

const LOGGING_TYPES: readonly string[] = ACCESS_LOGGING_TYPES;

interface AccessLoggingConfig { logSinkBucketNamePatterns: string[] }

/**
 * The log sink: the bucket other buckets' access logs are delivered into. A CloudTrail bucket is
 * not a sink (CIS AWS Foundations wants access logging on it), and a name proves nothing; the
 * patterns are an opt-in escape hatch for sinks managed outside the stack and default to none.
 */
function isLogSink(resources: readonly PolicyResource[], bucket: PolicyResource, patterns: readonly string[]): boolean {
    const physical = peek(bucket.props, "bucket");
    if (patterns.length > 0 && matchesAny(patterns, bucket.name, physical === UNKNOWN ? undefined : physical)) {
        return true;
    }
    return isAccessLogDestination(resources, bucket);
}

export const s3AccessLogging: StackRule<AccessLoggingConfig> = {
    id: "log-s3-access-logging",
    description: "Every S3 bucket except the log sink (the bucket access logs are delivered into) has server access logging (BucketLogging); CloudTrail buckets included.",
    severity: "medium",
    remediation: "Add aws.s3.BucketLogging { bucket: bucket.id, targetBucket: <access-log bucket>, targetPrefix }.",
    config: {
        schema: { logSinkBucketNamePatterns: { type: "array", items: { type: "string" }, description: "Regexes on bucket logical/physical names of log sinks whose incoming BucketLogging lives outside this stack (default none: a sink is a bucket access logs are delivered into)." } },
        defaults: { logSinkBucketNamePatterns: [] },
    },
    check(resources, ctx) {
        for (const bucket of ofType(resources, BUCKET_TYPES)) {
            if (isLogSink(resources, bucket, ctx.config.logSinkBucketNamePatterns)) {
                continue;
            }
            const inline = peek(bucket.props, "logging");
            if (inline === UNKNOWN || (inline && typeof peek(inline, "targetBucket") === "string")) {
                continue;
            }
            const configs = bucketSubResources(resources, bucket, LOGGING_TYPES);
            if (configs.length === 0) {
                ctx.report(bucket, { property: "aws:s3/bucketLogging", value: ABSENT, expected: "a BucketLogging for this bucket (or list it in logSinkBucketNamePatterns if it is a log sink)" });
                continue;
            }
            for (const config of configs) {
                const target = peek(config.props, "targetBucket");
                if (target !== UNKNOWN && (typeof target !== "string" || target.length === 0)) {
                    ctx.report(config, { property: "targetBucket", value: target ?? ABSENT, expected: "the access-log bucket" });
                }
            }
        }
    },
};

export const cloudfrontAccessLogging: StackRule = {
    id: "log-cloudfront-access-logging",
    description: "CloudFront distributions log access: legacy loggingConfig.bucket, or a v2 LogDeliverySource (logType ACCESS_LOGS) for the distribution.",
    severity: "medium",
    remediation: "Add aws.cloudwatch.LogDeliverySource { resourceArn: distribution.arn, logType: \"ACCESS_LOGS\" } + LogDelivery, or set loggingConfig.bucket.",
    check(resources, ctx) {
        for (const distribution of ofType(resources, ["aws:cloudfront/distribution:Distribution"])) {
            const logging = peek(distribution.props, "loggingConfig");
            const bucket = peek(logging, "bucket");
            if (logging === UNKNOWN || bucket === UNKNOWN || (typeof bucket === "string" && bucket.length > 0)) {
                continue;
            }
            const sources = childrenOf(resources, distribution, ["aws:cloudwatch/logDeliverySource:LogDeliverySource"], "resourceArn", ["arn", "id"]);
            if (!sources.some((s) => [UNKNOWN, "ACCESS_LOGS"].includes(peek(s.props, "logType") as string))) {
                ctx.report(distribution, { property: "loggingConfig.bucket", value: ABSENT, expected: "legacy access logging or a LogDeliverySource with logType \"ACCESS_LOGS\" for this distribution" });
            }
        }
    },
};

const WAF_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

/** Name part of a WAF log destination ARN (log group, bucket or Firehose stream). */
export function wafDestinationName(arn: string): string | undefined {
    const match = /log-group:([^:]+)|deliverystream\/([^:/]+)|:::([^:/]+)/.exec(arn);
    return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

export const wafLogging: StackRule = {
    id: "log-waf-logging",
    description: "Every WAFv2 web ACL has a logging configuration whose destinations are named aws-waf-logs-*.",
    severity: "medium",
    remediation: "Add aws.wafv2.WebAclLoggingConfiguration { resourceArn: acl.arn, logDestinationConfigs: [<log group aws-waf-logs-...>.arn] }.",
    check(resources, ctx) {
        for (const acl of ofType(resources, ["aws:wafv2/webAcl:WebAcl"])) {
            const configs = childrenOf(resources, acl, [WAF_LOGGING], "resourceArn", ["arn", "id"]);
            if (configs.length === 0) {
                ctx.report(acl, { property: "aws:wafv2/webAclLoggingConfiguration", value: ABSENT, expected: "a WebAclLoggingConfiguration for this web ACL" });
                continue;
            }
            for (const config of configs) {
                knownStrings(peek(config.props, "logDestinationConfigs")).forEach((arn: string, index: number) => {
                    const name = wafDestinationName(arn);
                    if (name !== undefined && !name.startsWith("aws-waf-logs-")) {
                        ctx.report(config, { property: `logDestinationConfigs[${index}]`, value: arn, expected: "a destination whose name starts with aws-waf-logs-" });
                    }
                });
            }
        }
    },
};

interface FlowLogConfig { requiredTrafficType: string }

export const vpcFlowLogs: StackRule<FlowLogConfig> = {
    id: "log-vpc-flow-logs",
    description: "Every VPC has a flow log capturing ALL traffic.",
    severity: "high",
    remediation: "Add aws.ec2.FlowLog { vpcId: vpc.id, trafficType: \"ALL\", logDestinationType: \"cloud-watch-logs\", logDestination, iamRoleArn }.",
    config: {
        schema: { requiredTrafficType: { type: "string", enum: ["ALL", "REJECT", "ACCEPT"], description: "Traffic type the flow log must capture (FSBP minimum is REJECT)." } },
        defaults: { requiredTrafficType: "ALL" },
    },
    check(resources, ctx) {
        for (const vpc of ofType(resources, VPC_TYPES)) {
            const logs = childrenOf(resources, vpc, ["aws:ec2/flowLog:FlowLog"], "vpcId", ["id", "arn"]);
            if (logs.length === 0) {
                ctx.report(vpc, { property: "aws:ec2/flowLog", value: ABSENT, expected: `a FlowLog for this VPC with trafficType "${ctx.config.requiredTrafficType}"` });
                continue;
            }
            const types = logs.map((l) => peek(l.props, "trafficType"));
            if (!types.some((t) => t === UNKNOWN || t === ctx.config.requiredTrafficType || t === "ALL")) {
                ctx.report(logs[0], { property: "trafficType", value: types[0] ?? ABSENT, expected: `"${ctx.config.requiredTrafficType}"` });
            }
        }
    },
};

const DETECTOR = "aws:guardduty/detector:Detector";
const FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";

export const guardDutyEnabled: StackRule<RequireConfig> = {
    id: "log-guardduty-enabled",
    description: "GuardDuty detectors are enabled; optionally the stack must declare one (account baseline).",
    severity: "high",
    remediation: "Declare aws.guardduty.Detector { enable: true } in every region the platform uses.",
    config: requireSchema("GuardDuty detector"),
    check(resources, ctx) {
        const detectors = ofType(resources, [DETECTOR]);
        for (const detector of detectors) {
            const enable = peek(detector.props, "enable");
            if (isFalse(enable)) {
                ctx.report(detector, { property: "enable", value: enable, expected: "true" });
            }
        }
        if (detectors.length === 0 && ctx.config.requireInStack && !baselineOwnedElsewhere(resources) && resources[0]) {
            ctx.report(resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? resources[0], { property: "aws:guardduty/detector", value: ABSENT, expected: "an enabled detector in this stack (requireInStack is on)" });
        }
    },
};

/** Each required feature (any of the alternative names) must be ENABLED, with its required additional configurations. */
interface FeatureRequirement { names: string[]; additional?: string[] }

function checkFeatures(resources: readonly PolicyResource[], ctx: StackRuleContext<object>, required: readonly FeatureRequirement[]): void {
    for (const detector of ofType(resources, [DETECTOR])) {
        if (isFalse(peek(detector.props, "enable"))) {
            continue;
        }
        const features = childrenOf(resources, detector, [FEATURE], "detectorId", ["id", "arn"]);
        for (const requirement of required) {
            const matching = features.filter((f) => { const n = peek(f.props, "name"); return n === UNKNOWN || requirement.names.includes(n as string); });
            if (matching.length === 0) {
                ctx.report(detector, {
                    property: `aws:guardduty/detectorFeature[${requirement.names.join("|")}]`, value: ABSENT, expected: `a DetectorFeature ${requirement.names[0]} with status ENABLED`,
                    fix: `Add aws.guardduty.DetectorFeature { detectorId: detector.id, name: "${requirement.names[0]}", status: "ENABLED"${requirement.additional ? `, additionalConfigurations: [${requirement.additional.map((a) => `{ name: "${a}", status: "ENABLED" }`).join(", ")}]` : ""} }.`,
                });
                continue;
            }
            for (const feature of matching) {
                const status = peek(feature.props, "status");
                if (status !== UNKNOWN && status !== "ENABLED") {
                    ctx.report(feature, { property: "status", value: status ?? ABSENT, expected: "\"ENABLED\"", fix: `Set status: "ENABLED" on the ${String(peek(feature.props, "name"))} detector feature.` });
                    continue;
                }
                const additional = peekArray(peek(feature.props, "additionalConfigurations"));
                if (additional === UNKNOWN) {
                    continue;
                }
                for (const name of requirement.additional ?? []) {
                    const entry = additional.find((a) => peek(a, "name") === name);
                    const entryStatus = entry === undefined ? undefined : peek(entry, "status");
                    if (entryStatus !== UNKNOWN && entryStatus !== "ENABLED") {
                        ctx.report(feature, { property: `additionalConfigurations[${name}].status`, value: entryStatus ?? ABSENT, expected: "\"ENABLED\"", fix: `Add additionalConfigurations: [{ name: "${name}", status: "ENABLED" }] to this feature.` });
                    }
                }
            }
        }
    }
}

export const guardDutyEks: StackRule = {
    id: "log-guardduty-eks",
    description: "GuardDuty EKS protection: EKS_AUDIT_LOGS and RUNTIME_MONITORING (with EKS_ADDON_MANAGEMENT) enabled.",
    severity: "medium",
    remediation: "Add aws.guardduty.DetectorFeature resources EKS_AUDIT_LOGS ENABLED and RUNTIME_MONITORING ENABLED with additionalConfigurations [{ name: \"EKS_ADDON_MANAGEMENT\", status: \"ENABLED\" }].",
    check(resources, ctx) {
        checkFeatures(resources, ctx, [
            { names: ["EKS_AUDIT_LOGS"] },
            { names: ["RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING"], additional: ["EKS_ADDON_MANAGEMENT"] },
        ]);
    },
};

export const guardDutyData: StackRule = {
    id: "log-guardduty-data",
    description: "GuardDuty data protection: S3_DATA_EVENTS, RDS_LOGIN_EVENTS and EBS_MALWARE_PROTECTION enabled.",
    severity: "medium",
    remediation: "Add aws.guardduty.DetectorFeature resources S3_DATA_EVENTS, RDS_LOGIN_EVENTS and EBS_MALWARE_PROTECTION with status ENABLED.",
    check(resources, ctx) {
        checkFeatures(resources, ctx, [{ names: ["S3_DATA_EVENTS"] }, { names: ["RDS_LOGIN_EVENTS"] }, { names: ["EBS_MALWARE_PROTECTION"] }]);
    },
};

export const loggingStackPolicies: StackValidationPolicy[] = [
    stackPolicy(cloudtrailMultiRegion),
    stackPolicy(s3AccessLogging),
    stackPolicy(cloudfrontAccessLogging),
    stackPolicy(wafLogging),
    stackPolicy(vpcFlowLogs),
    stackPolicy(guardDutyEnabled),
    stackPolicy(guardDutyEks),
    stackPolicy(guardDutyData),
];

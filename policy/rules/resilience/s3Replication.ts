import { PolicyResource } from "@pulumi/policy";
import { ABSENT, StackRule, StackRuleContext, stackPolicy } from "../../lib/rule";
import { BUCKET_TYPES, UNKNOWN, bucketSubResources, ofType, peek, peekArray, unwrap } from "../../lib/stackJoins";

const REPLICATION_TYPES = ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"];

export interface S3ReplicationConfig {
    /** Buckets carrying this tag key with this value must replicate (the policy cannot see the program's own config). */
    readonly requiredTagKey: string;
    readonly requiredTagValue: string;
}

function tagOf(bucket: PolicyResource, key: string): unknown {
    for (const property of ["tagsAll", "tags"]) {
        const tags = peek(bucket.props, property);
        if (tags === UNKNOWN) {
            return UNKNOWN;
        }
        if (tags && typeof tags === "object") {
            const value = peek(tags, key);
            if (value !== undefined) {
                return value;
            }
        }
    }
    return undefined;
}

function enabledRuleCount(rulesValue: unknown): number | typeof UNKNOWN {
    const rules = peekArray(rulesValue);
    if (rules === UNKNOWN) {
        return UNKNOWN;
    }
    return rules.filter((rule: unknown) => {
        const status = peek(rule, "status");
        return status === UNKNOWN || status === "Enabled";
    }).length;
}

/**
 * One replication configuration, standalone or inline: it names a role and replicates something.
 * A configuration whose rules are all Disabled copies nothing (S3 evaluates only Enabled rules:
 * PutBucketReplication, ReplicationRule.Status), so it is a violation wherever it is declared.
 */
function checkConfiguration(resource: PolicyResource, holder: unknown, prefix: string, ctx: StackRuleContext<S3ReplicationConfig>): void {
    const role: unknown = peek(holder, "role");
    if (role !== UNKNOWN && (typeof role !== "string" || role.length === 0)) {
        ctx.report(resource, { property: `${prefix}role`, value: role ?? ABSENT, expected: "the ARN of the replication role" });
    }
    const rules: unknown = peek(holder, "rules");
    const enabled = enabledRuleCount(rules);
    if (enabled !== UNKNOWN && enabled === 0) {
        ctx.report(resource, { property: `${prefix}rules`, value: unwrap(rules) ?? ABSENT, expected: "at least one rule with status \"Enabled\" (a configuration whose rules are all Disabled replicates nothing)" });
    }
}

/** The bucket's inline (deprecated) replicationConfiguration, UNKNOWN, or undefined. */
function inlineConfiguration(bucket: PolicyResource): unknown {
    const inline: unknown = peek(bucket.props, "replicationConfiguration");
    return inline === null ? undefined : inline;
}

/**
 * Every replication configuration (BucketReplicationConfig, or a bucket's inline
 * replicationConfiguration) replicates: a role and at least one Enabled rule. Buckets marked as
 * needing cross-region copies (by tag: which buckets are critical is a business decision the
 * program's tags carry) must have one.
 */
export const s3Replication: StackRule<S3ReplicationConfig> = {
    id: "res-s3-replication",
    description: "Every S3 replication configuration (BucketReplicationConfig or a bucket's inline replicationConfiguration) has a role and at least one Enabled rule (all-Disabled replicates nothing); buckets tagged as requiring replication (default Replication=cross-region) have one.",
    severity: "low",
    remediation: "Add aws.s3.BucketReplicationConfig { bucket, role, rules: [{ status: \"Enabled\", destination: { bucket: <replica ARN> } }] } (versioning on both buckets), enable a rule of an existing configuration or remove it, or remove the tag.",
    config: {
        schema: {
            requiredTagKey: { type: "string", description: "Tag key that marks a bucket as requiring replication." },
            requiredTagValue: { type: "string", description: "Tag value that marks a bucket as requiring replication." },
        },
        defaults: { requiredTagKey: "Replication", requiredTagValue: "cross-region" },
    },
    check(resources, ctx) {
        const buckets: PolicyResource[] = ofType(resources, BUCKET_TYPES);
        const configs: PolicyResource[] = ofType(resources, REPLICATION_TYPES);
        const inline: PolicyResource[] = buckets.filter((b: PolicyResource) => inlineConfiguration(b) !== undefined);
        const marked = buckets.filter((b: PolicyResource) => tagOf(b, ctx.config.requiredTagKey) === ctx.config.requiredTagValue);
        if (marked.length === 0 && configs.length === 0 && inline.length === 0) {
            ctx.notApplicable(`no replication configuration and no bucket tagged ${ctx.config.requiredTagKey}=${ctx.config.requiredTagValue}`);
        }
        for (const config of configs) {
            checkConfiguration(config, config.props, "", ctx);
        }
        for (const bucket of inline) {
            const configuration: unknown = inlineConfiguration(bucket);
            if (configuration !== UNKNOWN) {
                checkConfiguration(bucket, configuration, "replicationConfiguration.", ctx);
            }
        }
        for (const bucket of marked) {
            if (inlineConfiguration(bucket) !== undefined || bucketSubResources(resources, bucket, REPLICATION_TYPES).length > 0) {
                continue; // its configuration is judged above
            }
            ctx.report(bucket, { property: "aws:s3/bucketReplicationConfig", value: ABSENT, expected: "a replication configuration for this bucket" });
        }
    },
};

export const s3ReplicationPolicies = [stackPolicy(s3Replication)];

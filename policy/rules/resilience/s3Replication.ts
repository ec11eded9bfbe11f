import { PolicyResource } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { BUCKET_TYPES, UNKNOWN, bucketSubResources, ofType, peek, peekArray } from "../../lib/stackJoins";

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

function enabledRuleCount(config: PolicyResource): number | typeof UNKNOWN {
    const rules = peekArray(peek(config.props, "rules"));
    if (rules === UNKNOWN) {
        return UNKNOWN;
    }
    return rules.filter((rule: unknown) => {
        const status = peek(rule, "status");
        return status === UNKNOWN || status === "Enabled";
    }).length;
}

/**
 * Buckets marked as needing cross-region copies (by tag) have a replication configuration with an
 * enabled rule and a role. Which buckets are critical is a business decision; the tag carries it.
 */
export const s3Replication: StackRule<S3ReplicationConfig> = {
    id: "res-s3-replication",
    description: "Buckets tagged as requiring replication (default Replication=cross-region) have a BucketReplicationConfig with an enabled rule and a role.",
    severity: "low",
    remediation: "Add aws.s3.BucketReplicationConfig { bucket, role, rules: [{ status: \"Enabled\", destination: { bucket: <replica ARN> } }] } (versioning on both buckets), or remove the tag.",
    config: {
        schema: {
            requiredTagKey: { type: "string", description: "Tag key that marks a bucket as requiring replication." },
            requiredTagValue: { type: "string", description: "Tag value that marks a bucket as requiring replication." },
        },
        defaults: { requiredTagKey: "Replication", requiredTagValue: "cross-region" },
    },
    check(resources, ctx) {
        const marked = ofType(resources, BUCKET_TYPES).filter((b: PolicyResource) => tagOf(b, ctx.config.requiredTagKey) === ctx.config.requiredTagValue);
        if (marked.length === 0) {
            ctx.notApplicable(`no bucket tagged ${ctx.config.requiredTagKey}=${ctx.config.requiredTagValue}`);
        }
        for (const bucket of marked) {
            const configs = bucketSubResources(resources, bucket, REPLICATION_TYPES);
            if (configs.length === 0) {
                ctx.report(bucket, { property: "aws:s3/bucketReplicationConfig", value: ABSENT, expected: "a replication configuration for this bucket" });
                continue;
            }
            for (const config of configs) {
                const role: unknown = peek(config.props, "role");
                if (role !== UNKNOWN && (typeof role !== "string" || role.length === 0)) {
                    ctx.report(config, { property: "role", value: role ?? ABSENT, expected: "the ARN of the replication role" });
                }
                const enabled = enabledRuleCount(config);
                if (enabled !== UNKNOWN && enabled === 0) {
                    ctx.report(config, { property: "rules", value: peek(config.props, "rules") ?? ABSENT, expected: "at least one rule with status Enabled" });
                }
            }
        }
    },
};

export const s3ReplicationPolicies = [stackPolicy(s3Replication)];

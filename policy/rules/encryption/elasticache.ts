import type * as aws from "@pulumi/aws";
import { ABSENT, resourcePolicy } from "../../lib/rule";
import { requireCmk } from "../../lib/checks";
import { isTrue } from "../../lib/props";
import { UNKNOWN, read } from "../../lib/values";

/**
 * The provider's default for atRestEncryptionEnabled depends on the engine
 * (replicationGroup.d.ts, @pulumi/aws 7.48: "When `engine` is `redis`, default is `false`. When
 * `engine` is `valkey`, default is `true`."; engine itself defaults to `redis`). An omitted flag is
 * read the way the provider reads it: UNKNOWN when the engine is not known yet.
 */
export function atRestEncryptionDefault(engine: unknown): boolean | typeof UNKNOWN {
    if (engine === UNKNOWN) {
        return UNKNOWN;
    }
    return typeof engine === "string" && engine.trim().toLowerCase() === "valkey";
}

export const elasticacheAtRest = resourcePolicy({
    id: "enc-elasticache-at-rest",
    description: "ElastiCache replication groups encrypt data at rest.",
    severity: "high",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "Set atRestEncryptionEnabled: true (and kmsKeyId to a customer-managed key); changing it replaces the replication group. Only engine \"valkey\" encrypts at rest by default.",
    check(props, ctx) {
        const property: keyof aws.elasticache.ReplicationGroupArgs = "atRestEncryptionEnabled";
        const value: unknown = read(props, property);
        if (value === UNKNOWN || isTrue(value)) {
            return;
        }
        if (value === undefined || value === null) {
            const engine: unknown = read(props, "engine");
            if (atRestEncryptionDefault(engine) !== false) {
                return;
            }
            ctx.report({ property, value: ABSENT, expected: `true (omitted means false for engine ${engine === undefined ? "redis (the default engine)" : JSON.stringify(engine)}; only valkey defaults to true)` });
            return;
        }
        ctx.report({ property, value, expected: "true" });
    },
});

export const elasticacheCmk = resourcePolicy({
    id: "enc-elasticache-cmk",
    description: "ElastiCache replication groups and serverless caches encrypt at rest with a customer-managed KMS key.",
    severity: "medium",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/serverlessCache:ServerlessCache"],
    remediation: "Set kmsKeyId to a customer-managed KMS key ARN.",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsKeyId");
    },
});

export const elasticacheEncryptionPolicies = [elasticacheAtRest, elasticacheCmk];

import { resourcePolicy } from "../../lib/rule";
import { requireCmk, requireTrue } from "../../lib/checks";

export const elasticacheAtRest = resourcePolicy({
    id: "enc-elasticache-at-rest",
    description: "ElastiCache replication groups encrypt data at rest.",
    severity: "high",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "Set atRestEncryptionEnabled: true (and kmsKeyId to a customer-managed key); changing it replaces the replication group.",
    check(props, ctx) {
        requireTrue(props, ctx, "atRestEncryptionEnabled");
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

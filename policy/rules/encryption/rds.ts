import { isTrue } from "../../lib/props";
import { ABSENT, resourcePolicy } from "../../lib/rule";
import { isSet, read, UNKNOWN } from "../../lib/values";
import { requireCmk, requireTrue } from "../../lib/checks";

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

export const rdsClusterStorage = resourcePolicy({
    id: "enc-rds-cluster-storage",
    description: "Aurora/RDS clusters encrypt storage at rest (the provider default for provisioned clusters is unencrypted).",
    severity: "high",
    resourceTypes: [CLUSTER],
    remediation: "Set storageEncrypted: true (and kmsKeyId to a customer-managed key); an existing unencrypted cluster must be restored from an encrypted snapshot copy.",
    check(props, ctx) {
        if (read(props, "engineMode") === "serverless") {
            return; // Aurora Serverless v1 is always encrypted.
        }
        requireTrue(props, ctx, "storageEncrypted");
    },
});

export const rdsClusterCmk = resourcePolicy({
    id: "enc-rds-cluster-cmk",
    description: "Aurora/RDS clusters encrypt storage with a customer-managed KMS key rather than aws/rds.",
    severity: "medium",
    resourceTypes: [CLUSTER],
    remediation: "Set kmsKeyId to the ARN of a customer-managed aws.kms.Key (with rotation enabled).",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsKeyId");
    },
});

export const rdsInstanceStorage = resourcePolicy({
    id: "enc-rds-instance-storage",
    description: "RDS DB instances encrypt storage at rest with a customer-managed KMS key (read replicas inherit the source's encryption).",
    severity: "high",
    resourceTypes: [INSTANCE],
    remediation: "Set storageEncrypted: true and kmsKeyId to a customer-managed KMS key ARN.",
    check(props, ctx) {
        if (isSet(props, "replicateSourceDb")) {
            // Replicas inherit encryption; a cross-region replica names its own key, which must then be a CMK.
            if (isSet(props, "kmsKeyId")) {
                requireCmk(props, ctx, "kmsKeyId");
            }
            return;
        }
        requireTrue(props, ctx, "storageEncrypted");
        requireCmk(props, ctx, "kmsKeyId");
    },
});

export const rdsPerformanceInsights = resourcePolicy({
    id: "enc-rds-performance-insights",
    description: "When Performance Insights is enabled, its data is encrypted with a customer-managed KMS key.",
    severity: "medium",
    resourceTypes: [CLUSTER, CLUSTER_INSTANCE, INSTANCE],
    remediation: "Set performanceInsightsKmsKeyId to a customer-managed KMS key ARN (it cannot be changed after enabling PI).",
    check(props, ctx) {
        const enabled: unknown = read(props, "performanceInsightsEnabled");
        if (enabled === UNKNOWN || !isTrue(enabled)) {
            return;
        }
        requireCmk(props, ctx, "performanceInsightsKmsKeyId");
    },
});

export const rdsMasterCredentials = resourcePolicy({
    id: "enc-rds-master-credentials",
    description: "Aurora/RDS clusters let RDS manage the master password in Secrets Manager, encrypted with a CMK; no plaintext masterPassword in the program or state.",
    severity: "high",
    resourceTypes: [CLUSTER],
    remediation: "Remove masterPassword, set manageMasterUserPassword: true and masterUserSecretKmsKeyId to a customer-managed KMS key ARN.",
    check(props, ctx) {
        if (isSet(props, "masterPassword")) {
            ctx.report({
                property: "masterPassword",
                value: "(set; value redacted)",
                expected: "not set (the password would be stored in the program and the Pulumi state)",
            });
        }
        // Replicas, snapshot restores and global secondaries inherit credentials from their source.
        if (isSet(props, "replicationSourceIdentifier") || isSet(props, "snapshotIdentifier")) {
            return;
        }
        const managed: unknown = read(props, "manageMasterUserPassword");
        if (managed === UNKNOWN) {
            return;
        }
        if (!isTrue(managed)) {
            ctx.report({ property: "manageMasterUserPassword", value: managed ?? ABSENT, expected: "true (RDS-managed secret in Secrets Manager, rotated automatically)" });
            return;
        }
        requireCmk(props, ctx, "masterUserSecretKmsKeyId", undefined, "a customer-managed KMS key ARN for the RDS-managed master secret (default is aws/secretsmanager)");
    },
});

export const rdsEncryptionPolicies = [rdsClusterStorage, rdsClusterCmk, rdsInstanceStorage, rdsPerformanceInsights, rdsMasterCredentials];

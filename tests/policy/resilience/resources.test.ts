import { resourcePolicy } from "../../../policy/lib/rule";
import {
    cfDefaultRootObject, dynamodbDeletionProtection, dynamodbPitr, eksDeletionProtection, eksNodegroupHa, eksSupportedVersion, elasticacheBackups, elasticacheFailover, elasticacheMinorUpgrades,
    eventTargetDlq, kmsDeletionWindow, lbDeletionProtection, lbHealthCheck, lbMultiAz, rdsBackupRetention, rdsDeletionProtection, rdsFinalSnapshot, rdsMinorUpgrades, secretRecoveryWindow,
} from "../../../policy/rules/resilience/resources";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_OBJECT, UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy } from "../network/cases";

type P = Record<string, any>;  
const CLUSTER = "aws:rds/cluster:Cluster";
const prodTags = { tagsAll: { Environment: "prod", Owner: "platform" } };

describeResourcePolicy({
    policy: resourcePolicy(rdsBackupRetention), severity: "medium", types: [CLUSTER, "aws:rds/instance:Instance"],
    baseline: { engine: "aurora-postgresql", backupRetentionPeriod: 7 },
    violations: [{ name: "omitted (default 1)", mutate: (p: P) => { delete p.backupRetentionPeriod; }, property: "backupRetentionPeriod" }, { name: "3 days", mutate: (p: P) => { p.backupRetentionPeriod = 3; }, property: "backupRetentionPeriod" }],
    unknowns: [{ name: "retention unknown", mutate: (p: P) => { p.backupRetentionPeriod = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(rdsDeletionProtection), severity: "medium", types: [CLUSTER, "aws:rds/instance:Instance"],
    baseline: { engine: "aurora-postgresql", deletionProtection: true },
    violations: [{ name: "omitted", mutate: (p: P) => { delete p.deletionProtection; }, property: "deletionProtection" }, { name: "false", mutate: (p: P) => { p.deletionProtection = false; }, property: "deletionProtection" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.deletionProtection = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(rdsFinalSnapshot), severity: "medium", types: [CLUSTER],
    baseline: { engine: "aurora-postgresql", skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final", ...prodTags },
    compliant: [{ name: "dev skips final snapshots", mutate: (p: P) => { p.tagsAll.Environment = "dev"; p.skipFinalSnapshot = true; } }],
    violations: [{ name: "prod skips the final snapshot", mutate: (p: P) => { p.skipFinalSnapshot = true; }, property: "skipFinalSnapshot" }, { name: "no identifier", mutate: (p: P) => { delete p.finalSnapshotIdentifier; }, property: "finalSnapshotIdentifier" }, { name: "prod via explicit tags", mutate: (p: P) => { delete p.tagsAll; p.tags = { Environment: "prod" }; p.skipFinalSnapshot = true; }, property: "skipFinalSnapshot" }],
    unknowns: [{ name: "identifier unknown", mutate: (p: P) => { p.finalSnapshotIdentifier = UNKNOWN_STRING; } }, { name: "tags unknown (environment undecidable)", mutate: (p: P) => { p.tagsAll = UNKNOWN_OBJECT; p.skipFinalSnapshot = true; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(rdsMinorUpgrades), severity: "low", types: [CLUSTER, "aws:rds/clusterInstance:ClusterInstance"],
    baseline: { engine: "aurora-postgresql" },
    violations: [{ name: "disabled", mutate: (p: P) => { p.autoMinorVersionUpgrade = false; }, property: "autoMinorVersionUpgrade" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.autoMinorVersionUpgrade = UNKNOWN_BOOLEAN; } }],
});

const TABLE = "aws:dynamodb/table:Table";
describeResourcePolicy({
    policy: resourcePolicy(dynamodbPitr), severity: "high", types: [TABLE],
    baseline: { hashKey: "pk", billingMode: "PAY_PER_REQUEST", pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true, replicas: [{ regionName: "us-west-2", pointInTimeRecovery: true }] },
    compliant: [{ name: "standalone replica with PITR", type: "aws:dynamodb/tableReplica:TableReplica", mutate: (p: P) => { p.pointInTimeRecovery = true; } }],
    violations: [
        { name: "PITR omitted", mutate: (p: P) => { delete p.pointInTimeRecovery; }, property: "pointInTimeRecovery.enabled" },
        { name: "PITR disabled", mutate: (p: P) => { p.pointInTimeRecovery.enabled = false; }, property: "pointInTimeRecovery.enabled" },
        { name: "replica without PITR", mutate: (p: P) => { p.replicas[0].pointInTimeRecovery = false; }, property: "replicas[0].pointInTimeRecovery" },
        { name: "TableReplica without PITR", type: "aws:dynamodb/tableReplica:TableReplica", mutate: () => undefined, property: "pointInTimeRecovery" },
    ],
    unknowns: [{ name: "pitr block unknown", mutate: (p: P) => { p.pointInTimeRecovery = UNKNOWN_OBJECT; } }, { name: "replicas unknown", mutate: (p: P) => { p.replicas = UNKNOWN_ARRAY; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(dynamodbDeletionProtection), severity: "medium", types: [TABLE, "aws:dynamodb/tableReplica:TableReplica"],
    baseline: { hashKey: "pk", deletionProtectionEnabled: true },
    violations: [{ name: "omitted", mutate: (p: P) => { delete p.deletionProtectionEnabled; }, property: "deletionProtectionEnabled" }, { name: "replica off", mutate: (p: P) => { p.replicas = [{ regionName: "us-west-2", deletionProtectionEnabled: false }]; }, property: "replicas[0].deletionProtectionEnabled" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.deletionProtectionEnabled = UNKNOWN_BOOLEAN; } }],
});

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const redis = { description: "r", engine: "redis", snapshotRetentionLimit: 7, automaticFailoverEnabled: true, multiAzEnabled: true, numCacheClusters: 2 };
describeResourcePolicy({
    policy: resourcePolicy(elasticacheBackups), severity: "medium", types: [RG, "aws:elasticache/serverlessCache:ServerlessCache"], baseline: redis,
    violations: [{ name: "no snapshots", mutate: (p: P) => { delete p.snapshotRetentionLimit; }, property: "snapshotRetentionLimit" }, { name: "retention 0", mutate: (p: P) => { p.snapshotRetentionLimit = 0; }, property: "snapshotRetentionLimit" }],
    unknowns: [{ name: "retention unknown", mutate: (p: P) => { p.snapshotRetentionLimit = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(elasticacheFailover), severity: "medium", types: [RG], baseline: redis,
    compliant: [{ name: "cluster mode with replicas", mutate: (p: P) => { delete p.numCacheClusters; p.numNodeGroups = 2; p.replicasPerNodeGroup = 1; } }],
    violations: [
        { name: "failover off", mutate: (p: P) => { p.automaticFailoverEnabled = false; }, property: "automaticFailoverEnabled" },
        { name: "multi-AZ omitted", mutate: (p: P) => { delete p.multiAzEnabled; }, property: "multiAzEnabled" },
        { name: "single node", mutate: (p: P) => { p.numCacheClusters = 1; }, property: "numCacheClusters" },
    ],
    unknowns: [{ name: "node count unknown", mutate: (p: P) => { p.numCacheClusters = UNKNOWN_STRING; } }, { name: "flag unknown", mutate: (p: P) => { p.multiAzEnabled = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(elasticacheMinorUpgrades), severity: "low", types: [RG, "aws:elasticache/cluster:Cluster"], baseline: redis,
    violations: [{ name: "disabled", mutate: (p: P) => { p.autoMinorVersionUpgrade = "false"; }, property: "autoMinorVersionUpgrade" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.autoMinorVersionUpgrade = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(kmsDeletionWindow), severity: "medium", types: ["aws:kms/key:Key"],
    baseline: { deletionWindowInDays: 30, enableKeyRotation: true },
    compliant: [{ name: "omitted = 30", mutate: (p: P) => { delete p.deletionWindowInDays; } }],
    violations: [{ name: "window below the configured minimum", mutate: (p: P) => { p.deletionWindowInDays = 10; }, property: "deletionWindowInDays" }, { name: "key disabled", mutate: (p: P) => { p.isEnabled = false; }, property: "isEnabled" }],
    unknowns: [{ name: "window unknown", mutate: (p: P) => { p.deletionWindowInDays = UNKNOWN_STRING; } }],
    config: { minimumDays: 14 },
});

describeResourcePolicy({
    policy: resourcePolicy(eventTargetDlq), severity: "low", types: ["aws:cloudwatch/eventTarget:EventTarget"],
    baseline: { rule: "r", arn: "arn:aws:sqs:us-east-1:1:work", deadLetterConfig: { arn: "arn:aws:sqs:us-east-1:1:work-dlq" } },
    violations: [{ name: "no DLQ", mutate: (p: P) => { delete p.deadLetterConfig; }, property: "deadLetterConfig.arn" }],
    unknowns: [{ name: "DLQ ARN unknown", mutate: (p: P) => { p.deadLetterConfig.arn = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(cfDefaultRootObject), severity: "low", types: ["aws:cloudfront/distribution:Distribution"],
    baseline: { enabled: true, defaultRootObject: "index.html" },
    violations: [{ name: "omitted", mutate: (p: P) => { delete p.defaultRootObject; }, property: "defaultRootObject" }],
    unknowns: [{ name: "unknown", mutate: (p: P) => { p.defaultRootObject = UNKNOWN_STRING; } }],
});

const LBS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
describeResourcePolicy({
    policy: resourcePolicy(lbDeletionProtection), severity: "low", types: LBS,
    baseline: { enableDeletionProtection: true, subnets: ["a", "b"] },
    violations: [{ name: "omitted", mutate: (p: P) => { delete p.enableDeletionProtection; }, property: "enableDeletionProtection" }],
    unknowns: [{ name: "unknown", mutate: (p: P) => { p.enableDeletionProtection = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(lbMultiAz), severity: "medium", types: LBS,
    baseline: { subnets: ["subnet-a", "subnet-b"] },
    compliant: [{ name: "subnet mappings", mutate: (p: P) => { delete p.subnets; p.subnetMappings = [{ subnetId: "a" }, { subnetId: "b" }]; } }],
    violations: [{ name: "one subnet", mutate: (p: P) => { p.subnets = ["subnet-a"]; }, property: "subnets" }, { name: "none", mutate: (p: P) => { delete p.subnets; }, property: "subnets" }],
    unknowns: [{ name: "subnets unknown", mutate: (p: P) => { p.subnets = UNKNOWN_ARRAY; } }, { name: "subnet ids unknown", mutate: (p: P) => { p.subnets = [UNKNOWN_STRING, UNKNOWN_STRING]; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(lbHealthCheck), severity: "low", types: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
    baseline: { port: 8080, protocol: "HTTP", healthCheck: { enabled: true, path: "/healthz" } },
    compliant: [{ name: "TCP target group not applicable", mutate: (p: P) => { p.protocol = "TCP"; delete p.healthCheck; } }],
    violations: [{ name: "no path", mutate: (p: P) => { delete p.healthCheck.path; }, property: "healthCheck.path" }, { name: "disabled", mutate: (p: P) => { p.healthCheck.enabled = false; }, property: "healthCheck.enabled" }],
    unknowns: [{ name: "health check unknown", mutate: (p: P) => { p.healthCheck = UNKNOWN_OBJECT; } }],
});

const EKS = "aws:eks/cluster:Cluster";
describeResourcePolicy({
    policy: resourcePolicy(eksSupportedVersion), severity: "medium", types: [EKS],
    baseline: { version: "1.33" },
    compliant: [{ name: "version omitted (latest)", mutate: (p: P) => { delete p.version; } }],
    violations: [{ name: "old version", mutate: (p: P) => { p.version = "1.29"; }, property: "version" }],
    unknowns: [{ name: "unknown", mutate: (p: P) => { p.version = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(eksDeletionProtection), severity: "low", types: [EKS],
    baseline: { deletionProtection: true, ...prodTags },
    compliant: [{ name: "dev cluster", mutate: (p: P) => { p.tagsAll.Environment = "dev"; delete p.deletionProtection; } }],
    violations: [{ name: "prod without protection", mutate: (p: P) => { delete p.deletionProtection; }, property: "deletionProtection" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.deletionProtection = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(eksNodegroupHa), severity: "low", types: ["aws:eks/nodeGroup:NodeGroup"],
    baseline: { clusterName: "c", subnetIds: ["a", "b"], scalingConfig: { minSize: 2, maxSize: 4, desiredSize: 2 } },
    violations: [{ name: "one subnet", mutate: (p: P) => { p.subnetIds = ["a"]; }, property: "subnetIds" }, { name: "minSize 1", mutate: (p: P) => { p.scalingConfig.minSize = 1; }, property: "scalingConfig.minSize" }],
    unknowns: [{ name: "subnets unknown", mutate: (p: P) => { p.subnetIds = UNKNOWN_ARRAY; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(secretRecoveryWindow), severity: "low", types: ["aws:secretsmanager/secret:Secret"],
    baseline: { name: "db", recoveryWindowInDays: 30 },
    violations: [{ name: "force delete", mutate: (p: P) => { p.recoveryWindowInDays = 0; }, property: "recoveryWindowInDays" }],
    unknowns: [{ name: "unknown", mutate: (p: P) => { p.recoveryWindowInDays = UNKNOWN_STRING; } }],
});

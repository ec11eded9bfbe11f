import type * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { isFalse, isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, arg, knownStrings, num, peek, peekArray } from "../../lib/stackJoins";
import { ENVIRONMENT_CONFIG, EnvironmentConfig, isProduction } from "./environment";
import { requireTrue } from "../../lib/checks";
import { isSet } from "../../lib/values";

/** Single-resource resilience rules: RDS, DynamoDB, ElastiCache, KMS, load balancers, EKS, Secrets, EventBridge, CloudFront. */

const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const RDS_INSTANCE = "aws:rds/instance:Instance";

interface RetentionConfig { minimumDays: number }

export const rdsBackupRetention: ResourceRule<RetentionConfig> = {
    id: "res-rds-backup-retention",
    description: "RDS / Aurora automated backups are kept at least 7 days (provider default is 1).",
    severity: "medium",
    remediation: "Set backupRetentionPeriod to 7 or more (35 max).",
    resourceTypes: [RDS_CLUSTER, RDS_INSTANCE],
    config: { schema: { minimumDays: { type: "number", description: "Minimum backup retention in days." } }, defaults: { minimumDays: 7 } },
    check(props, ctx) {
        const value = num(arg<aws.rds.ClusterArgs>(props, "backupRetentionPeriod"));
        if (ctx.type === RDS_INSTANCE && isSet(props, "replicateSourceDb")) {
            ctx.notApplicable("read replica (backups belong to the source)");
        }
        if (value !== UNKNOWN && (value === undefined || value < ctx.config.minimumDays)) {
            ctx.report({ property: "backupRetentionPeriod", value: value ?? ABSENT, expected: `>= ${ctx.config.minimumDays} (omitted means 1)` });
        }
    },
};

export const rdsDeletionProtection: ResourceRule = {
    id: "res-rds-deletion-protection",
    description: "RDS / Aurora deletion protection is on.",
    severity: "medium",
    remediation: "Set deletionProtection: true.",
    resourceTypes: [RDS_CLUSTER, RDS_INSTANCE],
    check(props, ctx) {
        requireTrue<aws.rds.ClusterArgs>(props, ctx, "deletionProtection");
    },
};

export const rdsFinalSnapshot: ResourceRule<EnvironmentConfig> = {
    id: "res-rds-final-snapshot",
    description: "Production Aurora clusters take a named final snapshot on deletion.",
    severity: "medium",
    remediation: "Set skipFinalSnapshot: false and finalSnapshotIdentifier in production.",
    resourceTypes: [RDS_CLUSTER],
    config: ENVIRONMENT_CONFIG,
    check(props, ctx) {
        if (!isProduction(props, ctx.stackTags, ctx.config.environments, ctx.providerProps)) {
            ctx.notApplicable("not a production environment");
        }
        const skip = arg<aws.rds.ClusterArgs>(props, "skipFinalSnapshot");
        if (isTrue(skip)) {
            ctx.report({ property: "skipFinalSnapshot", value: skip, expected: "false in production" });
        } else if (!isSet(props, "finalSnapshotIdentifier")) {
            ctx.report({ property: "finalSnapshotIdentifier", value: ABSENT, expected: "a final snapshot identifier" });
        }
    },
};

export const rdsMinorUpgrades: ResourceRule = {
    id: "res-rds-minor-upgrades",
    description: "RDS / Aurora minor version upgrades are not disabled.",
    severity: "low",
    remediation: "Leave autoMinorVersionUpgrade at true.",
    resourceTypes: [RDS_CLUSTER, "aws:rds/clusterInstance:ClusterInstance", RDS_INSTANCE],
    check(props, ctx) {
        const value = peek(props, "autoMinorVersionUpgrade");
        if (isFalse(value)) {
            ctx.report({ property: "autoMinorVersionUpgrade", value, expected: "true (the default)" });
        }
    },
};

const TABLE = "aws:dynamodb/table:Table";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";

export const dynamodbPitr: ResourceRule = {
    id: "res-dynamodb-pitr",
    description: "DynamoDB tables (and every replica) have point-in-time recovery.",
    severity: "high",
    remediation: "Set pointInTimeRecovery: { enabled: true } on the table and pointInTimeRecovery: true on each replica.",
    resourceTypes: [TABLE, TABLE_REPLICA],
    check(props, ctx) {
        if (ctx.type === TABLE_REPLICA) {
            const value = arg<aws.dynamodb.TableReplicaArgs>(props, "pointInTimeRecovery");
            if (value !== UNKNOWN && !isTrue(value)) {
                ctx.report({ property: "pointInTimeRecovery", value: value ?? ABSENT, expected: "true" });
            }
            return;
        }
        const pitr = arg<aws.dynamodb.TableArgs>(props, "pointInTimeRecovery");
        const enabled = peek(pitr, "enabled");
        if (pitr !== UNKNOWN && enabled !== UNKNOWN && !isTrue(enabled)) {
            ctx.report({ property: "pointInTimeRecovery.enabled", value: enabled ?? ABSENT, expected: "true" });
        }
        const replicas = peekArray(arg<aws.dynamodb.TableArgs>(props, "replicas"));
        if (replicas !== UNKNOWN) {
            replicas.forEach((replica, index) => {
                const value = peek(replica, "pointInTimeRecovery");
                if (value !== UNKNOWN && !isTrue(value)) {
                    ctx.report({ property: `replicas[${index}].pointInTimeRecovery`, value: value ?? ABSENT, expected: "true" });
                }
            });
        }
    },
};

export const dynamodbDeletionProtection: ResourceRule = {
    id: "res-dynamodb-deletion-protection",
    description: "DynamoDB tables (and replicas) have deletion protection.",
    severity: "medium",
    remediation: "Set deletionProtectionEnabled: true (and on each replica).",
    resourceTypes: [TABLE, TABLE_REPLICA],
    check(props, ctx) {
        const value = peek(props, "deletionProtectionEnabled");
        if (value !== UNKNOWN && !isTrue(value)) {
            ctx.report({ property: "deletionProtectionEnabled", value: value ?? ABSENT, expected: "true" });
        }
        const replicas = peekArray(peek(props, "replicas"));
        if (replicas !== UNKNOWN) {
            replicas.forEach((replica, index) => {
                const r = peek(replica, "deletionProtectionEnabled");
                if (isFalse(r)) {
                    ctx.report({ property: `replicas[${index}].deletionProtectionEnabled`, value: r, expected: "true" });
                }
            });
        }
    },
};

const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

export const elasticacheBackups: ResourceRule = {
    id: "res-elasticache-backups",
    description: "ElastiCache Redis/Valkey keeps automatic snapshots (retention >= 1 day; prefer 7).",
    severity: "medium",
    remediation: "Set snapshotRetentionLimit to 1 or more (7 recommended) and a snapshotWindow.",
    resourceTypes: [REPLICATION_GROUP, "aws:elasticache/serverlessCache:ServerlessCache"],
    check(props, ctx) {
        const engine = peek(props, "engine");
        if (engine === "memcached") {
            ctx.notApplicable("memcached has no snapshots");
        }
        const value = num(peek(props, "snapshotRetentionLimit"));
        if (value !== UNKNOWN && (value === undefined || value < 1)) {
            ctx.report({ property: "snapshotRetentionLimit", value: value ?? ABSENT, expected: ">= 1 (7 recommended)" });
        }
    },
};

export const elasticacheFailover: ResourceRule = {
    id: "res-elasticache-failover",
    description: "Redis replication groups fail over automatically across AZs with at least one replica.",
    severity: "medium",
    remediation: "Set automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters >= 2 (or replicasPerNodeGroup >= 1).",
    resourceTypes: [REPLICATION_GROUP],
    check(props, ctx) {
        for (const key of ["automaticFailoverEnabled", "multiAzEnabled"] as const) {
            const value = arg<aws.elasticache.ReplicationGroupArgs>(props, key);
            if (value !== UNKNOWN && !isTrue(value)) {
                ctx.report({ property: key, value: value ?? ABSENT, expected: "true" });
            }
        }
        const clusters = num(arg<aws.elasticache.ReplicationGroupArgs>(props, "numCacheClusters"));
        const replicas = num(arg<aws.elasticache.ReplicationGroupArgs>(props, "replicasPerNodeGroup"));
        if (clusters === UNKNOWN || replicas === UNKNOWN) {
            return;
        }
        if ((clusters ?? 1) < 2 && (replicas ?? 0) < 1) {
            ctx.report({ property: replicas !== undefined ? "replicasPerNodeGroup" : "numCacheClusters", value: replicas ?? clusters ?? ABSENT, expected: "numCacheClusters >= 2 or replicasPerNodeGroup >= 1" });
        }
    },
};

export const elasticacheMinorUpgrades: ResourceRule = {
    id: "res-elasticache-minor-upgrades",
    description: "ElastiCache minor version upgrades are not disabled.",
    severity: "low",
    remediation: "Leave autoMinorVersionUpgrade at true.",
    resourceTypes: [REPLICATION_GROUP, "aws:elasticache/cluster:Cluster"],
    check(props, ctx) {
        const value = peek(props, "autoMinorVersionUpgrade");
        if (isFalse(value)) {
            ctx.report({ property: "autoMinorVersionUpgrade", value, expected: "true (the default)" });
        }
    },
};

interface KmsWindowConfig { minimumDays: number }

export const kmsDeletionWindow: ResourceRule<KmsWindowConfig> = {
    id: "res-kms-deletion-window",
    description: "KMS keys keep a deletion waiting period (>= 7 days, 30 preferred) and are not disabled.",
    severity: "medium",
    remediation: "Set deletionWindowInDays (omitted = 30) to at least the configured minimum and leave isEnabled true.",
    resourceTypes: ["aws:kms/key:Key"],
    config: { schema: { minimumDays: { type: "number", description: "Minimum deletion window in days (7-30)." } }, defaults: { minimumDays: 7 } },
    check(props, ctx) {
        const window = num(arg<aws.kms.KeyArgs>(props, "deletionWindowInDays"));
        if (typeof window === "number" && window < ctx.config.minimumDays) {
            ctx.report({ property: "deletionWindowInDays", value: window, expected: `>= ${ctx.config.minimumDays}` });
        }
        const enabled = arg<aws.kms.KeyArgs>(props, "isEnabled");
        if (isFalse(enabled)) {
            ctx.report({ property: "isEnabled", value: enabled, expected: "true (a disabled key makes its data unreadable)" });
        }
    },
};

export const eventTargetDlq: ResourceRule = {
    id: "res-event-target-dlq",
    description: "EventBridge targets have a dead-letter queue for failed deliveries.",
    severity: "low",
    remediation: "Set deadLetterConfig: { arn: <SQS queue ARN> } (and a retryPolicy).",
    resourceTypes: ["aws:cloudwatch/eventTarget:EventTarget"],
    check(props, ctx) {
        const dlq = arg<aws.cloudwatch.EventTargetArgs>(props, "deadLetterConfig");
        if (dlq !== UNKNOWN && !isSet(dlq, "arn")) {
            ctx.report({ property: "deadLetterConfig.arn", value: ABSENT, expected: "an SQS dead-letter queue ARN" });
        }
    },
};

export const cfDefaultRootObject: ResourceRule = {
    id: "res-cf-default-root-object",
    description: "CloudFront distributions set a default root object.",
    severity: "low",
    remediation: "Set defaultRootObject (e.g. \"index.html\").",
    resourceTypes: ["aws:cloudfront/distribution:Distribution"],
    check(props, ctx) {
        if (!isSet(props, "defaultRootObject")) {
            ctx.report({ property: "defaultRootObject", value: ABSENT, expected: "an object key such as index.html" });
        }
    },
};

const LB_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

export const lbDeletionProtection: ResourceRule = {
    id: "res-lb-deletion-protection",
    description: "Load balancers have deletion protection.",
    severity: "low",
    remediation: "Set enableDeletionProtection: true.",
    resourceTypes: LB_TYPES,
    check(props, ctx) {
        requireTrue<aws.lb.LoadBalancerArgs>(props, ctx, "enableDeletionProtection");
    },
};

export const lbMultiAz: ResourceRule = {
    id: "res-lb-multi-az",
    description: "Load balancers span at least two subnets (AZs).",
    severity: "medium",
    remediation: "Pass subnets (or subnetMappings) from at least two availability zones.",
    resourceTypes: LB_TYPES,
    check(props, ctx) {
        const subnets = peekArray(arg<aws.lb.LoadBalancerArgs>(props, "subnets"));
        const mappings = peekArray(arg<aws.lb.LoadBalancerArgs>(props, "subnetMappings"));
        if (subnets === UNKNOWN || mappings === UNKNOWN) {
            return;
        }
        const count = Math.max(subnets.length, mappings.length);
        if (count < 2) {
            ctx.report({ property: mappings.length > 0 ? "subnetMappings" : "subnets", value: count === 0 ? ABSENT : `${count} subnet`, expected: ">= 2 subnets in distinct availability zones" });
        }
    },
};

export const lbHealthCheck: ResourceRule = {
    id: "res-lb-health-check",
    description: "HTTP(S) target groups have an enabled health check with an explicit path.",
    severity: "low",
    remediation: "Set healthCheck: { enabled: true, path: \"/healthz\", matcher: \"200\" }.",
    resourceTypes: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
    check(props, ctx) {
        const protocol = arg<aws.lb.TargetGroupArgs>(props, "protocol");
        const targetType = arg<aws.lb.TargetGroupArgs>(props, "targetType");
        if (targetType === "lambda" || (typeof protocol === "string" && !["HTTP", "HTTPS"].includes(protocol))) {
            ctx.notApplicable("not an HTTP(S) target group");
        }
        const health = arg<aws.lb.TargetGroupArgs>(props, "healthCheck");
        if (health === UNKNOWN) {
            return;
        }
        const enabled = peek(health, "enabled");
        if (isFalse(enabled)) {
            ctx.report({ property: "healthCheck.enabled", value: enabled, expected: "true" });
        } else if (!isSet(health, "path")) {
            ctx.report({ property: "healthCheck.path", value: ABSENT, expected: "an explicit health endpoint path" });
        }
    },
};

interface EksVersionConfig { minimumVersion: string }

function versionNumber(v: string): number | undefined {
    const m = /^(\d+)\.(\d+)/.exec(v);
    return m ? Number(m[1]) * 1000 + Number(m[2]) : undefined;
}

export const eksSupportedVersion: ResourceRule<EksVersionConfig> = {
    id: "res-eks-supported-version",
    description: "EKS clusters run a Kubernetes version at or above the supported floor (standard support).",
    severity: "medium",
    remediation: "Upgrade version to at least the configured minimumVersion (one minor at a time).",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    config: { schema: { minimumVersion: { type: "string", description: "Oldest Kubernetes minor version still in EKS standard support, e.g. 1.32." } }, defaults: { minimumVersion: "1.32" } },
    check(props, ctx) {
        const version = arg<aws.eks.ClusterArgs>(props, "version");
        const floor = versionNumber(ctx.config.minimumVersion);
        if (typeof version !== "string" || floor === undefined) {
            return; // omitted = latest version at creation
        }
        const current = versionNumber(version);
        if (current !== undefined && current < floor) {
            ctx.report({ property: "version", value: version, expected: `>= ${ctx.config.minimumVersion}` });
        }
    },
};

export const eksDeletionProtection: ResourceRule<EnvironmentConfig> = {
    id: "res-eks-deletion-protection",
    description: "Production EKS clusters have deletion protection.",
    severity: "low",
    remediation: "Set deletionProtection: true on production clusters.",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    config: ENVIRONMENT_CONFIG,
    check(props, ctx) {
        if (!isProduction(props, ctx.stackTags, ctx.config.environments, ctx.providerProps)) {
            ctx.notApplicable("not a production environment");
        }
        const value = arg<aws.eks.ClusterArgs>(props, "deletionProtection");
        if (value !== UNKNOWN && !isTrue(value)) {
            ctx.report({ property: "deletionProtection", value: value ?? ABSENT, expected: "true in production" });
        }
    },
};

export const eksNodegroupHa: ResourceRule = {
    id: "res-eks-nodegroup-ha",
    description: "Managed node groups span at least two subnets and keep at least two nodes.",
    severity: "low",
    remediation: "Pass subnetIds from >= 2 AZs and set scalingConfig.minSize >= 2.",
    resourceTypes: ["aws:eks/nodeGroup:NodeGroup"],
    check(props, ctx) {
        const subnetsRaw = arg<aws.eks.NodeGroupArgs>(props, "subnetIds");
        const subnets = peekArray(subnetsRaw);
        if (subnets !== UNKNOWN && subnets.length < 2) {
            ctx.report({ property: "subnetIds", value: knownStrings(subnetsRaw), expected: ">= 2 subnets in distinct AZs" });
        }
        const min = num(peek(arg<aws.eks.NodeGroupArgs>(props, "scalingConfig"), "minSize"));
        if (typeof min === "number" && min < 2) {
            ctx.report({ property: "scalingConfig.minSize", value: min, expected: ">= 2" });
        }
    },
};

export const secretRecoveryWindow: ResourceRule = {
    id: "res-secret-recovery-window",
    description: "Secrets keep a recovery window (recoveryWindowInDays not 0).",
    severity: "low",
    remediation: "Leave recoveryWindowInDays at 7-30 (default 30); 0 deletes immediately.",
    resourceTypes: ["aws:secretsmanager/secret:Secret"],
    check(props, ctx) {
        const value = num(arg<aws.secretsmanager.SecretArgs>(props, "recoveryWindowInDays"));
        if (value === 0) {
            ctx.report({ property: "recoveryWindowInDays", value, expected: "7-30" });
        }
    },
};

export const resilienceResourcePolicies: ResourceValidationPolicy[] = [
    resourcePolicy(rdsBackupRetention),
    resourcePolicy(rdsDeletionProtection),
    resourcePolicy(rdsFinalSnapshot),
    resourcePolicy(rdsMinorUpgrades),
    resourcePolicy(dynamodbPitr),
    resourcePolicy(dynamodbDeletionProtection),
    resourcePolicy(elasticacheBackups),
    resourcePolicy(elasticacheFailover),
    resourcePolicy(elasticacheMinorUpgrades),
    resourcePolicy(kmsDeletionWindow),
    resourcePolicy(eventTargetDlq),
    resourcePolicy(cfDefaultRootObject),
    resourcePolicy(lbDeletionProtection),
    resourcePolicy(lbMultiAz),
    resourcePolicy(lbHealthCheck),
    resourcePolicy(eksSupportedVersion),
    resourcePolicy(eksDeletionProtection),
    resourcePolicy(eksNodegroupHa),
    resourcePolicy(secretRecoveryWindow),
];

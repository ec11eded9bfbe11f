/**
 * The validated `platform:data` slice: what the data tier (infra/components/data) receives.
 * Shapes mirror infra/config/dataSchema.ts; the schema is the source of the defaults.
 */
export type CacheEngine = "valkey" | "redis";
export type DynamoAttributeType = "S" | "N" | "B";
export type DynamoBillingMode = "PAY_PER_REQUEST" | "PROVISIONED";
export type DynamoProjection = "ALL" | "KEYS_ONLY" | "INCLUDE";
export type DynamoStreamView = "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" | "KEYS_ONLY";
export type EfsTransition = "AFTER_7_DAYS" | "AFTER_14_DAYS" | "AFTER_30_DAYS" | "AFTER_60_DAYS" | "AFTER_90_DAYS";
export type VaultLockMode = "governance" | "compliance";
/** Which of the plan's rules back up the DynamoDB tables ("weekly": PITR covers the last 35 days). */
export type TableBackupRules = "daily-and-weekly" | "weekly";

export interface AuroraServerlessConfig {
    /** 0 lets an idle instance pause (no ACU charge while paused). */
    readonly minCapacity: number;
    readonly maxCapacity: number;
    /** How long an instance at 0 ACU stays idle before it pauses (only used when minCapacity is 0). */
    readonly secondsUntilAutoPause: number;
}

export interface AuroraReaderAutoScalingConfig {
    readonly enabled: boolean;
    readonly maxReaders: number;
    readonly targetCpuPercent: number;
}

export interface AuroraConfig {
    readonly enabled: boolean;
    readonly engineVersion: string;
    readonly databaseName: string;
    readonly masterUsername: string;
    /** `db.serverless` (Serverless v2) or a provisioned class such as db.r6g.large. */
    readonly writerInstanceClass: string;
    readonly readerInstanceClass: string;
    /** Readers besides the writer; each goes to another zone than the writer. */
    readonly readers: number;
    readonly serverless: AuroraServerlessConfig;
    readonly readerAutoScaling: AuroraReaderAutoScalingConfig;
    readonly backupRetentionDays: number;
    /** hh:mm-hh:mm UTC, daily. */
    readonly preferredBackupWindow: string;
    /** ddd:hh:mm-ddd:hh:mm UTC, weekly. */
    readonly preferredMaintenanceWindow: string;
    readonly logRetentionInDays: number;
    readonly logMinDurationStatementMs: number;
    readonly performanceInsightsRetentionDays: number;
}

export interface DynamoAttributeConfig {
    readonly name: string;
    readonly type: DynamoAttributeType;
}

export interface DynamoIndexConfig {
    readonly name: string;
    readonly hashKey: string;
    readonly rangeKey?: string;
    readonly projectionType: DynamoProjection;
    readonly nonKeyAttributes: readonly string[];
}

export interface DynamoTableConfig {
    readonly name: string;
    readonly hashKey: string;
    readonly rangeKey?: string;
    readonly attributes: readonly DynamoAttributeConfig[];
    readonly billingMode: DynamoBillingMode;
    /** Provisioned mode: the initial and minimum capacity auto scaling keeps. */
    readonly readCapacity?: number;
    readonly writeCapacity?: number;
    readonly globalSecondaryIndexes: readonly DynamoIndexConfig[];
    readonly ttlAttribute?: string;
    readonly streamViewType?: DynamoStreamView;
    /** A global-table replica in data.replicaRegion. */
    readonly replicated: boolean;
}

export interface DynamoAutoScalingConfig {
    readonly maxCapacity: number;
    readonly targetUtilizationPercent: number;
}

export interface DynamoConfig {
    readonly tables: readonly DynamoTableConfig[];
    readonly autoScaling: DynamoAutoScalingConfig;
}

export interface CacheConfig {
    readonly enabled: boolean;
    readonly engine: CacheEngine;
    readonly engineVersion: string;
    readonly nodeType: string;
    readonly clusterMode: boolean;
    /** Node groups; 1 unless cluster mode is on. */
    readonly shards: number;
    readonly replicasPerShard: number;
    readonly snapshotRetentionDays: number;
    /** hh:mm-hh:mm UTC. */
    readonly snapshotWindow: string;
    /** ddd:hh:mm-ddd:hh:mm UTC. */
    readonly maintenanceWindow: string;
    readonly logRetentionInDays: number;
}

export interface EfsAccessPointConfig {
    readonly name: string;
    readonly path: string;
    readonly uid: number;
    readonly gid: number;
    readonly permissions: string;
}

export interface EfsConfig {
    readonly enabled: boolean;
    readonly transitionToInfrequentAccess: EfsTransition;
    readonly accessPoints: readonly EfsAccessPointConfig[];
}

export interface BucketLifecycleConfig {
    readonly transitionToInfrequentAccessDays: number;
    readonly transitionToGlacierDays?: number;
    readonly expirationDays?: number;
    readonly noncurrentVersionExpirationDays: number;
}

export interface AppBucketConfig {
    readonly name: string;
    readonly lifecycle: BucketLifecycleConfig;
    readonly eventBridge: boolean;
    /** Cross-region replication to data.replicaRegion. */
    readonly replicated: boolean;
}

export interface VaultLockConfig {
    readonly enabled: boolean;
    /** compliance becomes irreversible once changeableForDays have passed. */
    readonly mode: VaultLockMode;
    readonly minRetentionDays: number;
    readonly maxRetentionDays: number;
    readonly changeableForDays: number;
}

export interface RestoreTestingConfig {
    readonly enabled: boolean;
    readonly scheduleExpression: string;
    readonly validationWindowHours: number;
}

/**
 * The tables' share of AWS Backup. DynamoDB backups are full copies every time, so a stack may back
 * its tables up less often, or copy them to the replica Region less, than the cluster.
 */
export interface TableBackupConfig {
    readonly rules: TableBackupRules;
    /** Resolved: the plan's copyToReplicaRegion when the stack does not set it. */
    readonly copyToReplicaRegion: boolean;
}

export interface BackupConfig {
    readonly enabled: boolean;
    readonly dailySchedule: string;
    readonly dailyRetentionDays: number;
    readonly weeklySchedule: string;
    readonly weeklyRetentionDays: number;
    readonly copyToReplicaRegion: boolean;
    readonly vaultLock: VaultLockConfig;
    readonly restoreTesting: RestoreTestingConfig;
    /** Equal to the plan's choice (the default): the tables share the plan and the "data" selection. */
    readonly tables: TableBackupConfig;
}

export interface WorkloadAccessConfig {
    readonly workload: string;
    /** Aurora user the workload connects as with an IAM auth token. */
    readonly databaseUser?: string;
    readonly tables: readonly string[];
    readonly cache: boolean;
    readonly buckets: readonly string[];
}

export interface DataConfig {
    /** Region for global-table replicas, bucket replicas and backup copies. */
    readonly replicaRegion?: string;
    readonly aurora: AuroraConfig;
    readonly dynamodb: DynamoConfig;
    readonly cache: CacheConfig;
    readonly efs: EfsConfig;
    readonly buckets: readonly AppBucketConfig[];
    readonly backup: BackupConfig;
    readonly access: readonly WorkloadAccessConfig[];
}

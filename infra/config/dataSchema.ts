import { z } from "zod";
import { RESTORE_TEST_SELECTION_WINDOW_DAYS, runsPerDayOf } from "./scheduleFrequency";
import type { StackConfig } from "./schema";
import { distinctList, flag, integerBetween, oneOf, oneOfNumbers, strictObject, textMatching } from "./fieldTypes";
import type { DataConfig, TableBackupConfig } from "./dataConfig";

/**
 * `platform:data`: the data tier (Aurora PostgreSQL, DynamoDB, ElastiCache, EFS, application
 * buckets, AWS Backup and per-workload access). Field checks live here; checks that span fields
 * or keys are in checkData(), called from the stack schema's superRefine.
 */

/** CloudWatch Logs retention values (the same list as schema.ts, kept here to avoid an import cycle). */
const LOG_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * Aurora PostgreSQL versions offered in us-east-1 that this program supports, as listed by
 * `aws rds describe-db-engine-versions --engine aurora-postgresql` on the date below. Every entry
 * supports Serverless v2 scaling to 0 ACU (14.12+, 15.7+, 16.3+, 17.x). Extend the list (and the
 * date) when AWS adds a version; remove versions AWS deprecates.
 */
export const AURORA_POSTGRESQL_VERSIONS = {
    asOf: "2025-11",
    versions: ["14.15", "14.17", "15.10", "15.12", "16.6", "16.8", "17.4", "17.5"],
} as const;

/** ElastiCache engine versions per engine (same date); IAM-authenticated RBAC users need Valkey 7.2+ / Redis 7+. */
export const CACHE_ENGINE_VERSIONS = {
    asOf: "2025-11",
    versions: { valkey: ["7.2", "8.0", "8.1"], redis: ["7.0", "7.1"] },
} as const;

const IDENTIFIER = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const IDENTIFIER_ALLOWED = "2 to 32 lower-case letters, digits or hyphens, starting with a letter";
const DYNAMO_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const DYNAMO_NAME_ALLOWED = "1 to 64 letters, digits, _ . -";
const DAILY_WINDOW = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const WEEKLY_WINDOW = /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/;
const CRON = /^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/;
const CRON_ALLOWED = "an AWS cron expression with six fields, such as cron(0 7 * * ? *)";
const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

const dailyWindow = () => textMatching(DAILY_WINDOW, "a daily UTC window hh:mm-hh:mm, such as 03:00-04:00");
const weeklyWindow = () => textMatching(WEEKLY_WINDOW, "a weekly UTC window ddd:hh:mm-ddd:hh:mm, such as sun:05:00-sun:06:00");
const instanceClass = () => textMatching(/^db\.(serverless|[a-z0-9]+\.[a-z0-9]+)$/, "db.serverless or an instance class such as db.r6g.large");

const auroraSchema = strictObject({
    enabled: flag().default(true),
    engineVersion: oneOf(AURORA_POSTGRESQL_VERSIONS.versions).default("16.8"),
    databaseName: textMatching(/^[a-z][a-z0-9_]{0,62}$/, "1 to 63 lower-case letters, digits or _, starting with a letter").default("app"),
    masterUsername: textMatching(/^(?!(postgres|admin|root|rdsadmin)$)[a-z][a-z0-9_]{0,15}$/, "1 to 16 lower-case letters, digits or _, not postgres, admin, root or rdsadmin").default("platform_admin"),
    writerInstanceClass: instanceClass().default("db.serverless"),
    readerInstanceClass: instanceClass().default("db.serverless"),
    readers: integerBetween(0, 15).default(1),
    serverless: strictObject({
        minCapacity: z.number({ error: "a number of ACUs from 0 to 256 in steps of 0.5" })
            .refine((n: number) => n >= 0 && n <= 256 && Number.isInteger(n * 2), { error: "a number of ACUs from 0 to 256 in steps of 0.5" }).default(0.5),
        maxCapacity: z.number({ error: "a number of ACUs from 1 to 256 in steps of 0.5" })
            .refine((n: number) => n >= 1 && n <= 256 && Number.isInteger(n * 2), { error: "a number of ACUs from 1 to 256 in steps of 0.5" }).default(8),
        secondsUntilAutoPause: integerBetween(300, 86400).default(300),
    }).default({ minCapacity: 0.5, maxCapacity: 8, secondsUntilAutoPause: 300 }),
    readerAutoScaling: strictObject({
        enabled: flag().default(false),
        maxReaders: integerBetween(1, 15).default(3),
        targetCpuPercent: integerBetween(20, 90).default(70),
    }).default({ enabled: false, maxReaders: 3, targetCpuPercent: 70 }),
    backupRetentionDays: integerBetween(1, 35).default(7),
    preferredBackupWindow: dailyWindow().default("03:00-04:00"),
    preferredMaintenanceWindow: weeklyWindow().default("sun:05:00-sun:06:00"),
    logRetentionInDays: oneOfNumbers(LOG_RETENTION_DAYS).default(365),
    logMinDurationStatementMs: integerBetween(100, 60000).default(1000),
    performanceInsightsRetentionDays: oneOfNumbers([7, 31, 93, 186, 372, 731]).default(7),
});

const attributeSchema = strictObject({
    name: textMatching(DYNAMO_NAME, DYNAMO_NAME_ALLOWED),
    type: oneOf(["S", "N", "B"]),
});

const indexSchema = strictObject({
    name: textMatching(/^[A-Za-z0-9_.-]{3,64}$/, "3 to 64 letters, digits, _ . -"),
    hashKey: textMatching(DYNAMO_NAME, DYNAMO_NAME_ALLOWED),
    rangeKey: textMatching(DYNAMO_NAME, DYNAMO_NAME_ALLOWED).optional(),
    projectionType: oneOf(["ALL", "KEYS_ONLY", "INCLUDE"]).default("ALL"),
    nonKeyAttributes: z.array(textMatching(DYNAMO_NAME, DYNAMO_NAME_ALLOWED), { error: "a list of attribute names" }).default([]),
});

const tableSchema = strictObject({
    name: textMatching(/^[a-z][a-z0-9-]{1,40}$/, "2 to 41 lower-case letters, digits or hyphens, starting with a letter"),
    hashKey: textMatching(DYNAMO_NAME, DYNAMO_NAME_ALLOWED),
    rangeKey: textMatching(DYNAMO_NAME, DYNAMO_NAME_ALLOWED).optional(),
    attributes: distinctList(attributeSchema, (a: { name: string }) => a.name, "a list of { name, type } key attributes"),
    billingMode: oneOf(["PAY_PER_REQUEST", "PROVISIONED"]).default("PAY_PER_REQUEST"),
    readCapacity: integerBetween(1, 40000).optional(),
    writeCapacity: integerBetween(1, 40000).optional(),
    globalSecondaryIndexes: distinctList(indexSchema, (i: { name: string }) => i.name, "a list of global secondary indexes").default([]),
    ttlAttribute: textMatching(DYNAMO_NAME, DYNAMO_NAME_ALLOWED).optional(),
    streamViewType: oneOf(["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"]).optional(),
    replicated: flag().default(false),
});

const dynamodbSchema = strictObject({
    tables: distinctList(tableSchema, (t: { name: string }) => t.name, "a list of tables").default([]),
    autoScaling: strictObject({
        maxCapacity: integerBetween(1, 40000).default(100),
        targetUtilizationPercent: integerBetween(20, 90).default(70),
    }).default({ maxCapacity: 100, targetUtilizationPercent: 70 }),
});

const cacheSchema = strictObject({
    enabled: flag().default(true),
    engine: oneOf(["valkey", "redis"]).default("valkey"),
    engineVersion: textMatching(/^\d+\.\d+$/, "a major.minor engine version such as 8.0").default("8.0"),
    nodeType: textMatching(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, "a node type such as cache.t4g.micro").default("cache.r7g.large"),
    clusterMode: flag().default(false),
    shards: integerBetween(1, 500).default(1),
    replicasPerShard: integerBetween(0, 5).default(1),
    snapshotRetentionDays: integerBetween(0, 35).default(7),
    snapshotWindow: dailyWindow().default("04:00-05:00"),
    maintenanceWindow: weeklyWindow().default("sun:06:00-sun:07:00"),
    logRetentionInDays: oneOfNumbers(LOG_RETENTION_DAYS).default(365),
});

const accessPointSchema = strictObject({
    name: textMatching(IDENTIFIER, IDENTIFIER_ALLOWED),
    path: textMatching(/^\/[A-Za-z0-9_./-]{1,99}$/, "an absolute path such as /shared/reports"),
    uid: integerBetween(0, 4294967295),
    gid: integerBetween(0, 4294967295),
    permissions: textMatching(/^[0-7]{3,4}$/, "octal permissions such as 750").default("750"),
});

const efsSchema = strictObject({
    enabled: flag().default(true),
    transitionToInfrequentAccess: oneOf(["AFTER_7_DAYS", "AFTER_14_DAYS", "AFTER_30_DAYS", "AFTER_60_DAYS", "AFTER_90_DAYS"]).default("AFTER_30_DAYS"),
    accessPoints: distinctList(accessPointSchema, (a: { name: string }) => a.name, "a list of access points").default([]),
});

const bucketSchema = strictObject({
    name: textMatching(IDENTIFIER, IDENTIFIER_ALLOWED),
    lifecycle: strictObject({
        transitionToInfrequentAccessDays: integerBetween(30, 3650).default(30),
        transitionToGlacierDays: integerBetween(31, 3650).optional(),
        expirationDays: integerBetween(1, 36500).optional(),
        noncurrentVersionExpirationDays: integerBetween(1, 3650).default(90),
    }).default({ transitionToInfrequentAccessDays: 30, noncurrentVersionExpirationDays: 90 }),
    eventBridge: flag().default(true),
    replicated: flag().default(false),
});

/** Rule sets the tables may take: the plan's two rules (today's behaviour), or only the weekly one. */
const TABLE_BACKUP_RULES = ["daily-and-weekly", "weekly"] as const;

/**
 * backup.tables. Optional with no default object: an unset key keeps the tables on the plan, and the
 * tables' copy setting follows the plan's (resolveTableBackup), which a fixed default could not express.
 */
const tableBackupSchema = strictObject({
    rules: oneOf(TABLE_BACKUP_RULES).default("daily-and-weekly"),
    copyToReplicaRegion: flag().optional(),
});

const backupSchema = strictObject({
    enabled: flag().default(true),
    dailySchedule: textMatching(CRON, CRON_ALLOWED).default("cron(0 7 * * ? *)"),
    dailyRetentionDays: integerBetween(1, 36500).default(35),
    weeklySchedule: textMatching(CRON, CRON_ALLOWED).default("cron(0 8 ? * SUN *)"),
    weeklyRetentionDays: integerBetween(1, 36500).default(90),
    copyToReplicaRegion: flag().default(false),
    vaultLock: strictObject({
        enabled: flag().default(false),
        mode: oneOf(["governance", "compliance"]).default("governance"),
        minRetentionDays: integerBetween(1, 36500).default(7),
        maxRetentionDays: integerBetween(1, 36500).default(365),
        changeableForDays: integerBetween(3, 36500).default(3),
    }).default({ enabled: false, mode: "governance", minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: 3 }),
    restoreTesting: strictObject({
        enabled: flag().default(true),
        scheduleExpression: textMatching(CRON, CRON_ALLOWED).default("cron(0 10 ? * SAT *)"),
        validationWindowHours: integerBetween(1, 168).default(24),
    }).default({ enabled: true, scheduleExpression: "cron(0 10 ? * SAT *)", validationWindowHours: 24 }),
    tables: tableBackupSchema.optional(),
});

const accessSchema = strictObject({
    workload: textMatching(IDENTIFIER, IDENTIFIER_ALLOWED),
    databaseUser: textMatching(/^(?!(postgres|rdsadmin)$)[a-z][a-z0-9_]{0,62}$/, "a PostgreSQL role name of lower-case letters, digits or _ (not postgres or rdsadmin)").optional(),
    tables: z.array(textMatching(/^[a-z][a-z0-9-]{1,40}$/, "table names from data.dynamodb.tables"), { error: "a list of table names" }).default([]),
    cache: flag().default(false),
    buckets: z.array(textMatching(IDENTIFIER, "bucket names from data.buckets"), { error: "a list of bucket names" }).default([]),
});

export const dataSchema = strictObject({
    replicaRegion: textMatching(REGION_PATTERN, "an AWS region name such as us-west-2").optional(),
    aurora: auroraSchema.default(auroraSchema.parse({})),
    dynamodb: dynamodbSchema.default(dynamodbSchema.parse({})),
    cache: cacheSchema.default(cacheSchema.parse({})),
    efs: efsSchema.default(efsSchema.parse({})),
    buckets: distinctList(bucketSchema, (b: { name: string }) => b.name, "a list of buckets").default([]),
    backup: backupSchema.default(backupSchema.parse({})),
    access: distinctList(accessSchema, (a: { workload: string }) => a.workload, "a list of workload access entries").default([]),
});

export type DataSchemaOutput = z.output<typeof dataSchema>;

/** The tables' backup choice with the defaults filled in: the plan's rules and the plan's copy setting. */
function resolveTableBackup(backup: DataSchemaOutput["backup"]): TableBackupConfig {
    return {
        rules: backup.tables?.rules ?? "daily-and-weekly",
        copyToReplicaRegion: backup.tables?.copyToReplicaRegion ?? backup.copyToReplicaRegion,
    };
}

/** The validated platform:data slice as the data tier receives it (defaults that depend on other keys resolved). */
export function resolveData(data: DataSchemaOutput): DataConfig {
    return { ...data, backup: { ...data.backup, tables: resolveTableBackup(data.backup) } };
}

type Ctx = z.RefinementCtx<StackConfig>;
const KEY = "platform:data";

function problem(ctx: Ctx, path: (string | number)[], input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path: [KEY, ...path], input, message: allowed });
}

/** Cross-field rules of platform:data; every problem is reported, none stops the others. */
export function checkData(config: StackConfig, ctx: Ctx): void {
    const data: DataSchemaOutput = config["platform:data"];
    const production: boolean = config["platform:environment"] === "prod";
    checkReplicaRegion(data, config["aws:region"], ctx);
    checkAurora(data, production, ctx);
    checkTables(data, ctx);
    checkCache(data, production, ctx);
    checkBuckets(data, ctx);
    checkBackup(data, production, ctx);
    checkAccess(data, ctx);
    checkAccessWorkloads(data, config["platform:compute"].workloadIdentities.map((w: { name: string }) => w.name), ctx);
}

/** Grants attach to the workload's Pod Identity role, so the workload must be declared in platform:compute. */
function checkAccessWorkloads(data: DataSchemaOutput, workloads: readonly string[], ctx: Ctx): void {
    data.access.forEach((entry, index: number) => {
        if (!workloads.includes(entry.workload)) {
            problem(ctx, ["access", index, "workload"], entry.workload,
                `a workload of platform:compute.workloadIdentities (${workloads.join(", ") || "none declared"}), whose Pod Identity role receives the grants`);
        }
    });
}

function checkReplicaRegion(data: DataSchemaOutput, region: string, ctx: Ctx): void {
    if (data.replicaRegion === region) {
        problem(ctx, ["replicaRegion"], data.replicaRegion, `a region other than the stack's region ${region}`);
    }
}

function checkAurora(data: DataSchemaOutput, production: boolean, ctx: Ctx): void {
    const aurora = data.aurora;
    if (!aurora.enabled) {
        return;
    }
    const { minCapacity, maxCapacity } = aurora.serverless;
    if (minCapacity > maxCapacity) {
        problem(ctx, ["aurora", "serverless", "minCapacity"], minCapacity, `at most serverless.maxCapacity (${maxCapacity})`);
    }
    if (production && aurora.readers < 1) {
        problem(ctx, ["aurora", "readers"], aurora.readers, "at least 1 when platform:environment is prod (a single-instance cluster has no failover target)");
    }
    if (aurora.readerAutoScaling.enabled && aurora.readerAutoScaling.maxReaders < Math.max(1, aurora.readers)) {
        problem(ctx, ["aurora", "readerAutoScaling", "maxReaders"], aurora.readerAutoScaling.maxReaders, `at least readers (${aurora.readers})`);
    }
    if (windowsOverlap(aurora.preferredBackupWindow, aurora.preferredMaintenanceWindow)) {
        problem(ctx, ["aurora", "preferredMaintenanceWindow"], aurora.preferredMaintenanceWindow,
            `a window that does not overlap preferredBackupWindow (${aurora.preferredBackupWindow})`);
    }
}

function checkTables(data: DataSchemaOutput, ctx: Ctx): void {
    data.dynamodb.tables.forEach((table, index: number) => {
        const declared = new Set<string>(table.attributes.map((a) => a.name));
        const allowed = `an attribute declared in attributes (${[...declared].join(", ") || "none"})`;
        const requireDeclared = (path: (string | number)[], name: string | undefined): void => {
            if (name !== undefined && !declared.has(name)) {
                problem(ctx, ["dynamodb", "tables", index, ...path], name, allowed);
            }
        };
        requireDeclared(["hashKey"], table.hashKey);
        requireDeclared(["rangeKey"], table.rangeKey);
        table.globalSecondaryIndexes.forEach((gsi, gsiIndex: number) => {
            requireDeclared(["globalSecondaryIndexes", gsiIndex, "hashKey"], gsi.hashKey);
            requireDeclared(["globalSecondaryIndexes", gsiIndex, "rangeKey"], gsi.rangeKey);
            if (gsi.projectionType !== "INCLUDE" && gsi.nonKeyAttributes.length > 0) {
                problem(ctx, ["dynamodb", "tables", index, "globalSecondaryIndexes", gsiIndex, "nonKeyAttributes"], gsi.nonKeyAttributes, "empty unless projectionType is INCLUDE");
            }
        });
        // DynamoDB rejects attribute definitions no key or index uses.
        const used = new Set<string>([table.hashKey, table.rangeKey, ...table.globalSecondaryIndexes.flatMap((g) => [g.hashKey, g.rangeKey])]
            .filter((n): n is string => n !== undefined));
        table.attributes.forEach((attribute, attributeIndex: number) => {
            if (!used.has(attribute.name)) {
                problem(ctx, ["dynamodb", "tables", index, "attributes", attributeIndex], attribute, "only attributes used by the table's or an index's keys (DynamoDB rejects the others)");
            }
        });
        if (table.billingMode === "PROVISIONED" && (table.readCapacity === undefined || table.writeCapacity === undefined)) {
            problem(ctx, ["dynamodb", "tables", index, "billingMode"], table.billingMode, "PAY_PER_REQUEST, or PROVISIONED with readCapacity and writeCapacity");
        }
        if (table.billingMode === "PAY_PER_REQUEST" && (table.readCapacity !== undefined || table.writeCapacity !== undefined)) {
            problem(ctx, ["dynamodb", "tables", index, "readCapacity"], table.readCapacity ?? table.writeCapacity, "no capacities with PAY_PER_REQUEST");
        }
        if (table.replicated && data.replicaRegion === undefined) {
            problem(ctx, ["dynamodb", "tables", index, "replicated"], true, "true only when data.replicaRegion is set");
        }
        if (table.replicated && table.streamViewType !== undefined && table.streamViewType !== "NEW_AND_OLD_IMAGES") {
            problem(ctx, ["dynamodb", "tables", index, "streamViewType"], table.streamViewType, "NEW_AND_OLD_IMAGES (or unset) for a replicated table");
        }
    });
}

function checkCache(data: DataSchemaOutput, production: boolean, ctx: Ctx): void {
    const cache = data.cache;
    if (!cache.enabled) {
        return;
    }
    const versions: readonly string[] = CACHE_ENGINE_VERSIONS.versions[cache.engine];
    if (!versions.includes(cache.engineVersion)) {
        problem(ctx, ["cache", "engineVersion"], cache.engineVersion, `one of ${versions.join(", ")} for ${cache.engine} (offered as of ${CACHE_ENGINE_VERSIONS.asOf})`);
    }
    if (!cache.clusterMode && cache.shards !== 1) {
        problem(ctx, ["cache", "shards"], cache.shards, "1 unless clusterMode is true");
    }
    if (production && cache.replicasPerShard < 1) {
        problem(ctx, ["cache", "replicasPerShard"], cache.replicasPerShard, "at least 1 when platform:environment is prod (automatic failover needs a replica)");
    }
    if (production && cache.snapshotRetentionDays === 0) {
        problem(ctx, ["cache", "snapshotRetentionDays"], 0, "at least 1 when platform:environment is prod (0 turns snapshots off)");
    }
    if (windowsOverlap(cache.snapshotWindow, cache.maintenanceWindow)) {
        problem(ctx, ["cache", "maintenanceWindow"], cache.maintenanceWindow, `a window that does not overlap snapshotWindow (${cache.snapshotWindow})`);
    }
}

function checkBuckets(data: DataSchemaOutput, ctx: Ctx): void {
    data.buckets.forEach((bucket, index: number) => {
        const { transitionToInfrequentAccessDays: ia, transitionToGlacierDays: glacier, expirationDays } = bucket.lifecycle;
        if (glacier !== undefined && glacier <= ia) {
            problem(ctx, ["buckets", index, "lifecycle", "transitionToGlacierDays"], glacier, `more than transitionToInfrequentAccessDays (${ia})`);
        }
        const last: number = glacier ?? ia;
        if (expirationDays !== undefined && expirationDays <= last) {
            problem(ctx, ["buckets", index, "lifecycle", "expirationDays"], expirationDays, `more than the last transition (${last} days)`);
        }
        if (bucket.replicated && data.replicaRegion === undefined) {
            problem(ctx, ["buckets", index, "replicated"], true, "true only when data.replicaRegion is set");
        }
    });
}

/**
 * Restore tests restore the latest recovery point of the last RESTORE_TEST_SELECTION_WINDOW_DAYS:
 * whatever backs a resource up must run at least that often, or its restore test finds nothing. The
 * tables' rules are the plan's unless backup.tables.rules narrows them to the weekly one.
 */
function checkRestoreTestCadence(backup: DataSchemaOutput["backup"], ctx: Ctx): void {
    if (!backup.restoreTesting.enabled) {
        return;
    }
    const oftenEnough = (schedules: readonly string[]): boolean => Math.max(...schedules.map(runsPerDayOf)) * RESTORE_TEST_SELECTION_WINDOW_DAYS >= 1;
    const window = `restore tests pick the latest recovery point of the last ${RESTORE_TEST_SELECTION_WINDOW_DAYS} days`;
    if (!oftenEnough([backup.dailySchedule, backup.weeklySchedule])) {
        problem(ctx, ["backup", "dailySchedule"], backup.dailySchedule, `a schedule that runs at least every ${RESTORE_TEST_SELECTION_WINDOW_DAYS} days while restore testing is on (${window})`);
    } else if (backup.tables?.rules === "weekly" && !oftenEnough([backup.weeklySchedule])) {
        problem(ctx, ["backup", "weeklySchedule"], backup.weeklySchedule, `a schedule that runs at least every ${RESTORE_TEST_SELECTION_WINDOW_DAYS} days while backup.tables.rules is weekly and restore testing is on (${window})`);
    }
}

function checkBackup(data: DataSchemaOutput, production: boolean, ctx: Ctx): void {
    const backup = data.backup;
    if (production && !backup.enabled) {
        problem(ctx, ["backup", "enabled"], false, "true when platform:environment is prod");
    }
    if (!backup.enabled) {
        return;
    }
    if (backup.copyToReplicaRegion && data.replicaRegion === undefined) {
        problem(ctx, ["backup", "copyToReplicaRegion"], true, "true only when data.replicaRegion is set");
    }
    // The tables' copies go to the plan's replica vault, which exists only when the plan copies.
    if (backup.tables?.copyToReplicaRegion === true && (!backup.copyToReplicaRegion || data.replicaRegion === undefined)) {
        problem(ctx, ["backup", "tables", "copyToReplicaRegion"], true, "true only when backup.copyToReplicaRegion is true and data.replicaRegion is set");
    }
    checkRestoreTestCadence(backup, ctx);
    const lock = backup.vaultLock;
    if (lock.enabled) {
        if (lock.minRetentionDays > lock.maxRetentionDays) {
            problem(ctx, ["backup", "vaultLock", "minRetentionDays"], lock.minRetentionDays, `at most maxRetentionDays (${lock.maxRetentionDays})`);
        }
        for (const key of ["dailyRetentionDays", "weeklyRetentionDays"] as const) {
            if (backup[key] < lock.minRetentionDays || backup[key] > lock.maxRetentionDays) {
                problem(ctx, ["backup", key], backup[key], `from vaultLock.minRetentionDays (${lock.minRetentionDays}) to vaultLock.maxRetentionDays (${lock.maxRetentionDays}); the locked vault rejects other recovery points`);
            }
        }
    }
}

function checkAccess(data: DataSchemaOutput, ctx: Ctx): void {
    const tables = new Set<string>(data.dynamodb.tables.map((t) => t.name));
    const buckets = new Set<string>(data.buckets.map((b) => b.name));
    data.access.forEach((entry, index: number) => {
        entry.tables.forEach((table: string, tableIndex: number) => {
            if (!tables.has(table)) {
                problem(ctx, ["access", index, "tables", tableIndex], table, `a table of data.dynamodb.tables (${[...tables].join(", ") || "none"})`);
            }
        });
        entry.buckets.forEach((bucket: string, bucketIndex: number) => {
            if (!buckets.has(bucket)) {
                problem(ctx, ["access", index, "buckets", bucketIndex], bucket, `a bucket of data.buckets (${[...buckets].join(", ") || "none"})`);
            }
        });
        if (entry.databaseUser !== undefined && !data.aurora.enabled) {
            problem(ctx, ["access", index, "databaseUser"], entry.databaseUser, "unset while data.aurora.enabled is false");
        }
        if (entry.databaseUser === data.aurora.masterUsername) {
            problem(ctx, ["access", index, "databaseUser"], entry.databaseUser, "an application role, not the master user");
        }
        if (entry.cache && !data.cache.enabled) {
            problem(ctx, ["access", index, "cache"], true, "false while data.cache.enabled is false");
        }
    });
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

function minutesOf(time: string): number {
    const [hours, minutes] = time.split(":").map(Number);
    return hours * 60 + minutes;
}

/** [start, end) minute ranges within the week, split where a window wraps around. */
function weeklyRanges(window: string): [number, number][] {
    const [from, to] = window.split("-");
    const at = (part: string): number => {
        const [day, hh, mm] = part.split(":");
        return DAYS.indexOf(day) * MINUTES_PER_DAY + minutesOf(`${hh}:${mm}`);
    };
    return splitRange(at(from), at(to), MINUTES_PER_WEEK);
}

function splitRange(start: number, end: number, period: number): [number, number][] {
    return end > start ? [[start, end]] : [[start, period], [0, end]];
}

/** A daily window (hh:mm-hh:mm) repeats on every day of the week. */
function dailyRanges(window: string): [number, number][] {
    const [from, to] = window.split("-");
    const ranges: [number, number][] = [];
    for (let day = 0; day < 7; day++) {
        for (const [start, end] of splitRange(minutesOf(from), minutesOf(to), MINUTES_PER_DAY)) {
            ranges.push([day * MINUTES_PER_DAY + start, day * MINUTES_PER_DAY + end]);
        }
    }
    return ranges;
}

/** True when a daily backup/snapshot window and a weekly maintenance window share any minute. */
export function windowsOverlap(dailyWindow: string, weeklyWindow: string): boolean {
    if (!DAILY_WINDOW.test(dailyWindow) || !WEEKLY_WINDOW.test(weeklyWindow)) {
        return false;
    }
    const weekly: [number, number][] = weeklyRanges(weeklyWindow);
    return dailyRanges(dailyWindow).some(([s1, e1]) => weekly.some(([s2, e2]) => s1 < e2 && s2 < e1));
}

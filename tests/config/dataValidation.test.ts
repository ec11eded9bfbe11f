import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { AURORA_POSTGRESQL_VERSIONS, windowsOverlap } from "../../infra/config/dataSchema";
import { parsePlatformConfig } from "../../infra/config/load";
import { devConfigWith, devObject } from "./configFixtures";
import { stackConfiguration } from "../support/stackRun";

function problemsOf(raw: Record<string, string>, stack = "dev"): string[] {
    try {
        parsePlatformConfig(raw, "platform", stack);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigValidationError);
        return (error as Error).message.split("\n").slice(1).map((line: string) => line.replace(/^ {2}- /, ""));
    }
    throw new Error("configuration was accepted but should have been rejected");
}

type Data = Record<string, any>;
const devData = (): Data => devObject("platform:data");
const withData = (data: Data, environment = "dev"): Record<string, string> => devConfigWith({
    "platform:data": data,
    "platform:environment": environment,
    ...(environment === "prod" ? { "platform:protection": {} } : {}),
});
const ordersTable = (): Data => structuredClone(devData().dynamodb.tables[0]);

describe("platform:data validation", () => {
    it("accepts both committed stack files and fills defaults", () => {
        const dev = parsePlatformConfig(devConfigWith({}), "platform", "dev");
        expect(dev.data.aurora).toMatchObject({ enabled: true, engineVersion: "16.8", readers: 0, serverless: { minCapacity: 0, maxCapacity: 4 } });
        expect(dev.data.cache).toMatchObject({ engine: "valkey", nodeType: "cache.t4g.micro", replicasPerShard: 0 });
        const prod = parsePlatformConfig({ ...stackConfiguration("prod").config }, "platform", "prod");
        expect(prod.data.aurora).toMatchObject({ readers: 1, backupRetentionDays: 30 });
        expect(prod.data.backup).toMatchObject({ dailyRetentionDays: 30, copyToReplicaRegion: true });
    });

    it("rejects duplicate table names at the repeated entry", () => {
        const data = devData();
        data.dynamodb.tables = [ordersTable(), ordersTable()];
        expect(problemsOf(withData(data))).toEqual([
            expect.stringMatching(/^platform:data\.dynamodb\.tables\[1\]: got \{"name":"orders".*; allowed: distinct entries \("orders" appears more than once\)$/),
        ]);
    });

    it("rejects a key schema naming an undeclared attribute", () => {
        const data = devData();
        data.dynamodb.tables = [{ ...ordersTable(), rangeKey: "createdAt" }];
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.dynamodb.tables[0].rangeKey: got "createdAt"; allowed: an attribute declared in attributes (pk, sk, customerId)',
        ]);
        data.dynamodb.tables = [{ ...ordersTable(), globalSecondaryIndexes: [] }];
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.dynamodb.tables[0].attributes[2]: got {"name":"customerId","type":"S"}; allowed: only attributes used by the table\'s or an index\'s keys (DynamoDB rejects the others)',
        ]);
    });

    it("rejects an index on an undeclared attribute", () => {
        const data = devData();
        const table = ordersTable();
        table.globalSecondaryIndexes = [{ name: "by-status", hashKey: "status" }];
        table.attributes = table.attributes.filter((a: Data) => a.name !== "customerId");
        data.dynamodb.tables = [table];
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.dynamodb.tables[0].globalSecondaryIndexes[0].hashKey: got "status"; allowed: an attribute declared in attributes (pk, sk)',
        ]);
    });

    it("rejects provisioned tables without capacities and replicas without a replica region", () => {
        const data = devData();
        data.dynamodb.tables = [{ ...ordersTable(), billingMode: "PROVISIONED", replicated: true }];
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.dynamodb.tables[0].billingMode: got "PROVISIONED"; allowed: PAY_PER_REQUEST, or PROVISIONED with readCapacity and writeCapacity',
            "platform:data.dynamodb.tables[0].replicated: got true; allowed: true only when data.replicaRegion is set",
        ]);
    });

    it("rejects a Serverless minimum above the maximum", () => {
        const data = devData();
        data.aurora.serverless = { minCapacity: 8, maxCapacity: 4 };
        expect(problemsOf(withData(data))).toEqual(["platform:data.aurora.serverless.minCapacity: got 8; allowed: at most serverless.maxCapacity (4)"]);
    });

    it("rejects a single-instance Aurora cluster and a cache without failover in prod", () => {
        const data = devData();
        expect(problemsOf(withData(data, "prod"), "prod")).toEqual([
            "platform:data.aurora.readers: got 0; allowed: at least 1 when platform:environment is prod (a single-instance cluster has no failover target)",
            "platform:data.cache.replicasPerShard: got 0; allowed: at least 1 when platform:environment is prod (automatic failover needs a replica)",
        ]);
    });

    it("rejects retention 0 (snapshots off in prod, Aurora backups anywhere) and backups off in prod", () => {
        const data: Data = {};
        data.cache = { snapshotRetentionDays: 0 };
        data.aurora = { backupRetentionDays: 0 };
        data.backup = { enabled: false };
        expect(problemsOf(withData(data, "prod"), "prod")).toEqual([
            "platform:data.aurora.backupRetentionDays: got 0; allowed: an integer from 1 to 35",
            "platform:data.cache.snapshotRetentionDays: got 0; allowed: at least 1 when platform:environment is prod (0 turns snapshots off)",
            "platform:data.backup.enabled: got false; allowed: true when platform:environment is prod",
        ]);
        delete data.aurora;
        expect(problemsOf(withData(data, "prod"), "prod")).toEqual([
            "platform:data.cache.snapshotRetentionDays: got 0; allowed: at least 1 when platform:environment is prod (0 turns snapshots off)",
            "platform:data.backup.enabled: got false; allowed: true when platform:environment is prod",
        ]);
        expect(() => parsePlatformConfig(withData({ cache: { snapshotRetentionDays: 0 } }), "platform", "dev")).not.toThrow();
    });

    it("rejects overlapping backup and maintenance windows (Aurora and cache)", () => {
        const data = devData();
        data.aurora.preferredBackupWindow = "05:30-06:30";
        data.cache.snapshotWindow = "23:30-06:30";
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.aurora.preferredMaintenanceWindow: got "sun:05:00-sun:06:00"; allowed: a window that does not overlap preferredBackupWindow (05:30-06:30)',
            'platform:data.cache.maintenanceWindow: got "sun:06:00-sun:07:00"; allowed: a window that does not overlap snapshotWindow (23:30-06:30)',
        ]);
    });

    it("computes window overlap across midnight and the week boundary", () => {
        expect(windowsOverlap("03:00-04:00", "sun:05:00-sun:06:00")).toBe(false);
        expect(windowsOverlap("03:00-04:00", "sun:04:00-sun:05:00")).toBe(false);
        expect(windowsOverlap("03:00-04:00", "sun:03:59-sun:05:00")).toBe(true);
        expect(windowsOverlap("23:00-01:00", "mon:00:30-mon:02:00")).toBe(true);
        expect(windowsOverlap("12:00-13:00", "sun:23:00-mon:01:00")).toBe(false);
        expect(windowsOverlap("00:00-00:30", "sun:23:00-mon:01:00")).toBe(true);
    });

    it("rejects an engine version that is not offered, listing the dated supported versions", () => {
        const data = devData();
        data.aurora.engineVersion = "11.9";
        expect(problemsOf(withData(data))).toEqual([
            `platform:data.aurora.engineVersion: got "11.9"; allowed: one of ${AURORA_POSTGRESQL_VERSIONS.versions.join(", ")}`,
        ]);
        data.aurora.engineVersion = "16.8";
        data.cache.engineVersion = "6.2";
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.cache.engineVersion: got "6.2"; allowed: one of 7.2, 8.0, 8.1 for valkey (offered as of 2025-11)',
        ]);
        expect(AURORA_POSTGRESQL_VERSIONS.asOf).toMatch(/^\d{4}-\d{2}$/);
    });

    it("rejects access entries that name unknown tables or buckets, duplicated workloads, or the master user", () => {
        const data = devData();
        data.access = [
            { workload: "orders-api", databaseUser: "platform_admin", tables: ["order"], buckets: ["upload"], cache: true },
            { workload: "orders-api" },
        ];
        expect(problemsOf(withData(data))[0]).toMatch(/^platform:data\.access\[1\]: got \{"workload":"orders-api".*; allowed: distinct entries/);
        data.access = [data.access[0]];
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.access[0].tables[0]: got "order"; allowed: a table of data.dynamodb.tables (orders)',
            'platform:data.access[0].buckets[0]: got "upload"; allowed: a bucket of data.buckets (uploads)',
            'platform:data.access[0].databaseUser: got "platform_admin"; allowed: an application role, not the master user',
        ]);
    });

    it("rejects a locked vault whose retention bounds exclude the plan's retention", () => {
        const data = devData();
        data.backup.vaultLock = { enabled: true, minRetentionDays: 10 };
        expect(problemsOf(withData(data))).toEqual([
            "platform:data.backup.dailyRetentionDays: got 7; allowed: from vaultLock.minRetentionDays (10) to vaultLock.maxRetentionDays (365); the locked vault rejects other recovery points",
        ]);
    });

    it("resolves backup.tables from the plan when unset, and keeps an explicit choice", () => {
        // Dev chooses weekly table backups; its copy setting follows the plan's (no copies).
        expect(parsePlatformConfig(devConfigWith({}), "platform", "dev").data.backup.tables).toEqual({ rules: "weekly", copyToReplicaRegion: false });
        const unset: Data = devData();
        delete unset.backup.tables;
        expect(parsePlatformConfig(devConfigWith({ "platform:data": JSON.stringify(unset) }), "platform", "dev").data.backup.tables)
            .toEqual({ rules: "daily-and-weekly", copyToReplicaRegion: false });
        const prod = { ...stackConfiguration("prod").config };
        expect(parsePlatformConfig(prod, "platform", "prod").data.backup.tables).toEqual({ rules: "daily-and-weekly", copyToReplicaRegion: true });
        const prodData: Data = JSON.parse(prod["platform:data"]);
        prodData.backup.tables = { rules: "weekly" };
        expect(parsePlatformConfig({ ...prod, "platform:data": JSON.stringify(prodData) }, "platform", "prod").data.backup.tables)
            .toEqual({ rules: "weekly", copyToReplicaRegion: true });
        prodData.backup.tables = { copyToReplicaRegion: false };
        expect(parsePlatformConfig({ ...prod, "platform:data": JSON.stringify(prodData) }, "platform", "prod").data.backup.tables)
            .toEqual({ rules: "daily-and-weekly", copyToReplicaRegion: false });
    });

    it("rejects a backup.tables rule set that does not exist, a non-boolean copy setting and unknown keys", () => {
        const data = devData();
        data.backup.tables = { rules: "daily" };
        expect(problemsOf(withData(data))).toEqual(['platform:data.backup.tables.rules: got "daily"; allowed: one of daily-and-weekly, weekly']);
        data.backup.tables = { rules: "weekley", copyToReplicaRegion: "no" };
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.backup.tables.rules: got "weekley"; allowed: one of daily-and-weekly, weekly; did you mean weekly?',
            'platform:data.backup.tables.copyToReplicaRegion: got "no"; allowed: true or false',
        ]);
        data.backup.tables = { schedule: "weekly" };
        expect(problemsOf(withData(data))).toEqual(['platform:data.backup.tables.schedule: got "weekly"; allowed: only the keys rules, copyToReplicaRegion']);
        data.backup.tables = "weekly";
        expect(problemsOf(withData(data))).toEqual(['platform:data.backup.tables: got "weekly"; allowed: an object with the keys rules, copyToReplicaRegion']);
    });

    it("rejects backups rarer than restore testing's seven-day window: the plan's, or the weekly rule the tables keep", () => {
        const data = devData();
        // Dev keeps weekly table backups: a monthly "weekly" rule leaves the tables' restore test nothing to restore.
        data.backup.weeklySchedule = "cron(0 8 1 * ? *)";
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.backup.weeklySchedule: got "cron(0 8 1 * ? *)"; allowed: a schedule that runs at least every 7 days while backup.tables.rules is weekly and restore testing is on (restore tests pick the latest recovery point of the last 7 days)',
        ]);
        // With the tables on both rules, the daily one covers them.
        data.backup.tables = { rules: "daily-and-weekly" };
        expect(() => parsePlatformConfig(withData(data), "platform", "dev")).not.toThrow();
        // Neither rule runs within the window: the plan itself is too rare.
        data.backup.dailySchedule = "cron(0 7 1,15 * ? *)";
        expect(problemsOf(withData(data))).toEqual([
            'platform:data.backup.dailySchedule: got "cron(0 7 1,15 * ? *)"; allowed: a schedule that runs at least every 7 days while restore testing is on (restore tests pick the latest recovery point of the last 7 days)',
        ]);
        // Without restore testing nothing needs a recovery point in the window.
        data.backup.restoreTesting = { enabled: false };
        expect(() => parsePlatformConfig(withData(data), "platform", "dev")).not.toThrow();
    });

    it("rejects copying the tables when the plan does not copy or there is no replica Region", () => {
        // dev: no replica Region and the plan does not copy.
        const data = devData();
        data.backup.tables = { rules: "weekly", copyToReplicaRegion: true };
        expect(problemsOf(withData(data))).toEqual([
            "platform:data.backup.tables.copyToReplicaRegion: got true; allowed: true only when backup.copyToReplicaRegion is true and data.replicaRegion is set",
        ]);
        // A replica Region, but the plan does not copy (no replica vault to copy into).
        const prod = { ...stackConfiguration("prod").config };
        const prodData: Data = JSON.parse(prod["platform:data"]);
        prodData.backup.copyToReplicaRegion = false;
        prodData.backup.tables = { copyToReplicaRegion: true };
        expect(problemsOf({ ...prod, "platform:data": JSON.stringify(prodData) }, "prod")).toEqual([
            "platform:data.backup.tables.copyToReplicaRegion: got true; allowed: true only when backup.copyToReplicaRegion is true and data.replicaRegion is set",
        ]);
        // Every problem is listed: the plan's own copy without a replica Region, and the tables' copy.
        delete prodData.replicaRegion;
        prodData.backup.copyToReplicaRegion = true;
        prodData.dynamodb.tables = prodData.dynamodb.tables.map((t: Data) => ({ ...t, replicated: false }));
        prodData.buckets = prodData.buckets.map((b: Data) => ({ ...b, replicated: false }));
        expect(problemsOf({ ...prod, "platform:data": JSON.stringify(prodData) }, "prod")).toEqual([
            "platform:data.backup.copyToReplicaRegion: got true; allowed: true only when data.replicaRegion is set",
            "platform:data.backup.tables.copyToReplicaRegion: got true; allowed: true only when backup.copyToReplicaRegion is true and data.replicaRegion is set",
        ]);
        // Allowed when the plan copies to the replica Region.
        prodData.replicaRegion = "us-west-2";
        expect(() => parsePlatformConfig({ ...prod, "platform:data": JSON.stringify(prodData) }, "platform", "prod")).not.toThrow();
    });

    it("rejects unknown keys and a replica region equal to the stack's region", () => {
        expect(problemsOf(withData({ replicaRegion: "us-east-1", aurora: { instances: 2 } }))).toEqual([
            'platform:data.aurora.instances: got 2; allowed: only the keys enabled, engineVersion, databaseName, masterUsername, writerInstanceClass, readerInstanceClass, readers, serverless, readerAutoScaling, backupRetentionDays, preferredBackupWindow, preferredMaintenanceWindow, logRetentionInDays, logMinDurationStatementMs, performanceInsightsRetentionDays',
            'platform:data.replicaRegion: got "us-east-1"; allowed: a region other than the stack\'s region us-east-1',
        ]);
        expect(problemsOf(withData({ replicaRegion: "us-east-1" }))).toEqual([
            'platform:data.replicaRegion: got "us-east-1"; allowed: a region other than the stack\'s region us-east-1',
        ]);
    });
});

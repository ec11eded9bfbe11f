import { beforeAll, describe, expect, it } from "vitest";
import { DYNAMODB_INDEX_ACTIONS, connectionDetails, DYNAMODB_ITEM_ACTIONS, missingWorkloadRoles, workloadAccessStatements } from "../../infra/components/data/access";
import { DataConfig } from "../../infra/config/dataConfig";
import { dataSchema, resolveData } from "../../infra/config/dataSchema";
import { MockRunResult, RecordedResource, runUnderMocks } from "../../tools/offline/mockEngine";
import { policyDocument } from "../support/stackRun";
import { dataTierProgram } from "./standaloneProgram";

const INPUT = {
    partition: "aws",
    region: "eu-west-1",
    accountId: "111122223333",
    dataKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/data",
    clusterResourceId: "cluster-ABCDEF",
    databaseUser: "orders",
    secretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:platform-dev/orders-api/connection-AbCdEf",
    tableArns: ["arn:aws:dynamodb:eu-west-1:111122223333:table/platform-dev-orders"],
    cache: { replicationGroupArn: "arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:platform-dev-cache", userArn: "arn:aws:elasticache:eu-west-1:111122223333:user:platform-dev-cache-app" },
    bucketArns: ["arn:aws:s3:::platform-dev-uploads"],
};

describe("workload access statements (pure)", () => {
    it("grant exactly the database user, the secret, the tables and their indexes, the cache and the buckets", () => {
        const statements = workloadAccessStatements(INPUT);
        expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
            ["ConnectAsDatabaseUser", "rds-db:connect", "arn:aws:rds-db:eu-west-1:111122223333:dbuser:cluster-ABCDEF/orders"],
            ["ReadConnectionSecret", "secretsmanager:GetSecretValue", INPUT.secretArn],
            ["TableItems", DYNAMODB_ITEM_ACTIONS, INPUT.tableArns],
            ["TableIndexes", DYNAMODB_INDEX_ACTIONS, [`${INPUT.tableArns[0]}/index/*`]],
            ["ConnectToCache", "elasticache:Connect", [INPUT.cache.replicationGroupArn, INPUT.cache.userArn]],
            ["BucketObjects", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], ["arn:aws:s3:::platform-dev-uploads/*"]],
            ["ListBuckets", "s3:ListBucket", ["arn:aws:s3:::platform-dev-uploads"]],
            ["DecryptThroughDataServices", ["kms:Decrypt", "kms:GenerateDataKey"], INPUT.dataKeyArn],
        ]);
        expect(statements.at(-1)!.Condition).toEqual({
            StringEquals: { "kms:ViaService": ["secretsmanager.eu-west-1.amazonaws.com", "dynamodb.eu-west-1.amazonaws.com", "s3.eu-west-1.amazonaws.com"] },
        });
    });

    it("never uses a wildcard action or a bare * resource, and only item-level DynamoDB actions", () => {
        for (const statement of workloadAccessStatements(INPUT)) {
            for (const action of [statement.Action].flat()) {
                expect(action, statement.Sid).not.toContain("*");
            }
            expect([statement.Resource].flat(), statement.Sid).not.toContain("*");
        }
        expect(DYNAMODB_ITEM_ACTIONS.some((a) => /Create|Delete(Table|Backup)|Update(Table|TimeToLive)|Restore/.test(a))).toBe(false);
    });

    it("grants only what the entry names: no database user, tables, cache or buckets means only the secret", () => {
        const statements = workloadAccessStatements({ ...INPUT, databaseUser: undefined, tableArns: [], cache: undefined, bucketArns: [] });
        expect(statements.map((s) => s.Sid)).toEqual(["ReadConnectionSecret", "DecryptThroughDataServices"]);
        expect(statements[1].Condition).toEqual({ StringEquals: { "kms:ViaService": ["secretsmanager.eu-west-1.amazonaws.com"] } });
    });

    it("reports workloads without a role", () => {
        const access = dataSchema.parse({ access: [{ workload: "orders-api" }, { workload: "billing" }] }).access;
        expect(missingWorkloadRoles(access, { "orders-api": "role" })).toEqual(["billing"]);
    });
});

const DATA: DataConfig = resolveData(dataSchema.parse({
    dynamodb: { tables: [{ name: "orders", hashKey: "pk", attributes: [{ name: "pk", type: "S" }] }] },
    efs: { enabled: false },
    backup: { enabled: false },
    access: [{ workload: "orders-api", databaseUser: "orders", tables: ["orders"], cache: true }],
}));

describe("workload access in a standalone data-tier program", () => {
    let run: MockRunResult;
    beforeAll(async () => {
        run = await runUnderMocks({ project: "platform", stack: "test", config: { "aws:region": "us-east-1" }, program: dataTierProgram(DATA, { "orders-api": "orders-api-pod-identity" }) });
    });
    const get = (type: string, name: string): RecordedResource => run.resources.find((r) => r.type === type && r.name === name)!;

    it("attaches the statements as an inline policy to the role it was given", () => {
        const policy = get("aws:iam/rolePolicy:RolePolicy", "access-orders-api");
        expect(policy.inputs.role).toBe("orders-api-pod-identity");
        const cluster = get("aws:rds/cluster:Cluster", "aurora");
        const statements = policyDocument(policy.inputs.policy).Statement;
        expect(statements.find((s) => s.Sid === "ConnectAsDatabaseUser")!.Resource)
            .toBe(`arn:aws:rds-db:us-east-1:123456789012:dbuser:${String(cluster.outputs.clusterResourceId)}/orders`);
        expect(statements.find((s) => s.Sid === "ReadConnectionSecret")!.Resource).toBe(get("aws:secretsmanager/secret:Secret", "access-orders-api").outputs.arn);
        expect(statements.find((s) => s.Sid === "TableItems")!.Resource).toEqual([get("aws:dynamodb/table:Table", "table-orders").outputs.arn]);
        expect(statements.find((s) => s.Sid === "ConnectToCache")!.Resource).toEqual([
            get("aws:elasticache/replicationGroup:ReplicationGroup", "cache").outputs.arn, get("aws:elasticache/user:User", "cache-app").outputs.arn,
        ]);
        expect(statements.find((s) => s.Sid === "DecryptThroughDataServices")!.Resource).toBe(get("aws:kms/key:Key", "data").outputs.arn);
    });

    it("keeps connection details (no password) in a secret encrypted with the data key", () => {
        const secret = get("aws:secretsmanager/secret:Secret", "access-orders-api");
        expect(secret.inputs).toMatchObject({ name: "platform-test/orders-api/connection", kmsKeyId: get("aws:kms/key:Key", "data").outputs.arn });
        const version = get("aws:secretsmanager/secretVersion:SecretVersion", "access-orders-api");
        expect(version.inputs.secretId).toBe(secret.outputs.id);
        expect(version.secretInputs).toContain("secretString");
        const value = connectionDetails(DATA.access[0], { host: "w.example", readerHost: "r.example", databaseName: "app", cacheHost: "c.example", cacheUser: "platform-test-cache-app" });
        expect(value).toEqual({
            engine: "postgres", host: "w.example", readerHost: "r.example", port: 5432, dbname: "app", username: "orders", sslmode: "verify-full",
            cacheHost: "c.example", cachePort: 6379, cacheUser: "platform-test-cache-app", cacheTls: true,
        });
        expect(Object.keys(value).some((k) => /pass|token/i.test(k))).toBe(false);
    });

    it("refuses, before registering anything, an access entry whose workload has no role", async () => {
        await expect(runUnderMocks({ project: "platform", stack: "test", config: { "aws:region": "us-east-1" }, program: dataTierProgram(DATA, {}) }))
            .rejects.toThrow(/platform:data\.access names workloads without a role: orders-api/);
    });
});

import { describe, expect, it } from "vitest";
import { stackPolicy } from "../../../policy/lib/rule";
import { dynamodbReplicaCmk } from "../../../policy/rules/encryption/dynamodbReplicas";
import { auroraQueryLogging } from "../../../policy/rules/logging/auroraQueryLogging";
import { dynamodbCapacity } from "../../../policy/rules/resilience/dynamodbCapacity";
import { s3Replication } from "../../../policy/rules/resilience/s3Replication";
import { tagPropagation } from "../../../policy/rules/tagging/propagation";
import { policies } from "../../../policy/policies";
import { UNKNOWN_ARRAY, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata } from "../network/cases";

/** Rules that became due with the data tier: compliant and non-compliant fixtures for each. */

const CMK = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const TABLE = "aws:dynamodb/table:Table";

const queryLogging = stackPolicy(auroraQueryLogging);
const capacity = stackPolicy(dynamodbCapacity);
const replication = stackPolicy(s3Replication);

describe("registration", () => {
    it("every new rule is in the pack once, with catalogue metadata", () => {
        const names = policies.map((p) => p.name);
        for (const id of ["enc-dynamodb-replica-cmk", "res-dynamodb-capacity", "tag-propagation", "log-aurora-query-logging", "res-s3-replication"]) {
            expect(names.filter((n) => n === id), id).toHaveLength(1);
        }
        expectMetadata(dynamodbReplicaCmk, "enc-dynamodb-replica-cmk", "low");
        expectMetadata(tagPropagation, "tag-propagation", "low");
        expectMetadata(queryLogging, "log-aurora-query-logging", "low");
        expectMetadata(capacity, "res-dynamodb-capacity", "low");
        expectMetadata(replication, "res-s3-replication", "low");
    });
});

describe("enc-dynamodb-replica-cmk", () => {
    const table = (replicas: unknown) => resource(TABLE, { name: "orders", replicas });
    it("passes replicas with a customer-managed key, and unknown keys during preview", async () => {
        expectClean(await runPolicy(dynamodbReplicaCmk, table([{ regionName: "us-west-2", kmsKeyArn: CMK }])));
        expectClean(await runPolicy(dynamodbReplicaCmk, table([{ regionName: "us-west-2", kmsKeyArn: UNKNOWN_STRING }])));
        expectClean(await runPolicy(dynamodbReplicaCmk, table(UNKNOWN_ARRAY)));
    });
    it("fires for a replica without a key or with an AWS-managed alias", async () => {
        expectFired(await runPolicy(dynamodbReplicaCmk, table([{ regionName: "us-west-2" }])), dynamodbReplicaCmk, "replicas[0].kmsKeyArn");
        expectFired(await runPolicy(dynamodbReplicaCmk, table([{ regionName: "us-west-2", kmsKeyArn: CMK }, { regionName: "eu-west-1", kmsKeyArn: "alias/aws/dynamodb" }])), dynamodbReplicaCmk, "replicas[1].kmsKeyArn");
    });
    it("checks TableReplica resources too; tables without replicas are not applicable", async () => {
        expectFired(await runPolicy(dynamodbReplicaCmk, resource("aws:dynamodb/tableReplica:TableReplica", { globalTableArn: "arn" })), dynamodbReplicaCmk, "kmsKeyArn");
        expectClean(await runPolicy(dynamodbReplicaCmk, resource("aws:dynamodb/tableReplica:TableReplica", { globalTableArn: "arn", kmsKeyArn: CMK })));
        const run = await runPolicy(dynamodbReplicaCmk, table(undefined));
        expectClean(run);
        expect(run.notApplicable.length).toBeGreaterThan(0);
    });
});

describe("tag-propagation", () => {
    it("passes RDS resources that copy tags to snapshots and replicas that propagate tags", async () => {
        for (const type of ["aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance"]) {
            expectClean(await runPolicy(tagPropagation, resource(type, { copyTagsToSnapshot: true })));
        }
        expectClean(await runPolicy(tagPropagation, resource(TABLE, { replicas: [{ regionName: "us-west-2", propagateTags: true }] })));
    });
    it("fires when copyTagsToSnapshot is absent or false, or a replica does not propagate tags", async () => {
        expectFired(await runPolicy(tagPropagation, resource("aws:rds/cluster:Cluster", {})), tagPropagation, "copyTagsToSnapshot");
        expectFired(await runPolicy(tagPropagation, resource("aws:rds/clusterInstance:ClusterInstance", { copyTagsToSnapshot: false })), tagPropagation, "copyTagsToSnapshot");
        expectFired(await runPolicy(tagPropagation, resource(TABLE, { replicas: [{ regionName: "us-west-2" }] })), tagPropagation, "replicas[0].propagateTags");
    });
});

const cluster = (groupName: unknown, engine = "aurora-postgresql") => resource("aws:rds/cluster:Cluster", { engine, dbClusterParameterGroupName: groupName }, { name: "db" });
const group = (names: string[]) => resource("aws:rds/clusterParameterGroup:ClusterParameterGroup", { name: "db-params", family: "aurora-postgresql16", parameters: names.map((name) => ({ name, value: "1" })) }, { name: "db-params" });

describe("log-aurora-query-logging", () => {
    it("passes a cluster whose parameter group sets both parameters", async () => {
        expectClean(await runPolicy(queryLogging, [cluster("db-params"), group(["rds.force_ssl", "log_statement", "log_min_duration_statement"])]));
        expectClean(await runPolicy(queryLogging, [cluster(UNKNOWN_STRING), group([])]));
    });
    it("fires for a group missing a parameter, or a cluster on the default group", async () => {
        const run = await runPolicy(queryLogging, [cluster("db-params"), group(["rds.force_ssl", "log_min_duration_statement"])]);
        expectFired(run, queryLogging, "parameters");
        expect(run.messages[0]).toContain("also log_statement");
        expectFired(await runPolicy(queryLogging, [cluster(undefined)]), queryLogging, "dbClusterParameterGroupName");
        expectFired(await runPolicy(queryLogging, [cluster("default.aurora-postgresql16")]), queryLogging, "dbClusterParameterGroupName");
    });
    it("ignores Aurora MySQL clusters", async () => {
        expectClean(await runPolicy(queryLogging, [cluster(undefined, "aurora-mysql")]));
    });
});

const provisioned = (name = "platform-orders") => resource(TABLE, { name, billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 5 }, { name: "orders" });
const target = (resourceId: unknown, dimension: string, dependencies: string[] = []) => {
    const r = resource("aws:appautoscaling/target:Target", { serviceNamespace: "dynamodb", resourceId, scalableDimension: dimension }, { name: `t-${dimension}`, dependencies });
    return r;
};

describe("res-dynamodb-capacity", () => {
    it("passes on-demand tables and provisioned tables with read and write auto scaling", async () => {
        expectClean(await runPolicy(capacity, resource(TABLE, { name: "t", billingMode: "PAY_PER_REQUEST" })));
        expectClean(await runPolicy(capacity, [provisioned(), target("table/platform-orders", "dynamodb:table:ReadCapacityUnits"), target("table/platform-orders", "dynamodb:table:WriteCapacityUnits")]));
    });
    it("fires for provisioned tables (explicit or by default) without both targets", async () => {
        const run = await runPolicy(capacity, [provisioned(), target("table/platform-orders", "dynamodb:table:ReadCapacityUnits")]);
        expectFired(run, capacity, "billingMode");
        expect(run.messages[0]).toContain("dynamodb:table:WriteCapacityUnits");
        expectFired(await runPolicy(capacity, resource(TABLE, { name: "t" })), capacity, "billingMode");
        expectFired(await runPolicy(capacity, [provisioned(), target("table/another", "dynamodb:table:ReadCapacityUnits"), target("table/another", "dynamodb:table:WriteCapacityUnits")]), capacity, "billingMode");
    });
});

const BUCKET = "aws:s3/bucket:Bucket";
const bucket = (tags: Record<string, string>) => resource(BUCKET, { tags }, { name: "uploads", outputs: { tags, id: "platform-uploads", bucket: "platform-uploads", arn: "arn:aws:s3:::platform-uploads" } });
const replicationConfig = (props: Record<string, unknown>) => resource("aws:s3/bucketReplicationConfig:BucketReplicationConfig", { bucket: "platform-uploads", ...props }, { name: "uploads" });

describe("res-s3-replication", () => {
    const marked = { Replication: "cross-region" };
    it("passes a marked bucket with an enabled rule and a role; unmarked buckets are not applicable", async () => {
        expectClean(await runPolicy(replication, [bucket(marked), replicationConfig({ role: "arn:aws:iam::1:role/r", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::replica" } }] })]));
        const run = await runPolicy(replication, [bucket({})]);
        expectClean(run);
        expect(run.notApplicable.length).toBeGreaterThan(0);
    });
    it("fires for a marked bucket without replication, without a role or with every rule disabled", async () => {
        expectFired(await runPolicy(replication, [bucket(marked)]), replication, "aws:s3/bucketReplicationConfig");
        expectFired(await runPolicy(replication, [bucket(marked), replicationConfig({ rules: [{ status: "Enabled" }] })]), replication, "role");
        expectFired(await runPolicy(replication, [bucket(marked), replicationConfig({ role: "arn:aws:iam::1:role/r", rules: [{ status: "Disabled" }] })]), replication, "rules");
    });
    it("honours a configured tag", async () => {
        const config = { requiredTagKey: "Tier", requiredTagValue: "critical" };
        expectFired(await runPolicy(replication, [bucket({ Tier: "critical" })], config), replication, "aws:s3/bucketReplicationConfig");
        expectClean(await runPolicy(replication, [bucket(marked)], config));
    });
});

describe("res-s3-replication: every replication configuration, wherever declared (issue 21)", () => {
    const ROLE = "arn:aws:iam::111122223333:role/replication";
    const enabledRule = { id: "all", status: "Enabled", destination: { bucket: "arn:aws:s3:::platform-uploads-replica" } };
    const disabledRule = { ...enabledRule, status: "Disabled" };
    const inlineBucket = (replicationConfiguration: unknown, tags: Record<string, string> = {}) =>
        resource(BUCKET, { tags, replicationConfiguration }, { name: "uploads", outputs: { tags, replicationConfiguration, id: "platform-uploads", bucket: "platform-uploads", arn: "arn:aws:s3:::platform-uploads" } });

    it("fires for a standalone configuration whose rules are all Disabled on an untagged bucket", async () => {
        expectFired(await runPolicy(replication, [bucket({}), replicationConfig({ role: ROLE, rules: [disabledRule, { ...disabledRule, id: "b" }] })]), replication, "rules");
    });
    it("passes an untagged bucket's standalone configuration with one Enabled rule among Disabled ones", async () => {
        expectClean(await runPolicy(replication, [bucket({}), replicationConfig({ role: ROLE, rules: [disabledRule, enabledRule] })]));
    });
    it("fires for an inline replicationConfiguration whose rules are all Disabled", async () => {
        expectFired(await runPolicy(replication, [inlineBucket({ role: ROLE, rules: [disabledRule] })]), replication, "replicationConfiguration.rules");
    });
    it("fires for an inline replicationConfiguration without a role", async () => {
        expectFired(await runPolicy(replication, [inlineBucket({ rules: [enabledRule] })]), replication, "replicationConfiguration.role");
    });
    it("accepts a tagged bucket replicating through its inline configuration", async () => {
        expectClean(await runPolicy(replication, [inlineBucket({ role: ROLE, rules: [enabledRule] }, { Replication: "cross-region" })]));
    });
    it("passes when the rules or a rule's status are unknown during preview", async () => {
        expectClean(await runPolicy(replication, [bucket({}), replicationConfig({ role: UNKNOWN_STRING, rules: UNKNOWN_ARRAY })]));
        expectClean(await runPolicy(replication, [bucket({}), replicationConfig({ role: ROLE, rules: [{ ...enabledRule, status: UNKNOWN_STRING }] })]));
    });
});

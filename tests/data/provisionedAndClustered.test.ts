import { beforeAll, describe, expect, it } from "vitest";
import { DataConfig } from "../../infra/config/dataConfig";
import { dataSchema, resolveData } from "../../infra/config/dataSchema";
import { MockRunResult, RecordedResource, runUnderMocks } from "../../tools/offline/mockEngine";
import { dataTierProgram } from "./standaloneProgram";

/** Shapes the committed stacks do not use: a provisioned table with an index, and a cache in cluster mode. */
const DATA: DataConfig = resolveData(dataSchema.parse({
    aurora: { enabled: false },
    dynamodb: {
        tables: [{
            name: "events", hashKey: "id", billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 2,
            attributes: [{ name: "id", type: "S" }, { name: "kind", type: "S" }],
            globalSecondaryIndexes: [{ name: "by-kind", hashKey: "kind", projectionType: "INCLUDE", nonKeyAttributes: ["at"] }],
        }],
        autoScaling: { maxCapacity: 50, targetUtilizationPercent: 60 },
    },
    cache: { clusterMode: true, shards: 2, replicasPerShard: 1 },
    efs: { enabled: false },
    backup: { enabled: false },
}));

describe("provisioned tables and cluster-mode caches (standalone program)", () => {
    let run: MockRunResult;
    beforeAll(async () => {
        run = await runUnderMocks({ project: "platform", stack: "test", config: { "aws:region": "us-east-1" }, program: dataTierProgram(DATA, {}) });
    });
    const ofType = (type: string): RecordedResource[] => run.resources.filter((r) => r.type === type);

    it("creates no Aurora cluster when it is disabled", () => {
        expect(ofType("aws:rds/cluster:Cluster")).toEqual([]);
    });

    it("provisioned table: capacities on the table and index, auto scaling live capacity ignored by the program", () => {
        const table = ofType("aws:dynamodb/table:Table")[0];
        expect(table.inputs).toMatchObject({ billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 2 });
        expect(table.inputs.globalSecondaryIndexes).toEqual([expect.objectContaining({ name: "by-kind", projectionType: "INCLUDE", nonKeyAttributes: ["at"], readCapacity: 5, writeCapacity: 2 })]);
    });

    it("read and write target tracking for the table and its index", () => {
        const targets = ofType("aws:appautoscaling/target:Target").map((t) => [t.inputs.resourceId, t.inputs.scalableDimension, t.inputs.minCapacity, t.inputs.maxCapacity]);
        expect(targets).toEqual([
            ["table/platform-test-events", "dynamodb:table:ReadCapacityUnits", 5, 50],
            ["table/platform-test-events", "dynamodb:table:WriteCapacityUnits", 2, 50],
            ["table/platform-test-events/index/by-kind", "dynamodb:index:ReadCapacityUnits", 5, 50],
            ["table/platform-test-events/index/by-kind", "dynamodb:index:WriteCapacityUnits", 2, 50],
        ]);
        const policies = ofType("aws:appautoscaling/policy:Policy");
        expect(policies).toHaveLength(4);
        for (const policy of policies) {
            expect(policy.inputs).toMatchObject({ policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: { targetValue: 60 } });
        }
    });

    it("cluster mode: shards and replicas per shard, failover, the configuration endpoint as the cache endpoint", () => {
        const group = ofType("aws:elasticache/replicationGroup:ReplicationGroup")[0];
        expect(group.inputs).toMatchObject({ clusterMode: "enabled", numNodeGroups: 2, replicasPerNodeGroup: 1, automaticFailoverEnabled: true, multiAzEnabled: true });
        expect(group.inputs.numCacheClusters).toBeUndefined();
        expect(ofType("aws:elasticache/parameterGroup:ParameterGroup")[0].inputs.parameters).toContainEqual({ name: "cluster-enabled", value: "yes" });
    });
});

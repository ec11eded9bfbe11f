import * as aws from "@pulumi/aws";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, operationsSchema } from "../../infra/config/operationsSchema";
import { OperationsConfig } from "../../infra/config/operationsConfig";
import { Observability } from "../../infra/components/operations/observability";
import { DYNAMO_OPERATIONS } from "../../infra/components/operations/alarmDefinitions";
import { lookupAccountContext } from "../../infra/platform/accountContext";
import { MockRunResult, RecordedResource, runUnderMocks } from "../../tools/offline/mockEngine";

/**
 * The data tier is built in another branch: its alarms are exercised here by a small standalone
 * program that hands Observability the outputs the data tier will pass (cluster, readers, tables,
 * cache), in a stack outside us-east-1 so the second (us-east-1) topic is exercised too.
 */
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const operations: OperationsConfig = operationsSchema.parse({ alarms: { subscriptions: { emails: ["oncall@example.com"] } } });

describe("data-tier alarms (standalone program, eu-west-1)", () => {
    let run: MockRunResult;
    beforeAll(async () => {
        run = await runUnderMocks({
            project: "platform",
            stack: "alarms",
            config: { "aws:region": "eu-west-1" },
            program: () => {
                const regional = new aws.Provider("regional", { region: "eu-west-1" });
                const globalEdge = new aws.Provider("global-edge", { region: "us-east-1" });
                const observability = new Observability("observability", {
                    operations,
                    protection: { protectStatefulResources: true, deletionProtection: true, finalSnapshots: true, retainOnDelete: true },
                    naming: { prefix: "platform-test" },
                    account: lookupAccountContext("eu-west-1", regional),
                    globalEdgeProvider: globalEdge,
                    kmsDeletionWindowInDays: 30,
                    layers: {
                        edge: { distributionId: "E123EXAMPLE", cloudFrontWebAclName: "platform-test-cloudfront" },
                        aurora: { clusterIdentifier: "platform-test-aurora", readerInstanceIds: { "reader-a": "platform-test-aurora-reader-a" }, canPause: false },
                        dynamoTables: { orders: "platform-test-orders" },
                        cache: { replicationGroupId: "platform-test-cache", nodeCount: 2 },
                    },
                }, { providers: [regional] });
                return { topic: observability.alarmTopicArn, edgeTopic: observability.edgeAlarmTopicArn };
            },
        });
    });
    const alarm = (name: string): RecordedResource => {
        const found = run.resources.find((r: RecordedResource) => r.type === ALARM && r.name === name);
        if (!found) {
            throw new Error(`no alarm ${name}; have ${run.resources.filter((r) => r.type === ALARM).map((r) => r.name).join(", ")}`);
        }
        return found;
    };

    it("Aurora: CPU, freeable memory (MiB to bytes), connections on the cluster; replica lag per reader", () => {
        expect(alarm("aurora-cpu").inputs).toMatchObject({ namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: { DBClusterIdentifier: "platform-test-aurora" }, threshold: 80, comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 3, treatMissingData: "breaching" });
        expect(alarm("aurora-freeable-memory").inputs).toMatchObject({ metricName: "FreeableMemory", threshold: 512 * 1024 * 1024, comparisonOperator: "LessThanThreshold" });
        expect(alarm("aurora-connections").inputs).toMatchObject({ metricName: "DatabaseConnections", threshold: DEFAULT_THRESHOLDS.auroraConnections });
        expect(alarm("aurora-replica-lag-reader-a").inputs).toMatchObject({
            metricName: "AuroraReplicaLag", dimensions: { DBInstanceIdentifier: "platform-test-aurora-reader-a" }, statistic: "Maximum", period: 60, threshold: 1000, evaluationPeriods: 5,
        });
    });
    it("DynamoDB: read+write throttle events and per-operation system errors, summed by metric math", () => {
        const throttles = alarm("dynamodb-throttles-orders").inputs;
        expect(throttles).toMatchObject({ threshold: 10, comparisonOperator: "GreaterThanOrEqualToThreshold" });
        expect(throttles.namespace).toBeUndefined();
        const queries = throttles.metricQueries as Record<string, unknown>[];
        expect(queries.map((q) => q.id)).toEqual(["reads", "writes", "total"]);
        expect(queries[2]).toMatchObject({ expression: "reads + writes", returnData: true });
        expect(queries[0].metric).toEqual({ namespace: "AWS/DynamoDB", metricName: "ReadThrottleEvents", dimensions: { TableName: "platform-test-orders" }, stat: "Sum", period: 300 });
        const errors = alarm("dynamodb-system-errors-orders").inputs.metricQueries as Record<string, unknown>[];
        expect(errors).toHaveLength(DYNAMO_OPERATIONS.length + 1);
        expect(errors.length).toBeLessThanOrEqual(11); // CloudWatch: at most 10 metrics in an alarm's math expression
        expect(errors[0].metric).toMatchObject({ metricName: "SystemErrors", dimensions: { TableName: "platform-test-orders", Operation: "GetItem" } });
        expect(alarm("dynamodb-system-errors-orders").inputs.threshold).toBe(1);
    });
    it("cache: engine CPU, memory and evictions per node of the replication group", () => {
        for (const node of ["001", "002"]) {
            expect(alarm(`cache-cpu-${node}`).inputs).toMatchObject({ namespace: "AWS/ElastiCache", metricName: "EngineCPUUtilization", dimensions: { CacheClusterId: `platform-test-cache-${node}` }, threshold: 75 });
            expect(alarm(`cache-memory-${node}`).inputs).toMatchObject({ metricName: "DatabaseMemoryUsagePercentage", threshold: 80 });
            expect(alarm(`cache-evictions-${node}`).inputs).toMatchObject({ metricName: "Evictions", statistic: "Sum", threshold: 100 });
        }
    });
    it("outside us-east-1: the edge alarms notify a second, encrypted topic in us-east-1; the rest the stack-region topic", () => {
        const topics: RecordedResource[] = run.resources.filter((r) => r.type === "aws:sns/topic:Topic");
        expect(topics.map((t) => t.name).sort()).toEqual(["alarms", "alarms-edge"]);
        const globalEdge: string = run.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "global-edge")!.urn;
        const edgeTopic: RecordedResource = topics.find((t) => t.name === "alarms-edge")!;
        expect(edgeTopic.provider).toBe(globalEdge);
        const edgeKey = run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name === "alarms-edge")!;
        expect(edgeKey.provider).toBe(globalEdge);
        expect(edgeTopic.inputs.kmsMasterKeyId).toBe(edgeKey.outputs.arn);
        expect(alarm("cloudfront-5xx-rate").inputs.alarmActions).toEqual([edgeTopic.outputs.arn]);
        expect(alarm("cloudfront-5xx-rate").provider).toBe(globalEdge);
        expect(alarm("aurora-cpu").inputs.alarmActions).toEqual([topics.find((t) => t.name === "alarms")!.outputs.arn]);
        expect(run.stackOutputs.edgeTopic).toBe(edgeTopic.outputs.arn);
        // Both topics carry the e-mail subscription.
        expect(run.resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription").map((r) => r.name).sort())
            .toEqual(["alarms-edge-email-oncall@example.com", "alarms-email-oncall@example.com"]);
    });
    it("layers without inputs get no alarms: no NAT, EKS or CIS alarms in this program", () => {
        const names: string[] = run.resources.filter((r) => r.type === ALARM).map((r) => r.name);
        expect(names.filter((n) => /^(nat|eks|cis)-/.test(n))).toEqual([]);
        expect(run.resources.filter((r) => r.type === "aws:cloudwatch/logMetricFilter:LogMetricFilter")).toEqual([]);
    });
});

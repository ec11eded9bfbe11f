import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AlarmThresholdsConfig } from "../../config/operationsConfig";

/**
 * Pure alarm definitions: what is watched, with which statistic and threshold. Kept free of
 * resources so the thresholds and dimensions are asserted directly and under mocks alike.
 * `edge` alarms watch CloudFront and CLOUDFRONT-scope WAF metrics, which exist only in us-east-1.
 */
export type AlarmRegion = "stack" | "edge";

export interface AlarmDefinition {
    /** Stable logical name and physical-name suffix, from config names (never a list index). */
    readonly name: string;
    readonly description: string;
    readonly region: AlarmRegion;
    readonly comparisonOperator: string;
    readonly threshold: number;
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
    readonly treatMissingData: "notBreaching" | "breaching" | "missing";
    /** A single metric... */
    readonly metric?: {
        readonly namespace: string;
        readonly metricName: string;
        readonly dimensions: Record<string, pulumi.Input<string>>;
        readonly statistic: string;
        readonly period: number;
    };
    /** ...or metric math (DynamoDB errors are published per operation). */
    readonly metricQueries?: aws.types.input.cloudwatch.MetricAlarmMetricQuery[];
}

const FIVE_MINUTES = 300;
const ONE_MINUTE = 60;

function countAlarm(name: string, description: string, region: AlarmRegion, metric: AlarmDefinition["metric"], threshold: number): AlarmDefinition {
    return {
        name, description, region, metric, threshold,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        // No datapoint means nothing happened.
        treatMissingData: "notBreaching",
    };
}

/** CloudFront 5xx error rate (percent of requests) over two consecutive 5-minute periods. */
export function cloudFrontAlarms(t: AlarmThresholdsConfig, distributionId: pulumi.Input<string>): AlarmDefinition[] {
    return [{
        name: "cloudfront-5xx-rate",
        description: `CloudFront 5xx error rate at or above ${t.cloudFront5xxErrorRatePercent}% for 10 minutes`,
        region: "edge",
        metric: { namespace: "AWS/CloudFront", metricName: "5xxErrorRate", dimensions: { DistributionId: distributionId, Region: "Global" }, statistic: "Average", period: FIVE_MINUTES },
        threshold: t.cloudFront5xxErrorRatePercent,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        treatMissingData: "notBreaching",
    }];
}

/** A spike of requests the CLOUDFRONT web ACL blocked (an attack, or a rule blocking real users). */
export function wafAlarms(t: AlarmThresholdsConfig, webAclName: string): AlarmDefinition[] {
    return [countAlarm("waf-blocked-spike", `WAF blocked at least ${t.wafBlockedRequestsPerFiveMinutes} requests in 5 minutes`, "edge",
        { namespace: "AWS/WAFV2", metricName: "BlockedRequests", dimensions: { WebACL: webAclName, Rule: "ALL" }, statistic: "Sum", period: FIVE_MINUTES },
        t.wafBlockedRequestsPerFiveMinutes)];
}

/** A NAT gateway out of source ports: connections from private subnets fail. Keyed by zone. */
export function natGatewayAlarms(t: AlarmThresholdsConfig, natGatewayIds: Readonly<Record<string, pulumi.Input<string>>>): AlarmDefinition[] {
    return Object.entries(natGatewayIds).map(([zone, id]: [string, pulumi.Input<string>]) => countAlarm(
        `nat-port-allocation-${zone}`, `NAT gateway in ${zone}: at least ${t.natPortAllocationErrors} port-allocation errors in 5 minutes`, "stack",
        { namespace: "AWS/NATGateway", metricName: "ErrorPortAllocation", dimensions: { NatGatewayId: id }, statistic: "Sum", period: FIVE_MINUTES },
        t.natPortAllocationErrors));
}

/** The custom metric the EKS control-plane metric filter publishes. */
export function eksAlarms(t: AlarmThresholdsConfig, namespace: string, metricName: string): AlarmDefinition[] {
    return [countAlarm("eks-control-plane-errors", `EKS API server answered at least ${t.eksControlPlaneErrorsPerFiveMinutes} requests with 5xx in 5 minutes`, "stack",
        { namespace, metricName, dimensions: {}, statistic: "Sum", period: FIVE_MINUTES }, t.eksControlPlaneErrorsPerFiveMinutes)];
}

export interface AuroraAlarmTarget {
    readonly clusterIdentifier: pulumi.Input<string>;
    /** Reader name (from config) -> DB instance identifier: replica lag is per reader. */
    readonly readerInstanceIds: Readonly<Record<string, pulumi.Input<string>>>;
    /** The writer auto-pauses at 0 ACUs (Serverless v2, minCapacity 0): silence is then normal. */
    readonly canPause: boolean;
}

/**
 * How an Aurora alarm reads a period without data. A provisioned (or never-pausing) cluster reports
 * every minute, so silence means it is down: breaching. A cluster that auto-pauses stops serving
 * (and stops its engine) whenever it is idle for secondsUntilAutoPause: the instance is at 0 ACUs, the
 * engine behind CPUUtilization, FreeableMemory and DatabaseConnections is not running, and any period
 * without data is the pause, not an outage. Reading it as breaching pages on every idle night, so a
 * pausable cluster treats missing data as not breaching; an outage while it runs still shows as
 * CPU/memory/connections data. (Aurora Serverless v2 auto-pause:
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2-auto-pause.html.)
 */
export function auroraMissingData(aurora: Pick<AuroraAlarmTarget, "canPause">): AlarmDefinition["treatMissingData"] {
    return aurora.canPause ? "notBreaching" : "breaching";
}

/**
 * Freeable memory of a cluster that can pause: a "below the threshold" alarm would read a paused
 * instance (0 ACUs, nothing allocated) as out of memory if a zero were ever reported for it. The
 * memory is only evaluated while the cluster has capacity (ServerlessDatabaseCapacity > 0); a paused
 * period counts as the threshold itself, which is not below it.
 */
function pausableMemoryAlarm(t: AlarmThresholdsConfig, cluster: Record<string, pulumi.Input<string>>, treatMissingData: AlarmDefinition["treatMissingData"]): AlarmDefinition {
    const threshold: number = t.auroraFreeableMemoryMiB * 1024 * 1024;
    const metric = (id: string, metricName: string): aws.types.input.cloudwatch.MetricAlarmMetricQuery => ({
        id, returnData: false,
        metric: { namespace: "AWS/RDS", metricName, dimensions: cluster, stat: "Average", period: FIVE_MINUTES },
    });
    return {
        name: "aurora-freeable-memory",
        description: `Aurora freeable memory below ${t.auroraFreeableMemoryMiB} MiB for 15 minutes while the cluster runs (not while paused)`,
        region: "stack", threshold, comparisonOperator: "LessThanThreshold",
        evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData,
        metricQueries: [
            metric("memory", "FreeableMemory"),
            metric("capacity", "ServerlessDatabaseCapacity"),
            { id: "running", expression: `IF(capacity > 0, memory, ${threshold})`, label: "freeable memory while running", returnData: true },
        ],
    };
}

export function auroraAlarms(t: AlarmThresholdsConfig, aurora: AuroraAlarmTarget): AlarmDefinition[] {
    const cluster = { DBClusterIdentifier: aurora.clusterIdentifier };
    const treatMissingData: AlarmDefinition["treatMissingData"] = auroraMissingData(aurora);
    const sustained = (name: string, description: string, metricName: string, threshold: number, comparisonOperator: string): AlarmDefinition => ({
        name, description, region: "stack", threshold, comparisonOperator,
        metric: { namespace: "AWS/RDS", metricName, dimensions: cluster, statistic: "Average", period: FIVE_MINUTES },
        evaluationPeriods: 3, datapointsToAlarm: 3,
        treatMissingData,
    });
    return [
        sustained("aurora-cpu", `Aurora CPU at or above ${t.auroraCpuPercent}% for 15 minutes`, "CPUUtilization", t.auroraCpuPercent, "GreaterThanOrEqualToThreshold"),
        aurora.canPause
            ? pausableMemoryAlarm(t, cluster, treatMissingData)
            : sustained("aurora-freeable-memory", `Aurora freeable memory below ${t.auroraFreeableMemoryMiB} MiB for 15 minutes`, "FreeableMemory", t.auroraFreeableMemoryMiB * 1024 * 1024, "LessThanThreshold"),
        sustained("aurora-connections", `Aurora connections at or above ${t.auroraConnections} for 15 minutes`, "DatabaseConnections", t.auroraConnections, "GreaterThanOrEqualToThreshold"),
        ...Object.entries(aurora.readerInstanceIds).map(([reader, instanceId]: [string, pulumi.Input<string>]): AlarmDefinition => ({
            name: `aurora-replica-lag-${reader}`,
            description: `Aurora reader ${reader}: replica lag at or above ${t.auroraReplicaLagMilliseconds} ms for 5 minutes`,
            region: "stack",
            metric: { namespace: "AWS/RDS", metricName: "AuroraReplicaLag", dimensions: { DBInstanceIdentifier: instanceId }, statistic: "Maximum", period: ONE_MINUTE },
            threshold: t.auroraReplicaLagMilliseconds,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            evaluationPeriods: 5, datapointsToAlarm: 5,
            // Readers of promotion tier 0/1 pause with the writer.
            treatMissingData,
        })),
    ];
}

/** DynamoDB publishes SystemErrors per operation: these are summed by metric math (at most 10 metrics per alarm). */
export const DYNAMO_OPERATIONS: readonly string[] = ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchWriteItem", "TransactWriteItems"];

/** Table name (from config) -> physical table name. */
export function dynamoAlarms(t: AlarmThresholdsConfig, tables: Readonly<Record<string, pulumi.Input<string>>>): AlarmDefinition[] {
    return Object.entries(tables).flatMap(([table, tableName]: [string, pulumi.Input<string>]): AlarmDefinition[] => {
        const metric = (id: string, metricName: string, extra: Record<string, string> = {}): aws.types.input.cloudwatch.MetricAlarmMetricQuery => ({
            id, returnData: false,
            metric: { namespace: "AWS/DynamoDB", metricName, dimensions: { TableName: tableName, ...extra }, stat: "Sum", period: FIVE_MINUTES },
        });
        const math = (queries: aws.types.input.cloudwatch.MetricAlarmMetricQuery[], label: string): aws.types.input.cloudwatch.MetricAlarmMetricQuery[] =>
            [...queries, { id: "total", expression: queries.map((q) => q.id as string).join(" + "), label, returnData: true }];
        return [
            {
                name: `dynamodb-throttles-${table}`,
                description: `DynamoDB table ${table}: at least ${t.dynamoThrottledRequests} throttled reads and writes in 5 minutes`,
                region: "stack", threshold: t.dynamoThrottledRequests, comparisonOperator: "GreaterThanOrEqualToThreshold",
                evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: "notBreaching",
                metricQueries: math([metric("reads", "ReadThrottleEvents"), metric("writes", "WriteThrottleEvents")], "throttle events"),
            },
            {
                name: `dynamodb-system-errors-${table}`,
                description: `DynamoDB table ${table}: at least ${t.dynamoSystemErrors} system errors (HTTP 500) in 5 minutes`,
                region: "stack", threshold: t.dynamoSystemErrors, comparisonOperator: "GreaterThanOrEqualToThreshold",
                evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: "notBreaching",
                metricQueries: math(DYNAMO_OPERATIONS.map((operation: string) => metric(operation.toLowerCase(), "SystemErrors", { Operation: operation })), "system errors"),
            },
        ];
    });
}

export interface CacheAlarmTarget {
    readonly replicationGroupId: pulumi.Input<string>;
    /** Nodes of the replication group; members are <id>-001, <id>-002, ... (ElastiCache's naming). */
    readonly nodeCount: number;
}

export function cacheAlarms(t: AlarmThresholdsConfig, cache: CacheAlarmTarget): AlarmDefinition[] {
    return Array.from({ length: cache.nodeCount }, (_: unknown, index: number) => String(index + 1).padStart(3, "0"))
        .flatMap((node: string): AlarmDefinition[] => {
            const dimensions = { CacheClusterId: pulumi.interpolate`${cache.replicationGroupId}-${node}` };
            const sustained = (name: string, description: string, metricName: string, threshold: number): AlarmDefinition => ({
                name: `${name}-${node}`, description, region: "stack", threshold, comparisonOperator: "GreaterThanOrEqualToThreshold",
                metric: { namespace: "AWS/ElastiCache", metricName, dimensions, statistic: "Average", period: FIVE_MINUTES },
                evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "breaching",
            });
            return [
                // Valkey/Redis run commands on one core: EngineCPUUtilization is the meaningful CPU metric.
                sustained("cache-cpu", `Cache node ${node}: engine CPU at or above ${t.cacheCpuPercent}% for 15 minutes`, "EngineCPUUtilization", t.cacheCpuPercent),
                sustained("cache-memory", `Cache node ${node}: memory at or above ${t.cacheMemoryPercent}% for 15 minutes`, "DatabaseMemoryUsagePercentage", t.cacheMemoryPercent),
                countAlarm(`cache-evictions-${node}`, `Cache node ${node}: at least ${t.cacheEvictions} evictions in 5 minutes`, "stack",
                    { namespace: "AWS/ElastiCache", metricName: "Evictions", dimensions, statistic: "Sum", period: FIVE_MINUTES }, t.cacheEvictions),
            ];
        });
}

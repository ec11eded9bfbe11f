import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { OperationsConfig } from "../../config/operationsConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { GLOBAL_EDGE_REGION } from "../../platform/providers";
import { KeyPolicyContext } from "../security/keyPolicies";
import {
    AlarmDefinition, AuroraAlarmTarget, CacheAlarmTarget, auroraAlarms, cacheAlarms, cloudFrontAlarms, dynamoAlarms, eksAlarms, natGatewayAlarms, wafAlarms,
} from "./alarmDefinitions";
import { AlarmTopic, createAlarmTopic } from "./alarmTopic";
import { CIS_FILTERS, CIS_NAMESPACE, CisFilter, EKS_SERVER_ERROR_PATTERN } from "./cisFilters";
import { dashboardBody } from "./dashboard";

/** What the alarms watch. Each layer is optional: a layer that is not deployed gets no alarms. */
export interface ObservedLayers {
    readonly edge?: { readonly distributionId: pulumi.Input<string>; readonly cloudFrontWebAclName: string };
    /** Zone -> NAT gateway id. */
    readonly natGatewayIds?: Readonly<Record<string, pulumi.Input<string>>>;
    readonly eks?: { readonly clusterName: pulumi.Input<string>; readonly controlPlaneLogGroupName: pulumi.Input<string> };
    readonly cloudTrailLogGroupName?: pulumi.Input<string>;
    readonly aurora?: AuroraAlarmTarget;
    /** Table name (from config) -> physical table name. */
    readonly dynamoTables?: Readonly<Record<string, pulumi.Input<string>>>;
    readonly cache?: CacheAlarmTarget;
}

export interface ObservabilityArgs {
    readonly operations: OperationsConfig;
    readonly protection: ProtectionConfig;
    readonly naming: NamingContext;
    readonly account: AccountContext;
    readonly globalEdgeProvider: aws.Provider;
    readonly kmsDeletionWindowInDays: number;
    readonly layers: ObservedLayers;
}

/**
 * The platform's alarms, their encrypted SNS topic, the CIS and EKS metric filters, the dashboard
 * and the optional Prometheus workspace. CloudFront and CLOUDFRONT-scope WAF metrics exist only in
 * us-east-1 and an alarm can only notify a topic of its own region, so a stack outside us-east-1
 * gets a second topic there (`edgeAlarmTopicArn`); Budgets and Cost Anomaly Detection use it too.
 */
export class Observability extends pulumi.ComponentResource {
    public readonly alarmTopicArn: pulumi.Output<string>;
    /** The topic in us-east-1 (the same topic when the stack runs there). */
    public readonly edgeAlarmTopicArn: pulumi.Output<string>;
    public readonly alarmNames: string[];
    public readonly dashboardName: pulumi.Output<string> | undefined;
    public readonly prometheusWorkspaceId: pulumi.Output<string> | undefined;

    constructor(name: string, args: ObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:operations:Observability", name, {}, opts);
        const { operations, naming, layers } = args;
        const thresholds = operations.alarms.thresholds;
        const account: pulumi.Output<Omit<KeyPolicyContext, "region">> = pulumi.all([args.account.accountId, args.account.partition, args.account.dnsSuffix])
            .apply(([accountId, partition, dnsSuffix]: [string, string, string]) => ({ accountId, partition, dnsSuffix }));
        const topicArgs = { subscriptions: operations.alarms.subscriptions, naming, protection: args.protection, account, kmsDeletionWindowInDays: args.kmsDeletionWindowInDays };

        const stackTopic: AlarmTopic = createAlarmTopic({ ...topicArgs, suffix: "", region: args.account.region, opts: { parent: this } });
        const edgeTopic: AlarmTopic = args.account.region === GLOBAL_EDGE_REGION
            ? stackTopic
            : createAlarmTopic({ ...topicArgs, suffix: "-edge", region: GLOBAL_EDGE_REGION, opts: { parent: this, provider: args.globalEdgeProvider } });

        const eksNamespace = `Platform/${naming.prefix}/EKS`;
        const eksMetric = "ControlPlaneServerErrors";
        const filters: aws.cloudwatch.LogMetricFilter[] = [];
        if (layers.eks) {
            filters.push(new aws.cloudwatch.LogMetricFilter("eks-control-plane-errors", {
                name: physicalName(naming, "eks-control-plane-errors"),
                logGroupName: layers.eks.controlPlaneLogGroupName,
                pattern: EKS_SERVER_ERROR_PATTERN,
                metricTransformation: { name: eksMetric, namespace: eksNamespace, value: "1", defaultValue: "0" },
            }, { parent: this }));
        }
        const cisAlarms: AlarmDefinition[] = [];
        if (layers.cloudTrailLogGroupName) {
            for (const filter of CIS_FILTERS) {
                filters.push(createCisFilter(this, naming, layers.cloudTrailLogGroupName, filter));
                cisAlarms.push({
                    name: `cis-${filter.name}`,
                    description: `${filter.control}: ${filter.description}`,
                    region: "stack",
                    metric: { namespace: CIS_NAMESPACE, metricName: cisMetricName(naming, filter), dimensions: {}, statistic: "Sum", period: 300 },
                    threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
                    evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: "notBreaching",
                });
            }
        }

        const definitions: AlarmDefinition[] = [
            ...(layers.edge ? [...cloudFrontAlarms(thresholds, layers.edge.distributionId), ...wafAlarms(thresholds, layers.edge.cloudFrontWebAclName)] : []),
            ...(layers.natGatewayIds ? natGatewayAlarms(thresholds, layers.natGatewayIds) : []),
            ...(layers.eks ? eksAlarms(thresholds, eksNamespace, eksMetric) : []),
            ...cisAlarms,
            ...(layers.aurora ? auroraAlarms(thresholds, layers.aurora) : []),
            ...(layers.dynamoTables ? dynamoAlarms(thresholds, layers.dynamoTables) : []),
            ...(layers.cache ? cacheAlarms(thresholds, layers.cache) : []),
        ];
        const alarms: aws.cloudwatch.MetricAlarm[] = definitions.map((definition: AlarmDefinition) => {
            const edge: boolean = definition.region === "edge";
            return createAlarm(definition, naming, edge ? edgeTopic.topic.arn : stackTopic.topic.arn,
                { parent: this, provider: edge ? args.globalEdgeProvider : undefined, dependsOn: filters });
        });

        const dashboard: aws.cloudwatch.Dashboard | undefined = operations.dashboard.enabled
            ? new aws.cloudwatch.Dashboard("platform", {
                dashboardName: physicalName(naming, "platform"),
                dashboardBody: dashboardBody({ region: args.account.region, definitions, alarmArns: alarms.map((alarm) => alarm.arn) }),
            }, { parent: this })
            : undefined;

        const prometheus: aws.amp.Workspace | undefined = operations.prometheus.enabled
            ? new aws.amp.Workspace("platform", {
                alias: physicalName(naming, "prometheus"),
                kmsKeyArn: stackTopic.key.arn,
                tags: nameTagFor(naming, "prometheus"),
            }, { parent: this, protect: args.protection.protectStatefulResources })
            : undefined;

        this.alarmTopicArn = stackTopic.topic.arn;
        this.edgeAlarmTopicArn = edgeTopic.topic.arn;
        this.alarmNames = definitions.map((definition: AlarmDefinition) => physicalName(naming, definition.name));
        this.dashboardName = dashboard?.dashboardName;
        this.prometheusWorkspaceId = prometheus?.id;
        this.registerOutputs({ alarmTopicArn: this.alarmTopicArn, edgeAlarmTopicArn: this.edgeAlarmTopicArn, dashboardName: this.dashboardName });
    }
}

function cisMetricName(naming: NamingContext, filter: CisFilter): string {
    return `${naming.prefix}-${filter.name}`;
}

function createCisFilter(parent: pulumi.Resource, naming: NamingContext, logGroupName: pulumi.Input<string>, filter: CisFilter): aws.cloudwatch.LogMetricFilter {
    return new aws.cloudwatch.LogMetricFilter(`cis-${filter.name}`, {
        name: physicalName(naming, `cis-${filter.name}`),
        logGroupName,
        pattern: filter.pattern,
        metricTransformation: { name: cisMetricName(naming, filter), namespace: CIS_NAMESPACE, value: "1", defaultValue: "0" },
    }, { parent });
}

function createAlarm(definition: AlarmDefinition, naming: NamingContext, topicArn: pulumi.Output<string>, opts: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm {
    const metric = definition.metric;
    return new aws.cloudwatch.MetricAlarm(definition.name, {
        name: physicalName(naming, definition.name),
        alarmDescription: definition.description,
        comparisonOperator: definition.comparisonOperator,
        threshold: definition.threshold,
        evaluationPeriods: definition.evaluationPeriods,
        datapointsToAlarm: definition.datapointsToAlarm,
        treatMissingData: definition.treatMissingData,
        namespace: metric?.namespace,
        metricName: metric?.metricName,
        dimensions: metric && Object.keys(metric.dimensions).length > 0 ? metric.dimensions : undefined,
        statistic: metric?.statistic,
        period: metric?.period,
        metricQueries: definition.metricQueries,
        actionsEnabled: true,
        alarmActions: [topicArn],
        okActions: [topicArn],
        tags: nameTagFor(naming, definition.name),
    }, opts);
}

import { RecordedResource } from "../offline/mockEngine";
import { RATES, Rate, RateId } from "./pricing";
import { Assumptions } from "./assumptions";
import { InstanceRateId, instanceRateId } from "./ec2Pricing";
import { Charge, Pricer, PricingContext, dependsThrough, hours, nodeGroupShape, textOf } from "./pricers/context";
import { priceCluster, priceClusterInstance } from "./pricers/aurora";
import { priceBackupPlan, priceEfsBackupPolicy, priceRestoreTestingSelection } from "./pricers/backup";
import { priceDetector, priceDetectorFeature } from "./pricers/guardDuty";
import { priceDistribution, priceWebAcl } from "./pricers/edge";
import { CostLever, costLevers } from "./levers";
import { definitionStates, lambdaTraced, stateMachineTraced, tracingCharges } from "./pricers/tracing";

/** One priced charge of one resource. */
export interface CostItem {
    readonly component: string;
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly rate: RateId;
    readonly description: string;
    readonly quantity: number;
    readonly unit: string;
    readonly unitPriceUsd: number;
    readonly monthlyUsd: number;
    readonly verify: boolean;
    /** The cost lever (levers.ts) a configuration choice can remove this charge with. */
    readonly lever?: string;
}

/** Types the estimate prices at $0, with why. */
export interface UnpricedType {
    readonly type: string;
    readonly count: number;
    readonly note: string;
}

export interface ComponentCost {
    readonly component: string;
    readonly monthlyUsd: number;
}

export interface CostEstimate {
    readonly currency: "USD";
    readonly region: string;
    readonly totalMonthlyUsd: number;
    readonly byComponent: ComponentCost[];
    readonly items: CostItem[];
    readonly unpriced: UnpricedType[];
    readonly assumptions: Assumptions;
    /** The assumption files applied over the built-in defaults, in order (cost/<stack>.yaml, --assumptions). */
    readonly assumptionSources: string[];
    /** Configuration choices that move the estimate, priced both ways. */
    readonly levers: CostLever[];
    readonly rates: Record<string, Rate>;
}

/** Types with no charge of their own. */
const FREE: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "no charge",
    "aws:ec2/subnet:Subnet": "no charge",
    "aws:ec2/routeTable:RouteTable": "no charge",
    "aws:ec2/route:Route": "no charge",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "no charge",
    "aws:ec2/internetGateway:InternetGateway": "no charge (traffic billed as data transfer)",
    "aws:ec2/securityGroup:SecurityGroup": "no charge",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "no charge",
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": "no charge",
    "aws:ec2/networkAcl:NetworkAcl": "no charge",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "no charge",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "no charge",
    "aws:ec2/securityGroupRule:SecurityGroupRule": "no charge",
    "aws:kms/alias:Alias": "no charge",
    "aws:iam/role:Role": "no charge",
    "aws:iam/policy:Policy": "no charge",
    "aws:iam/rolePolicy:RolePolicy": "no charge",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "no charge",
    "aws:rds/subnetGroup:SubnetGroup": "no charge",
    "aws:elasticache/subnetGroup:SubnetGroup": "no charge",
    "aws:accessanalyzer/analyzer:Analyzer": "external-access analyzer: no charge",
    "aws:ebs/encryptionByDefault:EncryptionByDefault": "no charge",
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": "no charge",
    "aws:securityhub/standardsSubscription:StandardsSubscription": "checks priced on the Security Hub account",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "no charge",
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": "no charge",
    "aws:cfg/deliveryChannel:DeliveryChannel": "no charge (deliveries add S3 storage)",
    "aws:cfg/recorderStatus:RecorderStatus": "priced on the recorder",
    "aws:secretsmanager/secretVersion:SecretVersion": "priced on the secret",
    "aws:ebs/defaultKmsKey:DefaultKmsKey": "account setting: no charge",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": "bucket setting: no charge",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": "bucket setting: no charge",
    "aws:s3/bucketPolicy:BucketPolicy": "bucket setting: no charge",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "bucket setting: no charge",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": "bucket setting: no charge (KMS requests not estimated)",
    "aws:s3/bucketVersioning:BucketVersioning": "bucket setting: no charge (old versions add storage)",
    "aws:eks/addon:Addon": "no charge (runs on the nodes)",
    "aws:eks/accessEntry:AccessEntry": "no charge",
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": "no charge",
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": "no charge",
    "aws:ec2/launchTemplate:LaunchTemplate": "no charge (volumes priced on the node group)",
    "aws:cloudwatch/eventRule:EventRule": "AWS service events on the default bus: no charge",
    "aws:cloudwatch/eventTarget:EventTarget": "no charge",
    "aws:sqs/queuePolicy:QueuePolicy": "no charge",
    "aws:sqs/queue:Queue": "first million requests a month free; low-volume queues not estimated",
    "aws:s3/bucketNotification:BucketNotification": "bucket setting: no charge (EventBridge events billed to the bus's rules, not estimated)",
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": "no charge",
    "aws:elasticache/parameterGroup:ParameterGroup": "no charge",
    "aws:elasticache/user:User": "no charge",
    "aws:elasticache/userGroup:UserGroup": "no charge",
    "aws:efs/mountTarget:MountTarget": "no charge",
    "aws:efs/accessPoint:AccessPoint": "no charge",
    "aws:efs/fileSystemPolicy:FileSystemPolicy": "no charge",
    "aws:backup/vault:Vault": "storage priced on the backup plan",
    "aws:backup/vaultLockConfiguration:VaultLockConfiguration": "no charge",
    "aws:backup/selection:Selection": "storage priced on the backup plan",
    "aws:backup/restoreTestingPlan:RestoreTestingPlan": "restore jobs priced on the restore testing selections",
    "aws:appautoscaling/target:Target": "no charge (added capacity is priced as instances)",
    "aws:appautoscaling/policy:Policy": "no charge",
    "aws:cloudfront/originAccessControl:OriginAccessControl": "no charge",
    "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": "no charge",
    "aws:cloudfront/vpcOrigin:VpcOrigin": "no charge (the ALB is billed where it is created)",
    "aws:acm/certificate:Certificate": "public ACM certificate: no charge",
    "aws:acm/certificateValidation:CertificateValidation": "no charge",
    "aws:route53/record:Record": "records: no charge (alias queries to CloudFront are free; the hosted zone is billed where it lives)",
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": "no charge (ingestion priced on the log group)",
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": "no charge (delivery priced on the destination)",
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": "no charge (ingestion priced on the log group or bucket)",
    "aws:cloudwatch/logDelivery:LogDelivery": "no charge (ingestion priced on the destination)",
    "aws:s3/bucketLogging:BucketLogging": "no charge (log objects add storage to the access-log bucket)",
    "aws:sns/topic:Topic": "first 1,000 e-mail and 100,000 HTTPS notifications a month free; alarm volumes stay inside it",
    "aws:sns/topicPolicy:TopicPolicy": "no charge",
    "aws:sns/topicSubscription:TopicSubscription": "no charge (deliveries priced on the topic)",
    "aws:budgets/budget:Budget": "budgets without actions: no charge",
    "aws:costexplorer/anomalyMonitor:AnomalyMonitor": "Cost Anomaly Detection: no charge",
    "aws:costexplorer/anomalySubscription:AnomalySubscription": "Cost Anomaly Detection: no charge",
    "aws:cloudwatch/eventBusPolicy:EventBusPolicy": "no charge",
    "aws:lambda/permission:Permission": "no charge",
    "aws:lambda/eventSourceMapping:EventSourceMapping": "no charge (the polling requests are priced on the queue)",
    "aws:cognito/userPoolClient:UserPoolClient": "priced on the user pool",
    "aws:apigatewayv2/stage:Stage": "priced on the API",
    "aws:apigatewayv2/authorizer:Authorizer": "no charge",
    "aws:apigatewayv2/route:Route": "no charge",
    "aws:apigatewayv2/integration:Integration": "no charge",
    "aws:apigatewayv2/vpcLink:VpcLink": "HTTP API VPC links: no charge",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": "no charge",
    "aws:ecr/repositoryPolicy:RepositoryPolicy": "no charge",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": "no charge",
};

const PRICERS: Record<string, Pricer> = {
    "aws:ec2/natGateway:NatGateway": (_r, ctx) => [
        { rate: "natGatewayHour", quantity: hours(ctx) },
        { rate: "natGatewayGb", quantity: ctx.assumptions.natGatewayGbPerMonth },
    ],
    "aws:ec2/eip:Eip": (_r, ctx) => [{ rate: "publicIpv4Hour", quantity: hours(ctx) }],
    "aws:ec2/vpcEndpoint:VpcEndpoint": (r, ctx) => {
        if (textOf(r.inputs.vpcEndpointType, "Gateway") !== "Interface") {
            return "gateway endpoint: no charge";
        }
        const azs: number = Array.isArray(r.inputs.subnetIds) ? Math.max(1, r.inputs.subnetIds.length) : 1;
        return [
            { rate: "interfaceEndpointAzHour", quantity: azs * hours(ctx) },
            { rate: "interfaceEndpointGb", quantity: ctx.assumptions.interfaceEndpointGbPerMonth },
        ];
    },
    "aws:ec2/flowLog:FlowLog": (r, ctx) => {
        const destination: string = textOf(r.inputs.logDestinationType, "cloud-watch-logs");
        if (destination !== "cloud-watch-logs") {
            return `flow logs to ${destination}: vended-log rate for that destination is not in the price table`;
        }
        return [{ rate: "vendedLogsCloudWatchGb", quantity: ctx.assumptions.flowLogGbPerMonth }];
    },
    "aws:cloudwatch/logGroup:LogGroup": (r, ctx) => ctx.flowLogDestinations.has(r.urn)
        ? "flow-log destination: ingestion priced on the flow log"
        : [{ rate: "cloudWatchLogsIngestGb", quantity: ctx.assumptions.logGroupGbPerMonth }],
    "aws:cloudwatch/metricAlarm:MetricAlarm": (r) => {
        const queries: unknown[] = Array.isArray(r.inputs.metricQueries) ? r.inputs.metricQueries : [];
        const metrics: number = queries.filter((q: unknown) => typeof q === "object" && q !== null && "metric" in q && (q as { metric?: unknown }).metric !== undefined).length;
        return metrics > 0 ? [{ rate: "cloudWatchAlarmMetricMonth", quantity: metrics }] : [{ rate: "cloudWatchAlarmMonth", quantity: 1 }];
    },
    "aws:cloudwatch/dashboard:Dashboard": () => [{ rate: "cloudWatchDashboardMonth", quantity: 1 }],
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": () => [{ rate: "cloudWatchCustomMetricMonth", quantity: 1 }],
    "aws:amp/workspace:Workspace": (_r, ctx) => [
        { rate: "prometheusIngestTenMillionSamples", quantity: ctx.assumptions.prometheusSamplesTenMillionPerMonth },
        { rate: "prometheusStorageGbMonth", quantity: ctx.assumptions.prometheusStorageGb },
    ],
    "aws:shield/protection:Protection": () => [{ rate: "shieldAdvancedMonth", quantity: 1 }],
    "aws:kms/key:Key": () => [{ rate: "kmsKeyMonth", quantity: 1 }],
    "aws:kms/replicaKey:ReplicaKey": () => [{ rate: "kmsKeyMonth", quantity: 1 }],
    "aws:cloudtrail/trail:Trail": (r, ctx) => JSON.stringify(r.inputs.advancedEventSelectors ?? []).includes("\"Data\"")
        ? [{ rate: "cloudTrailManagementCopy", quantity: 1 }, { rate: "cloudTrailDataEventsMillion", quantity: ctx.assumptions.cloudTrailDataEventsMillionPerMonth }]
        : [{ rate: "cloudTrailManagementCopy", quantity: 1 }],
    "aws:guardduty/detector:Detector": priceDetector,
    "aws:guardduty/detectorFeature:DetectorFeature": priceDetectorFeature,
    "aws:cfg/recorder:Recorder": (_r, ctx) => [{ rate: "configItem", quantity: ctx.assumptions.configItemsPerMonth }],
    "aws:securityhub/account:Account": (_r, ctx) => [{ rate: "securityHubCheck", quantity: ctx.assumptions.securityHubChecksPerMonth }],
    "aws:eks/cluster:Cluster": (_r, ctx) => [{ rate: "eksClusterHour", quantity: hours(ctx) }],
    "aws:eks/nodeGroup:NodeGroup": (r, ctx) => nodeGroupCharges(r, ctx),
    "aws:eks/fargateProfile:FargateProfile": (_r, ctx) => [
        { rate: "fargateVcpuHour", quantity: ctx.assumptions.fargatePodsPerProfile * ctx.assumptions.fargatePodVcpu * hours(ctx) },
        { rate: "fargateGbHour", quantity: ctx.assumptions.fargatePodsPerProfile * ctx.assumptions.fargatePodMemoryGb * hours(ctx) },
    ],
    "aws:rds/cluster:Cluster": priceCluster,
    "aws:rds/clusterInstance:ClusterInstance": priceClusterInstance,
    "aws:elasticache/replicationGroup:ReplicationGroup": (r, ctx) => {
        const nodes: number = Number(r.inputs.numCacheClusters ?? 0)
            || Number(r.inputs.numNodeGroups ?? 1) * (Number(r.inputs.replicasPerNodeGroup ?? 0) + 1);
        return cacheNodes(textOf(r.inputs.nodeType, ""), nodes, ctx, textOf(r.inputs.engine, "redis"));
    },
    "aws:elasticache/cluster:Cluster": (r, ctx) => cacheNodes(textOf(r.inputs.nodeType, ""), Number(r.inputs.numCacheNodes ?? 1), ctx, textOf(r.inputs.engine, "redis")),
    "aws:elasticache/serverlessCache:ServerlessCache": (_r, ctx) => [{ rate: "elastiCacheServerlessGbHour", quantity: hours(ctx) }],
    "aws:dynamodb/table:Table": (r, ctx) => {
        if (textOf(r.inputs.billingMode, "PROVISIONED") !== "PAY_PER_REQUEST") {
            return "provisioned capacity is not in the price table";
        }
        // Each global-table replica stores the data again and applies every write again (replicated writes cost as writes since Nov 2024).
        const copies: number = 1 + (Array.isArray(r.inputs.replicas) ? r.inputs.replicas.length : 0);
        const pitr: boolean = (r.inputs.pointInTimeRecovery as { enabled?: unknown } | undefined)?.enabled === true;
        return [
            { rate: "dynamoDbWriteMillion", quantity: ctx.assumptions.dynamoDbWritesMillionPerMonth * copies },
            { rate: "dynamoDbReadMillion", quantity: ctx.assumptions.dynamoDbReadsMillionPerMonth },
            { rate: "dynamoDbStorageGbMonth", quantity: ctx.assumptions.dynamoDbStorageGbPerTable * copies },
            ...(pitr ? [{ rate: "dynamoDbPitrGbMonth" as RateId, quantity: ctx.assumptions.dynamoDbStorageGbPerTable * copies }] : []),
        ];
    },
    "aws:cloudfront/distribution:Distribution": priceDistribution,
    "aws:wafv2/webAcl:WebAcl": priceWebAcl,
    "aws:secretsmanager/secret:Secret": () => [{ rate: "secretMonth", quantity: 1 }],
    "aws:backup/plan:Plan": priceBackupPlan,
    "aws:efs/backupPolicy:BackupPolicy": priceEfsBackupPolicy,
    "aws:backup/restoreTestingSelection:RestoreTestingSelection": priceRestoreTestingSelection,
    "aws:efs/fileSystem:FileSystem": (_r, ctx) => [
        { rate: "efsStandardGbMonth", quantity: ctx.assumptions.efsStandardGb },
        { rate: "efsInfrequentAccessGbMonth", quantity: ctx.assumptions.efsInfrequentAccessGb },
    ],
    "aws:s3/bucket:Bucket": (_r, ctx) => [{ rate: "s3StandardGbMonth", quantity: ctx.assumptions.s3GbPerBucket }],
    "aws:s3/bucketV2:BucketV2": (_r, ctx) => [{ rate: "s3StandardGbMonth", quantity: ctx.assumptions.s3GbPerBucket }],
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": (_r, ctx) => [{ rate: "interRegionTransferGb", quantity: ctx.assumptions.replicatedGbPerMonth }],
    "aws:sqs/queue:Queue": (r, ctx) => isDeadLetterQueue(r, ctx)
        ? "dead-letter queue: only failed messages"
        : [{ rate: r.inputs.fifoQueue === true ? "sqsFifoRequestsMillion" : "sqsStandardRequestsMillion", quantity: ctx.assumptions.sqsRequestsMillionPerQueue }],
    "aws:sns/topic:Topic": (_r, ctx) => [{ rate: "snsPublishMillion", quantity: ctx.assumptions.snsPublishesMillionPerTopic }],
    "aws:sns/topicSubscription:TopicSubscription": (r, ctx) => {
        switch (String(r.inputs.protocol)) {
            case "https":
                return [{ rate: "snsHttpsDeliveriesMillion", quantity: ctx.assumptions.snsDeliveriesMillionPerHttpsSubscription }];
            case "email":
                return [{ rate: "snsEmailDeliveriesThousand", quantity: ctx.assumptions.snsDeliveriesThousandPerEmailSubscription }];
            default:
                return `${String(r.inputs.protocol)} deliveries: no charge`;
        }
    },
    "aws:cloudwatch/eventBus:EventBus": (_r, ctx) => [{ rate: "eventBridgeCustomEventsMillion", quantity: ctx.assumptions.eventBridgeEventsMillionPerBus }],
    "aws:cloudwatch/eventArchive:EventArchive": (_r, ctx) => [{ rate: "eventBridgeArchiveGb", quantity: ctx.assumptions.eventBridgeArchiveGbPerMonth }],
    "aws:apigatewayv2/api:Api": (_r, ctx) => [{ rate: "apiGatewayHttpRequestsMillion", quantity: ctx.assumptions.apiRequestsMillionPerApi }],
    "aws:lambda/function:Function": (r, ctx) => {
        const invocations: number = ctx.assumptions.lambdaInvocationsMillionPerFunction;
        const memoryGb: number = Number(r.inputs.memorySize ?? 128) / 1024;
        const arm: boolean = Array.isArray(r.inputs.architectures) && r.inputs.architectures[0] === "arm64";
        return [
            { rate: "lambdaRequestsMillion", quantity: invocations },
            { rate: arm ? "lambdaGbSecondArm" : "lambdaGbSecondX86", quantity: invocations * 1_000_000 * (ctx.assumptions.lambdaAverageDurationMs / 1000) * memoryGb },
            ...tracingCharges(lambdaTraced(r), invocations, ctx),
        ];
    },
    "aws:sfn/stateMachine:StateMachine": (r, ctx) => {
        if (textOf(r.inputs.type, "STANDARD") === "EXPRESS") {
            const requests: number = ctx.assumptions.stepFunctionsRequestsMillionPerExpressMachine;
            return [{ rate: "stepFunctionsExpressRequestsMillion", quantity: requests }, ...tracingCharges(stateMachineTraced(r), requests, ctx)];
        }
        const transitionsThousand: number = ctx.assumptions.stepFunctionsTransitionsThousandPerStandardMachine;
        const executionsMillion: number = transitionsThousand / 1000 / definitionStates(r);
        return [{ rate: "stepFunctionsTransitionsThousand", quantity: transitionsThousand }, ...tracingCharges(stateMachineTraced(r), executionsMillion, ctx)];
    },
    "aws:cognito/userPool:UserPool": (r, ctx) => textOf(r.inputs.userPoolTier, "ESSENTIALS") === "PLUS"
        ? [{ rate: "cognitoPlusMau", quantity: ctx.assumptions.cognitoMonthlyActiveUsers }]
        : [{ rate: "cognitoEssentialsMau", quantity: Math.max(0, ctx.assumptions.cognitoMonthlyActiveUsers - 10_000) }],
    "aws:ecr/repository:Repository": (_r, ctx) => [{ rate: "ecrStorageGbMonth", quantity: ctx.assumptions.ecrGbPerRepository }],
    "aws:eks/capability:Capability": () => "EKS capability fee (per capability-hour and managed Argo CD application) is not in the price table; see aws.amazon.com/eks/pricing",
};

/**
 * A queue some other queue redrives into, or that a function, rule target or subscription names as its
 * dead-letter target. Decided from the property's dependencies first: in a dry run (a first
 * `pulumi preview`) the queue's ARN is unknown, so matching ARNs alone would miss every link.
 */
function isDeadLetterQueue(queue: RecordedResource, ctx: PricingContext): boolean {
    const arn: unknown = queue.outputs.arn;
    const knownArn: string | undefined = typeof arn === "string" && arn.startsWith("arn:") ? arn : undefined;
    return ctx.all.some((r: RecordedResource) => {
        if (["redrivePolicy", "deadLetterConfig"].some((property: string) => dependsThrough(r, property, queue.urn))) {
            return true;
        }
        if (!knownArn) {
            return false;
        }
        // Compare the target exactly: a queue's ARN is a prefix of its own "-dlq" queue's ARN.
        const redrive: unknown = r.inputs.redrivePolicy;
        if (typeof redrive === "string" && redrive.trim().startsWith("{") && (JSON.parse(redrive) as { deadLetterTargetArn?: unknown }).deadLetterTargetArn === knownArn) {
            return true;
        }
        const lambdaDlq = (r.inputs.deadLetterConfig as Record<string, unknown> | undefined);
        return lambdaDlq !== undefined && (lambdaDlq.targetArn === knownArn || lambdaDlq.arn === knownArn);
    });
}

/**
 * Desired nodes x the first instance type's hourly rate (Spot at the assumed discount), plus the
 * launch template's gp3 volumes for each node.
 */
function nodeGroupCharges(r: RecordedResource, ctx: PricingContext): Charge[] | string {
    const { nodes, instanceType, spot } = nodeGroupShape(r);
    const rate: InstanceRateId | undefined = instanceRateId(instanceType);
    if (!rate) {
        return `instance type ${instanceType || "(unknown)"} is not in the price table`;
    }
    const charges: Charge[] = [spot
        ? {
            rate,
            quantity: nodes * hours(ctx) * (1 - ctx.assumptions.spotDiscount),
            // Spot is not an on-demand charge: the quantity is on-demand-equivalent hours at the assumed discount.
            description: `${RATES[rate].description.replace("on-demand", "Spot")}: on-demand rate x (1 - spotDiscount ${ctx.assumptions.spotDiscount})`,
        }
        : { rate, quantity: nodes * hours(ctx) }];
    // By dependency first: a dry run leaves the template's id unknown.
    const templateId: unknown = (r.inputs.launchTemplate as { id?: unknown } | undefined)?.id;
    const template: RecordedResource | undefined = ctx.all.find((t: RecordedResource) => t.type === "aws:ec2/launchTemplate:LaunchTemplate"
        && (dependsThrough(r, "launchTemplate", t.urn) || (typeof templateId === "string" && t.outputs.id === templateId)));
    const volumeGb: number = (Array.isArray(template?.inputs.blockDeviceMappings) ? template.inputs.blockDeviceMappings as { ebs?: { volumeSize?: unknown } }[] : [])
        .reduce((sum: number, mapping) => sum + Number(mapping.ebs?.volumeSize ?? 0), 0);
    if (volumeGb > 0) {
        charges.push({ rate: "ebsGp3GbMonth", quantity: nodes * volumeGb });
    }
    return charges;
}

const CACHE_NODE_RATES: Record<string, Record<string, RateId>> = {
    redis: { "cache.t4g.micro": "elastiCacheT4gMicroHour", "cache.r6g.large": "elastiCacheR6gLargeHour", "cache.r7g.large": "elastiCacheR7gLargeHour" },
    valkey: { "cache.t4g.micro": "elastiCacheValkeyT4gMicroHour", "cache.r7g.large": "elastiCacheValkeyR7gLargeHour" },
};

function cacheNodes(nodeType: string, nodes: number, ctx: PricingContext, engine: string): Charge[] | string {
    const rate: RateId | undefined = (CACHE_NODE_RATES[engine.toLowerCase()] ?? CACHE_NODE_RATES.redis)[nodeType];
    return rate ? [{ rate, quantity: nodes * hours(ctx) }] : `node type ${nodeType || "(unknown)"} is not in the price table`;
}

const cents = (usd: number): number => Math.round(usd * 100) / 100;

/**
 * Prices every custom resource; `componentOf` names the top-level component a resource belongs to.
 * Resources of types without a rate are summarised by type at $0 with a note.
 */
export function estimateCost(resources: readonly RecordedResource[], componentOf: (r: RecordedResource) => string, assumptions: Assumptions, region: string, assumptionSources: string[] = []): CostEstimate {
    const flowLogDestinations = new Set<string>(resources
        .filter((r: RecordedResource) => r.type === "aws:ec2/flowLog:FlowLog")
        .flatMap((r: RecordedResource) => r.dependencies));
    const ctx: PricingContext = { assumptions, all: resources, flowLogDestinations };
    const items: CostItem[] = [];
    const unpriced = new Map<string, { count: number; notes: Set<string> }>();
    const usedRates = new Set<RateId>();
    for (const r of resources) {
        if (!r.custom || r.type.startsWith("pulumi:providers:")) {
            continue;
        }
        const pricer: Pricer | undefined = PRICERS[r.type];
        const result: Charge[] | string = pricer ? pricer(r, ctx) : (FREE[r.type] ?? "no rate in the price table");
        if (typeof result === "string") {
            const entry = unpriced.get(r.type) ?? { count: 0, notes: new Set<string>() };
            entry.count++;
            entry.notes.add(result);
            unpriced.set(r.type, entry);
            continue;
        }
        for (const charge of result) {
            const rate: Rate = RATES[charge.rate];
            usedRates.add(charge.rate);
            items.push({
                component: componentOf(r),
                urn: r.urn,
                type: r.type,
                name: r.name,
                rate: charge.rate,
                description: charge.description ?? rate.description,
                quantity: charge.quantity,
                unit: rate.unit,
                unitPriceUsd: rate.usd,
                monthlyUsd: cents(charge.quantity * rate.usd),
                verify: rate.verify ?? false,
                ...(charge.lever ? { lever: charge.lever } : {}),
            });
        }
    }
    items.sort((a: CostItem, b: CostItem) => compare(a.component, b.component) || compare(a.type, b.type) || compare(a.urn, b.urn) || compare(a.rate, b.rate));
    const totals = new Map<string, number>();
    for (const item of items) {
        totals.set(item.component, (totals.get(item.component) ?? 0) + item.monthlyUsd);
    }
    const byComponent: ComponentCost[] = [...totals.keys()].sort(compare).map((component: string) => ({ component, monthlyUsd: cents(totals.get(component)!) }));
    return {
        currency: "USD",
        region,
        totalMonthlyUsd: cents(items.reduce((sum: number, item: CostItem) => sum + item.monthlyUsd, 0)),
        byComponent,
        items,
        unpriced: [...unpriced.entries()].sort(([a], [b]) => compare(a, b)).map(([type, e]) => ({ type, count: e.count, note: [...e.notes].sort().join("; ") })),
        assumptions,
        assumptionSources,
        levers: costLevers(ctx, items),
        rates: Object.fromEntries([...usedRates].sort(compare).map((id: RateId) => [id, RATES[id]])),
    };
}

export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

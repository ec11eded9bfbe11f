/**
 * The documented price table the offline preview estimates with: us-east-1 on-demand list prices,
 * copied from /work/shared/platform-notes.md §5 (the platform's price table), each with its source
 * reference ([P#] = §7 of the notes) and the date the table was compiled. Rates flagged `verify`
 * came from third-party sites; re-check them with `aws pricing get-products` before quoting a budget.
 *
 * Usage-based charges need volumes nobody knows offline; they come from `Assumptions`, which the
 * preview prints next to the estimate (and which `--assumptions <file.json>` can override).
 */
export interface Rate {
    /** Price in USD per `unit`. */
    readonly usd: number;
    readonly unit: string;
    readonly description: string;
    /** Source reference(s) in platform-notes §7. */
    readonly source: string;
    /** When the table this rate comes from was compiled. */
    readonly asOf: string;
    /** Third-party or remembered rate: re-check before quoting. */
    readonly verify?: boolean;
}

import { EC2_INSTANCE_RATES } from "./ec2Pricing";

const AS_OF = "2025-11";

export const REGION = "us-east-1";

const BASE_RATES = {
    natGatewayHour: { usd: 0.045, unit: "NAT gateway-hour", description: "NAT gateway, per hour", source: "[P2][P3] basavytix.com/blog/aws-nat-gateway-pricing; factualminds.com/blog/amazon-vpc-pricing-endpoints-peering-transit-gateway", asOf: AS_OF },
    natGatewayGb: { usd: 0.045, unit: "GB processed", description: "NAT gateway data processing", source: "[P2][P3] basavytix.com/blog/aws-nat-gateway-pricing; egresscost.com/nat-gateway", asOf: AS_OF },
    publicIpv4Hour: { usd: 0.005, unit: "public IPv4-hour", description: "Public IPv4 address (EIP)", source: "[P2][P3] cloudburn.io/blog/aws-nat-gateway-pricing", asOf: AS_OF },
    interfaceEndpointAzHour: { usd: 0.01, unit: "endpoint ENI (AZ)-hour", description: "Interface VPC endpoint, per AZ per hour", source: "[P4] aws.amazon.com/privatelink/pricing/", asOf: AS_OF },
    interfaceEndpointGb: { usd: 0.01, unit: "GB processed", description: "Interface VPC endpoint data processing", source: "[P4] aws.amazon.com/privatelink/pricing/", asOf: AS_OF },
    vendedLogsCloudWatchGb: { usd: 0.5, unit: "GB ingested", description: "Vended logs (VPC flow logs) to CloudWatch Logs", source: "[P5] stephanedubreuil.com (VPC flow logs cost); zenn.dev/team_delta", asOf: AS_OF, verify: true },
    cloudWatchLogsIngestGb: { usd: 0.5, unit: "GB ingested", description: "CloudWatch Logs ingestion", source: "[P5] stephanedubreuil.com (VPC flow logs cost)", asOf: AS_OF, verify: true },
    kmsKeyMonth: { usd: 1, unit: "key-month", description: "KMS customer-managed key (rotation adds $1/mo per rotated backing key, capped after the 2nd rotation)", source: "[P13] aws.amazon.com/kms/pricing/", asOf: AS_OF },
    cloudTrailManagementCopy: { usd: 0, unit: "trail", description: "CloudTrail: first copy of management events is free (S3/KMS storage billed separately)", source: "[P16] aws.amazon.com/cloudtrail/pricing/", asOf: AS_OF },
    cloudWatchAlarmMonth: { usd: 0.1, unit: "alarm-month", description: "CloudWatch standard-resolution alarm", source: "[P18] c3x.dev/resources/aws/aws_cloudwatch_metric_alarm", asOf: AS_OF },
    guardDutyManagementEventsMillion: { usd: 4, unit: "million CloudTrail management events", description: "GuardDuty CloudTrail management event analysis (first tier)", source: "[P15] docs.aws.amazon.com/guardduty/latest/ug/monitoring_costs", asOf: AS_OF },
    guardDutyFlowDnsGb: { usd: 1, unit: "GB VPC flow + DNS logs", description: "GuardDuty VPC flow log and DNS analysis (first tier)", source: "[P15] docs.aws.amazon.com/guardduty/latest/ug/monitoring_costs", asOf: AS_OF },
    configItem: { usd: 0.003, unit: "configuration item recorded", description: "AWS Config continuous recording, per configuration item (periodic recording is $0.012 per item)", source: "aws.amazon.com/config/pricing/ (us-east-1, checked 2026-12-01)", asOf: "2026-12" },
    securityHubCheck: { usd: 0.001, unit: "security check", description: "Security Hub CSPM security checks (first 100k/month)", source: "[P17] aws.amazon.com/security-hub/pricing", asOf: AS_OF, verify: true },
    eksClusterHour: { usd: 0.1, unit: "cluster-hour", description: "EKS control plane, standard support ($0.60/h in extended support)", source: "[P1] aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing", asOf: AS_OF },
    auroraAcuHour: { usd: 0.12, unit: "ACU-hour", description: "Aurora Serverless v2 capacity (Standard)", source: "[P6] awsnegotiations.com (ACU $0.12)", asOf: AS_OF },
    auroraR6gLargeHour: { usd: 0.26, unit: "instance-hour", description: "Aurora db.r6g.large (third-party tables say $0.26-0.30)", source: "[P6] store-v2-khaki.vercel.app/rds-vs-aurora-cost-calculator.html; pinpole.cloud", asOf: AS_OF, verify: true },
    auroraStorageGbMonth: { usd: 0.1, unit: "GB-month", description: "Aurora storage (Standard)", source: "[P7] cloudexmachina.io/blog/aws-aurora-pricing", asOf: AS_OF },
    elastiCacheT4gMicroHour: { usd: 0.016, unit: "node-hour", description: "ElastiCache cache.t4g.micro (Redis OSS)", source: "[P10] aws.amazon.com/elasticache/pricing", asOf: AS_OF, verify: true },
    elastiCacheR6gLargeHour: { usd: 0.206, unit: "node-hour", description: "ElastiCache cache.r6g.large (Redis OSS)", source: "[P10] aws.amazon.com/elasticache/pricing", asOf: AS_OF, verify: true },
    elastiCacheServerlessGbHour: { usd: 0.125, unit: "GB-hour", description: "ElastiCache Serverless Redis OSS storage (1 GB minimum)", source: "[P10] usage.ai (citing the AWS Database Blog)", asOf: AS_OF },
    dynamoDbWriteMillion: { usd: 0.625, unit: "million write request units", description: "DynamoDB on-demand writes", source: "[P8][P9] airbyte.com/data-engineering-resources/dynamodb-pricing; jusdb.com", asOf: AS_OF },
    dynamoDbReadMillion: { usd: 0.125, unit: "million read request units", description: "DynamoDB on-demand reads", source: "[P8][P9] airbyte.com/data-engineering-resources/dynamodb-pricing; jusdb.com", asOf: AS_OF },
    cloudFrontGb: { usd: 0.085, unit: "GB to North America beyond the free 1 TB", description: "CloudFront pay-as-you-go data transfer out", source: "[P11] duckbillhq.com; bybowu.com", asOf: AS_OF },
    wafWebAclMonth: { usd: 5, unit: "web ACL-month", description: "AWS WAF web ACL", source: "[P12] c3x.dev/blog/aws-waf-cost-explained", asOf: AS_OF },
    wafRuleMonth: { usd: 1, unit: "rule-month", description: "AWS WAF rule or rule group", source: "[P12] c3x.dev/blog/aws-waf-cost-explained", asOf: AS_OF },
    wafRequestsMillion: { usd: 0.6, unit: "million requests", description: "AWS WAF requests", source: "[P12] c3x.dev/blog/aws-waf-cost-explained", asOf: AS_OF },
    secretMonth: { usd: 0.4, unit: "secret-month", description: "Secrets Manager secret", source: "[P14] hivebook.wiki / awsi.click", asOf: AS_OF },
    backupWarmGbMonth: { usd: 0.1, unit: "GB-month", description: "AWS Backup warm storage (DynamoDB/EFS rate; Aurora snapshots ~$0.021)", source: "[P19] aws.amazon.com/backup/pricing", asOf: AS_OF },
    ebsGp3GbMonth: { usd: 0.08, unit: "GB-month", description: "EBS gp3 volume storage (3,000 IOPS and 125 MB/s included)", source: "aws.amazon.com/ebs/pricing/", asOf: "2026-12", verify: true },
    fargateVcpuHour: { usd: 0.04048, unit: "vCPU-hour", description: "Fargate (Linux/x86) vCPU", source: "aws.amazon.com/fargate/pricing/", asOf: "2026-12", verify: true },
    fargateGbHour: { usd: 0.004445, unit: "GB-hour", description: "Fargate (Linux/x86) memory", source: "aws.amazon.com/fargate/pricing/", asOf: "2026-12", verify: true },
    auroraIoMillion: { usd: 0.2, unit: "million I/O requests", description: "Aurora Standard I/O requests", source: "[P6][P7] awsnegotiations.com; cloudexmachina.io/blog/aws-aurora-pricing", asOf: AS_OF },
    dynamoDbStorageGbMonth: { usd: 0.25, unit: "GB-month", description: "DynamoDB Standard table storage (first 25 GB per account free, not deducted)", source: "aws.amazon.com/dynamodb/pricing/on-demand/", asOf: AS_OF, verify: true },
    dynamoDbPitrGbMonth: { usd: 0.2, unit: "GB-month", description: "DynamoDB continuous backups (point-in-time recovery)", source: "[P8][P9] airbyte.com/data-engineering-resources/dynamodb-pricing; jusdb.com", asOf: AS_OF },
    elastiCacheValkeyT4gMicroHour: { usd: 0.0128, unit: "node-hour", description: "ElastiCache cache.t4g.micro (Valkey, ~20% below Redis OSS)", source: "[P10] aws.amazon.com/elasticache/pricing", asOf: AS_OF, verify: true },
    elastiCacheValkeyR7gLargeHour: { usd: 0.1752, unit: "node-hour", description: "ElastiCache cache.r7g.large (Valkey, ~20% below Redis OSS $0.219)", source: "[P10] aws.amazon.com/elasticache/pricing", asOf: AS_OF, verify: true },
    elastiCacheR7gLargeHour: { usd: 0.219, unit: "node-hour", description: "ElastiCache cache.r7g.large (Redis OSS)", source: "[P10] aws.amazon.com/elasticache/pricing", asOf: AS_OF, verify: true },
    efsStandardGbMonth: { usd: 0.3, unit: "GB-month", description: "EFS Standard storage", source: "aws.amazon.com/efs/pricing/", asOf: AS_OF, verify: true },
    efsInfrequentAccessGbMonth: { usd: 0.016, unit: "GB-month", description: "EFS Infrequent Access storage (reads billed per GB, not estimated)", source: "aws.amazon.com/efs/pricing/", asOf: AS_OF, verify: true },
    s3StandardGbMonth: { usd: 0.023, unit: "GB-month", description: "S3 Standard storage (first 50 TB)", source: "aws.amazon.com/s3/pricing/", asOf: AS_OF, verify: true },
    interRegionTransferGb: { usd: 0.02, unit: "GB transferred", description: "Data transfer between AWS regions (backup copies, bucket replication)", source: "[P19] factualminds.com/blog/aws-backup-pricing-vaults-cross-region-restores", asOf: AS_OF, verify: true },
    // Edge and operations (issue 10). AWS list prices, us-east-1 / North America, read 2026-12-01.
    cloudFrontHttpsRequestsMillion: { usd: 1, unit: "million HTTPS requests beyond the free 10 million", description: "CloudFront HTTPS requests, North America ($0.0100 per 10,000)", source: "aws.amazon.com/cloudfront/pricing/", asOf: "2026-12", verify: true },
    wafBotControlMonth: { usd: 10, unit: "web ACL-month", description: "AWS WAF Bot Control rule group (common level) subscription", source: "[P12] aws.amazon.com/waf/pricing/", asOf: "2026-12" },
    wafBotControlRequestsMillion: { usd: 1, unit: "million requests", description: "AWS WAF Bot Control (common level) requests inspected", source: "[P12] aws.amazon.com/waf/pricing/", asOf: "2026-12" },
    cloudWatchAlarmMetricMonth: { usd: 0.1, unit: "metric in a metric-math alarm-month", description: "CloudWatch standard-resolution alarm, billed per metric it evaluates", source: "[P18] aws.amazon.com/cloudwatch/pricing/", asOf: "2026-12" },
    cloudWatchDashboardMonth: { usd: 3, unit: "dashboard-month", description: "CloudWatch dashboard (the first three per account are free; priced as if used up)", source: "aws.amazon.com/cloudwatch/pricing/", asOf: "2026-12" },
    cloudWatchCustomMetricMonth: { usd: 0.3, unit: "custom metric-month", description: "CloudWatch custom metric published by a log metric filter (first 10,000 tier)", source: "aws.amazon.com/cloudwatch/pricing/", asOf: "2026-12" },
    prometheusIngestTenMillionSamples: { usd: 0.9, unit: "10 million samples ingested", description: "Amazon Managed Service for Prometheus ingestion (first 2 billion samples)", source: "aws.amazon.com/prometheus/pricing/", asOf: "2026-12", verify: true },
    prometheusStorageGbMonth: { usd: 0.03, unit: "GB-month", description: "Amazon Managed Service for Prometheus metric storage", source: "aws.amazon.com/prometheus/pricing/", asOf: "2026-12", verify: true },
    shieldAdvancedMonth: { usd: 3000, unit: "organisation-month", description: "AWS Shield Advanced subscription: USD 3,000 a month with a one-year commitment, once per organisation (data transfer out of protected resources extra)", source: "aws.amazon.com/shield/pricing/", asOf: "2026-12" },
    cloudTrailDataEventsMillion: { usd: 1, unit: "million data events", description: "CloudTrail data events delivered ($0.10 per 100,000)", source: "[P16] aws.amazon.com/cloudtrail/pricing/", asOf: "2026-12" },
    // Integration and delivery: request-priced services, rates from each service's pricing page (us-east-1), compiled 2026-12.
    sqsStandardRequestsMillion: { usd: 0.4, unit: "million requests", description: "SQS standard queue requests (the account's first million a month are free; not subtracted)", source: "aws.amazon.com/sqs/pricing/", asOf: "2026-12" },
    sqsFifoRequestsMillion: { usd: 0.5, unit: "million requests", description: "SQS FIFO queue requests", source: "aws.amazon.com/sqs/pricing/", asOf: "2026-12" },
    snsPublishMillion: { usd: 0.5, unit: "million publishes", description: "SNS standard topic publishes (first million a month free; not subtracted)", source: "aws.amazon.com/sns/pricing/", asOf: "2026-12" },
    snsHttpsDeliveriesMillion: { usd: 0.6, unit: "million HTTP/S deliveries", description: "SNS deliveries to HTTP/S endpoints", source: "aws.amazon.com/sns/pricing/", asOf: "2026-12" },
    snsEmailDeliveriesThousand: { usd: 0.02, unit: "thousand e-mail deliveries", description: "SNS e-mail deliveries ($2.00 per 100,000)", source: "aws.amazon.com/sns/pricing/", asOf: "2026-12" },
    eventBridgeCustomEventsMillion: { usd: 1, unit: "million custom events", description: "EventBridge events published to a custom bus", source: "aws.amazon.com/eventbridge/pricing/", asOf: "2026-12" },
    eventBridgeArchiveGb: { usd: 0.1, unit: "GB archived", description: "EventBridge archive: events processed into the archive (storage $0.023/GB-month not estimated)", source: "aws.amazon.com/eventbridge/pricing/", asOf: "2026-12", verify: true },
    apiGatewayHttpRequestsMillion: { usd: 1, unit: "million requests", description: "API Gateway HTTP API requests (first 300 million a month)", source: "aws.amazon.com/api-gateway/pricing/", asOf: "2026-12" },
    lambdaRequestsMillion: { usd: 0.2, unit: "million requests", description: "Lambda requests", source: "aws.amazon.com/lambda/pricing/", asOf: "2026-12" },
    lambdaGbSecondX86: { usd: 0.0000166667, unit: "GB-second", description: "Lambda duration, x86_64", source: "aws.amazon.com/lambda/pricing/", asOf: "2026-12" },
    lambdaGbSecondArm: { usd: 0.0000133334, unit: "GB-second", description: "Lambda duration, arm64 (Graviton)", source: "aws.amazon.com/lambda/pricing/", asOf: "2026-12" },
    stepFunctionsTransitionsThousand: { usd: 0.025, unit: "thousand state transitions", description: "Step Functions Standard workflows", source: "aws.amazon.com/step-functions/pricing/", asOf: "2026-12" },
    stepFunctionsExpressRequestsMillion: { usd: 1, unit: "million requests", description: "Step Functions Express workflows (duration charges not estimated)", source: "aws.amazon.com/step-functions/pricing/", asOf: "2026-12" },
    cognitoEssentialsMau: { usd: 0.015, unit: "monthly active user beyond 10,000", description: "Cognito Essentials plan (first 10,000 MAUs a month free)", source: "aws.amazon.com/cognito/pricing/", asOf: "2026-12", verify: true },
    cognitoPlusMau: { usd: 0.02, unit: "monthly active user", description: "Cognito Plus plan (threat protection; no free tier)", source: "aws.amazon.com/cognito/pricing/", asOf: "2026-12", verify: true },
    ecrStorageGbMonth: { usd: 0.1, unit: "GB-month", description: "ECR private repository storage", source: "aws.amazon.com/ecr/pricing/", asOf: "2026-12" },
} as const satisfies Record<string, Rate>;

/** Every rate the estimate uses. Keys are referenced from cost.ts. */
export const RATES = { ...BASE_RATES, ...EC2_INSTANCE_RATES } as const satisfies Record<string, Rate>;

export type RateId = keyof typeof RATES;

/** Volumes and hours the usage-based rates are multiplied by. Printed with every estimate. */
export interface Assumptions {
    readonly hoursPerMonth: number;
    readonly natGatewayGbPerMonth: number;
    readonly interfaceEndpointGbPerMonth: number;
    readonly flowLogGbPerMonth: number;
    readonly logGroupGbPerMonth: number;
    readonly guardDutyManagementEventsMillionPerMonth: number;
    readonly guardDutyFlowDnsGbPerMonth: number;
    readonly securityHubChecksPerMonth: number;
    readonly configItemsPerMonth: number;
    readonly auroraStorageGb: number;
    readonly auroraServerlessMinAcuIfUnset: number;
    readonly dynamoDbWritesMillionPerMonth: number;
    readonly dynamoDbReadsMillionPerMonth: number;
    readonly cloudFrontGbPerMonth: number;
    readonly wafRequestsMillionPerMonth: number;
    readonly cloudFrontRequestsMillionPerMonth: number;
    readonly prometheusSamplesTenMillionPerMonth: number;
    readonly prometheusStorageGb: number;
    readonly cloudTrailDataEventsMillionPerMonth: number;
    readonly backupGb: number;
    readonly spotDiscount: number;
    readonly fargatePodsPerProfile: number;
    readonly fargatePodVcpu: number;
    readonly fargatePodMemoryGb: number;
    readonly auroraServerlessActiveHoursPerMonth: number;
    readonly auroraServerlessActiveAcu: number;
    readonly auroraIoMillionPerMonth: number;
    readonly dynamoDbStorageGbPerTable: number;
    readonly efsStandardGb: number;
    readonly efsInfrequentAccessGb: number;
    readonly s3GbPerBucket: number;
    readonly replicatedGbPerMonth: number;
    readonly sqsRequestsMillionPerQueue: number;
    readonly snsPublishesMillionPerTopic: number;
    readonly snsDeliveriesMillionPerHttpsSubscription: number;
    readonly snsDeliveriesThousandPerEmailSubscription: number;
    readonly eventBridgeEventsMillionPerBus: number;
    readonly eventBridgeArchiveGbPerMonth: number;
    readonly apiRequestsMillionPerApi: number;
    readonly lambdaInvocationsMillionPerFunction: number;
    readonly lambdaAverageDurationMs: number;
    readonly stepFunctionsTransitionsThousandPerStandardMachine: number;
    readonly stepFunctionsRequestsMillionPerExpressMachine: number;
    readonly cognitoMonthlyActiveUsers: number;
    readonly ecrGbPerRepository: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
    hoursPerMonth: 730,
    natGatewayGbPerMonth: 100,
    interfaceEndpointGbPerMonth: 10,
    flowLogGbPerMonth: 20,
    logGroupGbPerMonth: 1,
    guardDutyManagementEventsMillionPerMonth: 0.5,
    guardDutyFlowDnsGbPerMonth: 20,
    securityHubChecksPerMonth: 10_000,
    configItemsPerMonth: 2_000,
    auroraStorageGb: 50,
    auroraServerlessMinAcuIfUnset: 0.5,
    dynamoDbWritesMillionPerMonth: 1,
    dynamoDbReadsMillionPerMonth: 5,
    cloudFrontGbPerMonth: 500,
    wafRequestsMillionPerMonth: 1,
    cloudFrontRequestsMillionPerMonth: 20,
    prometheusSamplesTenMillionPerMonth: 50,
    prometheusStorageGb: 10,
    cloudTrailDataEventsMillionPerMonth: 0.5,
    backupGb: 50,
    spotDiscount: 0.6,
    fargatePodsPerProfile: 1,
    fargatePodVcpu: 0.25,
    fargatePodMemoryGb: 0.5,
    auroraServerlessActiveHoursPerMonth: 160,
    auroraServerlessActiveAcu: 1,
    auroraIoMillionPerMonth: 10,
    dynamoDbStorageGbPerTable: 5,
    efsStandardGb: 5,
    efsInfrequentAccessGb: 20,
    s3GbPerBucket: 20,
    replicatedGbPerMonth: 10,
    sqsRequestsMillionPerQueue: 1,
    snsPublishesMillionPerTopic: 0.1,
    snsDeliveriesMillionPerHttpsSubscription: 0.1,
    snsDeliveriesThousandPerEmailSubscription: 1,
    eventBridgeEventsMillionPerBus: 1,
    eventBridgeArchiveGbPerMonth: 1,
    apiRequestsMillionPerApi: 1,
    lambdaInvocationsMillionPerFunction: 1,
    lambdaAverageDurationMs: 200,
    stepFunctionsTransitionsThousandPerStandardMachine: 100,
    stepFunctionsRequestsMillionPerExpressMachine: 0.1,
    cognitoMonthlyActiveUsers: 1000,
    ecrGbPerRepository: 5,
};

/** One line per assumption, in a fixed order, for the report. */
export const ASSUMPTION_DESCRIPTIONS: Record<keyof Assumptions, string> = {
    hoursPerMonth: "hours per month for hourly rates",
    natGatewayGbPerMonth: "GB processed per NAT gateway per month",
    interfaceEndpointGbPerMonth: "GB processed per interface endpoint per month",
    flowLogGbPerMonth: "GB of flow logs per flow log per month",
    logGroupGbPerMonth: "GB ingested per other log group per month",
    guardDutyManagementEventsMillionPerMonth: "million CloudTrail management events GuardDuty analyses per month",
    guardDutyFlowDnsGbPerMonth: "GB of VPC flow + DNS logs GuardDuty analyses per month",
    securityHubChecksPerMonth: "Security Hub security checks per month",
    configItemsPerMonth: "configuration items AWS Config records per month (continuous recording writes one per resource change: about 100 resources changing 20 times a month)",
    auroraStorageGb: "GB of Aurora storage per cluster",
    auroraServerlessMinAcuIfUnset: "Aurora Serverless v2 ACUs when no minimum is configured",
    dynamoDbWritesMillionPerMonth: "million DynamoDB write request units per table per month",
    dynamoDbReadsMillionPerMonth: "million DynamoDB read request units per table per month",
    cloudFrontGbPerMonth: "GB CloudFront transfer per distribution per month (first 1 TB free)",
    wafRequestsMillionPerMonth: "million requests per WAF web ACL per month",
    cloudFrontRequestsMillionPerMonth: "million HTTPS requests per distribution per month (first 10 million free)",
    prometheusSamplesTenMillionPerMonth: "10 million samples ingested per Prometheus workspace per month (50 = 500 million)",
    prometheusStorageGb: "GB of metrics stored per Prometheus workspace",
    cloudTrailDataEventsMillionPerMonth: "million S3 data events per trail with data events per month",
    spotDiscount: "Spot price below on-demand for the first instance type of a Spot node group (AWS: up to 90%; m-family in us-east-1 typically 55-70%)",
    fargatePodsPerProfile: "pods running around the clock per Fargate profile",
    fargatePodVcpu: "vCPU per Fargate pod",
    fargatePodMemoryGb: "GB of memory per Fargate pod",
    backupGb: "GB of warm backup storage per backup plan (again per copy region)",
    auroraServerlessActiveHoursPerMonth: "hours per month an auto-pausing (0 ACU minimum) Serverless v2 instance is awake",
    auroraServerlessActiveAcu: "average ACUs of an auto-pausing Serverless v2 instance while awake",
    auroraIoMillionPerMonth: "million Aurora I/O requests per cluster per month",
    dynamoDbStorageGbPerTable: "GB stored per DynamoDB table (and per replica)",
    efsStandardGb: "GB in EFS Standard per file system",
    efsInfrequentAccessGb: "GB in EFS Infrequent Access per file system",
    s3GbPerBucket: "GB stored per S3 bucket",
    replicatedGbPerMonth: "GB copied to another region per month per replication (bucket replication, backup copies)",
    sqsRequestsMillionPerQueue: "million SQS requests per queue per month (dead-letter queues: none)",
    snsPublishesMillionPerTopic: "million SNS publishes per topic per month",
    snsDeliveriesMillionPerHttpsSubscription: "million deliveries per HTTPS subscription per month (SQS deliveries are free)",
    snsDeliveriesThousandPerEmailSubscription: "thousand deliveries per e-mail subscription per month",
    eventBridgeEventsMillionPerBus: "million custom events per event bus per month",
    eventBridgeArchiveGbPerMonth: "GB of events archived per archive per month",
    apiRequestsMillionPerApi: "million requests per HTTP API per month",
    lambdaInvocationsMillionPerFunction: "million invocations per Lambda function per month",
    lambdaAverageDurationMs: "average Lambda duration in ms (GB-seconds use each function's memory)",
    stepFunctionsTransitionsThousandPerStandardMachine: "thousand state transitions per Standard state machine per month",
    stepFunctionsRequestsMillionPerExpressMachine: "million requests per Express state machine per month",
    cognitoMonthlyActiveUsers: "monthly active users per Cognito user pool",
    ecrGbPerRepository: "GB of images per ECR repository",
};

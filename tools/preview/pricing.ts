/**
 * The price table the offline preview estimates with: us-east-1 on-demand list prices, each naming its
 * primary source (the service's AWS pricing page, where AWS's Price List API publishes the same figure)
 * and the date the table was reviewed. `verify` marks a figure that could not be read on that page
 * when reviewed: `npm run rates:check` (tools/rates) compares the table with AWS's Price List Query API
 * where it has a query; check the others on their page before quoting a budget.
 *
 * Usage-based charges need volumes nobody knows offline; they come from each stack's assumptions
 * (assumptions.ts, cost/<stack>.yaml), which the preview prints next to the estimate.
 */
export interface Rate {
    /** Price in USD per `unit`. */
    readonly usd: number;
    readonly unit: string;
    readonly description: string;
    /** The primary source: the AWS pricing page (or AWS document) that publishes the figure. */
    readonly source: string;
    /** When the figure was last reviewed against the source. */
    readonly asOf: string;
    /** Not read on the primary source when reviewed: re-check before quoting. */
    readonly verify?: boolean;
}

import { EC2_INSTANCE_RATES } from "./ec2Pricing";

/**
 * When the table was last reviewed against its sources. Rates without `verify` were read on the primary
 * page (or an AWS document) on that day; the others could not be read there offline (the stored copies
 * of most AWS pricing pages lack their price tables) and carry the figure last known from it.
 */
const AS_OF = "2026-12-07";

export const REGION = "us-east-1";

const BASE_RATES = {
    natGatewayHour: { usd: 0.045, unit: "NAT gateway-hour", description: "NAT gateway, per hour", source: "https://aws.amazon.com/vpc/pricing/", asOf: AS_OF, verify: true },
    natGatewayGb: { usd: 0.045, unit: "GB processed", description: "NAT gateway data processing", source: "https://aws.amazon.com/vpc/pricing/", asOf: AS_OF, verify: true },
    publicIpv4Hour: { usd: 0.005, unit: "public IPv4-hour", description: "Public IPv4 address (EIP)", source: "https://aws.amazon.com/vpc/pricing/", asOf: AS_OF, verify: true },
    interfaceEndpointAzHour: { usd: 0.01, unit: "endpoint ENI (AZ)-hour", description: "Interface VPC endpoint, per AZ per hour", source: "https://aws.amazon.com/privatelink/pricing/", asOf: AS_OF, verify: true },
    interfaceEndpointGb: { usd: 0.01, unit: "GB processed", description: "Interface VPC endpoint data processing", source: "https://aws.amazon.com/privatelink/pricing/", asOf: AS_OF },
    vendedLogsCloudWatchGb: { usd: 0.5, unit: "GB ingested", description: "Vended logs (VPC flow logs) to CloudWatch Logs", source: "https://aws.amazon.com/cloudwatch/pricing/", asOf: AS_OF, verify: true },
    cloudWatchLogsIngestGb: { usd: 0.5, unit: "GB ingested", description: "CloudWatch Logs ingestion", source: "https://aws.amazon.com/cloudwatch/pricing/", asOf: AS_OF, verify: true },
    kmsKeyMonth: { usd: 1, unit: "key-month", description: "KMS customer-managed key (rotation adds $1/mo per rotated backing key, capped after the 2nd rotation)", source: "https://aws.amazon.com/kms/pricing/", asOf: AS_OF },
    cloudTrailManagementCopy: { usd: 0, unit: "trail", description: "CloudTrail: first copy of management events is free (S3/KMS storage billed separately)", source: "https://aws.amazon.com/cloudtrail/pricing/", asOf: AS_OF },
    cloudWatchAlarmMonth: { usd: 0.1, unit: "alarm-month", description: "CloudWatch standard-resolution alarm", source: "https://aws.amazon.com/cloudwatch/pricing/", asOf: AS_OF, verify: true },
    guardDutyManagementEventsMillion: { usd: 4, unit: "million CloudTrail management events", description: "GuardDuty CloudTrail management event analysis (first tier)", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    guardDutyS3DataEventsMillion: { usd: 0.8, unit: "million S3 data events", description: "GuardDuty S3 Protection, S3 data events analysed (first tier)", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    guardDutyEksAuditEventsMillion: { usd: 1.6, unit: "million EKS audit log events", description: "GuardDuty EKS Protection, audit log events analysed (first tier)", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    guardDutyRuntimeVcpuMonth: { usd: 1.5, unit: "vCPU-month monitored", description: "GuardDuty Runtime Monitoring, EKS and EC2 (first 500 vCPUs)", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    guardDutyRdsVcpuMonth: { usd: 1, unit: "provisioned vCPU-month", description: "GuardDuty RDS Protection, login activity of provisioned instances", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    guardDutyRdsAcuMonth: { usd: 0.25, unit: "ACU-month (average)", description: "GuardDuty RDS Protection, login activity of Aurora Serverless v2", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    guardDutyMalwareScanGb: { usd: 0.03, unit: "GB scanned", description: "GuardDuty Malware Protection for EC2, EBS data scanned", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    guardDutyFlowDnsGb: { usd: 1, unit: "GB VPC flow + DNS logs", description: "GuardDuty VPC flow log and DNS analysis (first tier)", source: "https://aws.amazon.com/guardduty/pricing/", asOf: AS_OF, verify: true },
    configItem: { usd: 0.003, unit: "configuration item recorded", description: "AWS Config continuous recording, per configuration item (periodic recording is $0.012 per item)", source: "https://aws.amazon.com/config/pricing/", asOf: AS_OF },
    securityHubCheck: { usd: 0.001, unit: "security check", description: "Security Hub CSPM security checks (first 100k/month)", source: "https://aws.amazon.com/security-hub/pricing/", asOf: AS_OF, verify: true },
    eksClusterHour: { usd: 0.1, unit: "cluster-hour", description: "EKS control plane, standard support ($0.60/h in extended support)", source: "https://aws.amazon.com/eks/pricing/; https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/", asOf: AS_OF },
    auroraAcuHour: { usd: 0.12, unit: "ACU-hour", description: "Aurora Serverless v2 capacity (Standard)", source: "https://aws.amazon.com/rds/aurora/pricing/", asOf: AS_OF, verify: true },
    auroraR6gLargeHour: { usd: 0.26, unit: "instance-hour", description: "Aurora db.r6g.large (third-party tables say $0.26-0.30)", source: "https://aws.amazon.com/rds/aurora/pricing/", asOf: AS_OF, verify: true },
    auroraStorageGbMonth: { usd: 0.1, unit: "GB-month", description: "Aurora storage (Standard)", source: "https://aws.amazon.com/rds/aurora/pricing/", asOf: AS_OF, verify: true },
    elastiCacheT4gMicroHour: { usd: 0.016, unit: "node-hour", description: "ElastiCache cache.t4g.micro (Redis OSS)", source: "https://aws.amazon.com/elasticache/pricing/", asOf: AS_OF, verify: true },
    elastiCacheR6gLargeHour: { usd: 0.206, unit: "node-hour", description: "ElastiCache cache.r6g.large (Redis OSS)", source: "https://aws.amazon.com/elasticache/pricing/", asOf: AS_OF, verify: true },
    elastiCacheServerlessGbHour: { usd: 0.125, unit: "GB-hour", description: "ElastiCache Serverless Redis OSS storage (1 GB minimum)", source: "https://aws.amazon.com/elasticache/pricing/", asOf: AS_OF, verify: true },
    dynamoDbWriteMillion: { usd: 0.625, unit: "million write request units", description: "DynamoDB on-demand writes", source: "https://aws.amazon.com/dynamodb/pricing/on-demand/", asOf: AS_OF, verify: true },
    dynamoDbReadMillion: { usd: 0.125, unit: "million read request units", description: "DynamoDB on-demand reads", source: "https://aws.amazon.com/dynamodb/pricing/on-demand/", asOf: AS_OF, verify: true },
    cloudFrontGb: { usd: 0.085, unit: "GB to North America (first 10 TB)", description: "CloudFront pay-as-you-go data transfer out", source: "https://aws.amazon.com/cloudfront/pricing/", asOf: AS_OF },
    wafWebAclMonth: { usd: 5, unit: "web ACL-month", description: "AWS WAF web ACL", source: "https://aws.amazon.com/waf/pricing/", asOf: AS_OF, verify: true },
    wafRuleMonth: { usd: 1, unit: "rule-month", description: "AWS WAF rule or rule group", source: "https://aws.amazon.com/waf/pricing/", asOf: AS_OF, verify: true },
    wafRequestsMillion: { usd: 0.6, unit: "million requests", description: "AWS WAF requests", source: "https://aws.amazon.com/waf/pricing/", asOf: AS_OF, verify: true },
    secretMonth: { usd: 0.4, unit: "secret-month", description: "Secrets Manager secret", source: "https://aws.amazon.com/secrets-manager/pricing/", asOf: AS_OF, verify: true },
    backupAuroraSnapshotGbMonth: { usd: 0.021, unit: "GB-month", description: "AWS Backup: Aurora cluster snapshot storage", source: "https://aws.amazon.com/backup/pricing/", asOf: AS_OF, verify: true },
    backupDynamoDbGbMonth: { usd: 0.1, unit: "GB-month", description: "AWS Backup: DynamoDB backup storage (warm)", source: "https://aws.amazon.com/backup/pricing/", asOf: AS_OF, verify: true },
    backupEfsWarmGbMonth: { usd: 0.05, unit: "GB-month", description: "AWS Backup: EFS backup storage (warm)", source: "https://aws.amazon.com/backup/pricing/", asOf: AS_OF, verify: true },
    backupDynamoDbRestoreGb: { usd: 0.15, unit: "GB restored", description: "AWS Backup: DynamoDB restore", source: "https://aws.amazon.com/backup/pricing/", asOf: AS_OF, verify: true },
    backupEfsRestoreGb: { usd: 0.02, unit: "GB restored", description: "AWS Backup: EFS restore (warm)", source: "https://aws.amazon.com/backup/pricing/", asOf: AS_OF, verify: true },
    backupRestoreTestingJob: { usd: 1.5, unit: "restore testing job", description: "AWS Backup restore testing, per restore job", source: "https://aws.amazon.com/backup/pricing/", asOf: AS_OF, verify: true },
    ebsGp3GbMonth: { usd: 0.08, unit: "GB-month", description: "EBS gp3 volume storage (3,000 IOPS and 125 MB/s included)", source: "https://aws.amazon.com/ebs/pricing/", asOf: AS_OF, verify: true },
    fargateVcpuHour: { usd: 0.04048, unit: "vCPU-hour", description: "Fargate (Linux/x86) vCPU", source: "https://aws.amazon.com/fargate/pricing/", asOf: AS_OF, verify: true },
    fargateGbHour: { usd: 0.004445, unit: "GB-hour", description: "Fargate (Linux/x86) memory", source: "https://aws.amazon.com/fargate/pricing/", asOf: AS_OF, verify: true },
    auroraIoMillion: { usd: 0.2, unit: "million I/O requests", description: "Aurora Standard I/O requests", source: "https://aws.amazon.com/rds/aurora/pricing/", asOf: AS_OF, verify: true },
    dynamoDbStorageGbMonth: { usd: 0.25, unit: "GB-month", description: "DynamoDB Standard table storage (first 25 GB per account free, not deducted)", source: "https://aws.amazon.com/dynamodb/pricing/on-demand/", asOf: AS_OF, verify: true },
    dynamoDbPitrGbMonth: { usd: 0.2, unit: "GB-month", description: "DynamoDB continuous backups (point-in-time recovery)", source: "https://aws.amazon.com/dynamodb/pricing/on-demand/", asOf: AS_OF, verify: true },
    elastiCacheValkeyT4gMicroHour: { usd: 0.0128, unit: "node-hour", description: "ElastiCache cache.t4g.micro (Valkey, ~20% below Redis OSS)", source: "https://aws.amazon.com/elasticache/pricing/", asOf: AS_OF, verify: true },
    elastiCacheValkeyR7gLargeHour: { usd: 0.1752, unit: "node-hour", description: "ElastiCache cache.r7g.large (Valkey, ~20% below Redis OSS $0.219)", source: "https://aws.amazon.com/elasticache/pricing/", asOf: AS_OF, verify: true },
    elastiCacheR7gLargeHour: { usd: 0.219, unit: "node-hour", description: "ElastiCache cache.r7g.large (Redis OSS)", source: "https://aws.amazon.com/elasticache/pricing/", asOf: AS_OF, verify: true },
    efsStandardGbMonth: { usd: 0.3, unit: "GB-month", description: "EFS Standard storage", source: "https://aws.amazon.com/efs/pricing/", asOf: AS_OF },
    efsInfrequentAccessGbMonth: { usd: 0.016, unit: "GB-month", description: "EFS Infrequent Access storage (reads billed per GB, not estimated)", source: "https://aws.amazon.com/efs/pricing/", asOf: AS_OF, verify: true },
    s3StandardGbMonth: { usd: 0.023, unit: "GB-month", description: "S3 Standard storage (first 50 TB)", source: "https://aws.amazon.com/s3/pricing/", asOf: AS_OF, verify: true },
    interRegionTransferGb: { usd: 0.02, unit: "GB transferred", description: "Data transfer between AWS regions (backup copies, bucket replication)", source: "https://aws.amazon.com/ec2/pricing/on-demand/ (data transfer between Regions)", asOf: AS_OF, verify: true },
    // Edge and operations (issue 10). AWS list prices, us-east-1 / North America, read 2026-12-01.
    cloudFrontHttpsRequestsMillion: { usd: 1, unit: "million HTTPS requests", description: "CloudFront HTTPS requests, North America ($0.0100 per 10,000)", source: "https://aws.amazon.com/cloudfront/pricing/", asOf: AS_OF, verify: true },
    wafBotControlMonth: { usd: 10, unit: "web ACL-month", description: "AWS WAF Bot Control rule group (common level) subscription", source: "https://aws.amazon.com/waf/pricing/", asOf: AS_OF, verify: true },
    wafBotControlRequestsMillion: { usd: 1, unit: "million requests", description: "AWS WAF Bot Control (common level) requests inspected", source: "https://aws.amazon.com/waf/pricing/", asOf: AS_OF, verify: true },
    cloudWatchAlarmMetricMonth: { usd: 0.1, unit: "metric in a metric-math alarm-month", description: "CloudWatch standard-resolution alarm, billed per metric it evaluates", source: "https://aws.amazon.com/cloudwatch/pricing/", asOf: AS_OF, verify: true },
    cloudWatchDashboardMonth: { usd: 3, unit: "dashboard-month", description: "CloudWatch dashboard (the first three per account are free; priced as if used up)", source: "https://aws.amazon.com/cloudwatch/pricing/", asOf: AS_OF, verify: true },
    cloudWatchCustomMetricMonth: { usd: 0.3, unit: "custom metric-month", description: "CloudWatch custom metric published by a log metric filter (first 10,000 tier)", source: "https://aws.amazon.com/cloudwatch/pricing/", asOf: AS_OF, verify: true },
    prometheusIngestTenMillionSamples: { usd: 0.9, unit: "10 million samples ingested", description: "Amazon Managed Service for Prometheus ingestion (first 2 billion samples)", source: "https://aws.amazon.com/prometheus/pricing/", asOf: AS_OF, verify: true },
    prometheusStorageGbMonth: { usd: 0.03, unit: "GB-month", description: "Amazon Managed Service for Prometheus metric storage", source: "https://aws.amazon.com/prometheus/pricing/", asOf: AS_OF, verify: true },
    shieldAdvancedMonth: { usd: 3000, unit: "organisation-month", description: "AWS Shield Advanced subscription: USD 3,000 a month with a one-year commitment, once per organisation (data transfer out of protected resources extra)", source: "https://aws.amazon.com/shield/pricing/", asOf: AS_OF, verify: true },
    cloudTrailDataEventsMillion: { usd: 1, unit: "million data events", description: "CloudTrail data events delivered ($0.10 per 100,000)", source: "https://aws.amazon.com/cloudtrail/pricing/", asOf: AS_OF },
    // Integration and delivery: request-priced services, rates from each service's pricing page (us-east-1), compiled 2026-12.
    sqsStandardRequestsMillion: { usd: 0.4, unit: "million requests", description: "SQS standard queue requests (the account's first million a month are free; not subtracted)", source: "https://aws.amazon.com/sqs/pricing/", asOf: AS_OF, verify: true },
    sqsFifoRequestsMillion: { usd: 0.5, unit: "million requests", description: "SQS FIFO queue requests", source: "https://aws.amazon.com/sqs/pricing/", asOf: AS_OF, verify: true },
    snsPublishMillion: { usd: 0.5, unit: "million publishes", description: "SNS standard topic publishes (first million a month free; not subtracted)", source: "https://aws.amazon.com/sns/pricing/", asOf: AS_OF, verify: true },
    snsHttpsDeliveriesMillion: { usd: 0.6, unit: "million HTTP/S deliveries", description: "SNS deliveries to HTTP/S endpoints", source: "https://aws.amazon.com/sns/pricing/", asOf: AS_OF, verify: true },
    snsEmailDeliveriesThousand: { usd: 0.02, unit: "thousand e-mail deliveries", description: "SNS e-mail deliveries ($2.00 per 100,000)", source: "https://aws.amazon.com/sns/pricing/", asOf: AS_OF, verify: true },
    eventBridgeCustomEventsMillion: { usd: 1, unit: "million custom events", description: "EventBridge events published to a custom bus", source: "https://aws.amazon.com/eventbridge/pricing/", asOf: AS_OF, verify: true },
    eventBridgeArchiveGb: { usd: 0.1, unit: "GB archived", description: "EventBridge archive: events processed into the archive (storage $0.023/GB-month not estimated)", source: "https://aws.amazon.com/eventbridge/pricing/", asOf: AS_OF, verify: true },
    apiGatewayHttpRequestsMillion: { usd: 1, unit: "million requests", description: "API Gateway HTTP API requests (first 300 million a month)", source: "https://aws.amazon.com/api-gateway/pricing/; https://aws.amazon.com/blogs/compute/announcing-http-apis-for-amazon-api-gateway/", asOf: AS_OF },
    lambdaRequestsMillion: { usd: 0.2, unit: "million requests", description: "Lambda requests", source: "https://aws.amazon.com/lambda/pricing/", asOf: AS_OF },
    lambdaGbSecondX86: { usd: 0.0000166667, unit: "GB-second", description: "Lambda duration, x86_64", source: "https://aws.amazon.com/lambda/pricing/", asOf: AS_OF },
    lambdaGbSecondArm: { usd: 0.0000133334, unit: "GB-second", description: "Lambda duration, arm64 (Graviton)", source: "https://aws.amazon.com/lambda/pricing/", asOf: AS_OF, verify: true },
    stepFunctionsTransitionsThousand: { usd: 0.025, unit: "thousand state transitions", description: "Step Functions Standard workflows", source: "https://aws.amazon.com/step-functions/pricing/", asOf: AS_OF },
    stepFunctionsExpressRequestsMillion: { usd: 1, unit: "million requests", description: "Step Functions Express workflows (duration charges not estimated)", source: "https://aws.amazon.com/step-functions/pricing/; https://aws.amazon.com/blogs/compute/building-cost-effective-aws-step-functions-workflows/", asOf: AS_OF },
    cognitoEssentialsMau: { usd: 0.015, unit: "monthly active user beyond 10,000", description: "Cognito Essentials plan (first 10,000 MAUs a month free)", source: "https://aws.amazon.com/cognito/pricing/", asOf: AS_OF, verify: true },
    cognitoPlusMau: { usd: 0.02, unit: "monthly active user", description: "Cognito Plus plan (threat protection; no free tier)", source: "https://aws.amazon.com/cognito/pricing/", asOf: AS_OF, verify: true },
    xRayTracesRecordedMillion: { usd: 5, unit: "million traces recorded", description: "AWS X-Ray traces recorded (the account's first 100,000 a month are free; not subtracted)", source: "https://aws.amazon.com/xray/pricing/", asOf: AS_OF },
    ecrStorageGbMonth: { usd: 0.1, unit: "GB-month", description: "ECR private repository storage", source: "https://aws.amazon.com/ecr/pricing/", asOf: AS_OF, verify: true },
} as const satisfies Record<string, Rate>;

/** Every rate the estimate uses. Keys are referenced from cost.ts. */
export const RATES = { ...BASE_RATES, ...EC2_INSTANCE_RATES } as const satisfies Record<string, Rate>;

export type RateId = keyof typeof RATES;

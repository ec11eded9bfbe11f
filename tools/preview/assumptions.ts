/**
 * The volumes and hours the usage-priced rates are multiplied by. Nobody knows them offline, so each
 * stack states its own in `cost/<stack>.yaml` (validated by assumptionsFile.ts, every key explained
 * there for that stack); the defaults below are production-sized and price a stack without a file.
 * The preview prints every value it used next to the estimate.
 *
 * One table: the key, its default and what it means. Grouped by layer, in the order the report prints.
 */
interface AssumptionDefinition {
    readonly default: number;
    readonly description: string;
}

const DEFINITIONS = {
    hoursPerMonth: { default: 730, description: "hours per month for hourly rates (AWS bills 730)" },

    // Network
    natGatewayGbPerMonth: { default: 100, description: "GB processed per NAT gateway per month" },
    interfaceEndpointGbPerMonth: { default: 10, description: "GB processed per interface endpoint per month (taken off the NAT gateways)" },
    flowLogGbPerMonth: { default: 20, description: "GB of flow logs per flow log per month" },
    logGroupGbPerMonth: { default: 1, description: "GB ingested per other log group per month" },

    // Security (the account's detectors are priced in the stack that owns the account baseline)
    guardDutyManagementEventsMillionPerMonth: { default: 0.5, description: "million CloudTrail management events GuardDuty analyses per month (the account's)" },
    guardDutyFlowDnsGbPerMonth: { default: 20, description: "GB of VPC flow and DNS logs GuardDuty analyses per month (the account's)" },
    guardDutyS3DataEventsMillionPerMonth: { default: 2, description: "million S3 data events GuardDuty S3 Protection analyses per month (the account's)" },
    guardDutyEksAuditEventsMillionPerMonth: { default: 2, description: "million EKS audit log events GuardDuty EKS Protection analyses per month (every cluster of the account)" },
    guardDutyRuntimeVcpusOutsideStack: { default: 0, description: "vCPUs Runtime Monitoring watches in the account besides this stack's nodes (another stack's clusters)" },
    guardDutyRdsVcpusOutsideStack: { default: 0, description: "vCPUs of provisioned databases RDS Protection watches in the account besides this stack's Aurora" },
    guardDutyRdsAcusOutsideStack: { default: 0, description: "average ACUs of Aurora Serverless v2 instances RDS Protection watches in the account besides this stack's (another stack's clusters)" },
    guardDutyMalwareScanGbPerMonth: { default: 0, description: "GB of EBS volumes GuardDuty Malware Protection scans per month (scans run only on suspicious findings)" },
    securityHubChecksPerMonth: { default: 10_000, description: "Security Hub security checks per month" },
    configItemsPerMonth: { default: 2_000, description: "configuration items AWS Config records per month (continuous recording writes one per resource change: about 100 resources changing 20 times a month)" },
    cloudTrailDataEventsMillionPerMonth: { default: 0.5, description: "million S3 data events per trail with data events per month" },

    // Compute
    spotDiscount: { default: 0.6, description: "Spot price below on-demand for the first instance type of a Spot node group (AWS: up to 90%; m-family in us-east-1 typically 55-70%)" },
    fargatePodsPerProfile: { default: 1, description: "pods running around the clock per Fargate profile" },
    fargatePodVcpu: { default: 0.25, description: "vCPU per Fargate pod" },
    fargatePodMemoryGb: { default: 0.5, description: "GB of memory per Fargate pod" },
    prometheusSamplesTenMillionPerMonth: { default: 50, description: "10 million samples ingested per Prometheus workspace per month (50 = 500 million)" },
    prometheusStorageGb: { default: 10, description: "GB of metrics stored per Prometheus workspace" },

    // Data
    auroraStorageGb: { default: 50, description: "GB of Aurora storage per cluster" },
    auroraServerlessMinAcuIfUnset: { default: 0.5, description: "Aurora Serverless v2 ACUs when no minimum is configured" },
    auroraServerlessActiveHoursPerMonth: { default: 160, description: "hours per month an auto-pausing (0 ACU minimum) Serverless v2 instance is awake" },
    auroraServerlessActiveAcu: { default: 1, description: "average ACUs of an auto-pausing Serverless v2 instance while awake" },
    auroraIoMillionPerMonth: { default: 10, description: "million Aurora I/O requests per cluster per month" },
    dynamoDbWritesMillionPerMonth: { default: 1, description: "million DynamoDB write request units per table per month" },
    dynamoDbReadsMillionPerMonth: { default: 5, description: "million DynamoDB read request units per table per month" },
    dynamoDbStorageGbPerTable: { default: 5, description: "GB stored per DynamoDB table (and per replica)" },
    efsStandardGb: { default: 5, description: "GB in EFS Standard per file system" },
    efsInfrequentAccessGb: { default: 20, description: "GB in EFS Infrequent Access per file system" },
    s3GbPerBucket: { default: 20, description: "GB stored per S3 bucket" },
    replicatedGbPerMonth: { default: 10, description: "GB copied to another Region per month per bucket replication" },
    backupDailyChangeFraction: { default: 0.02, description: "share of an incrementally backed-up resource (Aurora, EFS) that changes per day: each further recovery point stores that much new data" },

    // Edge
    cloudFrontGbPerMonth: { default: 500, description: "GB CloudFront transfers out per distribution per month" },
    cloudFrontRequestsMillionPerMonth: { default: 20, description: "million HTTPS requests per distribution per month (the CLOUDFRONT web ACL inspects each)" },
    cloudFrontFreeTierGbPerMonth: { default: 0, description: "GB of CloudFront's always-free 1 TB this stack may use (one allowance per payer account: 0 unless no other stack of the payer claims it)" },
    cloudFrontFreeTierRequestsMillionPerMonth: { default: 0, description: "million of CloudFront's always-free 10 million requests this stack may use (one allowance per payer account)" },
    regionalWafRequestsMillionPerMonth: { default: 1, description: "million requests per REGIONAL web ACL per month (what the load balancers it is attached to receive)" },

    // Integration and delivery
    sqsRequestsMillionPerQueue: { default: 1, description: "million SQS requests per queue per month (dead-letter queues: none)" },
    snsPublishesMillionPerTopic: { default: 0.1, description: "million SNS publishes per topic per month" },
    snsDeliveriesMillionPerHttpsSubscription: { default: 0.1, description: "million deliveries per HTTPS subscription per month (SQS deliveries are free)" },
    snsDeliveriesThousandPerEmailSubscription: { default: 1, description: "thousand deliveries per e-mail subscription per month" },
    eventBridgeEventsMillionPerBus: { default: 1, description: "million custom events per event bus per month" },
    eventBridgeArchiveGbPerMonth: { default: 1, description: "GB of events archived per archive per month" },
    apiRequestsMillionPerApi: { default: 1, description: "million requests per HTTP API per month" },
    lambdaInvocationsMillionPerFunction: { default: 1, description: "million invocations per Lambda function per month (evenly spread: X-Ray's default sampling keeps the first each second and 5% of the rest)" },
    lambdaAverageDurationMs: { default: 200, description: "average Lambda duration in ms (GB-seconds use each function's memory)" },
    stepFunctionsTransitionsThousandPerStandardMachine: { default: 100, description: "thousand state transitions per Standard state machine per month" },
    stepFunctionsRequestsMillionPerExpressMachine: { default: 0.1, description: "million requests per Express state machine per month" },
    cognitoMonthlyActiveUsers: { default: 1000, description: "monthly active users per Cognito user pool" },
    ecrGbPerRepository: { default: 5, description: "GB of images per ECR repository" },
} as const satisfies Record<string, AssumptionDefinition>;

export type AssumptionKey = keyof typeof DEFINITIONS;

/** Volumes and hours the usage-based rates are multiplied by. Printed with every estimate. */
export type Assumptions = Readonly<Record<AssumptionKey, number>>;

export const ASSUMPTION_KEYS: readonly AssumptionKey[] = Object.keys(DEFINITIONS) as AssumptionKey[];

export const DEFAULT_ASSUMPTIONS: Assumptions = Object.fromEntries(ASSUMPTION_KEYS.map((key: AssumptionKey) => [key, DEFINITIONS[key].default])) as Assumptions;

/** One line per assumption, in the table's order, for the report. */
export const ASSUMPTION_DESCRIPTIONS: Readonly<Record<AssumptionKey, string>> = Object.fromEntries(ASSUMPTION_KEYS.map((key: AssumptionKey) => [key, DEFINITIONS[key].description])) as Record<AssumptionKey, string>;

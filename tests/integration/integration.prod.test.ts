import { describeIntegration } from "./integrationAssertions";

const LAMBDA_SIDS = ["WriteOwnLogs", "XRayTraces", "DeadLetterQueue"];
const VPC_SIDS = ["CreateFunctionEnis", "ManageFunctionEnis", "DescribeNetwork"];

// Values from Pulumi.prod.yaml, written out so a change there is made on purpose here too.
describeIntegration({
    stack: "prod",
    prefix: "platform-prod",
    protect: true,
    deletionProtection: true,
    keyDeletionWindowDays: 30,
    logRetentionDays: 365,
    archiveRetentionDays: 90,
    queues: [
        {
            slug: "order-events", physicalName: "platform-prod-order-events", dlqName: "platform-prod-order-events-dlq", fifo: false,
            visibilityTimeoutSeconds: 360, maxReceiveCount: 5, producerFunctions: ["orders-api"], producerStateMachines: ["order-fulfilment"],
            producerRules: [{ name: "order-placed", onDefaultBus: false }], producerTopics: [], consumers: ["order-worker"],
        },
        {
            slug: "payments", physicalName: "platform-prod-payments.fifo", dlqName: "platform-prod-payments-dlq.fifo", fifo: true,
            visibilityTimeoutSeconds: 360, maxReceiveCount: 3, producerFunctions: [],
            producerRules: [{ name: "payment-captured", onDefaultBus: false }], producerTopics: [], consumers: ["payment-processor"],
        },
        {
            slug: "order-audit", physicalName: "platform-prod-order-audit", dlqName: "platform-prod-order-audit-dlq", fifo: false,
            visibilityTimeoutSeconds: 30, maxReceiveCount: 5, producerFunctions: [], producerRules: [], producerTopics: ["order-notifications"], consumers: [],
        },
    ],
    topics: [{
        name: "order-notifications", publishers: ["order-worker"], publisherStateMachines: ["order-fulfilment"], subscriptions: [
            { name: "audit", protocol: "sqs", queue: "order-audit" },
            { name: "crm-webhook", protocol: "https", endpoint: "https://hooks.crm.example.com/orders" },
            { name: "ops-mail", protocol: "email", endpoint: "orders-ops@example.com" },
        ],
    }],
    rules: [
        {
            name: "order-placed", onDefaultBus: false, targets: [
                { logical: "rule-order-placed-queue-order-events", kind: "queue", target: "order-events", retries: 185, maxAge: 86400 },
                { logical: "rule-order-placed-stateMachine-order-fulfilment", kind: "stateMachine", target: "order-fulfilment", retries: 185, maxAge: 86400 },
            ],
        },
        {
            name: "payment-captured", onDefaultBus: false,
            targets: [{ logical: "rule-payment-captured-queue-payments", kind: "queue", target: "payments", retries: 185, maxAge: 86400, messageGroupId: "payment-captured" }],
        },
        {
            name: "nightly-report", onDefaultBus: true, schedule: "cron(0 3 * * ? *)",
            targets: [{ logical: "rule-nightly-report-function-order-worker", kind: "function", target: "order-worker", retries: 3, maxAge: 3600 }],
        },
    ],
    functions: [
        {
            name: "orders-api", code: { runtime: "nodejs22.x", handler: "index.handler", s3Key: "orders-api/1.4.2.zip" },
            timeoutSeconds: 10, memoryMb: 512, reservedConcurrency: 100, reachesDataTier: true,
            environment: { LOG_LEVEL: "info", ORDERS_TABLE: "platform-prod-orders" },
            policySids: [...LAMBDA_SIDS, ...VPC_SIDS, "SendToQueues", "UseIntegrationKey", "Configured0"],
        },
        {
            name: "order-worker", code: { runtime: "python3.13", handler: "worker.handle", s3Key: "order-worker/0.9.0.zip" },
            timeoutSeconds: 60, memoryMb: 512, reservedConcurrency: 20, reachesDataTier: false,
            policySids: [...LAMBDA_SIDS, "ConsumeQueues", "PublishToTopics", "UseIntegrationKey"],
        },
        {
            name: "payment-processor",
            code: { imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/platform-prod/payments/processor@sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef" },
            timeoutSeconds: 60, memoryMb: 1024, reservedConcurrency: 10, reachesDataTier: true,
            policySids: [...LAMBDA_SIDS, ...VPC_SIDS, "ConsumeQueues", "UseIntegrationKey"],
        },
    ],
    stateMachines: [{ name: "order-fulfilment", functions: ["order-worker"], queues: ["order-events"], topics: ["order-notifications"] }],
    api: {
        throttling: { burst: 500, rate: 200 },
        featurePlan: "PLUS",
        mfa: "ON",
        threatProtection: "ENFORCED",
        routes: [
            { slug: "get-orders-id", routeKey: "GET /orders/{id}", integration: "api-fn-orders-api" },
            { slug: "post-orders", routeKey: "POST /orders", integration: "api-fn-orders-api" },
            { slug: "any-catalog-proxy", routeKey: "ANY /catalog/{proxy+}", integration: "api-private" },
        ],
        vpcLinkListenerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/platform-prod-internal/50dc6c495c0c9188/f2f7dc8efc522ab2",
    },
    // log-sns-delivery-status: the topics name no delivery-status role yet (issue 21; see tests/policy/programCompliance.ts).
    acceptedAdvisories: ["log-sns-delivery-status"],
    functionEgress: { throughNat: ["sqs", "xray"], viaEndpoints: false },
});

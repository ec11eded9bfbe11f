import { describeIntegration } from "./integrationAssertions";

const LAMBDA_SIDS = ["WriteOwnLogs", "XRayTraces", "DeadLetterQueue"];

// Values from Pulumi.dev.yaml, written out so a change there is made on purpose here too.
describeIntegration({
    stack: "dev",
    prefix: "platform-dev",
    protect: false,
    deletionProtection: false,
    keyDeletionWindowDays: 7,
    logRetentionDays: 30,
    archiveRetentionDays: 7,
    queues: [
        {
            slug: "order-events", physicalName: "platform-dev-order-events", dlqName: "platform-dev-order-events-dlq", fifo: false,
            visibilityTimeoutSeconds: 180, maxReceiveCount: 5, producerFunctions: ["orders-api"],
            producerRules: [{ name: "order-placed", onDefaultBus: false }], producerTopics: [], consumers: ["order-worker"],
        },
        {
            slug: "order-audit", physicalName: "platform-dev-order-audit", dlqName: "platform-dev-order-audit-dlq", fifo: false,
            visibilityTimeoutSeconds: 30, maxReceiveCount: 5, producerFunctions: [], producerRules: [], producerTopics: ["order-notifications"], consumers: [],
        },
    ],
    topics: [{ name: "order-notifications", publishers: ["order-worker"], publisherStateMachines: ["order-report"], subscriptions: [{ name: "audit", protocol: "sqs", queue: "order-audit" }] }],
    rules: [
        { name: "order-placed", onDefaultBus: false, targets: [{ logical: "rule-order-placed-queue-order-events", kind: "queue", target: "order-events", retries: 185, maxAge: 86400 }] },
        {
            name: "nightly-report", onDefaultBus: true, schedule: "cron(0 3 * * ? *)",
            targets: [{ logical: "rule-nightly-report-stateMachine-order-report", kind: "stateMachine", target: "order-report", retries: 185, maxAge: 86400 }],
        },
    ],
    functions: [
        {
            name: "orders-api", code: { runtime: "nodejs22.x", handler: "index.handler", s3Key: "orders-api/1.4.2.zip" },
            timeoutSeconds: 10, memoryMb: 256, reachesDataTier: true,
            environment: { LOG_LEVEL: "debug", ORDERS_TABLE: "platform-dev-orders" },
            policySids: [...LAMBDA_SIDS, "CreateFunctionEnis", "ManageFunctionEnis", "DescribeNetwork", "SendToQueues", "UseIntegrationKey", "Configured0"],
        },
        {
            name: "order-worker", code: { runtime: "python3.13", handler: "worker.handle", s3Key: "order-worker/0.9.0.zip" },
            timeoutSeconds: 30, memoryMb: 256, reachesDataTier: false,
            policySids: [...LAMBDA_SIDS, "ConsumeQueues", "PublishToTopics", "UseIntegrationKey"],
        },
    ],
    stateMachines: [{ name: "order-report", functions: ["order-worker"], queues: [], topics: ["order-notifications"] }],
    api: {
        throttling: { burst: 20, rate: 10 },
        featurePlan: "ESSENTIALS",
        mfa: "OPTIONAL",
        routes: [
            { slug: "get-orders-id", routeKey: "GET /orders/{id}", integration: "api-fn-orders-api" },
            { slug: "post-orders", routeKey: "POST /orders", integration: "api-fn-orders-api" },
        ],
    },
    // res-lambda-concurrency: dev reserves nothing on purpose (a fresh account's quota of 10 admits no
    // reservation; infra/config/lambdaConcurrency.ts), which the advisory rule reports.
    acceptedAdvisories: ["iam-cognito-threat-protection", "res-lambda-concurrency", "log-sns-delivery-status"],
    functionEgress: { throughNat: ["sqs", "xray"], viaEndpoints: false },
});

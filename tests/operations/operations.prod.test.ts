import { describeOperations } from "./operationsAssertions";

// Values from Pulumi.prod.yaml, written out so a change there is made on purpose here too.
describeOperations({
    stack: "prod",
    prefix: "platform-prod",
    dataAlarms: ["aurora-connections", "aurora-cpu", "aurora-freeable-memory", "aurora-replica-lag-aurora-reader-1", "cache-cpu-001", "cache-cpu-002", "cache-evictions-001", "cache-evictions-002", "cache-memory-001", "cache-memory-002", "dynamodb-system-errors-orders", "dynamodb-throttles-orders"],
    dataBuckets: ["uploads"],
    replicaBuckets: ["uploads"],
    natZones: ["use1-az1", "use1-az2", "use1-az4"],
    emails: ["platform-oncall@example.com"],
    httpsEndpoints: ["https://events.pagerduty.com/integration/platform-prod/enqueue"],
    accessLogLifecycle: { transitionToInfrequentAccessDays: 90, expirationDays: 730 },
    cloudTrailDataEvents: true,
    prometheus: true,
    budget: { limit: "20000.00", actual: [50, 80, 100], forecast: [100, 120], emails: ["platform-team@example.com", "finops@example.com"] },
    anomalyThresholdUsd: 250,
    baseline: "owner",
    protect: true,
    retainOnDelete: true,
});

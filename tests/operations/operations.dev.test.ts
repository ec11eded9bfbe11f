import { describeOperations } from "./operationsAssertions";

// Values from Pulumi.dev.yaml, written out so a change there is made on purpose here too.
describeOperations({
    stack: "dev",
    prefix: "platform-dev",
    dataAlarms: ["aurora-connections", "aurora-cpu", "aurora-freeable-memory", "cache-cpu-001", "cache-evictions-001", "cache-memory-001", "dynamodb-system-errors-orders", "dynamodb-throttles-orders"],
    dataBuckets: ["uploads"],
    replicaBuckets: [],
    natZones: ["use1-az1"],
    emails: ["platform-dev-alerts@example.com"],
    httpsEndpoints: [],
    accessLogLifecycle: { transitionToInfrequentAccessDays: 30, expirationDays: 90 },
    cloudTrailDataEvents: false,
    prometheus: false,
    budget: { limit: "1500.00", actual: [80, 100], forecast: [100], emails: ["platform-team@example.com"] },
    // Dev consumes prod's account baseline: prod's monitor and subscription cover the account.
    anomalyThresholdUsd: undefined,
    baseline: "consumer",
    protect: false,
    retainOnDelete: false,
});

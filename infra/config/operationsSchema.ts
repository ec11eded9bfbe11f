import { z } from "zod";
import type { StackConfig } from "./schema";
import { distinctList, flag, integerBetween, strictObject, textMatching } from "./fieldTypes";

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$/;
const EMAIL_ALLOWED = "an e-mail address such as oncall@example.com";
const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/;

function numberBetween(min: number, max: number) {
    const allowed = `a number from ${min} to ${max}`;
    return z.number({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
}

const emailList = (what: string) => distinctList(textMatching(EMAIL, EMAIL_ALLOWED), (email: string) => email.toLowerCase(), `a list of e-mail addresses ${what}`);

const thresholdsSchema = strictObject({
    cloudFront5xxErrorRatePercent: numberBetween(0.1, 100).default(5),
    wafBlockedRequestsPerFiveMinutes: integerBetween(1, 10_000_000).default(1000),
    natPortAllocationErrors: integerBetween(1, 1_000_000).default(1),
    eksControlPlaneErrorsPerFiveMinutes: integerBetween(1, 1_000_000).default(10),
    auroraCpuPercent: numberBetween(1, 100).default(80),
    auroraFreeableMemoryMiB: integerBetween(64, 1_048_576).default(512),
    auroraConnections: integerBetween(1, 100_000).default(800),
    auroraReplicaLagMilliseconds: integerBetween(10, 3_600_000).default(1000),
    dynamoThrottledRequests: integerBetween(1, 1_000_000).default(10),
    dynamoSystemErrors: integerBetween(1, 1_000_000).default(1),
    cacheCpuPercent: numberBetween(1, 100).default(75),
    cacheMemoryPercent: numberBetween(1, 100).default(80),
    cacheEvictions: integerBetween(1, 100_000_000).default(100),
});

export const DEFAULT_THRESHOLDS = thresholdsSchema.parse({});

const percentList = (what: string) => distinctList(numberBetween(1, 1000), (percent: number) => String(percent), `a list of percentages of the limit (1 to 1000) ${what}`);

export const operationsSchema = strictObject({
    alarms: strictObject({
        subscriptions: strictObject({
            emails: emailList("that receive alarms").default([]),
            httpsEndpoints: distinctList(textMatching(HTTPS_URL, "an https:// URL such as https://events.pagerduty.com/integration/abc/enqueue"), (url: string) => url, "a list of https:// URLs").default([]),
        }).default({ emails: [], httpsEndpoints: [] }),
        thresholds: thresholdsSchema.default(DEFAULT_THRESHOLDS),
    }).default({ subscriptions: { emails: [], httpsEndpoints: [] }, thresholds: DEFAULT_THRESHOLDS }),
    accessLogs: strictObject({
        lifecycle: strictObject({
            transitionToInfrequentAccessDays: integerBetween(30, 3650).default(30),
            expirationDays: integerBetween(1, 3650).default(365),
        }).default({ transitionToInfrequentAccessDays: 30, expirationDays: 365 }),
    }).default({ lifecycle: { transitionToInfrequentAccessDays: 30, expirationDays: 365 } }),
    cloudTrailDataEvents: strictObject({ enabled: flag().default(false) }).default({ enabled: false }),
    dashboard: strictObject({ enabled: flag().default(true) }).default({ enabled: true }),
    prometheus: strictObject({ enabled: flag().default(false) }).default({ enabled: false }),
    budget: strictObject({
        monthlyLimitUsd: z.number({ error: "a monthly limit in USD greater than 0" })
            .gt(0, { error: "a monthly limit in USD greater than 0 (a budget of 0 would notify on every cent)" })
            .max(10_000_000, { error: "a monthly limit in USD greater than 0 and at most 10,000,000" })
            .default(1000),
        actualThresholdsPercent: percentList("for actual spend").default([80, 100]),
        forecastThresholdsPercent: percentList("for forecast spend").default([100]),
        notifyEmails: emailList("that receive budget notifications").default([]),
    }).default({ monthlyLimitUsd: 1000, actualThresholdsPercent: [80, 100], forecastThresholdsPercent: [100], notifyEmails: [] }),
    costAnomaly: strictObject({
        enabled: flag().default(true),
        impactThresholdUsd: numberBetween(1, 1_000_000).default(100),
        // Consumer and organization stacks only: the baseline owner's monitor (AWS allows one AWS services monitor per account).
        monitorArn: textMatching(/^arn:aws[a-z-]*:ce::\d{12}:anomalymonitor\/[0-9a-f-]{36}$/, "a cost anomaly monitor ARN such as arn:aws:ce::123456789012:anomalymonitor/0d2c6f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f").optional(),
    }).default({ enabled: true, impactThresholdUsd: 100 }),
});

type RefinementContext = z.RefinementCtx<StackConfig>;

function problem(ctx: RefinementContext, path: (string | number)[], input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path, input, message: allowed });
}

/** Cross-field rules of platform:operations: someone hears the alarms in prod, lifecycle in order, AWS's notification limits. */
export function checkOperations(config: StackConfig, ctx: RefinementContext): void {
    const operations = config["platform:operations"];
    const key = "platform:operations";
    const subscriptions = operations.alarms.subscriptions;
    if (config["platform:environment"] === "prod" && subscriptions.emails.length + subscriptions.httpsEndpoints.length === 0) {
        problem(ctx, [key, "alarms", "subscriptions", "emails"], [], "at least one e-mail address or HTTPS endpoint when platform:environment is prod (alarms nobody receives are not monitoring)");
    }
    const lifecycle = operations.accessLogs.lifecycle;
    if (lifecycle.expirationDays <= lifecycle.transitionToInfrequentAccessDays) {
        problem(ctx, [key, "accessLogs", "lifecycle", "expirationDays"], lifecycle.expirationDays,
            `more than transitionToInfrequentAccessDays (${lifecycle.transitionToInfrequentAccessDays})`);
    }
    const budget = operations.budget;
    // AWS Budgets: at most 10 subscribers per notification (the topic counts as one).
    if (budget.notifyEmails.length > 9) {
        problem(ctx, [key, "budget", "notifyEmails"], budget.notifyEmails, "at most 9 e-mail addresses (AWS Budgets allows 10 subscribers per notification, one is the alarm topic)");
    }
    // AWS Budgets: at most 10 notifications per budget.
    if (budget.actualThresholdsPercent.length + budget.forecastThresholdsPercent.length > 10) {
        problem(ctx, [key, "budget", "forecastThresholdsPercent"], budget.forecastThresholdsPercent, "at most 10 thresholds in total (the AWS Budgets limit of notifications per budget)");
    }
    if (budget.actualThresholdsPercent.length + budget.forecastThresholdsPercent.length === 0) {
        problem(ctx, [key, "budget", "actualThresholdsPercent"], [], "at least one threshold (a budget that never notifies controls nothing)");
    }
}

/**
 * The validated `platform:operations` slice: alarm routing, thresholds, access logs, dashboards,
 * Prometheus and cost controls. Built by infra/config/operationsSchema.ts.
 */
export interface AlarmSubscriptionsConfig {
    /** E-mail subscribers (each confirms the subscription from the e-mail SNS sends). */
    readonly emails: readonly string[];
    /** HTTPS endpoints (chat webhooks, incident tools); SNS confirms them with a request. */
    readonly httpsEndpoints: readonly string[];
}

/** Every alarm threshold; the README lists each with its reasoning. */
export interface AlarmThresholdsConfig {
    readonly cloudFront5xxErrorRatePercent: number;
    readonly wafBlockedRequestsPerFiveMinutes: number;
    readonly natPortAllocationErrors: number;
    readonly eksControlPlaneErrorsPerFiveMinutes: number;
    readonly auroraCpuPercent: number;
    readonly auroraFreeableMemoryMiB: number;
    readonly auroraConnections: number;
    readonly auroraReplicaLagMilliseconds: number;
    readonly dynamoThrottledRequests: number;
    readonly dynamoSystemErrors: number;
    readonly cacheCpuPercent: number;
    readonly cacheMemoryPercent: number;
    readonly cacheEvictions: number;
}

export interface AccessLogsLifecycleConfig {
    readonly transitionToInfrequentAccessDays: number;
    readonly expirationDays: number;
}

export interface BudgetConfig {
    readonly monthlyLimitUsd: number;
    /** Percentages of the limit that notify when actual spend crosses them. */
    readonly actualThresholdsPercent: readonly number[];
    /** Percentages of the limit that notify when forecast spend crosses them. */
    readonly forecastThresholdsPercent: readonly number[];
    readonly notifyEmails: readonly string[];
}

export interface CostAnomalyConfig {
    readonly enabled: boolean;
    /** Notify when an anomaly's total impact reaches this many USD. */
    readonly impactThresholdUsd: number;
    /**
     * The baseline owner's monitor, for a consumer or organization stack that subscribes to it; the
     * owner creates the monitor itself (infra/components/account) and leaves this out.
     */
    readonly monitorArn?: string;
}

export interface OperationsConfig {
    readonly alarms: { readonly subscriptions: AlarmSubscriptionsConfig; readonly thresholds: AlarmThresholdsConfig };
    readonly accessLogs: { readonly lifecycle: AccessLogsLifecycleConfig };
    /** CloudTrail S3 data events for the audit bucket (USD 0.10 per 100,000 events). */
    readonly cloudTrailDataEvents: { readonly enabled: boolean };
    readonly dashboard: { readonly enabled: boolean };
    readonly prometheus: { readonly enabled: boolean };
    readonly budget: BudgetConfig;
    readonly costAnomaly: CostAnomalyConfig;
}

import { describe, expect, it } from "vitest";
import { stackConfiguration } from "../support/stackRun";
import { parsePlatformConfig } from "../../infra/config/load";
import { devConfigWith, devObject } from "../config/configFixtures";
import { problemsOf } from "../support/configProblems";

const devOperations = (): Record<string, unknown> => devObject("platform:operations");
const operations = (changes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    devConfigWith({ "platform:operations": { ...devOperations(), ...changes }, ...extra });
const budget = (changes: Record<string, unknown>) => operations({ budget: { ...(devOperations().budget as Record<string, unknown>), ...changes } });
const PROD_PROTECTION = { protectStatefulResources: true, deletionProtection: true, finalSnapshots: true, retainOnDelete: true };

describe("platform:operations validation", () => {
    it("accepts the committed dev operations settings and fills the default thresholds", () => {
        const config = parsePlatformConfig(operations({}), "platform", "dev").operations;
        expect(config.alarms.subscriptions.emails).toEqual(["platform-dev-alerts@example.com"]);
        expect(config.alarms.thresholds.cloudFront5xxErrorRatePercent).toBe(5);
        expect(config.budget.monthlyLimitUsd).toBe(1500);
    });

    it("rejects an invalid e-mail address, naming the entry", () => {
        expect(problemsOf(operations({ alarms: { subscriptions: { emails: ["oncall@example.com", "not-an-address"] } } }))).toEqual([
            "platform:operations.alarms.subscriptions.emails[1]: got \"not-an-address\"; allowed: an e-mail address such as oncall@example.com",
        ]);
    });

    it("rejects a repeated e-mail address (one subscription URN twice) and a plain-http endpoint", () => {
        expect(problemsOf(operations({ alarms: { subscriptions: { emails: ["a@example.com", "A@example.com"], httpsEndpoints: ["http://hooks.example.com/x"] } } }))).toEqual([
            "platform:operations.alarms.subscriptions.emails[1]: got \"A@example.com\"; allowed: distinct entries (\"a@example.com\" appears more than once)",
            "platform:operations.alarms.subscriptions.httpsEndpoints[0]: got \"http://hooks.example.com/x\"; allowed: an https:// URL such as https://events.pagerduty.com/integration/abc/enqueue",
        ]);
    });

    it("rejects thresholds out of range", () => {
        expect(problemsOf(operations({ alarms: { thresholds: { cloudFront5xxErrorRatePercent: 150, auroraCpuPercent: 0, cacheEvictions: -1 } } }))).toEqual([
            "platform:operations.alarms.thresholds.cloudFront5xxErrorRatePercent: got 150; allowed: a number from 0.1 to 100",
            "platform:operations.alarms.thresholds.auroraCpuPercent: got 0; allowed: a number from 1 to 100",
            "platform:operations.alarms.thresholds.cacheEvictions: got -1; allowed: an integer from 1 to 100000000",
        ]);
    });

    it("rejects a budget of 0", () => {
        expect(problemsOf(budget({ monthlyLimitUsd: 0 }))).toEqual([
            "platform:operations.budget.monthlyLimitUsd: got 0; allowed: a monthly limit in USD greater than 0 (a budget of 0 would notify on every cent)",
        ]);
    });

    it("rejects a budget without thresholds, too many thresholds and too many subscribers", () => {
        expect(problemsOf(budget({ actualThresholdsPercent: [], forecastThresholdsPercent: [] }))).toEqual([
            "platform:operations.budget.actualThresholdsPercent: got []; allowed: at least one threshold (a budget that never notifies controls nothing)",
        ]);
        const emails: string[] = Array.from({ length: 10 }, (_: unknown, i: number) => `finops${i}@example.com`);
        expect(problemsOf(budget({ actualThresholdsPercent: [10, 20, 30, 40, 50, 60], forecastThresholdsPercent: [70, 80, 90, 100, 110], notifyEmails: emails }))).toEqual([
            `platform:operations.budget.notifyEmails: got ${JSON.stringify(emails).slice(0, 117)}...; allowed: at most 9 e-mail addresses (AWS Budgets allows 10 subscribers per notification, one is the alarm topic)`,
            "platform:operations.budget.forecastThresholdsPercent: got [70,80,90,100,110]; allowed: at most 10 thresholds in total (the AWS Budgets limit of notifications per budget)",
        ]);
    });

    it("rejects an access-log lifecycle out of order", () => {
        expect(problemsOf(operations({ accessLogs: { lifecycle: { transitionToInfrequentAccessDays: 90, expirationDays: 60 } } }))).toEqual([
            "platform:operations.accessLogs.lifecycle.expirationDays: got 60; allowed: more than transitionToInfrequentAccessDays (90)",
        ]);
    });

    it("rejects a prod stack whose alarms nobody receives", () => {
        expect(problemsOf(operations({ alarms: { subscriptions: { emails: [] } } }, { "platform:environment": "prod", "platform:protection": PROD_PROTECTION, "platform:data": JSON.parse(stackConfiguration("prod").config["platform:data"]) }), "prod")).toEqual([
            "platform:operations.alarms.subscriptions.emails: got []; allowed: at least one e-mail address or HTTPS endpoint when platform:environment is prod (alarms nobody receives are not monitoring)",
        ]);
    });
});

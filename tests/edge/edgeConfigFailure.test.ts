import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { runPlatform } from "../../infra/program";
import { runUnderMocks } from "../../tools/offline/mockEngine";
import { devObject } from "../config/configFixtures";
import { stackConfiguration } from "../support/stackRun";

describe("invalid edge and operations configuration under the mock runtime", () => {
    it("fails naming every edge and operations key before any resource is registered", async () => {
        const configuration = stackConfiguration("dev");
        let failure: unknown;
        const edge = { ...devObject("platform:edge"), domain: { aliases: ["assets.example.com"] }, waf: { ...(devObject("platform:edge").waf as object), rateLimit: 5 } };
        const operations = { ...devObject("platform:operations"), budget: { monthlyLimitUsd: 0 }, alarms: { subscriptions: { emails: ["oncall-at-example.com"] } } };
        const run = await runUnderMocks({
            project: configuration.project,
            stack: "dev",
            config: { ...configuration.config, "platform:edge": JSON.stringify(edge), "platform:operations": JSON.stringify(operations) },
            program: () => {
                try {
                    return runPlatform();
                } catch (error) {
                    failure = error;
                    return {};
                }
            },
        });
        expect(failure).toBeInstanceOf(ConfigValidationError);
        const message: string = (failure as Error).message;
        expect(message).toContain("(4 problems); nothing was created");
        expect(message).toContain("platform:edge.waf.rateLimit: got 5; allowed: an integer from 10 to 2000000000");
        expect(message).toContain("platform:edge.domain.hostedZoneId: missing; required:");
        expect(message).toContain("platform:operations.budget.monthlyLimitUsd: got 0; allowed: a monthly limit in USD greater than 0");
        expect(message).toContain("platform:operations.alarms.subscriptions.emails[0]: got \"oncall-at-example.com\"; allowed: an e-mail address");
        expect(run.resources).toEqual([]);
    });
});

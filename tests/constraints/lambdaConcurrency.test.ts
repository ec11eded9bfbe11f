import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../infra/config/load";
import { MINIMUM_UNRESERVED_CONCURRENCY, concurrencyNeed } from "../../infra/config/lambdaConcurrency";
import { devConfigWith } from "../config/configFixtures";
import { problemsOf } from "../support/configProblems";
import { runStack, stackConfiguration } from "../support/stackRun";

/**
 * Lambda reserved concurrency (issue 18 §4). Lambda keeps 100 of the account's concurrency quota
 * unreserved ("You can reserve up to the Unreserved account concurrency value ... minus 100",
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html) and new accounts often
 * have a quota of 10: a reservation by default breaks the first deployment there. The platform
 * reserves only what a function's config asks for, and a stack that reserves names its quota.
 */
const FUNCTION = "aws:lambda/function:Function";
type Entry = Record<string, unknown>;
const integrationOf = (stack: string): Entry => JSON.parse(stackConfiguration(stack).config["platform:integration"]) as Entry;

describe("Lambda reserved concurrency", () => {
    it("a function without reservedConcurrency reserves nothing (the schema has no default)", () => {
        const fn = { name: "plain", runtime: "nodejs22.x", handler: "index.handler", code: { s3Bucket: "acme-artifacts", s3Key: "plain.zip" } };
        const config = parsePlatformConfig(devConfigWith({ "platform:integration": { functions: [fn] } }), "platform", "dev");
        expect(config.integration.functions[0].reservedConcurrency).toBeUndefined();
    });

    it("the quota a stack needs is its reservations plus the 100 Lambda keeps unreserved; none when nothing reserves", () => {
        expect(concurrencyNeed([{ name: "a" }, { name: "b" }])).toEqual({ reserved: 0, requiredAccountQuota: 0, byFunction: {} });
        expect(concurrencyNeed([{ name: "a", reservedConcurrency: 5 }, { name: "b" }, { name: "c", reservedConcurrency: 0 }]))
            .toEqual({ reserved: 5, requiredAccountQuota: 5 + MINIMUM_UNRESERVED_CONCURRENCY, byFunction: { a: 5, c: 0 } });
    });

    it("rejects reservations the configured account quota cannot hold, naming the key, the functions and the quota needed", () => {
        const integration: Entry = { ...integrationOf("dev"), accountConcurrencyQuota: 10 };
        (integration.functions as Entry[])[0].reservedConcurrency = 5;
        expect(problemsOf(devConfigWith({ "platform:integration": integration }))).toEqual([
            expect.stringMatching(/^platform:integration\.accountConcurrencyQuota: got 10; allowed: at least 105: the functions reserve 5 \(orders-api 5\) and Lambda keeps 100 unreserved/),
        ]);
    });

    for (const stack of ["dev", "prod"] as const) {
        it(`${stack}: the functions' reservations fit the quota the stack names (or there are none)`, async () => {
            const result = await runStack(stack);
            const functions = result.all(FUNCTION);
            const reserved: number = functions.reduce((sum, f) => sum + (typeof f.inputs.reservedConcurrentExecutions === "number" ? f.inputs.reservedConcurrentExecutions : 0), 0);
            const quota = integrationOf(stack).accountConcurrencyQuota as number | undefined;
            if (reserved > 0) {
                expect(quota, `${stack} reserves ${reserved}: platform:integration.accountConcurrencyQuota must name the quota it needs`).toBeDefined();
                expect(reserved + MINIMUM_UNRESERVED_CONCURRENCY).toBeLessThanOrEqual(quota!);
            }
            // What the pre-deployment checklist names (README, "Service constraints and quotas").
            const need = concurrencyNeed(parsePlatformConfig(stackConfiguration(stack).config, "platform", stack).integration.functions);
            expect(need.reserved).toBe(reserved);
        });
    }

    it("dev, the disposable stack for fresh accounts, reserves nothing", async () => {
        const result = await runStack("dev");
        for (const fn of result.all(FUNCTION)) {
            expect(fn.inputs.reservedConcurrentExecutions, fn.name).toBeUndefined();
        }
    });

    it("prod needs a quota of 230 (130 reserved + 100)", () => {
        expect(concurrencyNeed(parsePlatformConfig(stackConfiguration("prod").config, "platform", "prod").integration.functions).requiredAccountQuota).toBe(230);
    });
});

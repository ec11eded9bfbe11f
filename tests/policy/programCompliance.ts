import { beforeAll, describe, expect, it } from "vitest";
import { policies } from "../../policy/policies";
import { PolicyReport, evaluatePack } from "../../tools/preview/policy";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";

/**
 * Advisory findings this program is known to produce, each with the reason it is accepted.
 * The README lists the same table; a new advisory finding fails the test until it is justified here.
 */
export const ACCEPTED_ADVISORIES: Readonly<Record<string, string>> = {
};

/** Runs this repository's own program for a stack and evaluates the whole pack on it. */
export function describeProgramCompliance(stack: string): void {
    describe(`the program passes the policy pack (${stack})`, () => {
        let result: StackRunResult;
        let report: PolicyReport;
        beforeAll(async () => {
            result = await runStack(stack);
            const byUrn = new Map(result.resources.map((r: RecordedResource) => [r.urn, r]));
            report = await evaluatePack(policies, result.resources, byUrn, {});
        });

        it("evaluates every policy of the pack", () => {
            expect(report.resourcePolicies + report.stackPolicies).toBe(policies.length);
            expect(policies.length).toBeGreaterThan(60);
            expect(report.resourceEvaluations).toBeGreaterThan(result.resources.length);
        });

        it("has zero mandatory violations", () => {
            expect(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.message)).toEqual([]);
        });

        it("has only the advisory findings documented in ACCEPTED_ADVISORIES", () => {
            const advisories: string[] = [...new Set(report.violations.filter((v) => v.enforcementLevel === "advisory").map((v) => v.policy))].sort();
            expect(advisories).toEqual(Object.keys(ACCEPTED_ADVISORIES).sort());
        });
    });
}

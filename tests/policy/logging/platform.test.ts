/**
 * The real platform program (prod stack, preview and update) under the mock runtime must pass the
 * network, logging and resilience pillars with zero mandatory violations. One stack per file: the
 * Pulumi runtime is process-global.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../policy/lib/evaluate";
import { loggingPolicies } from "../../../policy/rules/logging";
import { networkPolicies } from "../../../policy/rules/network";
import { resiliencePolicies } from "../../../policy/rules/resilience";
import { toAnalyzedResources } from "../../../tools/preview/policy";
import { runStack } from "../../support/stackRun";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownStringValue } = require("@pulumi/policy/proxy") as { unknownStringValue: unknown };

describe("platform program (prod) against Part B pillars", () => {
    for (const preview of [true, false]) {
        it(`has no mandatory violation (${preview ? "preview, unknown ids" : "update"})`, async () => {
            const run = await runStack("prod", { preview });
            const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
            const resources = toAnalyzedResources(run.resources, byUrn, unknownStringValue);
            const result = await evaluatePolicies([...networkPolicies, ...loggingPolicies, ...resiliencePolicies], resources);
            expect(result.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.message)).toEqual([]);
            // The joins are real: dropping the flow log makes log-vpc-flow-logs fire.
            const withoutFlowLog = await evaluatePolicies(loggingPolicies, resources.filter((r) => r.type !== "aws:ec2/flowLog:FlowLog"));
            expect(withoutFlowLog.violations.map((v) => v.policy)).toContain("log-vpc-flow-logs");
        });
    }
});

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { policies } from "../../policy/policies";
import { runOfflinePreview } from "../../tools/preview/preview";
import { policyConfigProblems } from "../../tools/preview/policyConfigSchema";

/** `--policy-config` is validated against every policy's config schema, as `pulumi preview` does, before anything runs. */
describe("policy config validation (as the CLI does it)", () => {
    it("accepts the pack's defaults and well-typed settings", () => {
        expect(policyConfigProblems(policies, {}, "platform-guardrails", "0.1.0")).toEqual([]);
        expect(policyConfigProblems(policies, {
            "net-sg-high-risk-ports": { enforcementLevel: "advisory", ports: [22, 3389] },
            "log-log-group-retention": { exemptions: [{ namePattern: "flow-logs", reason: "dev keeps 30 days" }] },
        }, "platform-guardrails", "0.1.0")).toEqual([]);
    });

    it("refuses a value of the wrong type and an exemption without its reason, in the CLI's words", () => {
        expect(policyConfigProblems(policies, {
            "net-sg-high-risk-ports": { ports: "22" },
            "log-log-group-retention": { exemptions: [{ namePattern: "flow-logs" }], auditMinimumRetentionDays: "365" },
        }, "platform-guardrails", "0.1.0")).toEqual([
            "validating policy config: platform-guardrails 0.1.0  net-sg-high-risk-ports: ports: Invalid type. Expected: array, given: string",
            "validating policy config: platform-guardrails 0.1.0  log-log-group-retention: auditMinimumRetentionDays: Invalid type. Expected: number, given: string",
            "validating policy config: platform-guardrails 0.1.0  log-log-group-retention: exemptions.0: reason is required",
        ]);
    });

    it("makes the offline preview exit 2 with that message before the program runs", async () => {
        const file: string = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-")), "policy-config.json");
        fs.writeFileSync(file, JSON.stringify({ "net-sg-high-risk-ports": { ports: "22" } }));
        const outcome = await runOfflinePreview({ stack: "dev", policyConfig: file });
        expect(outcome.exitCode).toBe(2);
        expect(outcome.failure).toEqual({
            kind: "configuration",
            message: "error: validating policy config: platform-guardrails 0.1.0  net-sg-high-risk-ports: ports: Invalid type. Expected: array, given: string",
        });
    });
});

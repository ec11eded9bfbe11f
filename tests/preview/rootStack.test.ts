import * as path from "path";
import { describe, expect, it } from "vitest";
import { runOfflinePreview } from "../../tools/preview/preview";
import { FIXTURES, FIXTURE_PROJECT } from "./support/cli";

/**
 * The engine registers the root stack resource (pulumi:pulumi:Stack) before the program's first
 * resource and analyzes it like any other; the preview does the same, in a dry run and an update.
 */
describe.each([false, true])("the root stack resource (dry run: %s)", (dryRun: boolean) => {
    it("is analyzed by resource policies and is the parent of every top-level resource in stack policies", async () => {
        const outcome = await runOfflinePreview({
            stack: "ok", projectDir: FIXTURE_PROJECT, dryRun,
            program: path.join(FIXTURES, "compliant.ts#program"), policies: path.join(FIXTURES, "rootStackPolicies.ts"),
        });
        const messages: string[] = (outcome.result?.policies.violations ?? []).map((v) => `${v.policy}: ${v.message}`);
        expect(messages.filter((m: string) => m.startsWith("fixture-sees-root-stack"))).toEqual([expect.stringMatching(/^fixture-sees-root-stack: .*root stack fixture-ok/)]);
        const parents: string = messages.find((m: string) => m.startsWith("fixture-parents"))!;
        expect(parents).toMatch(/[1-9]\d* under the root stack, 0 without a parent/);
        // The root resource is the analyzer's, not the program's: the preview's own list and counts leave it out.
        expect(outcome.result?.resources.some((r) => r.type === "pulumi:pulumi:Stack")).toBe(false);
    });
});

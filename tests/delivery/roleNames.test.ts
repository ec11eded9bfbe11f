import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { runStack } from "../support/stackRun";

/**
 * The deploy role may create, change and delete only roles named <project>-<stack>-*
 * (deployPermissions.ts): an auto-named role (logical name plus a random suffix) would fail at
 * CreateRole in the deploy workflow. Walks every role of both stacks, so the next one is caught.
 */
describe.each(["dev", "prod"])("IAM role names of the %s stack", (stack: string) => {
    it("every role the program creates carries the stack prefix", async () => {
        const result = await runStack(stack);
        const roles: RecordedResource[] = result.ofType("aws:iam/role:Role");
        expect(roles.length).toBeGreaterThan(5);
        const unprefixed: string[] = roles.filter((r) => !(typeof r.inputs.name === "string" && r.inputs.name.startsWith(`platform-${stack}-`))).map((r) => `${r.name}: ${String(r.inputs.name)}`);
        expect(unprefixed).toEqual([]);
    });
});

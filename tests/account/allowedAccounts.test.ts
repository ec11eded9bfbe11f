import { describe, expect, it } from "vitest";
import { MockEngineError, RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";

/** Every explicit AWS provider names exactly the configured account; every AWS resource uses one of them. */
describe("providers may deploy only to the configured account", () => {
    it.each(["dev", "prod"])("%s: allowedAccountIds = [platform:account.id] on every explicit aws provider, and no resource on a default provider", async (stack: string) => {
        const result: StackRunResult = await runStack(stack);
        const accountId: string = (JSON.parse(stackConfiguration(stack).config["platform:account"]) as { id: string }).id;
        const providers: RecordedResource[] = result.ofType("pulumi:providers:aws");
        expect(providers.map((p: RecordedResource) => p.name).sort()).toEqual(stack === "prod" ? ["global-edge", "regional", "replica"] : ["global-edge", "regional"]);
        for (const provider of providers) {
            expect(JSON.parse(String(provider.inputs.allowedAccountIds)), provider.urn).toEqual([accountId]);
        }
        const pinned = new Set(providers.map((p: RecordedResource) => p.urn));
        const unpinned: string[] = result.resources
            .filter((r: RecordedResource) => r.custom && r.type.startsWith("aws:") && !pinned.has(r.provider ?? ""))
            .map((r: RecordedResource) => r.urn);
        expect(unpinned).toEqual([]);
    });

    it("prod's configuration run with credentials of another account is refused before anything is created", async () => {
        const refused: unknown = await runStack("prod", { accountId: "999999999999" }).then(() => undefined, (error: unknown) => error);
        expect(refused).toBeInstanceOf(MockEngineError);
        expect(String(refused)).toMatch(/provider regional: AWS account ID not allowed: 999999999999/);
    });
});

import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { runStack } from "../support/stackRun";

/**
 * The fake cloud places a resource in its provider's Region, as AWS does: prod's replica-Region
 * resources (through the us-west-2 provider) get us-west-2 ARNs, the rest the stack's Region.
 */
describe("fake identifiers follow the resource's provider", () => {
    it("gives every resource of the replica-Region provider an ARN in that Region", async () => {
        const result = await runStack("prod");
        const providers: RecordedResource[] = result.ofType("pulumi:providers:aws");
        const replica: RecordedResource | undefined = providers.find((p) => p.inputs.region === "us-west-2");
        expect(replica).toBeDefined();
        const placed: RecordedResource[] = result.resources.filter((r) => r.provider === replica!.urn && typeof r.outputs.arn === "string" && /^arn:aws:[a-z0-9-]+:[a-z]/.test(String(r.outputs.arn)));
        expect(placed.map((r) => r.type)).toEqual(expect.arrayContaining(["aws:kms/key:Key", "aws:backup/vault:Vault"]));
        for (const r of placed) {
            expect(String(r.outputs.arn), r.urn).toContain(":us-west-2:");
        }
        const home: RecordedResource | undefined = result.ofType("aws:backup/vault:Vault").find((r) => r.provider !== replica!.urn);
        expect(String(home?.outputs.arn)).toContain(":us-east-1:");
    });
});

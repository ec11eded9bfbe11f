import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";
import { T } from "./securityAssertions";

/** The baseline owner in a Region that is not the account's globalResourcesRegion. */
describe("AWS Config of the baseline owner (prod)", () => {
    it("in a Region other than globalResourcesRegion: records all supported types but not the global ones", async () => {
        const security = JSON.parse(stackConfiguration("prod").config["platform:security"]) as Record<string, unknown>;
        const result: StackRunResult = await runStack("prod", {
            overrides: { "platform:security": JSON.stringify({ ...security, config: { globalResourcesRegion: "eu-west-1" } }) },
        });
        const recorder: RecordedResource = result.get(T.recorder, "config");
        expect(recorder.inputs.recordingGroup).toEqual({ allSupported: true, includeGlobalResourceTypes: false });
    });
});

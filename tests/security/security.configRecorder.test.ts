import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { devObject } from "../config/configFixtures";
import { StackRunResult, runStack } from "../support/stackRun";
import { T, bySid, servicePrincipals, statementsOf } from "./securityAssertions";

const withConfig = (config: Record<string, unknown>): Record<string, string> => ({
    "platform:security": JSON.stringify({ ...devObject("platform:security"), config }),
});

/** Two runs of the dev stack in one process, one after the other (the runtime is process-global). */
describe("AWS Config switches (dev)", () => {
    it("off (an organisation-level recorder exists): no recorder, channel, status or role; no Config grants on bucket or key", async () => {
        const result: StackRunResult = await runStack("dev", { overrides: withConfig({ enabled: false }) });
        for (const type of [T.serviceLinkedRole, T.recorder, T.deliveryChannel, T.recorderStatus]) {
            expect(result.ofType(type), type).toEqual([]);
        }
        expect(result.get(T.trail, "audit")).toBeDefined();
        const bucketPolicy: unknown = result.get(T.bucketPolicy, "cloudtrail").inputs.policy;
        expect(statementsOf(bucketPolicy).map((s: Record<string, unknown>) => s.Sid)).toEqual(["DenyInsecureTransport", "AllowCloudTrailAclCheck", "AllowCloudTrailWrite"]);
        const keyPolicy: unknown = result.get(T.key, "logs").inputs.policy;
        expect(servicePrincipals(keyPolicy)).not.toContain("config.amazonaws.com");
        expect(() => bySid(keyPolicy, "AllowConfigDelivery")).toThrow();
    });

    it("in a Region other than globalResourcesRegion: records all supported types but not the global ones", async () => {
        const result: StackRunResult = await runStack("dev", { overrides: withConfig({ enabled: true, globalResourcesRegion: "eu-west-1" }) });
        const recorder: RecordedResource = result.get(T.recorder, "config");
        expect(recorder.inputs.recordingGroup).toEqual({ allSupported: true, includeGlobalResourceTypes: false });
    });
});

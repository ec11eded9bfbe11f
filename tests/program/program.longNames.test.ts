import { beforeAll, describe, expect, it } from "vitest";
import { MAX_STACK_NAME_LENGTH } from "../../infra/config/load";
import { runPlatform } from "../../infra/program";
import { nameRule } from "../../infra/platform/awsNameRules";
import { MockRunResult, RecordedResource, runUnderMocks } from "../../tools/offline/mockEngine";
import { physicalNameViolations } from "../../tools/offline/nameRules";
import { stackConfiguration } from "../support/stackRun";

/** The longest naming inputs the schema allows, in the characters most AWS names reject (upper case, _ and .). */
const LONG_PROJECT_TAG: string = "Acme_Platform.Engineering-".repeat(3).slice(0, 64);
const LONG_STACK: string = "Prod_EU.Frankfurt-Blue.".repeat(5).slice(0, MAX_STACK_NAME_LENGTH);

async function runLongStack(extra: Record<string, string> = {}): Promise<MockRunResult> {
    const dev = stackConfiguration("dev");
    const tags = JSON.parse(dev.config["platform:tags"]) as Record<string, unknown>;
    return runUnderMocks({
        project: dev.project,
        stack: LONG_STACK,
        // As the baseline owner, so the account's trail, recorder and analyzer names are sized too.
        config: { ...dev.config, "platform:tags": JSON.stringify({ ...tags, project: LONG_PROJECT_TAG }), "platform:account": JSON.stringify({ id: "123456789012", baseline: "owner" }), ...extra },
        program: runPlatform,
    });
}

describe("physical names with the longest project tag and stack name the schema allows", () => {
    let run: MockRunResult;
    beforeAll(async () => {
        // runUnderMocks itself throws on any name AWS would reject; the assertions below say which.
        run = await runLongStack();
    });

    it("uses inputs at the schema's limits", () => {
        expect(LONG_PROJECT_TAG).toHaveLength(64);
        expect(LONG_STACK).toHaveLength(MAX_STACK_NAME_LENGTH);
    });

    it("keeps every physical name and tag within AWS's rules", () => {
        expect(run.resources.length).toBeGreaterThan(40);
        expect(physicalNameViolations(run.resources)).toEqual([]);
    });

    it("shortens long names with a stable hash, keeping what each name is for", () => {
        const trail: RecordedResource = run.resources.find((r: RecordedResource) => r.type === "aws:cloudtrail/trail:Trail")!;
        const trailName = String(trail.inputs.name);
        expect(trailName).toMatch(/^acme-platform-engineering-acme-[0-9a-f]{8}-audit$/);
        expect(trailName.length).toBeLessThanOrEqual(Number(nameRule("aws:cloudtrail/trail:Trail", "name").maxLength));
        const aliases: string[] = run.resources.filter((r: RecordedResource) => r.type === "aws:kms/alias:Alias").map((r: RecordedResource) => String(r.inputs.name));
        expect(aliases.every((alias: string) => alias.startsWith(`alias/${trailName.slice(0, -"audit".length)}`))).toBe(true);
    });

    it("derives the same names when unrelated configuration changes (no randomness, no index)", async () => {
        const network = JSON.parse(stackConfiguration("dev").config["platform:network"]) as Record<string, unknown>;
        const again: MockRunResult = await runLongStack({ "platform:network": JSON.stringify({ ...network, flowLogs: { retentionInDays: 90 } }) });
        const names = (r: MockRunResult): unknown[] => r.resources.map((x: RecordedResource) => x.inputs.name ?? x.inputs.analyzerName ?? null);
        expect(names(again)).toEqual(names(run));
    });
});

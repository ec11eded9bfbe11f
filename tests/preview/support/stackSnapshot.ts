import { expect } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../tools/offline/mockEngine";
import { SECURE_PLACEHOLDER } from "../../../tools/offline/stackConfig";
import { PreviewOutcome, PreviewResult, runOfflinePreview } from "../../../tools/preview/preview";
import { renderReport } from "../../../tools/preview/report";

export interface StackPreview {
    readonly outcome: PreviewOutcome;
    readonly result: PreviewResult;
    readonly json: string;
    readonly report: string;
}

/** Runs the real program for a repository stack (one per test file: the Pulumi runtime is process-global). */
export async function previewStack(stack: string): Promise<StackPreview> {
    const outcome: PreviewOutcome = await runOfflinePreview({ stack });
    if (!outcome.result) {
        throw new Error(`the ${stack} preview failed: ${outcome.failure?.message}`);
    }
    return { outcome, result: outcome.result, json: `${JSON.stringify(outcome.result, null, 2)}\n`, report: renderReport(outcome.result) };
}

/** Assertions every stack's preview must pass. */
export function expectStablePublicResult(preview: StackPreview): void {
    const { result, json, report } = preview;
    expect(preview.outcome.exitCode).toBe(result.policies.violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0);
    const urns: string[] = result.resources.map((r) => r.urn);
    expect(urns).toEqual([...urns].sort());
    expect(json).not.toMatch(/"(createdAt|timestamp|time)"/);
    for (const text of [json, report]) {
        expect(text).not.toContain(SECURE_PLACEHOLDER);
        expect(text).not.toMatch(/v1:[A-Za-z0-9+/=]{16,}/);
    }
    for (const key of result.secretConfigKeys) {
        expect(result.config[key]).toBe(SECRET_PLACEHOLDER);
    }
    for (const resource of result.resources) {
        for (const key of resource.secretInputs) {
            expect(JSON.stringify(resource.inputs[key])).toContain(SECRET_PLACEHOLDER);
        }
    }
}

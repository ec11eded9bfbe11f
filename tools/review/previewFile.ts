import * as fs from "fs";
import type { PreviewResult } from "../preview/preview";

/** A problem with the review's input: exit 2 with this message (file and problem), never a stack trace. */
export class ReviewInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ReviewInputError";
    }
}

/** The fields the comparison reads, checked so that a wrong file fails with its name, not deep inside. */
const REQUIRED: ReadonlyArray<[keyof PreviewResult, string]> = [
    ["project", "string"],
    ["stack", "string"],
    ["resources", "array"],
    ["policies", "object"],
    ["cost", "object"],
];

/** Reads an offline preview's JSON (`npm run preview:offline -- --json file`). */
export function readPreviewFile(file: string): PreviewResult {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        const code: string | undefined = (error as NodeJS.ErrnoException).code;
        throw new ReviewInputError(`${file}: cannot read the preview (${code === "ENOENT" ? "no such file" : (error as Error).message})`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new ReviewInputError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    return checkPreview(parsed, file);
}

export function checkPreview(parsed: unknown, source: string): PreviewResult {
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new ReviewInputError(`${source}: not an offline preview (expected a JSON object from npm run preview:offline -- --json)`);
    }
    const record = parsed as Record<string, unknown>;
    const problems: string[] = [];
    for (const [key, kind] of REQUIRED) {
        const value: unknown = record[key];
        const actual: string = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
        if (actual !== kind) {
            problems.push(`${key} must be ${kind === "array" ? "an array" : `a${kind === "object" ? "n" : ""} ${kind}`} (found ${value === undefined ? "nothing" : actual})`);
        }
    }
    if (problems.length === 0) {
        (record.resources as unknown[]).forEach((resource: unknown, index: number) => {
            const r = resource as Record<string, unknown> | null;
            if (!r || typeof r.urn !== "string" || typeof r.type !== "string" || r.inputs === null || typeof r.inputs !== "object") {
                problems.push(`resources[${index}] needs urn, type and inputs`);
            }
        });
        const cost = record.cost as Record<string, unknown>;
        if (!Array.isArray(cost.byComponent) || typeof cost.totalMonthlyUsd !== "number") {
            problems.push("cost needs byComponent and totalMonthlyUsd");
        }
        if (!Array.isArray((record.policies as Record<string, unknown>).violations)) {
            problems.push("policies.violations must be an array");
        }
    }
    if (problems.length > 0) {
        throw new ReviewInputError(`${source}: not an offline preview: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? `; and ${problems.length - 5} more` : ""}`);
    }
    return parsed as PreviewResult;
}

import * as fs from "fs";
import { didYouMean } from "../../infra/config/suggest";
import { Acknowledgement, DANGER_KINDS, Danger, DangerKind } from "./model";
import { ReviewInputError } from "./previewFile";

/**
 * Acknowledgements: the reviewed file in the pull request that accepts a dangerous change, one
 * entry per stack, URN (or pattern) and kind, each with its reason. Checked like the policy config:
 * every problem at once, each naming the key, the value and what is allowed.
 *
 *   { "acknowledgements": [
 *       { "stack": "prod", "urn": "urn:pulumi:prod::platform::...::aurora", "kind": "replace",
 *         "reason": "new database name; data restored from snapshot (runbook 12)" } ] }
 */
export const DEFAULT_ACKNOWLEDGEMENTS = "review/acknowledgements.json";

const TOP_KEYS: readonly string[] = ["acknowledgements"];
const ENTRY_KEYS: readonly string[] = ["stack", "urn", "kind", "reason"];
/** A reason says why, not "ok". */
const MIN_REASON_LENGTH = 10;

export function readAcknowledgements(file: string, required: boolean): Acknowledgement[] {
    if (!fs.existsSync(file)) {
        if (required) {
            throw new ReviewInputError(`${file}: cannot read the acknowledgements (no such file)`);
        }
        return [];
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new ReviewInputError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    const problems: string[] = acknowledgementProblems(parsed);
    if (problems.length > 0) {
        throw new ReviewInputError(`${file}: ${problems.length} ${problems.length === 1 ? "problem" : "problems"}:\n${problems.map((p: string) => `  - ${p}`).join("\n")}`);
    }
    return (parsed as { acknowledgements?: Acknowledgement[] }).acknowledgements ?? [];
}

export function acknowledgementProblems(parsed: unknown): string[] {
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        return [`must be a JSON object with the key acknowledgements (allowed keys: ${TOP_KEYS.join(", ")})`];
    }
    const problems: string[] = [];
    for (const key of Object.keys(parsed).filter((k: string) => !TOP_KEYS.includes(k))) {
        problems.push(`${key}: unknown key (allowed: ${TOP_KEYS.join(", ")})${didYouMean(key, TOP_KEYS)}`);
    }
    const list: unknown = (parsed as Record<string, unknown>).acknowledgements;
    if (list === undefined) {
        return problems;
    }
    if (!Array.isArray(list)) {
        return [...problems, `acknowledgements: must be an array of { ${ENTRY_KEYS.join(", ")} } (found ${JSON.stringify(list)})`];
    }
    list.forEach((entry: unknown, index: number) => {
        const at = `acknowledgements[${index}]`;
        if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
            problems.push(`${at}: must be an object with ${ENTRY_KEYS.join(", ")} (found ${JSON.stringify(entry)})`);
            return;
        }
        const record = entry as Record<string, unknown>;
        for (const key of Object.keys(record).filter((k: string) => !ENTRY_KEYS.includes(k))) {
            problems.push(`${at}.${key}: unknown key (allowed: ${ENTRY_KEYS.join(", ")})${didYouMean(key, ENTRY_KEYS)}`);
        }
        for (const key of ["stack", "urn"]) {
            const value: unknown = record[key];
            if (typeof value !== "string" || value.trim() === "") {
                problems.push(`${at}.${key}: ${record[key] === undefined ? "missing" : `${JSON.stringify(record[key])} is not a non-empty string`} (required: the ${key === "stack" ? "stack name" : "URN, or a pattern where * matches anything"})`);
            }
        }
        if (typeof record.urn === "string" && record.urn.trim() !== "" && !record.urn.startsWith("urn:pulumi:") && record.urn !== "*") {
            problems.push(`${at}.urn: ${JSON.stringify(record.urn)} is not a URN (allowed: urn:pulumi:<stack>::<project>::<type>::<name>, * matching anything)`);
        }
        if (!DANGER_KINDS.includes(record.kind as DangerKind)) {
            problems.push(`${at}.kind: ${record.kind === undefined ? "missing" : JSON.stringify(record.kind)} (allowed: ${DANGER_KINDS.join(", ")})${typeof record.kind === "string" ? didYouMean(record.kind, DANGER_KINDS) : ""}`);
        }
        if (typeof record.reason !== "string" || record.reason.trim().length < MIN_REASON_LENGTH) {
            problems.push(`${at}.reason: ${record.reason === undefined ? "missing" : JSON.stringify(record.reason)} (required: why this change is accepted, at least ${MIN_REASON_LENGTH} characters)`);
        }
    });
    return problems;
}

function matches(pattern: string, urn: string): boolean {
    if (!pattern.includes("*")) {
        return pattern === urn;
    }
    const regex = new RegExp(`^${pattern.split("*").map((part: string) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    return regex.test(urn);
}

/** Marks the dangers an acknowledgement accepts; returns them and this stack's acknowledgements that accept nothing. */
export function applyAcknowledgements(dangers: readonly Danger[], acknowledgements: readonly Acknowledgement[], stack: string): { dangers: Danger[]; stale: Acknowledgement[] } {
    const forStack: Acknowledgement[] = acknowledgements.filter((a: Acknowledgement) => a.stack === stack);
    const used = new Set<Acknowledgement>();
    const result: Danger[] = dangers.map((danger: Danger) => {
        const ack: Acknowledgement | undefined = forStack.find((a: Acknowledgement) => a.kind === danger.kind && matches(a.urn, danger.urn));
        if (!ack) {
            return danger;
        }
        used.add(ack);
        return { ...danger, acknowledged: ack.reason };
    });
    return { dangers: result, stale: forStack.filter((a: Acknowledgement) => !used.has(a)) };
}

import { UnknownValueError } from "@pulumi/policy";

/**
 * Unknown-safe reading for rules (shared by every pillar).
 *
 * During preview the engine's proxy throws UnknownValueError when a rule *reads* an unknown value,
 * which turns a mandatory policy into an advisory "can't run" diagnostic. These helpers catch that
 * and return UNKNOWN instead, so rules can pass quietly on values that are merely not known yet
 * (e.g. a kmsKeyId pointing at a key created in the same stack) and still fire on absent ones.
 */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

/** Value at a dotted path ("a.b.0.c"), undefined when absent, UNKNOWN when not known during preview. */
export function read(root: unknown, path: string): unknown {
    try {
        let current: unknown = root;
        for (const segment of path.split(".")) {
            if (current === null || current === undefined || typeof current !== "object") {
                return undefined;
            }
            current = (current as Record<string, unknown>)[segment];
        }
        return current;
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return UNKNOWN;
        }
        throw error;
    }
}

/** The elements at a path as an array (scalar -> [scalar], absent -> []); unknown elements become UNKNOWN. */
export function list(root: unknown, path: string): unknown[] | Unknown {
    const value: unknown = read(root, path);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return [];
    }
    if (!Array.isArray(value)) {
        return [value];
    }
    const result: unknown[] = [];
    const length: number = value.length;
    for (let i = 0; i < length; i++) {
        result.push(read(value, String(i)));
    }
    return result;
}

/** Key present with a value that is unknown or non-empty (for secrets that are usually outputs). */
export function isSet(props: unknown, path: string): boolean {
    const value: unknown = read(props, path);
    return value === UNKNOWN || (value !== undefined && value !== null && value !== "");
}

/** A plain copy of a string map (tags), or UNKNOWN if the map itself is unknown; unknown values stay UNKNOWN. */
export function stringMap(value: unknown): Record<string, unknown> | Unknown | undefined {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value)) {
        return undefined;
    }
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
        result[key] = read(value, key);
    }
    return result;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyModule = require("@pulumi/policy/proxy") as Record<string, unknown>;
const UNKNOWN_MARKER_VALUES: ReadonlySet<unknown> = new Set([
    "unknownBooleanValue", "unknownNumberValue", "unknownStringValue", "unknownArrayValue",
    "unknownAssetValue", "unknownArchiveValue", "unknownObjectValue",
].map((name: string) => proxyModule[name]));

/**
 * A value unwrapped from the engine's proxy (e.g. a policy document object) carries the engine's
 * string sentinels where parts are unknown during preview; this recognises one.
 */
export function isUnknownMarker(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_MARKER_VALUES.has(value);
}

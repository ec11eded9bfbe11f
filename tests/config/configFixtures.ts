import { stackConfiguration } from "../support/stackRun";

/**
 * Layers whose dev shape production refuses (a single Aurora instance and cache node, an optional-MFA
 * user pool): a dev file switched to prod takes prod's settings for them unless the test sets them.
 */
const PROD_ONLY_SHAPES: readonly string[] = ["platform:data", "platform:integration"];

/** The dev stack's resolved configuration with some keys replaced (objects given as plain values). */
export function devConfigWith(overrides: Record<string, unknown>): Record<string, string> {
    const base: Record<string, string> = { ...stackConfiguration("dev").config };
    if (overrides["platform:environment"] === "prod") {
        for (const key of PROD_ONLY_SHAPES.filter((k: string) => !(k in overrides))) {
            base[key] = stackConfiguration("prod").config[key];
        }
    }
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) {
            delete base[key];
        } else {
            base[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return base;
}

export function devObject(key: string): Record<string, unknown> {
    return JSON.parse(stackConfiguration("dev").config[key]) as Record<string, unknown>;
}

import { stackConfiguration } from "../support/stackRun";

/** The dev stack's resolved configuration with some keys replaced (objects given as plain values). */
export function devConfigWith(overrides: Record<string, unknown>): Record<string, string> {
    const base: Record<string, string> = { ...stackConfiguration("dev").config };
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

import { UNKNOWN, peek } from "../../lib/stackJoins";

/**
 * "Production" for prod-only resilience rules: the environment named by the stack tag
 * `environment` / `Environment`, else by the resource's `Environment` tag (tagsAll, then tags, then
 * the explicit provider's defaultTags). Matched case-insensitively against config `environments`
 * (default ["prod"]). When no environment is known (unknown tags in preview) the rule does not apply.
 */
export interface EnvironmentConfig {
    environments: string[];
}

export const ENVIRONMENT_CONFIG = {
    schema: { environments: { type: "array" as const, items: { type: "string" as const }, description: "Environment names (stack tag or Environment tag) treated as production." } },
    defaults: { environments: ["prod"] },
};

function tagValue(tags: unknown): string | undefined {
    if (tags === UNKNOWN || tags === null || typeof tags !== "object") {
        return undefined;
    }
    for (const key of Object.keys(tags)) {
        if (key.toLowerCase() === "environment") {
            const value = peek(tags, key);
            return typeof value === "string" ? value : undefined;
        }
    }
    return undefined;
}

export function environmentOf(props: unknown, stackTags: ReadonlyMap<string, string>, providerProps?: unknown): string | undefined {
    for (const [key, value] of stackTags) {
        if (key.toLowerCase() === "environment") {
            return value;
        }
    }
    return tagValue(peek(props, "tagsAll")) ?? tagValue(peek(props, "tags")) ?? tagValue(peek(peek(providerProps, "defaultTags"), "tags"));
}

export function isProduction(props: unknown, stackTags: ReadonlyMap<string, string>, environments: readonly string[], providerProps?: unknown): boolean {
    const env = environmentOf(props, stackTags, providerProps);
    return env !== undefined && environments.some((e: string) => e.toLowerCase() === env.toLowerCase());
}

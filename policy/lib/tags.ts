import { Props } from "./rule";
import { TAGGABLE_TYPES } from "./taggable";
import { read, stringMap, UNKNOWN, Unknown } from "./values";

/** Tag schema defaults (mirrors infra/config/requiredTags.ts). */
export const DEFAULT_REQUIRED_TAG_KEYS: readonly string[] = ["Project", "Environment", "Owner", "CostCenter", "DataClassification", "ManagedBy"];
export const DEFAULT_ALLOWED_TAG_VALUES: Readonly<Record<string, string[]>> = {
    Environment: ["dev", "staging", "prod"],
    DataClassification: ["public", "internal", "confidential", "restricted"],
    ManagedBy: ["pulumi"],
};
export const DEFAULT_TAG_PATTERNS: Readonly<Record<string, string>> = {
    CostCenter: "^[A-Za-z0-9-]{2,32}$",
};

export function isTaggable(type: string): boolean {
    return TAGGABLE_TYPES.has(type);
}

/** Tags as a plain map; values may be UNKNOWN. */
export type TagMap = Record<string, unknown>;

/**
 * The provider's default tags: `defaultTags.tags` from the explicit provider's inputs. The engine
 * (and the mock runtime) may hand `defaultTags` over JSON-encoded as a string.
 */
export function providerDefaultTags(providerProps: Props | undefined): TagMap | Unknown {
    let defaultTags: unknown = read(providerProps, "defaultTags");
    if (defaultTags === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof defaultTags === "string") {
        try {
            defaultTags = JSON.parse(defaultTags);
        } catch {
            return {};
        }
    }
    const tags = stringMap(read(defaultTags, "tags"));
    return tags ?? {};
}

/**
 * Effective tags of a resource as the policy sees them: `tagsAll` (the provider's post-Check merge
 * of defaultTags and tags) when present, otherwise (Plugin-Framework resources, mocks) the
 * provider's defaultTags merged with the resource's own `tags`. Resource tags win on clashes.
 */
export function effectiveTags(props: Props, providerProps: Props | undefined): TagMap | Unknown {
    const own = stringMap(read(props, "tags"));
    if (own === UNKNOWN) {
        return UNKNOWN;
    }
    if ("tagsAll" in props) {
        const all = stringMap(read(props, "tagsAll"));
        if (all === UNKNOWN) {
            return UNKNOWN;
        }
        if (all !== undefined) {
            return { ...all, ...(own ?? {}) };
        }
    }
    const defaults = providerDefaultTags(providerProps);
    if (defaults === UNKNOWN) {
        return UNKNOWN;
    }
    return { ...defaults, ...(own ?? {}) };
}

/** Required keys that are missing or empty; unknown values count as present. */
export function missingKeys(tags: TagMap, required: readonly string[]): string[] {
    return required.filter((key: string) => {
        const value: unknown = tags[key];
        return value !== UNKNOWN && !(typeof value === "string" && value.trim().length > 0);
    });
}

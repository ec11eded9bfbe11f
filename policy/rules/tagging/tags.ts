import { ABSENT, ResourceRuleContext, resourcePolicy } from "../../lib/rule";
import {
    DEFAULT_ALLOWED_TAG_VALUES, DEFAULT_REQUIRED_TAG_KEYS, DEFAULT_TAG_PATTERNS, TagMap, effectiveTags, isTaggable, missingKeys, providerDefaultTags,
} from "../../lib/tags";
import { list, read, stringMap, UNKNOWN } from "../../lib/values";

interface RequiredKeysConfig {
    requiredKeys: string[];
}
interface AllowedValuesConfig {
    allowedValues: Record<string, string[]>;
    patterns: Record<string, string>;
}

const REQUIRED_KEYS_SCHEMA = {
    requiredKeys: { type: "array" as const, items: { type: "string" as const }, description: "Tag keys every taggable resource must carry (case-sensitive)." },
};

function requireTaggable(ctx: ResourceRuleContext<object>): void {
    if (!isTaggable(ctx.type)) {
        ctx.notApplicable(`${ctx.type} is not taggable (no tags input in @pulumi/aws v7)`);
    }
}

export const requiredTagKeys = resourcePolicy<RequiredKeysConfig>({
    id: "tag-required-keys",
    description: "Every taggable AWS resource carries the required tags (from the provider's defaultTags or its own tags) with non-empty values.",
    severity: "medium",
    resourceTypes: "all",
    remediation: "Set the missing keys in the AWS provider's defaultTags (aws:defaultTags stack config or new aws.Provider({ defaultTags: { tags } })) or in the resource's tags.",
    config: { schema: REQUIRED_KEYS_SCHEMA, defaults: { requiredKeys: [...DEFAULT_REQUIRED_TAG_KEYS] } },
    check(props, ctx) {
        requireTaggable(ctx);
        const tags = effectiveTags(props, ctx.providerProps);
        if (tags === UNKNOWN) {
            return; // tags depend on values unknown during preview
        }
        for (const key of missingKeys(tags, ctx.config.requiredKeys)) {
            ctx.report({
                property: `tags["${key}"]`,
                value: tags[key] ?? ABSENT,
                expected: `a non-empty "${key}" tag (required keys: ${ctx.config.requiredKeys.join(", ")})`,
            });
        }
    },
});

function checkValues(tags: TagMap, config: AllowedValuesConfig, report: (key: string, value: unknown, expected: string) => void): void {
    for (const [key, allowed] of Object.entries(config.allowedValues)) {
        const value: unknown = tags[key];
        if (typeof value === "string" && !allowed.includes(value)) {
            report(key, value, `one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`);
        }
    }
    for (const [key, pattern] of Object.entries(config.patterns)) {
        const value: unknown = tags[key];
        if (typeof value === "string" && !new RegExp(pattern).test(value)) {
            report(key, value, `a value matching /${pattern}/`);
        }
    }
}

export const allowedTagValues = resourcePolicy<AllowedValuesConfig>({
    id: "tag-allowed-values",
    description: "Tag values follow the schema: Environment, DataClassification and ManagedBy from their allowed sets; CostCenter matches its pattern.",
    severity: "medium",
    resourceTypes: "all",
    remediation: "Use a value from the allowed set (values are case-sensitive), normally via the provider's defaultTags.",
    config: {
        schema: {
            allowedValues: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "Tag key -> allowed values." },
            patterns: { type: "object", additionalProperties: { type: "string" }, description: "Tag key -> regular expression its value must match." },
        },
        defaults: { allowedValues: { ...DEFAULT_ALLOWED_TAG_VALUES }, patterns: { ...DEFAULT_TAG_PATTERNS } },
    },
    check(props, ctx) {
        requireTaggable(ctx);
        const tags = effectiveTags(props, ctx.providerProps);
        if (tags === UNKNOWN) {
            return;
        }
        checkValues(tags, ctx.config, (key, value, expected) => ctx.report({ property: `tags["${key}"]`, value, expected }));
    },
});

export const providerDefaultTagsPolicy = resourcePolicy<RequiredKeysConfig>({
    id: "tag-provider-default-tags",
    description: "Every explicit AWS provider (incl. ones passed to components) defines the required keys in defaultTags, so children and PF resources inherit them.",
    severity: "medium",
    resourceTypes: ["pulumi:providers:aws"],
    remediation: "Create the provider with defaultTags: { tags: { <every required key> } } (the platform builds them from config.requiredTags).",
    config: { schema: REQUIRED_KEYS_SCHEMA, defaults: { requiredKeys: [...DEFAULT_REQUIRED_TAG_KEYS] } },
    check(props, ctx) {
        const tags = providerDefaultTags(props);
        if (tags === UNKNOWN) {
            return;
        }
        const missing = missingKeys(tags, ctx.config.requiredKeys);
        if (missing.length > 0) {
            ctx.report({ property: "defaultTags.tags", value: Object.keys(tags).length === 0 ? ABSENT : Object.keys(tags), expected: `keys ${missing.join(", ")} (required: ${ctx.config.requiredKeys.join(", ")})` });
        }
    },
});

export const launchTemplateTagSpecs = resourcePolicy<RequiredKeysConfig>({
    id: "tag-launch-template-specs",
    description: "Launch templates tag the instances, volumes and network interfaces they launch, and instances tag their volumes (EC2s launched by managed node groups do not inherit NodeGroup or provider tags).",
    severity: "medium",
    resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
    remediation: "Add tagSpecifications for resourceType \"instance\", \"volume\" and \"network-interface\" carrying the required tags (LaunchTemplate), or volumeTags (Instance).",
    config: { schema: REQUIRED_KEYS_SCHEMA, defaults: { requiredKeys: [...DEFAULT_REQUIRED_TAG_KEYS] } },
    check(props, ctx) {
        const required: string[] = ctx.config.requiredKeys;
        if (ctx.type === "aws:ec2/instance:Instance") {
            const volumeTags = stringMap(read(props, "volumeTags"));
            if (volumeTags === UNKNOWN) {
                return;
            }
            const missing = missingKeys(volumeTags ?? {}, required);
            if (missing.length > 0) {
                ctx.report({ property: "volumeTags", value: volumeTags === undefined ? ABSENT : Object.keys(volumeTags), expected: `keys ${missing.join(", ")}` });
            }
            return;
        }
        const specs = list(props, "tagSpecifications");
        if (specs === UNKNOWN || specs.includes(UNKNOWN)) {
            return;
        }
        for (const resourceType of ["instance", "volume", "network-interface"]) {
            const index = specs.findIndex((s: unknown) => read(s, "resourceType") === resourceType);
            if (index < 0 && resourceType === "network-interface") {
                continue; // optional: checked only when present
            }
            if (index < 0) {
                ctx.report({ property: "tagSpecifications", value: specs.map((s: unknown) => read(s, "resourceType")), expected: `an entry with resourceType "${resourceType}" carrying ${required.join(", ")}` });
                continue;
            }
            const tags = stringMap(read(specs[index], "tags"));
            if (tags === UNKNOWN) {
                continue;
            }
            const missing = missingKeys(tags ?? {}, required);
            if (missing.length > 0) {
                ctx.report({ property: `tagSpecifications[${index}].tags`, value: tags === undefined ? ABSENT : Object.keys(tags), expected: `keys ${missing.join(", ")} for resourceType "${resourceType}"` });
            }
        }
    },
});

export const tagPolicies = [requiredTagKeys, allowedTagValues, providerDefaultTagsPolicy, launchTemplateTagSpecs];

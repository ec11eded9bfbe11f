import { AWS_NAME_RULES, AwsNameRule, nameViolation } from "../../infra/platform/awsNameRules";

/** The slice of a recorded resource the naming rules read. */
export interface NamedResource {
    readonly urn: string;
    readonly type: string;
    readonly inputs: Readonly<Record<string, unknown>>;
}

export interface NameViolation {
    readonly urn: string;
    readonly property: string;
    readonly value: string;
    readonly problem: string;
}

const RULES_BY_TYPE = new Map<string, AwsNameRule[]>();
for (const rule of AWS_NAME_RULES) {
    RULES_BY_TYPE.set(rule.type, [...(RULES_BY_TYPE.get(rule.type) ?? []), rule]);
}

/** AWS tag limits (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 256;

/**
 * Every physical name the program set, held to AWS's rules for its type (infra/platform/awsNameRules.ts),
 * and every tag to AWS's tag limits. Names the program leaves to auto-naming, and values still
 * unknown in a dry run, are not checked.
 */
export function physicalNameViolations(resources: readonly NamedResource[]): NameViolation[] {
    const violations: NameViolation[] = [];
    for (const resource of resources) {
        for (const rule of RULES_BY_TYPE.get(resource.type) ?? []) {
            const value: unknown = resource.inputs[rule.property];
            if (typeof value !== "string") {
                continue;
            }
            const problem: string | undefined = nameViolation(rule, value, resource.inputs);
            if (problem) {
                violations.push({ urn: resource.urn, property: rule.property, value, problem: `${problem}; AWS allows ${rule.rule} (${rule.source})` });
            }
        }
        violations.push(...tagViolations(resource));
    }
    return violations;
}

function tagViolations(resource: NamedResource): NameViolation[] {
    const tags: unknown = resource.inputs.tags;
    if (tags === null || typeof tags !== "object" || Array.isArray(tags)) {
        return [];
    }
    const found: NameViolation[] = [];
    for (const [key, value] of Object.entries(tags as Record<string, unknown>)) {
        if (key.length > MAX_TAG_KEY_LENGTH || key.toLowerCase().startsWith("aws:")) {
            found.push({ urn: resource.urn, property: "tags", value: key, problem: `a tag key AWS rejects (at most ${MAX_TAG_KEY_LENGTH} characters, not aws:)` });
        }
        if (typeof value === "string" && value.length > MAX_TAG_VALUE_LENGTH) {
            found.push({ urn: resource.urn, property: `tags.${key}`, value, problem: `${value.length} characters (AWS allows at most ${MAX_TAG_VALUE_LENGTH} in a tag value)` });
        }
    }
    return found;
}

export function describeNameViolation(v: NameViolation): string {
    return `${v.urn}: ${v.property} "${v.value}": ${v.problem}`;
}

import { Environment, TagsConfig } from "./platformConfig";

/** The tag keys every taggable resource carries; the policy pack requires the same set. */
export const REQUIRED_TAG_KEYS = ["Project", "Environment", "Owner", "CostCenter", "DataClassification", "ManagedBy"] as const;
export type RequiredTagKey = (typeof REQUIRED_TAG_KEYS)[number];

export function buildRequiredTags(tags: TagsConfig, environment: Environment, project: string): Record<string, string> {
    const required: Record<RequiredTagKey, string> = {
        Project: tags.project ?? project,
        Environment: environment,
        Owner: tags.owner,
        CostCenter: tags.costCenter,
        DataClassification: tags.dataClassification,
        ManagedBy: "pulumi",
    };
    // Organisation extras come first so they can never override a required key.
    return { ...tags.additional, ...required };
}

import { Policies } from "@pulumi/policy";
import { tagPolicies } from "./tags";

/** Tagging (catalogue pillar "Tagging"); non-taggable types are reported notApplicable (row tag-untaggable-skip). */
export const taggingPolicies: Policies = [...tagPolicies];

import { Policies } from "@pulumi/policy";
import { tagPropagationPolicies } from "./propagation";
import { tagPolicies } from "./tags";
import { subnetRolePolicies } from "./subnetRoles";

/** Tagging (catalogue pillar "Tagging"); non-taggable types are reported notApplicable (row tag-untaggable-skip). */
export const taggingPolicies: Policies = [...tagPolicies, ...tagPropagationPolicies, ...subnetRolePolicies];

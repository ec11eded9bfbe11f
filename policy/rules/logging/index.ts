import { Policies } from "@pulumi/policy";
import { loggingResourcePolicies } from "./resources";
import { loggingStackPolicies } from "./stack";

/** Logging / audit pillar. */
export const loggingPolicies: Policies = [...loggingResourcePolicies, ...loggingStackPolicies];

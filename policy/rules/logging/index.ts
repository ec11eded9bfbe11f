import { Policies } from "@pulumi/policy";
import { auroraQueryLoggingPolicies } from "./auroraQueryLogging";
import { loggingResourcePolicies } from "./resources";
import { loggingStackPolicies } from "./stack";

/** Logging / audit pillar. */
export const loggingPolicies: Policies = [...loggingResourcePolicies, ...loggingStackPolicies, ...auroraQueryLoggingPolicies];

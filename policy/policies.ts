import { Policies } from "@pulumi/policy";
import { encryptionPolicies } from "./rules/encryption";
import { iamPolicies } from "./rules/iam";
import { loggingPolicies } from "./rules/logging";
import { networkPolicies } from "./rules/network";
import { resiliencePolicies } from "./rules/resilience";
import { taggingPolicies } from "./rules/tagging";

/**
 * Every policy in the pack, one module per pillar and service under rules/. Tests, the offline
 * preview and the benchmark import this list directly (no analyzer server).
 */
export const policies: Policies = [
    ...encryptionPolicies,
    ...iamPolicies,
    ...networkPolicies,
    ...loggingPolicies,
    ...resiliencePolicies,
    ...taggingPolicies,
];

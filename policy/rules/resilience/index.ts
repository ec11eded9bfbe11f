import { Policies } from "@pulumi/policy";
import { resilienceResourcePolicies } from "./resources";
import { resilienceStackPolicies } from "./stack";

/** Resilience / backup pillar. */
export const resiliencePolicies: Policies = [...resilienceResourcePolicies, ...resilienceStackPolicies];

import { Policies } from "@pulumi/policy";
import { dynamodbCapacityPolicies } from "./dynamodbCapacity";
import { resilienceResourcePolicies } from "./resources";
import { s3ReplicationPolicies } from "./s3Replication";
import { resilienceStackPolicies } from "./stack";

/** Resilience / backup pillar. */
export const resiliencePolicies: Policies = [...resilienceResourcePolicies, ...resilienceStackPolicies, ...dynamodbCapacityPolicies, ...s3ReplicationPolicies];

import { Policies } from "@pulumi/policy";
import { apiGatewayResiliencePolicies } from "./apiGateway";
import { backupResilienceStackPolicies } from "./backup";
import { cognitoResiliencePolicies } from "./cognito";
import { ecrResiliencePolicies, ecrResilienceStackPolicies } from "./ecr";
import { efsResilienceStackPolicies } from "./efs";
import { lambdaResiliencePolicies, lambdaResilienceStackPolicies } from "./lambda";
import { resilienceResourcePolicies } from "./resources";
import { resilienceStackPolicies } from "./stack";
import { snsSubscriptionResiliencePolicies } from "./snsSubscriptions";

/** Resilience / backup pillar. */
export const resiliencePolicies: Policies = [
    ...resilienceResourcePolicies,
    ...resilienceStackPolicies,
    ...efsResilienceStackPolicies,
    ...lambdaResiliencePolicies,
    ...lambdaResilienceStackPolicies,
    ...apiGatewayResiliencePolicies,
    ...cognitoResiliencePolicies,
    ...ecrResiliencePolicies,
    ...ecrResilienceStackPolicies,
    ...backupResilienceStackPolicies,
    ...snsSubscriptionResiliencePolicies,
];

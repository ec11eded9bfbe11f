import { Policies } from "@pulumi/policy";
import { apiGatewayResiliencePolicies } from "./apiGateway";
import { backupResilienceStackPolicies } from "./backup";
import { cognitoResiliencePolicies } from "./cognito";
import { ecrResiliencePolicies, ecrResilienceStackPolicies } from "./ecr";
import { efsResilienceStackPolicies } from "./efs";
import { lambdaResiliencePolicies, lambdaResilienceStackPolicies } from "./lambda";
import { dynamodbCapacityPolicies } from "./dynamodbCapacity";
import { resilienceResourcePolicies } from "./resources";
import { s3ReplicationPolicies } from "./s3Replication";
import { resilienceStackPolicies } from "./stack";
import { snsSubscriptionResiliencePolicies } from "./snsSubscriptions";
import { cloudfrontResiliencePolicies } from "./cloudfrontFailover";
import { rdsInstanceResiliencePolicies } from "./rdsInstance";

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
    ...dynamodbCapacityPolicies,
    ...s3ReplicationPolicies,
    ...snsSubscriptionResiliencePolicies,
    ...cloudfrontResiliencePolicies,
    ...rdsInstanceResiliencePolicies,
];

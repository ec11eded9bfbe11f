import { Policies } from "@pulumi/policy";
import { apiGatewayLoggingPolicies } from "./apiGateway";
import { ecrLoggingStackPolicies } from "./ecr";
import { lambdaLoggingPolicies } from "./lambda";
import { auroraQueryLoggingPolicies } from "./auroraQueryLogging";
import { loggingResourcePolicies } from "./resources";
import { loggingStackPolicies } from "./stack";
import { stepFunctionsLoggingPolicies } from "./stepFunctions";
import { snsDeliveryStatusPolicies } from "./snsDeliveryStatus";

/** Logging / audit pillar. */
export const loggingPolicies: Policies = [
    ...loggingResourcePolicies,
    ...loggingStackPolicies,
    ...lambdaLoggingPolicies,
    ...apiGatewayLoggingPolicies,
    ...stepFunctionsLoggingPolicies,
    ...ecrLoggingStackPolicies,
    ...auroraQueryLoggingPolicies,
    ...snsDeliveryStatusPolicies,
];

import { Policies } from "@pulumi/policy";
import { cloudfrontOriginPolicies } from "./cloudfrontOrigin";
import { computePolicies } from "./compute";
import { dataPolicies } from "./data";
import { edgePolicies } from "./edge";
import { naclPolicies, privateSubnetStackPolicies } from "./privateSubnets";
import { resourcePolicyPolicies } from "./resourcePolicies";
import { securityGroupPolicies } from "./securityGroups";
import { networkStackPolicies } from "./stack";
import { efsNetworkStackPolicies } from "./efs";
import { lambdaNetworkPolicies, lambdaNetworkStackPolicies } from "./lambda";
import { apiGatewayNetworkPolicies } from "./apiGateway";
import { ecrNetworkPolicies } from "./ecr";
import { egressPolicies } from "./egress";
import { endpointPolicies } from "./endpoints";
import { portPolicies } from "./ports";

/** Network & public exposure pillar. */
export const networkPolicies: Policies = [
    ...securityGroupPolicies,
    ...computePolicies,
    ...dataPolicies,
    ...edgePolicies,
    ...resourcePolicyPolicies,
    ...networkStackPolicies,
    ...cloudfrontOriginPolicies,
    ...naclPolicies,
    ...privateSubnetStackPolicies,
    ...efsNetworkStackPolicies,
    ...lambdaNetworkPolicies,
    ...lambdaNetworkStackPolicies,
    ...apiGatewayNetworkPolicies,
    ...ecrNetworkPolicies,
    ...egressPolicies,
    ...endpointPolicies,
    ...portPolicies,
];

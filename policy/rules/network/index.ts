import { Policies } from "@pulumi/policy";
import { cloudfrontOriginPolicies } from "./cloudfrontOrigin";
import { computePolicies } from "./compute";
import { dataPolicies } from "./data";
import { edgePolicies } from "./edge";
import { naclPolicies, privateSubnetStackPolicies } from "./privateSubnets";
import { resourcePolicyPolicies } from "./resourcePolicies";
import { securityGroupPolicies } from "./securityGroups";
import { networkStackPolicies } from "./stack";

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
];

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { FargateProfileConfig, FargateSelectorConfig } from "../../config/computeConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";

export interface FargateProfilesArgs {
    readonly profiles: readonly FargateProfileConfig[];
    readonly naming: NamingContext;
    readonly clusterName: pulumi.Input<string>;
    readonly podExecutionRoleArn: pulumi.Input<string>;
    readonly privateSubnetIds: readonly pulumi.Input<string>[];
    readonly dependsOn: readonly pulumi.Resource[];
    readonly parent: pulumi.Resource;
}

/** Fargate runs matching pods in the private subnets only; pods carry the cluster security group. */
export function createFargateProfiles(args: FargateProfilesArgs): aws.eks.FargateProfile[] {
    return args.profiles.map((profile: FargateProfileConfig) => new aws.eks.FargateProfile(`fargate-${profile.name}`, {
        clusterName: args.clusterName,
        fargateProfileName: physicalName(args.naming, profile.name),
        podExecutionRoleArn: args.podExecutionRoleArn,
        subnetIds: [...args.privateSubnetIds],
        selectors: profile.selectors.map((selector: FargateSelectorConfig) => ({
            namespace: selector.namespace,
            labels: Object.keys(selector.labels).length > 0 ? { ...selector.labels } : undefined,
        })),
        tags: nameTagFor(args.naming, `fargate-${profile.name}`),
    }, { parent: args.parent, dependsOn: [...args.dependsOn] }));
}

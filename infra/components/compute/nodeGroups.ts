import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NodeAmiType, NodeGroupConfig } from "../../config/computeConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";

export interface NodeGroupsArgs {
    readonly groups: readonly NodeGroupConfig[];
    readonly naming: NamingContext;
    /** The required tags: provider default tags never reach what Auto Scaling launches. */
    readonly requiredTags: Readonly<Record<string, string>>;
    readonly clusterName: pulumi.Input<string>;
    readonly kubernetesVersion: string;
    readonly nodeRoleArn: pulumi.Input<string>;
    readonly privateSubnetIds: readonly pulumi.Input<string>[];
    /** Customer-managed key for the node volumes. */
    readonly volumeKeyArn: pulumi.Input<string>;
    readonly dependsOn: readonly pulumi.Resource[];
    readonly parent: pulumi.Resource;
}

export interface ManagedNodeGroup {
    readonly config: NodeGroupConfig;
    readonly launchTemplate: aws.ec2.LaunchTemplate;
    readonly nodeGroup: aws.eks.NodeGroup;
}

/** What EC2 launches from a template, each tagged so cost allocation and ownership reach it. */
export const TAGGED_LAUNCH_RESOURCES: readonly string[] = ["instance", "volume", "network-interface"];

/**
 * Root devices per AMI family. Bottlerocket boots from a small OS volume and keeps images and
 * pods on a second data volume, which is the one that needs the configured size.
 */
export function blockDevices(amiType: NodeAmiType, sizeGiB: number, kmsKeyId: pulumi.Input<string>): aws.types.input.ec2.LaunchTemplateBlockDeviceMapping[] {
    const volume = (deviceName: string, volumeSize: number): aws.types.input.ec2.LaunchTemplateBlockDeviceMapping => ({
        deviceName,
        ebs: { volumeSize, volumeType: "gp3", encrypted: "true", kmsKeyId, deleteOnTermination: "true" },
    });
    return amiType.startsWith("BOTTLEROCKET")
        ? [volume("/dev/xvda", 4), volume("/dev/xvdb", sizeGiB)]
        : [volume("/dev/xvda", sizeGiB)];
}

/**
 * One launch template and one managed node group per configured group, in the private subnets.
 * The template carries what the node group API cannot: IMDSv2 with hop limit 1 (pods use Pod
 * Identity, never the node role), encrypted gp3 volumes under our key, and tag specifications.
 * No security groups are set, so EKS attaches its cluster security group, the one the data tier
 * trusts.
 */
export function createNodeGroups(args: NodeGroupsArgs): ManagedNodeGroup[] {
    const { naming, parent } = args;
    return args.groups.map((group: NodeGroupConfig): ManagedNodeGroup => {
        const groupName: string = physicalName(naming, group.name);
        const launchTags: Record<string, string> = { ...args.requiredTags, Name: groupName, "eks:nodegroup-name": groupName };
        const launchTemplate = new aws.ec2.LaunchTemplate(`nodes-${group.name}`, {
            name: groupName,
            description: `EKS managed node group ${groupName}`,
            updateDefaultVersion: true,
            metadataOptions: {
                httpEndpoint: "enabled",
                httpTokens: "required",
                httpPutResponseHopLimit: 1,
                instanceMetadataTags: "disabled",
            },
            blockDeviceMappings: blockDevices(group.amiType, group.diskSizeGiB, args.volumeKeyArn),
            tagSpecifications: TAGGED_LAUNCH_RESOURCES.map((resourceType: string) => ({ resourceType, tags: launchTags })),
            tags: nameTagFor(naming, group.name),
        }, { parent });

        const nodeGroup = new aws.eks.NodeGroup(`nodes-${group.name}`, {
            clusterName: args.clusterName,
            nodeGroupName: groupName,
            version: args.kubernetesVersion,
            nodeRoleArn: args.nodeRoleArn,
            subnetIds: [...args.privateSubnetIds],
            capacityType: group.capacityType,
            instanceTypes: [...group.instanceTypes],
            amiType: group.amiType,
            scalingConfig: { minSize: group.minSize, desiredSize: group.desiredSize, maxSize: group.maxSize },
            updateConfig: { maxUnavailablePercentage: group.maxUnavailablePercentage },
            // EKS replaces nodes that stay unhealthy instead of leaving them NotReady.
            nodeRepairConfig: { enabled: true },
            launchTemplate: { id: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
            labels: { ...group.labels },
            taints: group.taints.map((taint) => ({ key: taint.key, value: taint.value, effect: taint.effect })),
            tags: nameTagFor(naming, group.name),
        }, {
            parent,
            dependsOn: [...args.dependsOn],
            // The cluster autoscaler (or Karpenter) owns the current size after creation.
            ignoreChanges: ["scalingConfig.desiredSize"],
        });
        return { config: group, launchTemplate, nodeGroup };
    });
}

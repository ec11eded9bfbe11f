import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComputeConfig } from "../../config/computeConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { NamingContext, nameTagFor } from "../../platform/naming";
import { protectedOptions } from "../../platform/providers";

/** Every control-plane log type EKS has: the audit trail of the Kubernetes API is not optional. */
export const CONTROL_PLANE_LOG_TYPES: readonly string[] = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export interface ControlPlaneArgs {
    readonly clusterName: string;
    readonly compute: ComputeConfig;
    readonly protection: ProtectionConfig;
    readonly naming: NamingContext;
    readonly vpcId: pulumi.Input<string>;
    readonly privateSubnetIds: readonly pulumi.Input<string>[];
    readonly clusterRoleArn: pulumi.Input<string>;
    readonly clusterSecretsKeyArn: pulumi.Input<string>;
    readonly logsKeyArn: pulumi.Input<string>;
    /** Resources the cluster must wait for (the cluster role's policy attachments). */
    readonly dependsOn: readonly pulumi.Resource[];
    readonly parent: pulumi.Resource;
}

export interface ControlPlane {
    readonly cluster: aws.eks.Cluster;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly apiAccessSecurityGroup: aws.ec2.SecurityGroup;
}

export function createControlPlane(args: ControlPlaneArgs): ControlPlane {
    const { compute, naming, parent } = args;

    // EKS would create this group itself on first log write, unencrypted and kept forever.
    const logGroup = new aws.cloudwatch.LogGroup("eks-control-plane", {
        name: `/aws/eks/${args.clusterName}/cluster`,
        retentionInDays: compute.controlPlaneLogs.retentionInDays,
        kmsKeyId: args.logsKeyArn,
        tags: nameTagFor(naming, "eks-control-plane-logs"),
    }, { parent });

    // Extra group on the control-plane ENIs: who outside the cluster may call the private endpoint.
    // Nodes and pods reach it through the EKS-managed cluster security group.
    const apiAccessSecurityGroup = new aws.ec2.SecurityGroup("eks-api-access", {
        vpcId: args.vpcId,
        description: "Kubernetes API (private endpoint) from the configured networks",
        tags: nameTagFor(naming, "eks-api-access"),
    }, { parent });
    compute.endpoint.privateAccessCidrs.forEach((cidr: string) => {
        new aws.vpc.SecurityGroupIngressRule(`eks-api-access-${cidr.replace(/[./]/g, "-")}`, {
            securityGroupId: apiAccessSecurityGroup.id,
            description: `Kubernetes API from ${cidr}`,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: cidr,
        }, { parent });
    });

    const cluster = new aws.eks.Cluster("eks", {
        name: args.clusterName,
        version: compute.kubernetesVersion,
        roleArn: args.clusterRoleArn,
        vpcConfig: {
            // One private subnet per configured zone id; none in a zone EKS refuses (config check).
            // EKS later accepts only subnets in the zones the cluster was created with (EKS User
            // Guide, "VPC and subnet requirements"), so the zone list is fixed at creation.
            subnetIds: [...args.privateSubnetIds],
            securityGroupIds: [apiAccessSecurityGroup.id],
            endpointPrivateAccess: true,
            endpointPublicAccess: compute.endpoint.publicAccess,
            // Without a list EKS opens a public endpoint to 0.0.0.0/0; with the endpoint off the list is empty.
            publicAccessCidrs: compute.endpoint.publicAccess ? [...compute.endpoint.publicAccessCidrs] : undefined,
        },
        encryptionConfig: {
            resources: ["secrets"],
            provider: { keyArn: args.clusterSecretsKeyArn },
        },
        enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
        accessConfig: {
            // Access entries only (no aws-auth ConfigMap); CONFIG_MAP -> API cannot be changed in place later.
            authenticationMode: "API",
            // The deploying identity gets no implicit, invisible cluster-admin; access entries name everyone.
            bootstrapClusterCreatorAdminPermissions: false,
        },
        // The program installs vpc-cni, kube-proxy and CoreDNS as managed add-ons; no unmanaged copies.
        bootstrapSelfManagedAddons: false,
        // The config check refuses a version past its end of standard support, so the pin moves
        // before EKS would upgrade (STANDARD) or bill extended support (EXTENDED); see computeSchema.ts.
        upgradePolicy: { supportType: compute.upgradePolicy },
        deletionProtection: args.protection.deletionProtection,
        tags: nameTagFor(naming, "eks"),
    }, {
        parent,
        ...protectedOptions(args.protection),
        dependsOn: [logGroup, ...args.dependsOn],
    });

    return { cluster, logGroup, apiAccessSecurityGroup };
}

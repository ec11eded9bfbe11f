import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComputeConfig } from "../../config/computeConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { NamingContext, physicalName } from "../../platform/naming";
import { InstalledAddon, createAddons } from "./addons";
import { createAccessEntries } from "./accessEntries";
import { ClusterIdentity } from "./clusterContext";
import { ClusterRoles, createClusterRoles } from "./clusterRoles";
import { ControlPlane, createControlPlane } from "./controlPlane";
import { createFargateProfiles } from "./fargate";
import { kubeconfig } from "./kubeconfig";
import { ManagedNodeGroup, createNodeGroups } from "./nodeGroups";
import { PodIdentityContext } from "./podIdentity";
import { WorkloadIdentities, createWorkloadIdentities } from "./workloadIdentities";
import { KarpenterPrerequisites, createKarpenterPrerequisites } from "./karpenter";
import { createLoadBalancerControllerIdentity } from "./loadBalancerController";

/** What the cluster uses of the network component. */
export interface ClusterNetwork {
    readonly vpcId: pulumi.Input<string>;
    readonly privateSubnetIds: readonly pulumi.Input<string>[];
}

/** The baseline's keys the cluster encrypts with. */
export interface ClusterKeys {
    /** Envelope encryption of Kubernetes secrets. */
    readonly clusterSecretsKeyArn: pulumi.Input<string>;
    /** The control-plane log group. */
    readonly logsKeyArn: pulumi.Input<string>;
    /** Node root and data volumes. */
    readonly nodeVolumesKeyArn: pulumi.Input<string>;
}

export interface ClusterArgs {
    readonly compute: ComputeConfig;
    readonly protection: ProtectionConfig;
    readonly naming: NamingContext;
    /** Tags for what node groups launch (instances, volumes, ENIs): provider default tags do not reach them. */
    readonly requiredTags: Readonly<Record<string, string>>;
    readonly account: AccountContext;
    readonly network: ClusterNetwork;
    readonly keys: ClusterKeys;
    /** For keys the cluster owns (the Karpenter interruption queue's key). */
    readonly kmsDeletionWindowInDays: number;
}

/**
 * A private, encrypted, fully logged EKS cluster on raw aws.eks resources: access entries instead
 * of aws-auth, managed node groups behind launch templates, Fargate profiles, managed add-ons and
 * Pod Identity roles for add-ons and workloads.
 */
export class Cluster extends pulumi.ComponentResource {
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterArn: pulumi.Output<string>;
    public readonly endpoint: pulumi.Output<string>;
    public readonly certificateAuthorityData: pulumi.Output<string>;
    public readonly oidcIssuerUrl: pulumi.Output<string>;
    /** The EKS-managed cluster security group that nodes and Fargate pods carry: what the data tier trusts. */
    public readonly nodeSecurityGroupId: pulumi.Output<string>;
    public readonly kubeconfig: pulumi.Output<string>;
    /** Workload name -> IAM role name, for layers that grant workloads access to their resources. */
    public readonly workloadRoleNames: Record<string, pulumi.Output<string>>;
    /** IRSA workload name -> role ARN: the eks.amazonaws.com/role-arn annotation of its service account. */
    public readonly irsaRoleArns: Record<string, pulumi.Output<string>>;
    /** The managed node groups' role (ECR pull policies name it). */
    public readonly nodeRoleArn: pulumi.Output<string>;
    /** /aws/eks/<cluster>/cluster, created before the cluster: the operations metric filters read it. */
    public readonly controlPlaneLogGroupName: pulumi.Output<string>;
    /** Undefined unless compute.karpenter.enabled. */
    public readonly karpenterInterruptionQueueName: pulumi.Output<string> | undefined;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:compute:Cluster", name, {}, opts);
        const { compute, naming, account } = args;
        const parent: pulumi.Resource = this;
        const clusterName: string = physicalName(naming, "eks");
        const identity: pulumi.Output<ClusterIdentity> = pulumi.all([account.accountId, account.partition, args.network.vpcId])
            .apply(([accountId, partition, vpcId]: [string, string, string]): ClusterIdentity => ({ accountId, partition, region: account.region, clusterName, vpcId }));

        const roles: ClusterRoles = createClusterRoles({ naming, identity, fargate: compute.fargateProfiles.length > 0, parent });
        const controlPlane: ControlPlane = createControlPlane({
            clusterName,
            compute,
            protection: args.protection,
            naming,
            vpcId: args.network.vpcId,
            privateSubnetIds: args.network.privateSubnetIds,
            clusterRoleArn: roles.cluster.arn,
            clusterSecretsKeyArn: args.keys.clusterSecretsKeyArn,
            logsKeyArn: args.keys.logsKeyArn,
            dependsOn: roles.clusterGrants,
            parent,
        });
        const cluster: aws.eks.Cluster = controlPlane.cluster;
        createAccessEntries({ access: compute.access, naming, cluster, partition: account.partition, parent });

        const podIdentity: PodIdentityContext = { naming, identity, cluster, parent };
        const nodeAddons: InstalledAddon[] = createAddons({ addons: compute.addons, naming, identity: podIdentity, phase: "beforeNodes", dependsOn: [] });
        const nodeAddonResources: pulumi.Resource[] = nodeAddons.map((installed: InstalledAddon) => installed.addon);

        const nodeGroups: ManagedNodeGroup[] = createNodeGroups({
            groups: compute.nodeGroups,
            naming,
            requiredTags: args.requiredTags,
            clusterName: cluster.name,
            kubernetesVersion: compute.kubernetesVersion,
            nodeRoleArn: roles.node.arn,
            privateSubnetIds: args.network.privateSubnetIds,
            volumeKeyArn: args.keys.nodeVolumesKeyArn,
            dependsOn: [...roles.nodeGrants, ...nodeAddonResources],
            parent,
        });
        const fargateProfiles: aws.eks.FargateProfile[] = roles.fargatePodExecution
            ? createFargateProfiles({
                profiles: compute.fargateProfiles,
                naming,
                clusterName: cluster.name,
                podExecutionRoleArn: roles.fargatePodExecution.arn,
                privateSubnetIds: args.network.privateSubnetIds,
                dependsOn: [...roles.fargateGrants, ...nodeAddonResources],
                parent,
            })
            : [];
        const computeCapacity: pulumi.Resource[] = [...nodeGroups.map((g: ManagedNodeGroup) => g.nodeGroup), ...fargateProfiles];
        createAddons({ addons: compute.addons, naming, identity: podIdentity, phase: "afterNodes", dependsOn: computeCapacity });

        const workloads: WorkloadIdentities = createWorkloadIdentities(podIdentity, compute.workloadIdentities);
        if (compute.loadBalancerController.enabled) {
            createLoadBalancerControllerIdentity(podIdentity);
        }
        const karpenter: KarpenterPrerequisites | undefined = compute.karpenter.enabled
            ? createKarpenterPrerequisites({ podIdentity, protection: args.protection, kmsDeletionWindowInDays: args.kmsDeletionWindowInDays })
            : undefined;

        this.clusterName = cluster.name;
        this.clusterArn = cluster.arn;
        this.endpoint = cluster.endpoint;
        this.certificateAuthorityData = cluster.certificateAuthority.apply((authority) => authority.data ?? "");
        this.oidcIssuerUrl = cluster.identities.apply((identities) => identities[0]?.oidcs?.[0]?.issuer ?? "");
        this.nodeSecurityGroupId = cluster.vpcConfig.apply((vpc) => vpc.clusterSecurityGroupId ?? "");
        this.kubeconfig = kubeconfig(clusterName, account.region, this.endpoint, this.certificateAuthorityData);
        this.workloadRoleNames = Object.fromEntries([...workloads.roles.entries()].map(([workload, role]: [string, aws.iam.Role]) => [workload, role.name]));
        this.irsaRoleArns = Object.fromEntries([...workloads.irsaRoles.entries()].map(([workload, role]: [string, aws.iam.Role]) => [workload, role.arn]));

        this.karpenterInterruptionQueueName = karpenter?.queue.name;
        this.nodeRoleArn = roles.node.arn;
        this.controlPlaneLogGroupName = controlPlane.logGroup.name;

        this.registerOutputs({
            clusterName: this.clusterName,
            endpoint: this.endpoint,
            oidcIssuerUrl: this.oidcIssuerUrl,
            nodeSecurityGroupId: this.nodeSecurityGroupId,
        });
    }
}

/**
 * IAM permissions of the Karpenter (v1) controller, assumed through EKS Pod Identity.
 *
 * Source: aws/karpenter-provider-aws, website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml
 * (the getting-started template that website/content/en/docs/reference/cloudformation.md walks through), as released
 * in v1.14.1 (tag commit bde00654cd316fddb3dccfba3f5ac07039865429, 2026-08-20); identical on main at
 * 1d927085dd81a9df9301e613f371dac5b4d16bfe (2026-08-21). Read 2026-12-01. The template splits the controller's
 * permissions over NodeLifecyclePolicy, IAMIntegrationPolicy, EKSIntegrationPolicy, InterruptionPolicy,
 * ZonalShiftPolicy and ResourceDiscoveryPolicy; this is their union, with the published Sids.
 *
 * Tightened relative to the published template:
 * - every ARN names this account (published: `*` for the account of subnets, security groups, launch templates,
 *   instances, volumes, ...), and subnets and security groups handed to RunInstances/CreateFleet must be in this
 *   cluster's VPC (ec2:Vpc condition; published: any subnet or security group in the region);
 * - iam:PassedToService names only this partition's EC2 principal (published: both ec2.amazonaws.com and
 *   ec2.amazonaws.com.cn).
 * Everything else (tag conditions on kubernetes.io/cluster/<name> = owned and karpenter.sh/nodepool, the
 * node-role-only PassRole, the cluster-only DescribeCluster, the queue-only SQS grant) is kept as published.
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../../security/policyDocument";
import { ControllerPolicyContext, globalArn, regionalArn, vpcArn } from "./context";

export interface KarpenterPolicyContext extends ControllerPolicyContext {
    /** The role Karpenter's nodes run with (passed to EC2 through instance profiles). */
    readonly nodeRoleArn: string;
    /** The SQS queue EventBridge feeds with interruption, rebalance, state-change and health events. */
    readonly interruptionQueueArn: string;
}

const NODEPOOL_TAG = "karpenter.sh/nodepool";
const NODECLASS_TAG = "karpenter.k8s.aws/ec2nodeclass";
const REGION_TAG = "topology.kubernetes.io/region";
const EKS_CLUSTER_NAME_TAG = "eks:eks-cluster-name";

/** The ownership tag Karpenter writes on everything it launches: kubernetes.io/cluster/<name> = owned. */
export function clusterOwnershipTag(clusterName: string): string {
    return `kubernetes.io/cluster/${clusterName}`;
}

/** EC2's service principal, as iam:PassedToService sees it, in this partition. */
function ec2ServicePrincipal(partition: string): string {
    return partition === "aws-cn" ? "ec2.amazonaws.com.cn" : "ec2.amazonaws.com";
}

/** Resources RunInstances/CreateFleet/CreateLaunchTemplate create, so the request tags apply to them. */
function launchedResources(ctx: ControllerPolicyContext): string[] {
    return ["fleet/*", "instance/*", "volume/*", "network-interface/*", "launch-template/*", "spot-instances-request/*"]
        .map((resource: string) => regionalArn(ctx, "ec2", resource));
}

function nodeLifecycle(ctx: ControllerPolicyContext): PolicyStatement[] {
    const owned: string = clusterOwnershipTag(ctx.clusterName);
    const ec2 = (resource: string): string => regionalArn(ctx, "ec2", resource);
    const anyOwnerEc2 = (resource: string): string => `arn:${ctx.partition}:ec2:${ctx.region}::${resource}`;
    const ownedByCluster = {
        StringEquals: { [`aws:ResourceTag/${owned}`]: "owned" },
        StringLike: { [`aws:ResourceTag/${NODEPOOL_TAG}`]: "*" },
    };
    const taggedForCluster = {
        StringEquals: { [`aws:RequestTag/${owned}`]: "owned", [`aws:RequestTag/${EKS_CLUSTER_NAME_TAG}`]: ctx.clusterName },
        StringLike: { [`aws:RequestTag/${NODEPOOL_TAG}`]: "*" },
    };
    return [
        {
            Sid: "AllowScopedEC2InstanceAccessActions",
            Effect: "Allow",
            // Images and snapshots may be Amazon's or another account's (public/shared AMIs): their ARNs carry no account.
            // Capacity reservations and placement groups: this account's only.
            Resource: [anyOwnerEc2("image/*"), anyOwnerEc2("snapshot/*"), ec2("capacity-reservation/*"), ec2("placement-group/*")],
            Action: ["ec2:RunInstances", "ec2:CreateFleet"],
        },
        {
            Sid: "AllowScopedEC2NetworkAccessActions",
            Effect: "Allow",
            // Split from the statement above so the ec2:Vpc condition applies only to resources that have a VPC.
            Resource: [ec2("security-group/*"), ec2("subnet/*")],
            Action: ["ec2:RunInstances", "ec2:CreateFleet"],
            Condition: { StringEquals: { "ec2:Vpc": vpcArn(ctx) } },
        },
        {
            Sid: "AllowScopedEC2LaunchTemplateAccessActions",
            Effect: "Allow",
            Resource: ec2("launch-template/*"),
            Action: ["ec2:RunInstances", "ec2:CreateFleet"],
            Condition: ownedByCluster,
        },
        {
            Sid: "AllowScopedEC2InstanceActionsWithTags",
            Effect: "Allow",
            Resource: launchedResources(ctx),
            Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
            Condition: taggedForCluster,
        },
        {
            Sid: "AllowScopedResourceCreationTagging",
            Effect: "Allow",
            Resource: launchedResources(ctx),
            Action: "ec2:CreateTags",
            Condition: {
                StringEquals: { ...taggedForCluster.StringEquals, "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] },
                StringLike: taggedForCluster.StringLike,
            },
        },
        {
            Sid: "AllowScopedResourceTagging",
            Effect: "Allow",
            Resource: ec2("instance/*"),
            Action: "ec2:CreateTags",
            Condition: {
                ...ownedByCluster,
                StringEqualsIfExists: { [`aws:RequestTag/${EKS_CLUSTER_NAME_TAG}`]: ctx.clusterName },
                "ForAllValues:StringEquals": { "aws:TagKeys": [EKS_CLUSTER_NAME_TAG, "karpenter.sh/nodeclaim", "Name"] },
            },
        },
        {
            Sid: "AllowScopedDeletion",
            Effect: "Allow",
            Resource: [ec2("instance/*"), ec2("launch-template/*")],
            Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
            Condition: ownedByCluster,
        },
    ];
}

function iamIntegration(ctx: KarpenterPolicyContext): PolicyStatement[] {
    const owned: string = clusterOwnershipTag(ctx.clusterName);
    const profiles: string = globalArn(ctx, "iam", "instance-profile/*");
    const requestTags = {
        [`aws:RequestTag/${owned}`]: "owned",
        [`aws:RequestTag/${EKS_CLUSTER_NAME_TAG}`]: ctx.clusterName,
        [`aws:RequestTag/${REGION_TAG}`]: ctx.region,
    };
    const resourceTags = { [`aws:ResourceTag/${owned}`]: "owned", [`aws:ResourceTag/${REGION_TAG}`]: ctx.region };
    return [
        {
            Sid: "AllowPassingInstanceRole",
            Effect: "Allow",
            Resource: ctx.nodeRoleArn,
            Action: "iam:PassRole",
            Condition: { StringEquals: { "iam:PassedToService": ec2ServicePrincipal(ctx.partition) } },
        },
        {
            Sid: "AllowScopedInstanceProfileCreationActions",
            Effect: "Allow",
            Resource: profiles,
            Action: "iam:CreateInstanceProfile",
            Condition: { StringEquals: requestTags, StringLike: { [`aws:RequestTag/${NODECLASS_TAG}`]: "*" } },
        },
        {
            Sid: "AllowScopedInstanceProfileTagActions",
            Effect: "Allow",
            Resource: profiles,
            Action: "iam:TagInstanceProfile",
            Condition: {
                StringEquals: { ...resourceTags, ...requestTags },
                StringLike: { [`aws:ResourceTag/${NODECLASS_TAG}`]: "*", [`aws:RequestTag/${NODECLASS_TAG}`]: "*" },
            },
        },
        {
            Sid: "AllowScopedInstanceProfileActions",
            Effect: "Allow",
            Resource: profiles,
            Action: ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
            Condition: { StringEquals: resourceTags, StringLike: { [`aws:ResourceTag/${NODECLASS_TAG}`]: "*" } },
        },
        {
            Sid: "AllowUnscopedInstanceProfileListAction",
            Effect: "Allow",
            // iam:ListInstanceProfiles has no resource-level permissions (as the published Sid says): Resource must be "*".
            Resource: "*",
            Action: "iam:ListInstanceProfiles",
        },
        {
            Sid: "AllowInstanceProfileReadActions",
            Effect: "Allow",
            // Not tag-conditioned (as published): an EC2NodeClass may name an existing instance profile Karpenter did not create.
            Resource: profiles,
            Action: "iam:GetInstanceProfile",
        },
    ];
}

function clusterIntegration(ctx: KarpenterPolicyContext): PolicyStatement[] {
    const clusterArn: string = regionalArn(ctx, "eks", `cluster/${ctx.clusterName}`);
    return [
        {
            Sid: "AllowAPIServerEndpointDiscovery",
            Effect: "Allow",
            Resource: clusterArn,
            Action: "eks:DescribeCluster",
        },
        {
            Sid: "AllowInterruptionQueueActions",
            Effect: "Allow",
            Resource: ctx.interruptionQueueArn,
            Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
        },
        {
            Sid: "AllowZonalShiftStatusReadOnly",
            Effect: "Allow",
            // ARC zonal shift authorises GetManagedResource by its resource identifier condition key, not by Resource
            // (as published): the condition pins it to this cluster.
            Resource: "*",
            Action: "arc-zonal-shift:GetManagedResource",
            Condition: { StringEquals: { "arc-zonal-shift:ResourceIdentifier": clusterArn } },
        },
    ];
}

function resourceDiscovery(ctx: ControllerPolicyContext): PolicyStatement[] {
    return [
        {
            Sid: "AllowRegionalReadActions",
            Effect: "Allow",
            // EC2 Describe* actions have no resource-level permissions (Service Authorization Reference, Amazon EC2):
            // Resource must be "*"; the region condition is the narrowing AWS offers.
            Resource: "*",
            Action: [
                "ec2:DescribeCapacityReservations", "ec2:DescribeImages", "ec2:DescribeInstances", "ec2:DescribeInstanceStatus",
                "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates", "ec2:DescribePlacementGroups",
                "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets",
            ],
            Condition: { StringEquals: { "aws:RequestedRegion": ctx.region } },
        },
        {
            Sid: "AllowSSMReadActions",
            Effect: "Allow",
            // AWS's public parameters only (AMI ids by alias); the account part of their ARN is empty.
            Resource: `arn:${ctx.partition}:ssm:${ctx.region}::parameter/aws/service/*`,
            Action: "ssm:GetParameter",
        },
        {
            Sid: "AllowPricingReadActions",
            Effect: "Allow",
            // pricing:GetProducts has no resource-level permissions (the Price List API has no resources), and its
            // endpoints are in us-east-1/ap-south-1/eu-central-1, so no region condition either.
            Resource: "*",
            Action: "pricing:GetProducts",
        },
    ];
}

/** The controller's permissions, pinned to this cluster (tags), VPC, region, account, node role and queue. */
export function karpenterControllerPolicy(ctx: KarpenterPolicyContext): PolicyDocument {
    return policyDocument([
        ...nodeLifecycle(ctx),
        ...iamIntegration(ctx),
        ...clusterIntegration(ctx),
        ...resourceDiscovery(ctx),
    ]);
}

/**
 * IAM permissions of the AWS Load Balancer Controller, assumed through EKS Pod Identity.
 *
 * Source: kubernetes-sigs/aws-load-balancer-controller, docs/install/iam_policy.json, as released in
 * v3.5.0 (tag commit 11eb202c97e4ae2ee45e0658c4cde9a4b59f33d4, 2026-08-03); the file last changed in
 * commit 2f6ce5cfc51a28257cf2710873c437257d1ef605 (2025-03-27) and is identical on main at
 * 225f44568848eb25f13e304a5f1cc68c0cd9415d (2026-08-17). Read 2026-12-01.
 *
 * Every action of the published policy is kept (dropping one breaks a controller feature at
 * reconcile time, not at deploy time), but the grants are narrowed:
 * - the published `Null: aws:RequestTag|ResourceTag/elbv2.k8s.aws/cluster = "false"` checks ("any
 *   cluster's tag") become `StringEquals` on THIS cluster's name, so one cluster's controller cannot
 *   modify or delete another cluster's load balancers, target groups or security groups;
 * - ec2:CreateSecurityGroup is allowed only in this cluster's VPC, and only with this cluster's tag;
 * - ingress rules may be changed only on security groups of this VPC (published: any security group);
 * - every statement whose actions have resource-level permissions names this region and account
 *   (published: `*` or `arn:aws:<service>:*:*:...`), and the service-linked role is named exactly;
 * - reads that stay on Resource "*" are limited to this region with aws:RequestedRegion where the
 *   API is regional.
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../../security/policyDocument";
import { ControllerPolicyContext, globalArn, regionalArn, vpcArn } from "./context";

/** The tag the controller puts on everything it creates; its value is the --cluster-name flag. */
export const LBC_CLUSTER_TAG = "elbv2.k8s.aws/cluster";

const REQUEST_TAG = `aws:RequestTag/${LBC_CLUSTER_TAG}`;
const RESOURCE_TAG = `aws:ResourceTag/${LBC_CLUSTER_TAG}`;

interface ElbArns {
    readonly loadBalancers: readonly string[];
    readonly targetGroups: readonly string[];
    readonly listeners: readonly string[];
    readonly listenerRules: readonly string[];
    readonly trustStores: readonly string[];
}

/** Application and network load balancers only: the controller never manages gateway load balancers. */
function elbArns(ctx: ControllerPolicyContext): ElbArns {
    const elb = (resource: string): string => regionalArn(ctx, "elasticloadbalancing", resource);
    return {
        loadBalancers: [elb("loadbalancer/app/*/*"), elb("loadbalancer/net/*/*")],
        targetGroups: [elb("targetgroup/*/*")],
        listeners: [elb("listener/app/*/*/*"), elb("listener/net/*/*/*")],
        listenerRules: [elb("listener-rule/app/*/*/*/*"), elb("listener-rule/net/*/*/*/*")],
        trustStores: [elb("truststore/*/*")],
    };
}

const securityGroups = (ctx: ControllerPolicyContext): string => regionalArn(ctx, "ec2", "security-group/*");

function serviceLinkedRole(ctx: ControllerPolicyContext): PolicyStatement {
    return {
        Sid: "CreateElbServiceLinkedRole",
        Effect: "Allow",
        Action: "iam:CreateServiceLinkedRole",
        // The one role ELB's service-linked role can be; the condition keeps the grant to that service even if the ARN pattern were widened.
        Resource: globalArn(ctx, "iam", "role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"),
        Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
    };
}

function reads(ctx: ControllerPolicyContext): PolicyStatement[] {
    const inRegion = { StringEquals: { "aws:RequestedRegion": ctx.region } };
    return [
        {
            Sid: "DescribeEc2Networking",
            Effect: "Allow",
            Action: [
                "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways",
                "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
                "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:DescribeCoipPools",
                "ec2:DescribeIpamPools", "ec2:DescribeRouteTables", "ec2:GetCoipPoolUsage", "ec2:GetSecurityGroupsForVpc",
            ],
            // EC2 Describe*/Get* list operations have no resource-level permissions (Service Authorization Reference, Amazon EC2):
            // Resource must be "*"; the region condition is the only narrowing AWS offers.
            Resource: "*",
            Condition: inRegion,
        },
        {
            Sid: "DescribeLoadBalancing",
            Effect: "Allow",
            Action: [
                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates",
                "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags",
                "elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes",
                "elasticloadbalancing:DescribeCapacityReservation",
            ],
            // ELB Describe* actions have no resource-level permissions (Service Authorization Reference, Elastic Load Balancing V2).
            Resource: "*",
            Condition: inRegion,
        },
        {
            Sid: "ListCertificates",
            Effect: "Allow",
            Action: ["acm:ListCertificates", "iam:ListServerCertificates"],
            // Account-wide list calls without resource-level permissions (certificate discovery by host name). IAM is a
            // global endpoint, so no region condition here.
            Resource: "*",
        },
        {
            Sid: "ReadCertificates",
            Effect: "Allow",
            Action: ["acm:DescribeCertificate", "iam:GetServerCertificate"],
            Resource: [regionalArn(ctx, "acm", "certificate/*"), globalArn(ctx, "iam", "server-certificate/*")],
        },
        {
            Sid: "ReadCognitoUserPoolClients",
            Effect: "Allow",
            Action: "cognito-idp:DescribeUserPoolClient",
            Resource: regionalArn(ctx, "cognito-idp", "userpool/*"),
        },
        {
            Sid: "ReadShieldSubscription",
            Effect: "Allow",
            Action: "shield:GetSubscriptionState",
            // No resource-level permissions; Shield's API is served from us-east-1 only, so no region condition.
            Resource: "*",
        },
    ];
}

function webAclAndShield(ctx: ControllerPolicyContext, arns: ElbArns): PolicyStatement[] {
    const albs: string = arns.loadBalancers[0];
    return [
        {
            Sid: "AssociateWafV2WebAcls",
            Effect: "Allow",
            Action: ["wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL"],
            // Regional web ACLs of this account and the ALBs they attach to (each action authorises one or both).
            Resource: [regionalArn(ctx, "wafv2", "regional/webacl/*/*"), albs],
        },
        {
            Sid: "AssociateWafClassicWebAcls",
            Effect: "Allow",
            Action: ["waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL"],
            Resource: [regionalArn(ctx, "waf-regional", "webacl/*"), albs],
        },
        {
            Sid: "ManageShieldProtections",
            Effect: "Allow",
            Action: ["shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection"],
            Resource: globalArn(ctx, "shield", "protection/*"),
        },
    ];
}

function securityGroupStatements(ctx: ControllerPolicyContext): PolicyStatement[] {
    const groups: string = securityGroups(ctx);
    const thisCluster = { StringEquals: { [RESOURCE_TAG]: ctx.clusterName } };
    return [
        {
            Sid: "ManageIngressOnVpcSecurityGroups",
            Effect: "Allow",
            Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
            // The controller opens node/pod security groups (not created by it, so untagged) to its load balancers:
            // a tag condition would break that, so the grant is pinned to this VPC's security groups instead.
            Resource: groups,
            Condition: { StringEquals: { "ec2:Vpc": vpcArn(ctx) } },
        },
        {
            Sid: "CreateSecurityGroupInClusterVpc",
            Effect: "Allow",
            Action: "ec2:CreateSecurityGroup",
            // CreateSecurityGroup authorises the VPC and the new group separately: the VPC is this one...
            Resource: vpcArn(ctx),
        },
        {
            Sid: "CreateClusterTaggedSecurityGroup",
            Effect: "Allow",
            Action: "ec2:CreateSecurityGroup",
            // ...and the new group must carry this cluster's tag at creation.
            Resource: groups,
            Condition: { StringEquals: { [REQUEST_TAG]: ctx.clusterName } },
        },
        {
            Sid: "TagSecurityGroupOnCreate",
            Effect: "Allow",
            Action: "ec2:CreateTags",
            Resource: groups,
            Condition: { StringEquals: { "ec2:CreateAction": "CreateSecurityGroup", [REQUEST_TAG]: ctx.clusterName } },
        },
        {
            Sid: "RetagClusterSecurityGroups",
            Effect: "Allow",
            Action: ["ec2:CreateTags", "ec2:DeleteTags"],
            Resource: groups,
            // Only this cluster's groups, and never the cluster tag itself (Null = "true": the request does not set it),
            // so a group cannot be handed over to another cluster.
            Condition: { StringEquals: thisCluster.StringEquals, Null: { [REQUEST_TAG]: "true" } },
        },
        {
            Sid: "DeleteClusterSecurityGroups",
            Effect: "Allow",
            // Ingress changes on these groups are covered by ManageIngressOnVpcSecurityGroups (they live in this VPC).
            Action: "ec2:DeleteSecurityGroup",
            Resource: groups,
            Condition: thisCluster,
        },
    ];
}

function loadBalancerStatements(ctx: ControllerPolicyContext, arns: ElbArns): PolicyStatement[] {
    const balancersAndGroups: string[] = [...arns.targetGroups, ...arns.loadBalancers];
    const thisCluster = { StringEquals: { [RESOURCE_TAG]: ctx.clusterName } };
    return [
        {
            Sid: "CreateClusterTaggedLoadBalancers",
            Effect: "Allow",
            Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
            Resource: balancersAndGroups,
            Condition: { StringEquals: { [REQUEST_TAG]: ctx.clusterName } },
        },
        {
            Sid: "TagLoadBalancersOnCreate",
            Effect: "Allow",
            Action: "elasticloadbalancing:AddTags",
            Resource: balancersAndGroups,
            Condition: {
                StringEquals: { "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"], [REQUEST_TAG]: ctx.clusterName },
            },
        },
        {
            Sid: "RetagClusterLoadBalancers",
            Effect: "Allow",
            Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
            Resource: balancersAndGroups,
            Condition: { StringEquals: thisCluster.StringEquals, Null: { [REQUEST_TAG]: "true" } },
        },
        {
            Sid: "ModifyClusterLoadBalancers",
            Effect: "Allow",
            Action: [
                "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups",
                "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
                "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup",
                "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools",
            ],
            Resource: [...balancersAndGroups, ...arns.listeners],
            Condition: thisCluster,
        },
        {
            Sid: "ManageListenersAndRules",
            Effect: "Allow",
            Action: [
                "elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:ModifyListener",
                "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates",
                "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:ModifyRule",
                "elasticloadbalancing:SetRulePriorities", "elasticloadbalancing:SetWebAcl",
            ],
            // Not tag-conditioned (as published): create calls can be authorised on the listener or rule being created,
            // which has no tags yet, and the controller tags listeners and rules only while its ListenerRulesTagging
            // feature gate is on. Narrowed to ALB/NLB listeners, rules and trust stores of this region and account.
            Resource: [...arns.loadBalancers, ...arns.listeners, ...arns.listenerRules, ...arns.trustStores],
        },
        {
            Sid: "TagListenersAndRules",
            Effect: "Allow",
            Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
            // Listeners and rules are tagged at creation (no tags to condition on yet); same scope as the published policy, in this region and account.
            Resource: [...arns.listeners, ...arns.listenerRules],
        },
        {
            Sid: "RegisterTargets",
            Effect: "Allow",
            Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
            // Not tag-conditioned (as published): a TargetGroupBinding may point at a target group created outside the controller.
            Resource: arns.targetGroups,
        },
    ];
}

/** The controller's permissions, pinned to this cluster (tags), VPC, region and account. */
export function loadBalancerControllerPolicy(ctx: ControllerPolicyContext): PolicyDocument {
    const arns: ElbArns = elbArns(ctx);
    return policyDocument([
        serviceLinkedRole(ctx),
        ...reads(ctx),
        ...webAclAndShield(ctx, arns),
        ...securityGroupStatements(ctx),
        ...loadBalancerStatements(ctx, arns),
    ]);
}

import { ResourceValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { ControllerPolicyContext } from "../../infra/components/compute/controllerPolicies/context";
import { KarpenterPolicyContext, karpenterControllerPolicy } from "../../infra/components/compute/controllerPolicies/karpenter";
import { loadBalancerControllerPolicy } from "../../infra/components/compute/controllerPolicies/loadBalancerController";
import { PolicyDocument, PolicyStatement } from "../../infra/components/security/policyDocument";
import {
    noAdminStar, noDataExfiltration, noKmsDecryptAll, noPrivilegeEscalation, noStarResourceWrites, noWildcardActions,
} from "../../policy/rules/iam/documents";
import { PolicyRun, resource, runPolicy } from "../policy/support/policyHarness";

/** Pure builders, no Pulumi runtime: the documents exactly as the Pod Identity roles will carry them. */
const CTX: ControllerPolicyContext = { partition: "aws", region: "eu-west-1", accountId: "111122223333", clusterName: "platform-dev", vpcId: "vpc-0abc1234def567890" };
const CHINA: ControllerPolicyContext = { partition: "aws-cn", region: "cn-north-1", accountId: "444455556666", clusterName: "platform-cn", vpcId: "vpc-0fed9876cba543210" };
const karpenterCtx = (ctx: ControllerPolicyContext): KarpenterPolicyContext => ({
    ...ctx,
    nodeRoleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/${ctx.clusterName}-karpenter-node`,
    interruptionQueueArn: `arn:${ctx.partition}:sqs:${ctx.region}:${ctx.accountId}:${ctx.clusterName}-karpenter-interruption`,
});

const DOCUMENTS: Record<string, (ctx: ControllerPolicyContext) => PolicyDocument> = {
    loadBalancerController: (ctx) => loadBalancerControllerPolicy(ctx),
    karpenter: (ctx) => karpenterControllerPolicy(karpenterCtx(ctx)),
};

/**
 * Actions this module keeps on Resource "*" because AWS offers no resource-level permission for them.
 * Source: Service Authorization Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/),
 * pages list_amazonec2, list_elasticloadbalancingv2, list_awscertificatemanager, list_awsidentityandaccessmanagementiam,
 * list_awsshield, list_awspricelist: the "Resource types" column of each action is empty. Checked 2026-12-01.
 */
const NO_RESOURCE_LEVEL: readonly string[] = [
    // Amazon EC2: Describe* and the list-style Get* reads.
    "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeCapacityReservations",
    "ec2:DescribeCoipPools", "ec2:DescribeImages", "ec2:DescribeInstanceStatus", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes",
    "ec2:DescribeInstances", "ec2:DescribeInternetGateways", "ec2:DescribeIpamPools", "ec2:DescribeLaunchTemplates", "ec2:DescribeNetworkInterfaces",
    "ec2:DescribePlacementGroups", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets",
    "ec2:DescribeTags", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeVpcs", "ec2:GetCoipPoolUsage", "ec2:GetSecurityGroupsForVpc",
    // Elastic Load Balancing V2: every Describe*.
    "elasticloadbalancing:DescribeCapacityReservation", "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeListenerCertificates",
    "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeTags",
    "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
    "elasticloadbalancing:DescribeTrustStores",
    // Account-wide lists.
    "acm:ListCertificates", "iam:ListServerCertificates", "iam:ListInstanceProfiles", "shield:GetSubscriptionState", "pricing:GetProducts",
];

/** Service condition keys that pin a Resource "*" grant to one thing (service-linked role's service, one cluster). */
const PINNING_SERVICE_KEYS: readonly string[] = ["iam:AWSServiceName", "arc-zonal-shift:ResourceIdentifier"];

/** The actions of the published documents (sources in each module's header): every one must still be granted. */
const PUBLISHED_ACTIONS: Record<string, readonly string[]> = {
    loadBalancerController: [
        "acm:DescribeCertificate", "acm:ListCertificates", "cognito-idp:DescribeUserPoolClient", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateSecurityGroup",
        "ec2:CreateTags", "ec2:DeleteSecurityGroup", "ec2:DeleteTags", "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones",
        "ec2:DescribeCoipPools", "ec2:DescribeInstances", "ec2:DescribeInternetGateways", "ec2:DescribeIpamPools", "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeTags", "ec2:DescribeVpcPeeringConnections",
        "ec2:DescribeVpcs", "ec2:GetCoipPoolUsage", "ec2:GetSecurityGroupsForVpc", "ec2:RevokeSecurityGroupIngress",
        "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:AddTags", "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateRule", "elasticloadbalancing:CreateTargetGroup",
        "elasticloadbalancing:DeleteListener", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteRule",
        "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:DescribeCapacityReservation",
        "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeListenerCertificates", "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroupAttributes",
        "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTrustStores",
        "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools", "elasticloadbalancing:ModifyListener",
        "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:ModifyRule",
        "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:RegisterTargets",
        "elasticloadbalancing:RemoveListenerCertificates", "elasticloadbalancing:RemoveTags", "elasticloadbalancing:SetIpAddressType",
        "elasticloadbalancing:SetRulePriorities", "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
        "elasticloadbalancing:SetWebAcl", "iam:CreateServiceLinkedRole", "iam:GetServerCertificate", "iam:ListServerCertificates", "shield:CreateProtection",
        "shield:DeleteProtection", "shield:DescribeProtection", "shield:GetSubscriptionState", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL",
        "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "wafv2:GetWebACL",
        "wafv2:GetWebACLForResource",
    ],
    karpenter: [
        "arc-zonal-shift:GetManagedResource", "ec2:CreateFleet", "ec2:CreateLaunchTemplate", "ec2:CreateTags", "ec2:DeleteLaunchTemplate",
        "ec2:DescribeCapacityReservations", "ec2:DescribeImages", "ec2:DescribeInstanceStatus", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes",
        "ec2:DescribeInstances", "ec2:DescribeLaunchTemplates", "ec2:DescribePlacementGroups", "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory",
        "ec2:DescribeSubnets", "ec2:RunInstances", "ec2:TerminateInstances", "eks:DescribeCluster", "iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile",
        "iam:DeleteInstanceProfile", "iam:GetInstanceProfile", "iam:ListInstanceProfiles", "iam:PassRole", "iam:RemoveRoleFromInstanceProfile",
        "iam:TagInstanceProfile", "pricing:GetProducts", "sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "ssm:GetParameter",
    ],
};

/**
 * Statements iam-no-star-resource-writes may flag while its NO_RESOURCE_LEVEL_ACTIONS list is incomplete: each is a
 * Resource "*" read without resource-level permissions (see NO_RESOURCE_LEVEL) or pinned by a service condition.
 */
const LEGITIMATE_STAR_STATEMENTS: Record<string, readonly string[]> = {
    loadBalancerController: ["DescribeEc2Networking", "DescribeLoadBalancing", "ListCertificates", "ReadShieldSubscription"],
    karpenter: ["AllowUnscopedInstanceProfileListAction", "AllowZonalShiftStatusReadOnly", "AllowRegionalReadActions", "AllowPricingReadActions"],
};

const list = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === "string" ? [value] : [...value]);
const actionsOf = (s: PolicyStatement): string[] => list(s.Action);
const resourcesOf = (s: PolicyStatement): string[] => list(s.Resource);
const conditionEntries = (s: PolicyStatement): { operator: string; key: string; values: string[] }[] =>
    Object.entries(s.Condition ?? {}).flatMap(([operator, block]) => Object.entries(block).map(([key, value]) => ({ operator, key, values: list(value) })));
const isTagKey = (key: string): boolean => /^aws:(RequestTag|ResourceTag)\//.test(key);
const bySid = (document: PolicyDocument, sid: string): PolicyStatement => {
    const statement: PolicyStatement | undefined = document.Statement.find((s: PolicyStatement) => s.Sid === sid);
    expect(statement, sid).toBeDefined();
    return statement!;
};
const statementsGranting = (document: PolicyDocument, action: string): PolicyStatement[] =>
    document.Statement.filter((s: PolicyStatement) => actionsOf(s).includes(action));

/** Does a tag condition of the statement name this cluster (in its key or as its exact value)? */
function namesCluster(s: PolicyStatement, clusterName: string): boolean {
    return conditionEntries(s).some(({ operator, key, values }) =>
        operator === "StringEquals" && isTagKey(key)
        && (key.endsWith(`kubernetes.io/cluster/${clusterName}`) ? values.includes("owned") : values.length === 1 && values[0] === clusterName));
}

/** One policy run on the document as the pack sees it: the JSON policy of an aws:iam/policy:Policy. */
async function runOnPolicyResource(rule: ResourceValidationPolicy, document: PolicyDocument): Promise<PolicyRun> {
    return runPolicy(rule, resource("aws:iam/policy:Policy", { name: "controller", policy: JSON.stringify(document) }));
}

for (const [name, build] of Object.entries(DOCUMENTS)) {
    describe(`${name} controller policy`, () => {
        for (const ctx of [CTX, CHINA]) {
            const document: PolicyDocument = build(ctx);

            describe(`in ${ctx.partition}/${ctx.region}`, () => {
                it("gives every statement a unique Sid and grants only Allow", () => {
                    const sids: string[] = document.Statement.map((s: PolicyStatement) => s.Sid);
                    expect(sids.every((sid: string) => /^[A-Za-z0-9]+$/.test(sid))).toBe(true);
                    expect(new Set(sids).size).toBe(sids.length);
                    expect(document.Statement.every((s: PolicyStatement) => s.Effect === "Allow" && s.Resource !== undefined)).toBe(true);
                });

                it("names every action explicitly (no \"*\" anywhere in an action)", () => {
                    const wildcard: string[] = document.Statement.flatMap(actionsOf).filter((a: string) => a.includes("*"));
                    expect(wildcard).toEqual([]);
                });

                it("keeps every action of the published policy", () => {
                    const granted = new Set<string>(document.Statement.flatMap(actionsOf));
                    expect(PUBLISHED_ACTIONS[name].filter((a: string) => !granted.has(a))).toEqual([]);
                    expect([...granted].filter((a: string) => !PUBLISHED_ACTIONS[name].includes(a))).toEqual([]);
                });

                it("uses Resource \"*\" only for actions without resource-level permissions, or with a tag / pinning service condition", () => {
                    const unjustified: string[] = document.Statement
                        .filter((s: PolicyStatement) => resourcesOf(s).includes("*"))
                        .filter((s: PolicyStatement) => {
                            const keys: string[] = conditionEntries(s).map((c) => c.key);
                            const conditioned: boolean = keys.some(isTagKey) || keys.some((k: string) => PINNING_SERVICE_KEYS.includes(k));
                            return !conditioned && !actionsOf(s).every((a: string) => NO_RESOURCE_LEVEL.includes(a));
                        })
                        .map((s: PolicyStatement) => s.Sid);
                    expect(unjustified).toEqual([]);
                    // "*" is never mixed with ARNs: a statement is either all-resources or scoped.
                    for (const s of document.Statement.filter((st: PolicyStatement) => resourcesOf(st).includes("*"))) {
                        expect(resourcesOf(s), s.Sid).toEqual(["*"]);
                    }
                });

                it("scopes every ARN to this partition, region and account (images, snapshots and public SSM parameters excepted)", () => {
                    const arns: string[] = document.Statement.flatMap(resourcesOf).filter((r: string) => r !== "*");
                    for (const arn of arns) {
                        const [prefix, partition, , region, account] = arn.split(":");
                        expect(`${prefix}:${partition}`, arn).toBe(`arn:${ctx.partition}`);
                        expect(["", ctx.region], arn).toContain(region);
                        if (account === "") {
                            expect(arn, arn).toMatch(/:ec2:[^:]+::(image|snapshot)\/\*$|:ssm:[^:]+::parameter\/aws\/service\/\*$/);
                        } else {
                            expect(account, arn).toBe(ctx.accountId);
                        }
                    }
                });

                it("pins every tag condition to this cluster, never to any cluster's tag", () => {
                    const tagged: PolicyStatement[] = document.Statement.filter((s: PolicyStatement) => conditionEntries(s).some((c) => isTagKey(c.key)));
                    expect(tagged.length).toBeGreaterThan(3);
                    for (const s of tagged) {
                        expect(namesCluster(s, ctx.clusterName), s.Sid).toBe(true);
                        // The published "Null: tag = false" (present with any value = any cluster) must not survive.
                        const anyCluster = conditionEntries(s).filter((c) => c.operator === "Null" && c.values.includes("false"));
                        expect(anyCluster, s.Sid).toEqual([]);
                    }
                });

                it("passes the pack's IAM document rules as an aws:iam/policy:Policy", async () => {
                    for (const rule of [noAdminStar, noWildcardActions, noPrivilegeEscalation, noKmsDecryptAll, noDataExfiltration]) {
                        const result: PolicyRun = await runOnPolicyResource(rule, document);
                        expect(result.resourceEvaluations, rule.name).toBe(1);
                        expect(result.messages, rule.name).toEqual([]);
                    }
                });

                it("iam-no-star-resource-writes flags only the documented Resource \"*\" reads and pinned statements", async () => {
                    const result: PolicyRun = await runOnPolicyResource(noStarResourceWrites, document);
                    expect(result.resourceEvaluations).toBe(1);
                    const flagged: string[] = result.messages.map((m: string) => /\(([A-Za-z0-9]+)\)/.exec(m)?.[1] ?? m);
                    expect(flagged.filter((sid: string) => !LEGITIMATE_STAR_STATEMENTS[name].includes(sid))).toEqual([]);
                    // ...and for those statements, only actions this module documents as having no resource-level
                    // permissions, or that a pinning service condition scopes.
                    const pinned: string[] = document.Statement
                        .filter((s: PolicyStatement) => conditionEntries(s).some((c) => PINNING_SERVICE_KEYS.includes(c.key)))
                        .flatMap(actionsOf);
                    const offending: string[] = result.messages.flatMap((m: string) => (/resource ARNs for (.+?) \(Resource/.exec(m)?.[1] ?? m).split(", "));
                    expect(offending.filter((a: string) => !NO_RESOURCE_LEVEL.includes(a) && !pinned.includes(a))).toEqual([]);
                });
            });
        }
    });
}

describe("load balancer controller policy: cluster and VPC pinning", () => {
    const document: PolicyDocument = loadBalancerControllerPolicy(CTX);
    const vpc = `arn:aws:ec2:eu-west-1:111122223333:vpc/${CTX.vpcId}`;

    it("creates security groups only in this VPC and only with this cluster's tag", () => {
        const creates: PolicyStatement[] = statementsGranting(document, "ec2:CreateSecurityGroup");
        expect(creates.map((s: PolicyStatement) => s.Resource)).toEqual([vpc, "arn:aws:ec2:eu-west-1:111122223333:security-group/*"]);
        expect(creates[1].Condition).toEqual({ StringEquals: { "aws:RequestTag/elbv2.k8s.aws/cluster": "platform-dev" } });
    });

    it("changes ingress only on security groups of this VPC, and deletes only this cluster's groups", () => {
        expect(bySid(document, "ManageIngressOnVpcSecurityGroups").Condition).toEqual({ StringEquals: { "ec2:Vpc": vpc } });
        expect(statementsGranting(document, "ec2:AuthorizeSecurityGroupIngress").map((s: PolicyStatement) => s.Sid)).toEqual(["ManageIngressOnVpcSecurityGroups"]);
        expect(bySid(document, "DeleteClusterSecurityGroups").Condition).toEqual({ StringEquals: { "aws:ResourceTag/elbv2.k8s.aws/cluster": "platform-dev" } });
    });

    it("creates, modifies and deletes only load balancers and target groups tagged for this cluster", () => {
        expect(bySid(document, "CreateClusterTaggedLoadBalancers").Condition).toEqual({ StringEquals: { "aws:RequestTag/elbv2.k8s.aws/cluster": "platform-dev" } });
        for (const action of ["elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:SetSecurityGroups"]) {
            const grants: PolicyStatement[] = statementsGranting(document, action);
            expect(grants.map((s: PolicyStatement) => s.Sid), action).toEqual(["ModifyClusterLoadBalancers"]);
        }
        expect(bySid(document, "ModifyClusterLoadBalancers").Condition).toEqual({ StringEquals: { "aws:ResourceTag/elbv2.k8s.aws/cluster": "platform-dev" } });
    });

    it("re-tags only this cluster's resources and never rewrites the cluster tag", () => {
        for (const sid of ["RetagClusterSecurityGroups", "RetagClusterLoadBalancers"]) {
            expect(bySid(document, sid).Condition, sid).toEqual({
                StringEquals: { "aws:ResourceTag/elbv2.k8s.aws/cluster": "platform-dev" },
                Null: { "aws:RequestTag/elbv2.k8s.aws/cluster": "true" },
            });
        }
    });

    it("keeps the service-linked role grant to ELB's role", () => {
        const statement: PolicyStatement = bySid(document, "CreateElbServiceLinkedRole");
        expect(statement.Action).toBe("iam:CreateServiceLinkedRole");
        expect(statement.Condition).toEqual({ StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } });
        expect(statement.Resource).toBe("arn:aws:iam::111122223333:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing");
    });

    it("grants no role passing", () => {
        expect(statementsGranting(document, "iam:PassRole")).toEqual([]);
    });
});

describe("karpenter controller policy: cluster, role and queue pinning", () => {
    const ctx: KarpenterPolicyContext = karpenterCtx(CTX);
    const document: PolicyDocument = karpenterControllerPolicy(ctx);

    it("passes only the node role, and only to EC2 of this partition", () => {
        const passRole: PolicyStatement[] = statementsGranting(document, "iam:PassRole");
        expect(passRole).toHaveLength(1);
        expect(passRole[0].Resource).toBe(ctx.nodeRoleArn);
        expect(passRole[0].Condition).toEqual({ StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } });
        const china: PolicyStatement = bySid(karpenterControllerPolicy(karpenterCtx(CHINA)), "AllowPassingInstanceRole");
        expect(china.Condition).toEqual({ StringEquals: { "iam:PassedToService": "ec2.amazonaws.com.cn" } });
    });

    it("launches only with this cluster's ownership, cluster-name and node pool tags", () => {
        expect(bySid(document, "AllowScopedEC2InstanceActionsWithTags").Condition).toEqual({
            StringEquals: { "aws:RequestTag/kubernetes.io/cluster/platform-dev": "owned", "aws:RequestTag/eks:eks-cluster-name": "platform-dev" },
            StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" },
        });
        expect(actionsOf(bySid(document, "AllowScopedEC2InstanceActionsWithTags"))).toEqual(["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"]);
        for (const sid of ["AllowScopedEC2LaunchTemplateAccessActions", "AllowScopedDeletion"]) {
            expect(bySid(document, sid).Condition, sid).toEqual({
                StringEquals: { "aws:ResourceTag/kubernetes.io/cluster/platform-dev": "owned" },
                StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" },
            });
        }
    });

    it("launches only into subnets and security groups of this VPC", () => {
        const network: PolicyStatement = bySid(document, "AllowScopedEC2NetworkAccessActions");
        expect(network.Resource).toEqual(["arn:aws:ec2:eu-west-1:111122223333:security-group/*", "arn:aws:ec2:eu-west-1:111122223333:subnet/*"]);
        expect(network.Condition).toEqual({ StringEquals: { "ec2:Vpc": `arn:aws:ec2:eu-west-1:111122223333:vpc/${CTX.vpcId}` } });
        const unconditioned: string[] = resourcesOf(bySid(document, "AllowScopedEC2InstanceAccessActions"));
        expect(unconditioned.some((r: string) => /subnet|security-group/.test(r))).toBe(false);
    });

    it("manages only instance profiles tagged for this cluster and region", () => {
        for (const sid of ["AllowScopedInstanceProfileCreationActions", "AllowScopedInstanceProfileTagActions", "AllowScopedInstanceProfileActions"]) {
            const equals = (bySid(document, sid).Condition?.StringEquals ?? {}) as Record<string, string>;
            const tag: string = sid === "AllowScopedInstanceProfileCreationActions" ? "RequestTag" : "ResourceTag";
            expect(equals[`aws:${tag}/kubernetes.io/cluster/platform-dev`], sid).toBe("owned");
            expect(equals[`aws:${tag}/topology.kubernetes.io/region`], sid).toBe("eu-west-1");
        }
    });

    it("describes only this cluster, reads only the interruption queue and only public SSM parameters", () => {
        expect(statementsGranting(document, "eks:DescribeCluster").map((s: PolicyStatement) => s.Resource)).toEqual(["arn:aws:eks:eu-west-1:111122223333:cluster/platform-dev"]);
        expect(statementsGranting(document, "sqs:ReceiveMessage").map((s: PolicyStatement) => s.Resource)).toEqual([ctx.interruptionQueueArn]);
        expect(statementsGranting(document, "ssm:GetParameter").map((s: PolicyStatement) => s.Resource)).toEqual(["arn:aws:ssm:eu-west-1::parameter/aws/service/*"]);
        expect(bySid(document, "AllowZonalShiftStatusReadOnly").Condition).toEqual({
            StringEquals: { "arc-zonal-shift:ResourceIdentifier": "arn:aws:eks:eu-west-1:111122223333:cluster/platform-dev" },
        });
    });
});

import { ABSENT, Props, ResourceRuleContext, resourcePolicy } from "../../lib/rule";
import { list, read, UNKNOWN } from "../../lib/values";

const ATTACHMENT_TYPES: readonly string[] = [
    "aws:iam/role:Role",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
];

/**
 * AWS-managed policies this platform may attach: the EKS cluster/node/Fargate set, the add-ons'
 * Pod Identity roles (VPC CNI, EBS CSI, CloudWatch agent) and AWS Backup's service role. AWS keeps
 * these in step with what the services call; a hand-copied policy would silently fall behind.
 */
export const DEFAULT_ALLOWED_MANAGED_POLICIES: readonly string[] = [
    "AmazonEKSClusterPolicy",
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryReadOnly",
    "AmazonEC2ContainerRegistryPullOnly",
    "AmazonEKSFargatePodExecutionRolePolicy",
    "CloudWatchAgentServerPolicy",
    "AmazonSSMManagedInstanceCore",
    "AmazonEKSVPCResourceController",
    "AmazonEBSCSIDriverPolicy",
    "AmazonEFSCSIDriverPolicy",
    "AWSBackupServiceRolePolicyForBackup",
    "AWSBackupServiceRolePolicyForRestores",
];

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/;

/** The attached policy ARNs with their property paths (unknown entries skipped). */
function attachedArns(props: Props, type: string): { property: string; arn: string }[] {
    if (type === "aws:iam/role:Role") {
        const arns = list(props, "managedPolicyArns");
        if (arns === UNKNOWN) {
            return [];
        }
        return arns.flatMap((arn: unknown, i: number) => (typeof arn === "string" ? [{ property: `managedPolicyArns[${i}]`, arn }] : []));
    }
    const arn: unknown = read(props, "policyArn");
    return typeof arn === "string" ? [{ property: "policyArn", arn }] : [];
}

/** Policy name of an AWS-managed policy ARN (last path segment), else undefined. */
export function awsManagedPolicyName(arn: string): string | undefined {
    const match = AWS_MANAGED.exec(arn);
    return match ? match[1].split("/").pop() : undefined;
}

export const noAwsManagedPolicies = resourcePolicy<{ allowedPolicies: string[] }>({
    id: "iam-no-aws-managed-policies",
    description: "Roles, users and groups use customer-managed least-privilege policies; AWS-managed policies only from an allowlist (EKS, EBS CSI, AWS Backup).",
    severity: "medium",
    resourceTypes: ATTACHMENT_TYPES,
    remediation: "Replace the AWS-managed policy with a customer-managed policy scoped to the resources used, or add it to this policy's allowedPolicies config with a reason in review.",
    config: {
        schema: { allowedPolicies: { type: "array", items: { type: "string" }, description: "AWS-managed policy names (e.g. AmazonEKSClusterPolicy) that may be attached." } },
        defaults: { allowedPolicies: [...DEFAULT_ALLOWED_MANAGED_POLICIES] },
    },
    check(props, ctx: ResourceRuleContext<{ allowedPolicies: string[] }>) {
        for (const { property, arn } of attachedArns(props, ctx.type)) {
            const name = awsManagedPolicyName(arn);
            if (name !== undefined && !ctx.config.allowedPolicies.includes(name)) {
                ctx.report({ property, value: arn, expected: `a customer-managed policy (AWS-managed allowed: ${ctx.config.allowedPolicies.join(", ")})` });
            }
        }
    },
});

const ADMIN_POLICIES: readonly string[] = ["AdministratorAccess", "IAMFullAccess"];

export const noAdminManagedPolicy = resourcePolicy({
    id: "iam-no-admin-managed-policy",
    description: "AdministratorAccess and IAMFullAccess are never attached to roles, users or groups.",
    severity: "high",
    resourceTypes: ATTACHMENT_TYPES,
    remediation: "Attach a least-privilege customer-managed policy instead; administration happens through break-glass SSO permission sets, not platform stacks.",
    check(props, ctx) {
        for (const { property, arn } of attachedArns(props, ctx.type)) {
            const name = awsManagedPolicyName(arn);
            if (name !== undefined && ADMIN_POLICIES.includes(name)) {
                ctx.report({ property, value: arn, expected: "not AdministratorAccess or IAMFullAccess" });
            }
        }
    },
});

export const noUserAttachedPolicies = resourcePolicy({
    id: "iam-no-user-attached-policies",
    description: "Policies are not attached to IAM users directly (permissions via groups or roles).",
    severity: "medium",
    resourceTypes: ["aws:iam/userPolicy:UserPolicy", "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment"],
    remediation: "Attach the policy to a group (aws.iam.GroupPolicyAttachment) or a role and add the user to the group.",
    check(props, ctx) {
        if (ctx.type === "aws:iam/policyAttachment:PolicyAttachment") {
            const users = list(props, "users");
            if (users !== UNKNOWN && users.length > 0) {
                ctx.report({ property: "users", value: users.map((u: unknown) => (u === UNKNOWN ? "(unknown)" : u)), expected: "no users (use groups or roles)" });
            }
            return;
        }
        const user: unknown = read(props, "user");
        ctx.report({ property: "user", value: user === UNKNOWN ? "(unknown)" : (user ?? ABSENT), expected: "no policy attached directly to a user (use groups or roles)" });
    },
});

export const noLongLivedCredentials = resourcePolicy({
    id: "iam-no-long-lived-credentials",
    description: "Platform stacks create no IAM users, active access keys or console login profiles (humans use IAM Identity Center, workloads use roles).",
    severity: "medium",
    resourceTypes: ["aws:iam/user:User", "aws:iam/accessKey:AccessKey", "aws:iam/userLoginProfile:UserLoginProfile"],
    remediation: "Use IAM Identity Center for people and IAM roles (IRSA/Pod Identity, OIDC federation for CI) for workloads; exempt a break-glass user explicitly with a reason.",
    check(props, ctx) {
        if (ctx.type === "aws:iam/accessKey:AccessKey") {
            const status: unknown = read(props, "status");
            if (status === "Inactive" || status === UNKNOWN) {
                return;
            }
            ctx.report({ property: "status", value: status ?? "Active (default)", expected: "no IAM access keys (long-lived credentials)" });
            return;
        }
        ctx.report({
            property: "type",
            value: ctx.type,
            expected: ctx.type === "aws:iam/user:User" ? "no IAM users in platform stacks" : "no console passwords for IAM users",
        });
    },
});

export const managedPolicyPolicies = [noAwsManagedPolicies, noAdminManagedPolicy, noUserAttachedPolicies, noLongLivedCredentials];

import { podIdentityTrustScoped } from "../../../policy/rules/iam/podIdentity";
import { UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy } from "../encryption/table";

/**
 * iam-pod-identity-trust-scoped: roles for EKS Pod Identity carry the trust the EKS User Guide
 * requires (pod-id-role: both actions) and are narrowed by the documented session tags (pod-id-abac)
 * or aws:SourceAccount; aws:SourceArn is neither required nor enough.
 */

const ROLE = "aws:iam/role:Role";
const CLUSTER = "arn:aws:eks:us-east-1:123456789012:cluster/platform-prod-eks";

const trust = (condition: Record<string, unknown> | undefined, principal: unknown = { Service: "pods.eks.amazonaws.com" }, action: unknown = ["sts:AssumeRole", "sts:TagSession"]): Record<string, unknown> => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }],
});

/** The program's trust: cluster, namespace and service account session tags. */
const sessionTags = {
    StringEquals: {
        "aws:RequestTag/eks-cluster-arn": CLUSTER,
        "aws:RequestTag/kubernetes-namespace": "orders",
        "aws:RequestTag/kubernetes-service-account": "orders-api",
    },
};

describeResourcePolicy({
    policy: podIdentityTrustScoped,
    id: "iam-pod-identity-trust-scoped",
    severity: "high",
    type: ROLE,
    baseline: { name: "orders-api-pod", assumeRolePolicy: JSON.stringify(trust(sessionTags)) },
    violations: [
        { name: "AWS's unconditioned example trust (nothing narrows it)", patch: { assumeRolePolicy: JSON.stringify(trust(undefined)) }, property: "aws:RequestTag/eks-cluster-arn" },
        { name: "aws:SourceArn alone (undocumented for Pod Identity, and no documented scope)", patch: { assumeRolePolicy: JSON.stringify(trust({ ArnEquals: { "aws:SourceArn": CLUSTER } })) }, property: "aws:RequestTag/eks-cluster-arn" },
        { name: "session tag with a bare wildcard", patch: { assumeRolePolicy: JSON.stringify(trust({ StringLike: { "aws:RequestTag/eks-cluster-arn": "*" } })) }, property: "aws:RequestTag/eks-cluster-arn" },
        { name: "aws:SourceAccount that is not an account id", patch: { assumeRolePolicy: trust({ StringEquals: { "aws:SourceAccount": "*" } }) }, property: "aws:RequestTag/eks-cluster-arn" },
        { name: "sts:TagSession missing (Pod Identity cannot tag its session)", patch: { assumeRolePolicy: JSON.stringify(trust(sessionTags, undefined, "sts:AssumeRole")) }, property: "Action" },
        { name: "principal given as a list, unscoped", patch: { assumeRolePolicy: JSON.stringify(trust(undefined, { Service: ["pods.eks.amazonaws.com", "ec2.amazonaws.com"] })) }, property: "aws:RequestTag/eks-cluster-arn" },
    ],
    unknowns: [
        { name: "trust policy unknown during preview", patch: { assumeRolePolicy: UNKNOWN_STRING } },
    ],
    compliant: [
        { name: "the cluster session tag alone (a role shared by workloads of one cluster)", patch: { assumeRolePolicy: JSON.stringify(trust({ StringEquals: { "aws:RequestTag/eks-cluster-arn": CLUSTER } })) } },
        { name: "namespace and service account tags (the EKS User Guide's example)", patch: { assumeRolePolicy: JSON.stringify(trust({ StringEquals: { "aws:RequestTag/kubernetes-namespace": ["orders"], "aws:RequestTag/kubernetes-service-account": ["orders-api"] } })) } },
        { name: "aws:SourceAccount (catalogue: an accepted scope)", patch: { assumeRolePolicy: JSON.stringify(trust({ StringEquals: { "aws:SourceAccount": "123456789012" } })) } },
        { name: "aws:SourceArn is not required (tags without it)", patch: { assumeRolePolicy: trust(sessionTags) } },
        { name: "ArnLike on the cluster tag", patch: { assumeRolePolicy: JSON.stringify(trust({ ArnLike: { "aws:RequestTag/eks-cluster-arn": CLUSTER } })) } },
        { name: "a role for another service", patch: { assumeRolePolicy: JSON.stringify(trust(undefined, { Service: "ec2.amazonaws.com" })) } },
    ],
});

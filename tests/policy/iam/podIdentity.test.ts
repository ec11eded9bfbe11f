import { podIdentityTrustScoped } from "../../../policy/rules/iam/podIdentity";
import { UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy } from "../encryption/table";

/** iam-pod-identity-trust-scoped: roles for EKS Pod Identity are pinned to one cluster and account. */

const ROLE = "aws:iam/role:Role";
const CLUSTER = "arn:aws:eks:us-east-1:123456789012:cluster/platform-prod-eks";

const trust = (condition: Record<string, unknown> | undefined, principal: unknown = { Service: "pods.eks.amazonaws.com" }): Record<string, unknown> => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: ["sts:AssumeRole", "sts:TagSession"], ...(condition ? { Condition: condition } : {}) }],
});

const scoped = { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnEquals: { "aws:SourceArn": CLUSTER } };

describeResourcePolicy({
    policy: podIdentityTrustScoped,
    id: "iam-pod-identity-trust-scoped",
    severity: "high",
    type: ROLE,
    baseline: { name: "orders-api-pod", assumeRolePolicy: JSON.stringify(trust(scoped)) },
    violations: [
        { name: "no condition at all", patch: { assumeRolePolicy: JSON.stringify(trust(undefined)) }, property: "aws:SourceAccount" },
        { name: "SourceArn missing", patch: { assumeRolePolicy: JSON.stringify(trust({ StringEquals: { "aws:SourceAccount": "123456789012" } })) }, property: "aws:SourceArn" },
        { name: "SourceAccount missing (document as an object)", patch: { assumeRolePolicy: trust({ ArnEquals: { "aws:SourceArn": CLUSTER } }) }, property: "aws:SourceAccount" },
        { name: "SourceArn with a wildcard cluster", patch: { assumeRolePolicy: JSON.stringify(trust({ ...scoped, ArnEquals: undefined, ArnLike: { "aws:SourceArn": "arn:aws:eks:us-east-1:123456789012:cluster/*" } })) }, property: "aws:SourceArn" },
        { name: "principal given as a list", patch: { assumeRolePolicy: JSON.stringify(trust(undefined, { Service: ["pods.eks.amazonaws.com", "ec2.amazonaws.com"] })) }, property: "aws:SourceArn" },
    ],
    unknowns: [
        { name: "trust policy unknown during preview", patch: { assumeRolePolicy: UNKNOWN_STRING } },
    ],
    compliant: [
        { name: "ArnLike on the exact cluster ARN", patch: { assumeRolePolicy: JSON.stringify(trust({ StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": CLUSTER } })) } },
        { name: "a role for another service", patch: { assumeRolePolicy: JSON.stringify(trust(undefined, { Service: "ec2.amazonaws.com" })) } },
    ],
});

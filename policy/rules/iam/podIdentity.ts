import { NormalisedStatement } from "../../lib/documents";
import { conditionValues, parseDocument } from "../../lib/iamPolicies";
import { resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

/**
 * EKS Pod Identity: any cluster in any account can ask pods.eks.amazonaws.com to assume a role
 * that trusts the service principal alone. aws:SourceAccount and aws:SourceArn (the cluster) are the
 * confused-deputy conditions EKS documents for these roles; which namespace and service account
 * may use the role is then decided by the PodIdentityAssociation.
 */
const POD_IDENTITY_PRINCIPAL = "pods.eks.amazonaws.com";
const ARN_OPERATORS: readonly string[] = ["ArnEquals", "ArnLike", "StringEquals", "StringLike"];
const CLUSTER_ARN = /^arn:[a-z-]+:eks:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9][A-Za-z0-9_-]*$/;

function values(statement: NormalisedStatement, operators: readonly string[], key: string): string[] {
    return operators.flatMap((operator: string) => conditionValues(statement, operator, key) ?? []);
}

export const podIdentityTrustScoped = resourcePolicy({
    id: "iam-pod-identity-trust-scoped",
    description: "Roles trusted by EKS Pod Identity (pods.eks.amazonaws.com) require aws:SourceAccount and aws:SourceArn naming one cluster ARN (no wildcards), so no other cluster or account can use them.",
    severity: "high",
    resourceTypes: ["aws:iam/role:Role"],
    remediation: "Add Condition { StringEquals: { \"aws:SourceAccount\": \"<account>\" }, ArnEquals: { \"aws:SourceArn\": \"arn:aws:eks:<region>:<account>:cluster/<name>\" } } to the pods.eks.amazonaws.com statement.",
    check(props, ctx) {
        const document = parseDocument(read(props, "assumeRolePolicy"));
        if (document === undefined || document === UNKNOWN) {
            return;
        }
        (document).statements.forEach((s: NormalisedStatement, i: number) => {
            if (s.effect !== "Allow" || !(s.principals.Service ?? []).includes(POD_IDENTITY_PRINCIPAL)) {
                return;
            }
            const where = `assumeRolePolicy Statement[${i}].Condition`;
            const accounts: string[] = values(s, ["StringEquals"], "aws:SourceAccount");
            if (accounts.length === 0 || accounts.some((account: string) => !/^\d{12}$/.test(account))) {
                ctx.report({ property: `${where}.StringEquals["aws:SourceAccount"]`, value: accounts.length === 0 ? undefined : accounts, expected: "this account's 12-digit id" });
            }
            const clusters: string[] = values(s, ARN_OPERATORS, "aws:SourceArn");
            if (clusters.length === 0 || clusters.some((arn: string) => !CLUSTER_ARN.test(arn))) {
                ctx.report({ property: `${where}["aws:SourceArn"]`, value: clusters.length === 0 ? undefined : clusters, expected: "the ARN of one EKS cluster, without wildcards" });
            }
        });
    },
});

export const podIdentityPolicies = [podIdentityTrustScoped];

import { NormalisedStatement, grantsAction } from "../../lib/documents";
import { conditionValues, parseDocument } from "../../lib/iamPolicies";
import { resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

/**
 * EKS Pod Identity (catalogue section 13, row iam-pod-identity-trust). What each requirement rests on:
 * - principal pods.eks.amazonaws.com with both sts:AssumeRole and sts:TagSession: the trust policy the
 *   Amazon EKS User Guide requires ("Create IAM role with trust policy required by EKS Pod Identity",
 *   pod-id-role); without TagSession the service cannot pass its session tags and AssumeRole fails;
 * - narrowed by the session tags EKS Pod Identity adds (aws:RequestTag/eks-cluster-arn,
 *   kubernetes-namespace, kubernetes-service-account: pod-id-role "Setting Conditions" and pod-id-abac
 *   "List of session tags added by EKS Pod Identity") or by aws:SourceAccount: a role that trusts the
 *   service principal alone can be used by any cluster's association in any account that knows its ARN;
 * - aws:SourceArn is not required: Pod Identity does not document it, and a field report
 *   (awslabs/mountpoint-s3-csi-driver#781) found such a condition stopped credentials from being issued.
 *   A condition the service does not send locks it out, so the rule never asks for one.
 */
const POD_IDENTITY_PRINCIPAL = "pods.eks.amazonaws.com";
const REQUIRED_ACTIONS: readonly string[] = ["sts:AssumeRole", "sts:TagSession"];
const SCOPING_TAGS: readonly string[] = ["eks-cluster-arn", "kubernetes-namespace", "kubernetes-service-account"].map((tag: string) => `aws:RequestTag/${tag}`);
const STRING_OPERATORS: readonly string[] = ["StringEquals", "StringLike", "ArnEquals", "ArnLike"];

function values(statement: NormalisedStatement, key: string): string[] {
    return STRING_OPERATORS.flatMap((operator: string) => conditionValues(statement, operator, key) ?? []);
}

/** A value that narrows: not empty and not a bare wildcard. */
function narrows(value: string): boolean {
    return value.length > 0 && value !== "*";
}

export const podIdentityTrustScoped = resourcePolicy({
    id: "iam-pod-identity-trust-scoped",
    description: "Roles trusted by EKS Pod Identity (pods.eks.amazonaws.com) allow sts:AssumeRole and sts:TagSession (the trust the EKS User Guide requires, pod-id-role) and are narrowed by the session tags EKS Pod Identity adds (aws:RequestTag/eks-cluster-arn, kubernetes-namespace, kubernetes-service-account: pod-id-role, pod-id-abac) or by aws:SourceAccount. aws:SourceArn is not required: Pod Identity does not document it and it can stop credentials from being issued.",
    severity: "high",
    resourceTypes: ["aws:iam/role:Role"],
    remediation: "Allow [\"sts:AssumeRole\", \"sts:TagSession\"] to Service pods.eks.amazonaws.com with Condition { StringEquals: { \"aws:RequestTag/eks-cluster-arn\": \"<cluster ARN>\", \"aws:RequestTag/kubernetes-namespace\": \"<namespace>\", \"aws:RequestTag/kubernetes-service-account\": \"<service account>\" } } (or at least aws:SourceAccount); do not add aws:SourceArn.",
    check(props, ctx) {
        const document = parseDocument(read(props, "assumeRolePolicy"));
        if (document === undefined || document === UNKNOWN) {
            return;
        }
        document.statements.forEach((s: NormalisedStatement, i: number) => {
            if (s.effect !== "Allow" || !(s.principals.Service ?? []).includes(POD_IDENTITY_PRINCIPAL)) {
                return;
            }
            const missing: string[] = REQUIRED_ACTIONS.filter((action: string) => !grantsAction(s, action));
            if (missing.length > 0) {
                ctx.report({ property: `assumeRolePolicy Statement[${i}].Action`, value: s.actions, expected: `sts:AssumeRole and sts:TagSession (missing ${missing.join(", ")}; EKS User Guide pod-id-role)` });
            }
            const where = `assumeRolePolicy Statement[${i}].Condition`;
            const tagScoped: boolean = SCOPING_TAGS.some((key: string) => {
                const found: string[] = values(s, key);
                return found.length > 0 && found.every(narrows);
            });
            const accounts: string[] = values(s, "aws:SourceAccount");
            const accountScoped: boolean = accounts.length > 0 && accounts.every((account: string) => /^\d{12}$/.test(account));
            if (!tagScoped && !accountScoped) {
                ctx.report({
                    property: `${where}["aws:RequestTag/eks-cluster-arn"]`,
                    value: undefined,
                    expected: "a scope by the Pod Identity session tags (aws:RequestTag/eks-cluster-arn, kubernetes-namespace or kubernetes-service-account, not \"*\") or aws:SourceAccount = a 12-digit account id",
                });
            }
        });
    },
});

export const podIdentityPolicies = [podIdentityTrustScoped];

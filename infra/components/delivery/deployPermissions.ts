import { PolicyDocument, PolicyStatement, policyDocument } from "../security/policyDocument";
import { bucketStackPrefix } from "../../platform/naming";
import { ACTION_SCOPES, ActionScope } from "./actionScopes";
import { INVOKE_ACTIONS, RESOURCE_TYPE_ACTIONS, TypeActions, WORKFLOW_ACTIONS, actionsOf } from "./resourceTypeActions";

/**
 * The GitHub Actions roles' policies, derived from resourceTypeActions.ts (type -> actions) and
 * actionScopes.ts (action -> resource ARN formats, from the Service Authorization Reference).
 *
 * Choice: exact actions (no verb families, no "<service>:*"), scoped to this account and the
 * program's Regions, plus a permissions boundary against privilege escalation. AWS's guidance for
 * deployment roles is least privilege (IAM best practices, "Apply least-privilege permissions",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html) and, for a role that creates
 * roles, a permissions boundary every created role must carry ("Delegating permissions management to
 * others by using permissions boundaries", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html;
 * the CDK bootstrap's `cdk-<qualifier>-permissions-boundary` is the same pattern for IaC pipelines,
 * "Create and apply permissions boundaries for the AWS CDK",
 * https://docs.aws.amazon.com/cdk/v2/guide/customize-permissions-boundaries.html, whose example boundary
 * allows "*" and denies roles without the boundary, its removal and its change, as deployBoundaryDocument does).
 * A scoped broad policy (Create*, Delete* verb families) was not kept: it grants actions no type needs, and
 * the program's pack forbids service wildcards in identity policies.
 *
 * Which types: every type the program CAN register, not only the ones this stack's config registers.
 * The deploy role must delete what a config change removes and create what it adds in the same
 * `pulumi up` that would change its own policies; IAM changes propagate asynchronously, so a role
 * derived from the new config could not delete the old types and one derived from the old config
 * could not create the new ones. (Changing the GitHub roles themselves takes an owner run anyway, below.)
 *
 * Escalation guard (deploy role):
 * - every role-changing IAM action (CreateRole, Put/Attach/Detach/DeleteRolePolicy, UpdateAssumeRolePolicy,
 *   DeleteRole, ...) only with `iam:PermissionsBoundary` = the account's deploy boundary, so every role
 *   the pipeline creates or changes carries it (infra/platform/permissionsBoundary.ts puts it on every
 *   role of the program, the GitHub roles included);
 * - the boundary's removal and any change to the boundary policy are denied;
 * - the deploy role cannot change the GitHub roles or their policies: a change to its own
 *   permissions takes an owner's `pulumi up` (the README's checklist), like a CDK bootstrap update;
 * - iam:PassRole only to the services the program's roles trust (iam:PassedToService);
 * - service-linked roles only under role/aws-service-role/ (their trust and policy are fixed by AWS).
 * Resource "*" only for actions with no resource-level permissions (the Service Authorization
 * Reference lists no resource type for them; actionScopes.ts says "*").
 */
export interface DeployScope {
    /** <project>-<stack>: names of the stack's policies; buckets carry its slug as their name prefix. */
    readonly prefix: string;
    /** Every Region the program creates resources in: the stack's first, then the replica Region (data tier). */
    readonly regions: readonly string[];
    readonly stateBucket: string;
    readonly secretsProviderKeyArn?: string;
    /** Name of the account's deploy permissions boundary (created by the account owner, not by a stack). */
    readonly permissionsBoundaryName: string;
}

/** Filled in when the account is known: documents are laid out before (resources cannot be created in apply()). */
export interface DeployIdentity {
    readonly accountId: string;
    readonly partition: string;
}

/** CloudFront's certificate, web ACL and log groups, Budgets and Cost Explorer live in us-east-1 (edgeContext.ts, costControls.ts). */
export const GLOBAL_EDGE_REGION = "us-east-1";

/** IAM's limit for one customer-managed policy, whitespace excluded (IAM and STS quotas). */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;
/** Managed policies per role by default (quota adjustable to 20): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
export const MANAGED_POLICIES_PER_ROLE = 10;

/**
 * Services the program passes roles to: every Service principal of the program's role trust
 * policies (tests/delivery/deployRole.test.ts checks the recorded stacks against this list).
 */
export const PASSED_TO_SERVICES: readonly string[] = [
    "backup.amazonaws.com", "capabilities.eks.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com", "ec2.amazonaws.com",
    "eks-fargate-pods.amazonaws.com", "eks.amazonaws.com", "events.amazonaws.com", "lambda.amazonaws.com", "monitoring.rds.amazonaws.com",
    "pods.eks.amazonaws.com", "s3.amazonaws.com", "states.amazonaws.com", "vpc-flow-logs.amazonaws.com",
];

/** Service-linked roles: created and deleted only under aws-service-role/ (below). */
const SERVICE_LINKED_ROLE_ACTIONS: readonly string[] = ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"];

/** Role actions that accept the iam:PermissionsBoundary condition key (Service Authorization Reference, IAM). */
export const BOUNDARY_GUARDED_ACTIONS: readonly string[] = [
    "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
];

/** What may change a role or a managed policy: denied on the GitHub roles and on the boundary. */
const ROLE_CHANGES: readonly string[] = [
    "iam:AttachRolePolicy", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
];
const POLICY_CHANGES: readonly string[] = [
    "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy",
];

/**
 * Reads the preview role never gets although a refresh would call them: pull-request workflows run
 * code from the pull request, so nothing that returns secret or data content (a SecretVersion's
 * refresh needs an owner's or the deploy role's run).
 */
export const PREVIEW_EXCLUDED_READS: readonly string[] = [
    "secretsmanager:GetSecretValue", "kms:Decrypt", "s3:GetObject", "s3:GetObjectVersion", "lambda:GetFunction",
];

/** The ARN of the account's deploy boundary. */
export function permissionsBoundaryArn(identity: DeployIdentity, name: string): string {
    return `arn:${identity.partition}:iam::${identity.accountId}:policy/${name}`;
}

/** Bucket names of the stack start with this (buckets are auto-named with it as bucketPrefix). */
export function bucketNamePrefix(prefix: string): string {
    return `${bucketStackPrefix(prefix)}-`;
}

function regionsOf(scope: DeployScope): string[] {
    return [...new Set([...scope.regions, GLOBAL_EDGE_REGION])];
}

function scopeOf(action: string): ActionScope {
    const found: ActionScope | undefined = ACTION_SCOPES[action];
    if (!found) {
        throw new Error(`${action} has no entry in actionScopes.ts: run npx tsx tools/delivery/generateActionScopes.ts`);
    }
    return found;
}

/** Resource patterns with {region} and {bucket} filled; {partition} and {account} stay until render(). */
function resourcesOf(action: string, scope: DeployScope): string[] {
    const patterns: readonly string[] = scopeOf(action).resources;
    if (patterns.includes("*")) {
        return ["*"];
    }
    return [...new Set(patterns.flatMap((p: string) => (p.includes("{region}") ? regionsOf(scope).map((r: string) => p.replace("{region}", r)) : [p])
        .map((r: string) => r.replace("{bucket}", `${bucketNamePrefix(scope.prefix)}*`))
        .map((r: string) => r.replace(/:iam::\{account\}:policy\/\*$/, `:iam::{account}:policy/${scope.prefix}-*`))))].sort();
}

/** Every action the rows (and the program's invokes) name, for the given operations. */
export function programActions(types: readonly string[] = Object.keys(RESOURCE_TYPE_ACTIONS), operations?: Parameters<typeof actionsOf>[1]): string[] {
    const rows: TypeActions[] = types.map((type: string) => {
        const row: TypeActions | undefined = RESOURCE_TYPE_ACTIONS[type];
        if (!row) {
            throw new Error(`${type} has no row in resourceTypeActions.ts`);
        }
        return row;
    });
    const invokes: string[] = Object.values(INVOKE_ACTIONS).flatMap((i) => i.actions);
    return [...new Set([...rows.flatMap((row: TypeActions) => actionsOf(row, operations)), ...invokes])].sort();
}

const pascal = (service: string): string => service.split("-").map((w: string) => w.charAt(0).toUpperCase() + w.slice(1)).join("");

/** Statements of exact actions, one per service and resource set. */
function scopedStatements(actions: readonly string[], scope: DeployScope, suffix: string): PolicyStatement[] {
    const groups = new Map<string, { service: string; actions: string[]; resources: string[] }>();
    for (const action of actions) {
        const service: string = action.split(":")[0];
        const resources: string[] = resourcesOf(action, scope);
        const key = `${resources.includes("*") ? "*" : service}|${resources.join(",")}`;
        const group = groups.get(key) ?? { service: resources.includes("*") ? "AnyResource" : service, actions: [], resources };
        group.actions.push(action);
        groups.set(key, group);
    }
    const counts = new Map<string, number>();
    return [...groups.values()].sort((a, b) => a.service.localeCompare(b.service)).map((g): PolicyStatement => {
        const n: number = (counts.get(g.service) ?? 0) + 1;
        counts.set(g.service, n);
        return {
            // "AnyResource": the Service Authorization Reference lists no resource type for these actions, so IAM authorises them only on "*".
            Sid: `${pascal(g.service)}${suffix}${n}`,
            Effect: "Allow",
            Action: g.actions.sort(),
            Resource: g.resources.length === 1 ? g.resources[0] : g.resources,
        };
    });
}

/** The escalation guard: IAM statements of the deploy role (see the header). */
function iamStatements(iamActions: readonly string[], scope: DeployScope): PolicyStatement[] {
    const boundary = `arn:{partition}:iam::{account}:policy/${scope.permissionsBoundaryName}`;
    const guarded: string[] = iamActions.filter((a: string) => BOUNDARY_GUARDED_ACTIONS.includes(a) && a !== "iam:DeleteRolePermissionsBoundary");
    const special = new Set<string>([...BOUNDARY_GUARDED_ACTIONS, ...SERVICE_LINKED_ROLE_ACTIONS, "iam:PassRole"]);
    // The CloudFormation handlers of AWS::IAM::ManagedPolicy also attach to users and groups; the
    // program creates neither (the pack forbids IAM users), so actions only on user/* or group/* are left out.
    const rest: string[] = iamActions.filter((a: string) => !special.has(a)
        && !scopeOf(a).resources.every((r: string) => /:iam::\{account\}:(user|group)\/\*$/.test(r)));
    const ownRoles = `arn:{partition}:iam::{account}:role/${scope.prefix}-github-*`;
    const ownPolicies = `arn:{partition}:iam::{account}:policy/${scope.prefix}-github-*`;
    return [
        ...scopedStatements(rest, scope, ""),
        {
            Sid: "RolesOnlyWithTheBoundary", Effect: "Allow", Action: guarded.sort(), Resource: "arn:{partition}:iam::{account}:role/*",
            Condition: { StringEquals: { "iam:PermissionsBoundary": boundary } },
        },
        {
            Sid: "PassRolesToTheProgramsServices", Effect: "Allow", Action: ["iam:PassRole"], Resource: "arn:{partition}:iam::{account}:role/*",
            Condition: { StringEquals: { "iam:PassedToService": [...PASSED_TO_SERVICES] } },
        },
        {
            // Only service-linked roles live under aws-service-role/: their trust (the one service) and
            // their policy are defined by AWS and cannot be changed, so creating one grants the caller
            // nothing ("Using service-linked roles", IAM User Guide,
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html). The
            // services creating them on first use (EKS, node groups, Fargate, RDS, ElastiCache, EFS,
            // GuardDuty, Security Hub, Access Analyzer, WAF logging, CloudFront VPC origins, transit
            // gateways, Application Auto Scaling, ...) are not pinned with iam:AWSServiceName: a name
            // missing from such a list would fail a first deployment, and the path already bounds it.
            Sid: "ServiceLinkedRoles", Effect: "Allow", Action: [...SERVICE_LINKED_ROLE_ACTIONS],
            Resource: "arn:{partition}:iam::{account}:role/aws-service-role/*",
        },
        { Sid: "DenyBoundaryRemoval", Effect: "Deny", Action: ["iam:DeleteRolePermissionsBoundary"], Resource: "arn:{partition}:iam::{account}:role/*" },
        { Sid: "DenyBoundaryChanges", Effect: "Deny", Action: [...POLICY_CHANGES], Resource: boundary },
        { Sid: "DenyOwnRoleChanges", Effect: "Deny", Action: [...ROLE_CHANGES], Resource: ownRoles },
        { Sid: "DenyOwnPolicyChanges", Effect: "Deny", Action: [...POLICY_CHANGES], Resource: ownPolicies },
    ];
}

/** Characters IAM counts for a rendered document (whitespace excluded), measured with the longest partition. */
export function documentLength(document: PolicyDocument): number {
    return JSON.stringify(document).replace(/\{partition\}/g, "aws-us-gov").replace(/\{account\}/g, "000000000000").replace(/\s/g, "").length;
}

const fits = (list: PolicyStatement[]): boolean => documentLength(policyDocument(list)) <= MANAGED_POLICY_MAX_CHARACTERS;

/** A statement, or its actions halved (Sid a/b) until each part fits one document. */
function splitToFit(statement: PolicyStatement): PolicyStatement[] {
    if (fits([statement])) {
        return [statement];
    }
    const actions: string[] = typeof statement.Action === "string" ? [statement.Action] : [...statement.Action];
    const half: number = Math.ceil(actions.length / 2);
    return [
        ...splitToFit({ ...statement, Sid: `${statement.Sid}a`, Action: actions.slice(0, half) }),
        ...splitToFit({ ...statement, Sid: `${statement.Sid}b`, Action: actions.slice(half) }),
    ];
}

/** Packs statements, in order, into as few documents under the managed-policy limit as it can. */
function pack(statements: readonly PolicyStatement[], name: string): Record<string, PolicyDocument> {
    const documents: PolicyStatement[][] = [];
    for (const piece of statements.flatMap(splitToFit)) {
        const last: PolicyStatement[] | undefined = documents[documents.length - 1];
        if (last && fits([...last, piece])) {
            last.push(piece);
        } else {
            documents.push([piece]);
        }
    }
    return Object.fromEntries(documents.map((list: PolicyStatement[], i: number) => [`${name}-${i + 1}`, policyDocument(list)]));
}

/**
 * The deploy role's documents with {partition}/{account} placeholders: laid out synchronously so the
 * component knows how many policies to register; render() fills them once the account is known.
 */
export function deployPolicies(scope: DeployScope): Record<string, PolicyDocument> {
    const actions: string[] = programActions();
    const iam: string[] = actions.filter((a: string) => a.startsWith("iam:"));
    const others: string[] = actions.filter((a: string) => !a.startsWith("iam:"));
    return {
        ...pack(scopedStatements(others, scope, ""), "actions"),
        iam: policyDocument(iamStatements(iam, scope)),
        state: stateBackendPolicy(scope, "write"),
    };
}

/** The preview role: the Read/List actions of every row's refresh, never a secret's or an object's content. */
export function previewPolicies(scope: DeployScope): Record<string, PolicyDocument> {
    const reads: string[] = programActions(Object.keys(RESOURCE_TYPE_ACTIONS), ["read"])
        .filter((a: string) => isReadOnlyLevel(scopeOf(a).level) && !PREVIEW_EXCLUDED_READS.includes(a));
    return { ...pack(scopedStatements(reads, scope, "Read"), "read"), state: stateBackendPolicy(scope, "lock"), pricing: PRICE_LIST_POLICY };
}

/**
 * The pull-request workflow checks the offline preview's price table against AWS's Price List Query
 * API (`npm run rates:check`). pricing:GetProducts is read-only and public price data, and it has no
 * resource type (Service Authorization Reference, AWS Price List: "*" only), hence Resource "*".
 */
const PRICE_LIST_POLICY: PolicyDocument = policyDocument([
    { Sid: "ReadPriceList", Effect: "Allow", Action: [...WORKFLOW_ACTIONS["npm run rates:check"].actions], Resource: "*" },
]);

/** Read and List only: never Write, Permissions management or Tagging (an action can carry several levels). */
export function isReadOnlyLevel(level: string): boolean {
    return level.split(",").map((l: string) => l.trim()).every((l: string) => l === "Read" || l === "List");
}

/** Fills the account placeholders. */
export function render(document: PolicyDocument, identity: DeployIdentity): string {
    return JSON.stringify(document).replace(/\{partition\}/g, identity.partition).replace(/\{account\}/g, identity.accountId);
}

/**
 * The DIY backend: state objects in the bucket, the awskms:// secrets-provider key. `pulumi up`
 * writes checkpoints; `pulumi preview` reads them and writes only its lock under .pulumi/locks/.
 */
function stateBackendPolicy(scope: DeployScope, access: "write" | "lock"): PolicyDocument {
    const bucket = `arn:{partition}:s3:::${scope.stateBucket}`;
    const statements: PolicyStatement[] = [
        { Sid: "ListStateBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation", "s3:GetBucketVersioning"], Resource: bucket },
        { Sid: "ReadState", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${bucket}/.pulumi/*` },
        access === "write"
            ? { Sid: "WriteState", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: `${bucket}/.pulumi/*` }
            : { Sid: "TakeLock", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: `${bucket}/.pulumi/locks/*` },
    ];
    if (scope.secretsProviderKeyArn) {
        statements.push({
            Sid: "SecretsProvider",
            Effect: "Allow",
            Action: access === "write" ? ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
            Resource: scope.secretsProviderKeyArn,
        });
    }
    return policyDocument(statements);
}

/**
 * The account's deploy boundary (created once per account by its owner: README, "Deploy and preview
 * roles"). As in the CDK bootstrap's example boundary it allows everything and denies escalation:
 * creating or re-bounding a role without this boundary, removing a boundary, and changing this policy.
 * A boundary only caps; what a role may do is still its own policies. Not created by a stack (the deploy
 * role must not be able to change it), so the pack never sees its Allow "*".
 */
export function deployBoundaryDocument(identity: DeployIdentity, name: string): PolicyDocument {
    const arn: string = permissionsBoundaryArn(identity, name);
    const principals = `arn:${identity.partition}:iam::${identity.accountId}:*`;
    return policyDocument([
        { Sid: "CeilingForEveryStackRole", Effect: "Allow", Action: "*", Resource: "*" },
        {
            Sid: "DenyRolesWithoutThisBoundary", Effect: "Deny", Action: ["iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:CreateUser", "iam:PutUserPermissionsBoundary"],
            Resource: principals, Condition: { StringNotEquals: { "iam:PermissionsBoundary": arn } },
        },
        { Sid: "DenyBoundaryRemoval", Effect: "Deny", Action: ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"], Resource: principals },
        { Sid: "DenyBoundaryChanges", Effect: "Deny", Action: [...POLICY_CHANGES], Resource: arn },
    ]);
}

// Development-time only: @cloud-copilot/iam-simulate is AGPL-3.0-or-later. It is imported by
// tools/ and tests/ (the offline preview and the test suite), never by the program (infra/) or the
// policy pack (policy/), which therefore do not link it.
import { anonymousPrincipal, runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { ExtractedDocument, PolicyAttachment, PolicyDocument, PolicyStatement, RoleInfo, StackDocuments, statementLabel } from "./documents";

/**
 * Evaluates a request against the documents a stack declares, with AWS's evaluation logic as
 * @cloud-copilot/iam-simulate implements it: identity policies of the calling role (inline,
 * RolePolicy, customer managed) and its permissions boundary, the resource's policy (bucket,
 * queue, topic, repository, file system, event bus, function permissions, role trust), KMS key
 * policies, same-account and cross-account rules (IAM User Guide, "Policy evaluation logic" and
 * "Cross-account policy evaluation logic"). The answer names the statement that decided.
 */

export type RequestPrincipal =
    /** A role the program creates, calling with its own session. */
    | { readonly kind: "role"; readonly roleArn: string }
    /** An AWS service principal (events.amazonaws.com) with its source context in `context`. */
    | { readonly kind: "service"; readonly service: string }
    /** An unsigned request. */
    | { readonly kind: "anonymous" }
    /** A principal in another account, with an identity policy that allows everything (only the resource side can stop it). */
    | { readonly kind: "external"; readonly arn: string };

export interface AccessRequest {
    readonly principal: RequestPrincipal;
    readonly action: string;
    /** Concrete ARN (an S3 object: arn:aws:s3:::bucket/key). */
    readonly resource: string;
    /** Request context: aws:SourceArn, aws:SourceAccount, kms:EncryptionContext:..., kms:ViaService... */
    readonly context?: Readonly<Record<string, string | string[]>>;
}

export type AccessResult = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export interface DecidingStatement {
    readonly policyType: "identity" | "boundary" | "resource";
    /** urn#property of the document, or the policy ARN. */
    readonly document: string;
    readonly label: string;
    readonly statement: string;
    readonly effect: "Allow" | "Deny";
}

export interface AccessDecision {
    readonly result: AccessResult;
    /** The statements that decided: the matching Deny for an explicit deny, the Allows for an allow. */
    readonly deciding: readonly DecidingStatement[];
    /** AWS-managed policies attached to the calling role: not in the program, so not evaluated. */
    readonly unmodelled: readonly string[];
    /** Input problems the simulator reported (an invalid ARN for the action, ...). */
    readonly error?: string;
    readonly summary: string;
}

/** A document under its simulator name, with where each statement came from. */
interface NamedPolicy {
    readonly name: string;
    readonly policy: PolicyDocument;
    readonly origins: readonly { readonly doc: ExtractedDocument; readonly index: number }[];
}

const DEFAULT_ACCOUNT = "123456789012";
/** The outsider's identity policy: allows everything, so only the resource side can stop it. */
const ALLOW_ALL: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

function accountOf(arn: string): string | undefined {
    const parts: string[] = arn.split(":");
    return parts.length > 4 && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}

/**
 * iam-simulate 0.1.173 drops request-context keys with a variable part unless the variable follows
 * a "/" (simulationEngine.js listHasVariableKeyMatch), so kms:EncryptionContext:aws:sqs:arn never
 * reaches the evaluation and every key-policy condition on it fails as "missing". The harness
 * carries those keys as aws:ResourceTag/<marker><context key> (a String key KMS requests accept),
 * in the policy conditions and in the request alike; tests/access/simulate.test.ts pins that
 * encryption-context conditions still allow and deny as written.
 */
const CONTEXT_MARKER = "aws:ResourceTag/kms-encryption-context.";
const ENCRYPTION_CONTEXT = /^kms:EncryptionContext:/i;

function carryKey(key: string): string {
    return ENCRYPTION_CONTEXT.test(key) ? `${CONTEXT_MARKER}${key.replace(ENCRYPTION_CONTEXT, "")}` : key;
}

function carryConditions(statement: PolicyStatement): PolicyStatement {
    if (!statement.Condition || !JSON.stringify(statement.Condition).match(/kms:EncryptionContext:/i)) {
        return statement;
    }
    const condition: Record<string, Record<string, unknown>> = {};
    for (const [operator, block] of Object.entries(statement.Condition)) {
        condition[operator] = Object.fromEntries(Object.entries(block).map(([k, v]) => [carryKey(k), v]));
    }
    return { ...statement, Condition: condition };
}

function merge(name: string, docs: readonly ExtractedDocument[]): NamedPolicy {
    const statements: PolicyStatement[] = [];
    const origins: { doc: ExtractedDocument; index: number }[] = [];
    for (const doc of docs) {
        doc.document!.Statement.forEach((s: PolicyStatement, index: number) => {
            statements.push(carryConditions(s));
            origins.push({ doc, index });
        });
    }
    return { name, policy: { Version: "2012-10-17", Statement: statements }, origins };
}

/** The resource whose policy governs a request ARN: an S3 object's bucket, a function without its qualifier. */
export function policyOwnerArn(resource: string): string {
    const s3 = /^(arn:aws[a-z-]*:s3:::[^/]+)\/.*$/.exec(resource);
    if (s3) {
        return s3[1];
    }
    const fn = /^(arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:[^:]+):.+$/.exec(resource);
    return fn ? fn[1] : resource;
}

/**
 * The statements of a policy that can concern an action's service (Action naming the service or
 * "*", or a NotAction): the simulator validates every action of every policy on each request, and
 * the deploy role's policies list hundreds, so irrelevant statements are left out. Origins keep
 * their indexes, so the deciding statement is still named as written.
 */
function forService(policy: NamedPolicy, service: string): NamedPolicy | undefined {
    const keep: number[] = [];
    policy.policy.Statement.forEach((s: PolicyStatement, i: number) => {
        const actions: string[] = s.Action === undefined ? [] : Array.isArray(s.Action) ? s.Action : [s.Action];
        if (s.NotAction !== undefined || actions.some((a: string) => a === "*" || a.toLowerCase().startsWith(`${service}:`))) {
            keep.push(i);
        }
    });
    if (keep.length === policy.policy.Statement.length) {
        return policy;
    }
    return keep.length === 0 ? undefined : {
        name: policy.name,
        policy: { ...policy.policy, Statement: keep.map((i: number) => policy.policy.Statement[i]) },
        origins: keep.map((i: number) => policy.origins[i]),
    };
}

export class AccessEvaluator {
    private readonly identity = new Map<string, NamedPolicy[]>();
    private readonly boundary = new Map<string, NamedPolicy[]>();
    private readonly resourcePolicies = new Map<string, NamedPolicy>();
    private readonly trust = new Map<string, NamedPolicy>();
    private readonly awsManaged = new Map<string, string[]>();
    private readonly logsAccount: ExtractedDocument[] = [];
    private readonly cache = new Map<string, Promise<AccessDecision>>();
    readonly roles: ReadonlyMap<string, RoleInfo>;
    /** Simulations run (cache misses) and their total time. */
    simulations = 0;
    milliseconds = 0;

    constructor(stack: StackDocuments, private readonly account: string = DEFAULT_ACCOUNT) {
        this.roles = new Map(stack.roles.map((r: RoleInfo) => [r.arn, r]));
        const known: ExtractedDocument[] = stack.documents.filter((d: ExtractedDocument) => !d.unknown && d.document);
        const managed = new Map<string, ExtractedDocument>(known.filter((d) => d.kind === "managed" && d.policyArn).map((d) => [d.policyArn!, d]));
        const byRole = new Map<string, ExtractedDocument[]>();
        for (const doc of known) {
            if (doc.kind === "identity" && doc.roleArn) {
                byRole.set(doc.roleArn, [...(byRole.get(doc.roleArn) ?? []), doc]);
            }
            if (doc.kind === "trust" && doc.roleArn) {
                this.trust.set(doc.roleArn, merge(doc.id, [doc]));
            }
        }
        for (const attachment of stack.attachments) {
            if (!attachment.roleArn) {
                continue;
            }
            const doc: ExtractedDocument | undefined = managed.get(attachment.policyArn);
            if (doc) {
                byRole.set(attachment.roleArn, [...(byRole.get(attachment.roleArn) ?? []), doc]);
            } else if (attachment.awsManaged) {
                this.awsManaged.set(attachment.roleArn, [...(this.awsManaged.get(attachment.roleArn) ?? []), attachment.policyArn]);
            }
        }
        for (const [roleArn, docs] of byRole) {
            this.identity.set(roleArn, docs.map((d: ExtractedDocument) => merge(d.id, [d])));
        }
        for (const role of stack.roles) {
            const doc: ExtractedDocument | undefined = role.boundaryArn ? managed.get(role.boundaryArn) : undefined;
            if (doc) {
                this.boundary.set(role.arn, [merge(doc.id, [doc])]);
            }
        }
        const byResource = new Map<string, ExtractedDocument[]>();
        for (const doc of known) {
            if ((doc.kind === "resource" || doc.kind === "key") && doc.resourceArn) {
                byResource.set(doc.resourceArn, [...(byResource.get(doc.resourceArn) ?? []), doc]);
            }
            if (doc.kind === "logs-account") {
                this.logsAccount.push(doc);
            }
        }
        for (const [arn, docs] of byResource) {
            this.resourcePolicies.set(arn, merge(docs.map((d) => d.id).join(" + "), docs));
        }
    }

    /** The resource policy that governs a request, if any. */
    resourcePolicyFor(request: AccessRequest): NamedPolicy | undefined {
        if (/^sts:AssumeRole/i.test(request.action) || /^sts:TagSession$/i.test(request.action)) {
            return this.trust.get(request.resource);
        }
        if (/^arn:aws[a-z-]*:logs:/.test(request.resource) && this.logsAccount.length > 0) {
            return merge(this.logsAccount.map((d) => d.id).join(" + "), this.logsAccount);
        }
        return this.resourcePolicies.get(policyOwnerArn(request.resource));
    }

    evaluate(request: AccessRequest): Promise<AccessDecision> {
        const key: string = JSON.stringify(request);
        let pending: Promise<AccessDecision> | undefined = this.cache.get(key);
        if (!pending) {
            pending = this.run(request);
            this.cache.set(key, pending);
        }
        return pending;
    }

    private async run(request: AccessRequest): Promise<AccessDecision> {
        const started: number = performance.now();
        const p: RequestPrincipal = request.principal;
        const service: string = request.action.slice(0, request.action.indexOf(":")).toLowerCase();
        const relevant = (policies: readonly NamedPolicy[]): NamedPolicy[] => policies.map((n) => forService(n, service)).filter((n): n is NamedPolicy => n !== undefined);
        const fullResourcePolicy: NamedPolicy | undefined = this.resourcePolicyFor(request);
        const resourcePolicy: NamedPolicy | undefined = fullResourcePolicy ? forService(fullResourcePolicy, service) : undefined;
        const identity: NamedPolicy[] = p.kind === "role" ? relevant(this.identity.get(p.roleArn) ?? []) : [];
        // A boundary with no statement for the service still bounds it (it allows nothing of it): keep it whole.
        const boundary: NamedPolicy[] = p.kind === "role" ? (this.boundary.get(p.roleArn) ?? []).map((n) => forService(n, service) ?? n) : [];
        const principalArn: string | undefined = p.kind === "role" ? p.roleArn : p.kind === "external" ? p.arn : undefined;
        const context: Record<string, string | string[]> = {
            "aws:SecureTransport": "true",
            ...(principalArn ? { "aws:PrincipalArn": principalArn, "aws:PrincipalAccount": accountOf(principalArn) ?? this.account, "aws:PrincipalType": "AssumedRole" } : {}),
            ...(p.kind === "service" ? { "aws:PrincipalIsAWSService": "true", "aws:PrincipalServiceName": p.service } : { "aws:PrincipalIsAWSService": "false" }),
            ...Object.fromEntries(Object.entries(request.context ?? {}).map(([k, v]) => [carryKey(k), v])),
        };
        const simulation: Simulation = {
            request: {
                principal: p.kind === "anonymous" ? anonymousPrincipal : p.kind === "service" ? p.service : principalArn!,
                action: request.action,
                resource: { resource: request.resource, accountId: accountOf(request.resource) ?? this.account },
                contextVariables: context,
            },
            identityPolicies: p.kind === "external" ? [{ name: "outsider-allows-everything", policy: ALLOW_ALL }] : identity.map((n) => ({ name: n.name, policy: n.policy })),
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            ...(resourcePolicy ? { resourcePolicy: resourcePolicy.policy } : {}),
            ...(boundary.length > 0 ? { permissionBoundaryPolicies: boundary.map((n) => ({ name: n.name, policy: n.policy })) } : {}),
        };
        const response = await runSimulation(simulation, {});
        this.simulations++;
        this.milliseconds += performance.now() - started;
        const unmodelled: string[] = p.kind === "role" ? this.awsManaged.get(p.roleArn) ?? [] : [];
        if (response.resultType === "error") {
            return { result: "ImplicitlyDenied", deciding: [], unmodelled, error: response.errors.message + " " + JSON.stringify(response.errors).slice(0, 400), summary: `simulation error: ${response.errors.message}` };
        }
        const analysis = response.resultType === "single" ? response.result.analysis : response.results[0]?.analysis;
        const result: AccessResult = response.overallResult;
        const deciding: DecidingStatement[] = [];
        const describe = (type: DecidingStatement["policyType"], policies: readonly NamedPolicy[], statements: readonly { policyId?: string; statement: { index(): number } }[] | undefined, effect: "Allow" | "Deny"): void => {
            for (const s of statements ?? []) {
                const policy: NamedPolicy | undefined = type === "resource" ? policies[0] : policies.find((n) => n.name === s.policyId);
                const origin = policy?.origins[s.statement.index() - 1];
                if (origin) {
                    deciding.push({ policyType: type, document: origin.doc.id, label: origin.doc.label, statement: statementLabel(origin.doc.document!.Statement[origin.index], origin.index), effect });
                }
            }
        };
        const rp: NamedPolicy[] = resourcePolicy ? [resourcePolicy] : [];
        if (result === "ExplicitlyDenied") {
            describe("identity", identity, analysis?.identityAnalysis?.denyStatements, "Deny");
            describe("resource", rp, analysis?.resourceAnalysis?.denyStatements, "Deny");
            describe("boundary", boundary, analysis?.permissionBoundaryAnalysis?.denyStatements, "Deny");
        } else {
            describe("identity", identity, analysis?.identityAnalysis?.allowStatements, "Allow");
            describe("resource", rp, analysis?.resourceAnalysis?.allowStatements, "Allow");
            describe("boundary", boundary, analysis?.permissionBoundaryAnalysis?.allowStatements, "Allow");
        }
        const where: string = deciding.length > 0
            ? deciding.map((d: DecidingStatement) => `${d.effect} ${d.statement} of ${d.document} (${d.label})`).join("; ")
            : result === "ImplicitlyDenied"
                ? `no statement allows it (identity: ${identity.length > 0 ? identity.map((n) => n.name).join(", ") : "none"}; resource policy: ${resourcePolicy?.name ?? "none"}${unmodelled.length > 0 ? `; AWS-managed, not evaluated: ${unmodelled.join(", ")}` : ""})`
                : "";
        return { result, deciding, unmodelled, summary: `${result}: ${where}` };
    }
}

/** Describes a principal for messages. */
export function principalLabel(p: RequestPrincipal): string {
    switch (p.kind) {
        case "role": return p.roleArn.replace(/^arn:aws:iam::\d{12}:role\//, "role ");
        case "service": return p.service;
        case "anonymous": return "anonymous caller";
        case "external": return `outsider ${p.arn}`;
    }
}

export type { PolicyAttachment };

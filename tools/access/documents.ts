import type { RecordedResource } from "../offline/mockEngine";

/**
 * Every IAM policy document a recorded stack run writes, with its kind and owner: the input the
 * offline access verification validates (validate.ts) and simulates (simulate.ts).
 *
 * Extraction is generic: every input property (at any depth) whose value parses as an IAM document
 * (a Statement list) is extracted. DOCUMENT_LOCATIONS classifies each (type, property) into a kind
 * and names its owner; a document at a location it does not list is still extracted, as kind
 * "unclassified", and tests/access/documents.test.ts fails on it, so a new kind is never missed.
 */

export type DocumentKind =
    /** Who may assume a role (aws:iam/role:Role assumeRolePolicy). */
    | "trust"
    /** Identity policy of a role: inline, RolePolicy, or a customer managed policy attached to it. */
    | "identity"
    /** Customer managed policy (aws:iam/policy:Policy); applies to the roles it is attached to. */
    | "managed"
    /** Resource policy of a bucket, queue, topic, repository, file system, event bus, function, ... */
    | "resource"
    /** KMS key policy. */
    | "key"
    /** The account-wide CloudWatch Logs resource policy (vended logs, Route 53 query logs...). */
    | "logs-account"
    /** A document at a location DOCUMENT_LOCATIONS does not know (a test fails on it). */
    | "unclassified";

export interface PolicyStatement {
    Sid?: string;
    Effect?: string;
    Principal?: unknown;
    NotPrincipal?: unknown;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: string | string[];
    NotResource?: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
    Version?: string;
    Id?: string;
    Statement: PolicyStatement[];
}

export interface ExtractedDocument {
    /** `${urn}#${property}`: unique per stack. */
    readonly id: string;
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Property path of the document, e.g. policy, assumeRolePolicy, inlinePolicies[0].policy. */
    readonly property: string;
    readonly kind: DocumentKind;
    /** Human label, e.g. "queue policy". */
    readonly label: string;
    /** ARN of the resource the document protects (resource and key policies), when known. */
    readonly resourceArn?: string;
    /** ARN of the role the document belongs to (trust, identity). */
    readonly roleArn?: string;
    /** ARN of the customer managed policy (kind managed). */
    readonly policyArn?: string;
    /** The document; undefined when it is not known (preview) or a secret. */
    readonly document?: PolicyDocument;
    /** True when the value was unknown or secret: skipped and counted, never passed silently. */
    readonly unknown: boolean;
    /** Synthesised from a non-document resource (aws:lambda/permission:Permission). */
    readonly synthesised?: boolean;
}

/** A policy attached to a role by ARN (aws:iam/rolePolicyAttachment or managedPolicyArns). */
export interface PolicyAttachment {
    readonly urn: string;
    readonly roleArn?: string;
    readonly policyArn: string;
    /** arn:aws:iam::aws:policy/...: AWS-managed; its content is not in the program (not simulated). */
    readonly awsManaged: boolean;
}

export interface RoleInfo {
    readonly urn: string;
    readonly name: string;
    readonly arn: string;
    readonly boundaryArn?: string;
}

export interface StackDocuments {
    readonly documents: readonly ExtractedDocument[];
    readonly attachments: readonly PolicyAttachment[];
    readonly roles: readonly RoleInfo[];
    /** Documents skipped because their value was unknown or secret. */
    readonly unknownCount: number;
}

/** The mock engine's unknown sentinel and the SDK's marker; a document containing either is unknown. */
const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SECRET_PLACEHOLDER = "[secret]";

type Located = { kind: DocumentKind; label: string };

/**
 * Where documents live: resource type -> property path (array indices as []) -> kind.
 * Paths follow @pulumi/aws v7 input names.
 */
export const DOCUMENT_LOCATIONS: Readonly<Record<string, Readonly<Record<string, Located>>>> = {
    "aws:iam/role:Role": {
        assumeRolePolicy: { kind: "trust", label: "role trust policy" },
        "inlinePolicies[].policy": { kind: "identity", label: "role inline policy" },
    },
    "aws:iam/rolePolicy:RolePolicy": { policy: { kind: "identity", label: "role policy" } },
    "aws:iam/policy:Policy": { policy: { kind: "managed", label: "managed policy" } },
    "aws:s3/bucketPolicy:BucketPolicy": { policy: { kind: "resource", label: "bucket policy" } },
    "aws:s3/bucket:Bucket": { policy: { kind: "resource", label: "bucket policy" } },
    "aws:sqs/queuePolicy:QueuePolicy": { policy: { kind: "resource", label: "queue policy" } },
    "aws:sqs/queue:Queue": { policy: { kind: "resource", label: "queue policy" } },
    "aws:sns/topicPolicy:TopicPolicy": { policy: { kind: "resource", label: "topic policy" } },
    "aws:sns/topic:Topic": { policy: { kind: "resource", label: "topic policy" } },
    "aws:kms/key:Key": { policy: { kind: "key", label: "key policy" } },
    "aws:kms/keyPolicy:KeyPolicy": { policy: { kind: "key", label: "key policy" } },
    "aws:ecr/repositoryPolicy:RepositoryPolicy": { policy: { kind: "resource", label: "repository policy" } },
    "aws:ecr/registryPolicy:RegistryPolicy": { policy: { kind: "resource", label: "registry policy" } },
    "aws:ec2/vpcEndpoint:VpcEndpoint": { policy: { kind: "resource", label: "VPC endpoint policy" } },
    "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy": { policy: { kind: "resource", label: "VPC endpoint policy" } },
    "aws:secretsmanager/secret:Secret": { policy: { kind: "resource", label: "secret policy" } },
    "aws:secretsmanager/secretPolicy:SecretPolicy": { policy: { kind: "resource", label: "secret policy" } },
    "aws:cloudwatch/eventBusPolicy:EventBusPolicy": { policy: { kind: "resource", label: "event bus policy" } },
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": { policyDocument: { kind: "logs-account", label: "CloudWatch Logs resource policy" } },
    "aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy": { accessPolicy: { kind: "resource", label: "log destination policy" } },
    "aws:backup/vaultPolicy:VaultPolicy": { policy: { kind: "resource", label: "backup vault policy" } },
    "aws:efs/fileSystemPolicy:FileSystemPolicy": { policy: { kind: "resource", label: "file system policy" } },
    "aws:opensearch/domainPolicy:DomainPolicy": { accessPolicies: { kind: "resource", label: "OpenSearch domain policy" } },
    "aws:opensearch/domain:Domain": { accessPolicies: { kind: "resource", label: "OpenSearch domain policy" } },
    "aws:glacier/vault:Vault": { accessPolicy: { kind: "resource", label: "Glacier vault policy" } },
    "aws:lambda/permission:Permission": { "(synthesised)": { kind: "resource", label: "function policy statement" } },
};

/** Parses a string-or-object IAM document; "unknown" when it holds an unknown or secret; undefined when it is not a document. */
export function parseDocument(value: unknown): PolicyDocument | "unknown" | undefined {
    if (value === UNKNOWN_SENTINEL || value === SECRET_PLACEHOLDER) {
        return "unknown";
    }
    if (value !== null && typeof value === "object" && "__pulumiUnknown" in value) {
        return "unknown";
    }
    let parsed: unknown = value;
    if (typeof value === "string") {
        const trimmed: string = value.trim();
        if (!trimmed.startsWith("{") || !trimmed.includes("Statement")) {
            return undefined;
        }
        if (trimmed.includes(UNKNOWN_SENTINEL)) {
            return "unknown";
        }
        try {
            parsed = JSON.parse(trimmed);
        } catch {
            return undefined;
        }
    } else if (JSON.stringify(value ?? null).includes(UNKNOWN_SENTINEL)) {
        return value !== null && typeof value === "object" && "Statement" in value ? "unknown" : undefined;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        return undefined;
    }
    const statement: unknown = (parsed as { Statement?: unknown }).Statement;
    if (statement === undefined || statement === null || typeof statement !== "object") {
        return undefined;
    }
    return { ...(parsed as PolicyDocument), Statement: Array.isArray(statement) ? (statement as PolicyStatement[]) : [statement] };
}

/** Every (property path, value) under a resource's inputs that parses as an IAM document (or an unknown where one may be). */
export function documentProperties(inputs: Record<string, unknown>): { property: string; value: PolicyDocument | "unknown" }[] {
    const found: { property: string; value: PolicyDocument | "unknown" }[] = [];
    const walk = (value: unknown, path: string, key: string): void => {
        const parsed: PolicyDocument | "unknown" | undefined = parseDocument(value);
        // An unknown counts as a document only where documents are written (a *policy* property).
        if (parsed !== undefined && (parsed !== "unknown" || /polic/i.test(key))) {
            found.push({ property: path, value: parsed });
            return;
        }
        if (Array.isArray(value)) {
            value.forEach((item: unknown, i: number) => walk(item, `${path}[${i}]`, key));
        } else if (value !== null && typeof value === "object") {
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
                walk(v, path ? `${path}.${k}` : k, k);
            }
        }
    };
    for (const [key, value] of Object.entries(inputs)) {
        walk(value, key, key);
    }
    return found;
}

function text(value: unknown): string | undefined {
    return typeof value === "string" && value.length > 0 && value !== UNKNOWN_SENTINEL ? value : undefined;
}

/** ARN lookups over the run: names, ids and URLs as the program passes them between resources. */
class Lookup {
    private readonly arnByKey = new Map<string, string>();

    constructor(resources: readonly RecordedResource[]) {
        for (const r of resources) {
            const arn: string | undefined = text(r.outputs.arn);
            if (!arn) {
                continue;
            }
            for (const key of [r.outputs.id, r.outputs.name, r.outputs.url, r.inputs.name, r.outputs.bucket, r.outputs.keyId]) {
                const k: string | undefined = text(key);
                if (k) {
                    this.arnByKey.set(`${r.type}|${k}`, arn);
                }
            }
        }
    }

    arn(type: string, key: unknown): string | undefined {
        const k: string | undefined = text(key);
        if (!k) {
            return undefined;
        }
        return k.startsWith("arn:") ? k : this.arnByKey.get(`${type}|${k}`);
    }
}

/** The resource a resource-policy document protects, and the role an identity or trust document belongs to. */
function ownerOf(r: RecordedResource, lookup: Lookup): { resourceArn?: string; roleArn?: string; policyArn?: string } {
    const i: Record<string, unknown> = r.inputs;
    const own: string | undefined = text(r.outputs.arn);
    switch (r.type) {
        case "aws:iam/role:Role": return { roleArn: own };
        case "aws:iam/rolePolicy:RolePolicy": return { roleArn: lookup.arn("aws:iam/role:Role", i.role) };
        case "aws:iam/policy:Policy": return { policyArn: own };
        case "aws:s3/bucketPolicy:BucketPolicy": return { resourceArn: lookup.arn("aws:s3/bucket:Bucket", i.bucket) };
        case "aws:sqs/queuePolicy:QueuePolicy": return { resourceArn: lookup.arn("aws:sqs/queue:Queue", i.queueUrl) };
        case "aws:sns/topicPolicy:TopicPolicy": return { resourceArn: text(i.arn) };
        case "aws:kms/keyPolicy:KeyPolicy": return { resourceArn: lookup.arn("aws:kms/key:Key", i.keyId) };
        case "aws:ecr/repositoryPolicy:RepositoryPolicy": return { resourceArn: lookup.arn("aws:ecr/repository:Repository", i.repository) };
        case "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy": return { resourceArn: lookup.arn("aws:ec2/vpcEndpoint:VpcEndpoint", i.vpcEndpointId) };
        case "aws:secretsmanager/secretPolicy:SecretPolicy": return { resourceArn: lookup.arn("aws:secretsmanager/secret:Secret", i.secretArn) };
        case "aws:cloudwatch/eventBusPolicy:EventBusPolicy": return { resourceArn: lookup.arn("aws:cloudwatch/eventBus:EventBus", i.eventBusName ?? "default") };
        case "aws:efs/fileSystemPolicy:FileSystemPolicy": return { resourceArn: lookup.arn("aws:efs/fileSystem:FileSystem", i.fileSystemId) };
        case "aws:backup/vaultPolicy:VaultPolicy": return { resourceArn: lookup.arn("aws:backup/vault:Vault", i.backupVaultName) };
        case "aws:opensearch/domainPolicy:DomainPolicy": return { resourceArn: lookup.arn("aws:opensearch/domain:Domain", i.domainName) };
        case "aws:lambda/permission:Permission": return { resourceArn: lookup.arn("aws:lambda/function:Function", i.function) };
        default: return { resourceArn: own };
    }
}

/**
 * aws:lambda/permission:Permission as the statement Lambda adds to the function's resource policy
 * (AddPermission: Principal, Action, Resource the function, SourceArn/SourceAccount/PrincipalOrgID
 * conditions; Lambda Developer Guide, "Working with resource-based IAM policies in Lambda").
 */
export function permissionStatement(r: RecordedResource, functionArn: string | undefined): PolicyDocument | "unknown" {
    const i: Record<string, unknown> = r.inputs;
    const values: unknown[] = [i.action, i.principal, i.sourceArn, i.sourceAccount, i.function];
    if (values.some((v: unknown) => v === UNKNOWN_SENTINEL || (v !== null && typeof v === "object"))) {
        return "unknown";
    }
    const principal: string = str(i.principal);
    const condition: Record<string, Record<string, string>> = {};
    if (text(i.sourceArn)) {
        condition.ArnLike = { "aws:SourceArn": String(i.sourceArn) };
    }
    if (text(i.sourceAccount)) {
        condition.StringEquals = { ...condition.StringEquals, "aws:SourceAccount": String(i.sourceAccount) };
    }
    if (text(i.principalOrgId)) {
        condition.StringEquals = { ...condition.StringEquals, "aws:PrincipalOrgID": String(i.principalOrgId) };
    }
    if (text(i.functionUrlAuthType)) {
        condition.StringEquals = { ...condition.StringEquals, "lambda:FunctionUrlAuthType": String(i.functionUrlAuthType) };
    }
    const statement: PolicyStatement = {
        Sid: text(i.statementId) ?? r.name,
        Effect: "Allow",
        Principal: principal === "*" ? "*" : principal.endsWith(".amazonaws.com") ? { Service: principal } : { AWS: /^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal },
        Action: String(i.action),
        Resource: functionArn ?? String(i.function),
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
    return { Version: "2012-10-17", Statement: [statement] };
}

/** Replaces array indices with [] so inlinePolicies[3].policy finds inlinePolicies[].policy. */
function locationKey(property: string): string {
    return property.replace(/\[\d+\]/g, "[]");
}

/** Every policy document of a recorded run. */
export function extractDocuments(resources: readonly RecordedResource[]): StackDocuments {
    const lookup = new Lookup(resources);
    const documents: ExtractedDocument[] = [];
    const attachments: PolicyAttachment[] = [];
    const roles: RoleInfo[] = [];
    let unknownCount = 0;
    const add = (r: RecordedResource, property: string, located: Located, value: PolicyDocument | "unknown", synthesised = false): void => {
        const owner = ownerOf(r, lookup);
        const unknown: boolean = value === "unknown";
        if (unknown) {
            unknownCount++;
        }
        documents.push({
            id: `${r.urn}#${property}`, urn: r.urn, type: r.type, name: r.name, property, kind: located.kind, label: located.label,
            ...owner, document: unknown ? undefined : value as PolicyDocument, unknown, ...(synthesised ? { synthesised } : {}),
        });
    };
    for (const r of resources) {
        if (r.type === "aws:iam/role:Role") {
            const arn: string | undefined = text(r.outputs.arn);
            if (arn) {
                roles.push({ urn: r.urn, name: str(r.outputs.name, r.name), arn, boundaryArn: text(r.inputs.permissionsBoundary) });
            }
            for (const policyArn of Array.isArray(r.inputs.managedPolicyArns) ? r.inputs.managedPolicyArns : []) {
                if (text(policyArn)) {
                    attachments.push({ urn: r.urn, roleArn: arn, policyArn: String(policyArn), awsManaged: String(policyArn).includes(":iam::aws:policy/") });
                }
            }
        }
        if (r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && text(r.inputs.policyArn)) {
            const policyArn = String(r.inputs.policyArn);
            attachments.push({ urn: r.urn, roleArn: lookup.arn("aws:iam/role:Role", r.inputs.role), policyArn, awsManaged: policyArn.includes(":iam::aws:policy/") });
        }
        if (r.type === "aws:lambda/permission:Permission") {
            const functionArn: string | undefined = lookup.arn("aws:lambda/function:Function", r.inputs.function);
            add(r, "(synthesised)", DOCUMENT_LOCATIONS[r.type]["(synthesised)"], permissionStatement(r, functionArn), true);
            continue;
        }
        const locations: Readonly<Record<string, Located>> = DOCUMENT_LOCATIONS[r.type] ?? {};
        for (const { property, value } of documentProperties(r.inputs)) {
            const known: Located | undefined = locations[locationKey(property)];
            if (!known && value === "unknown") {
                continue; // an unknown *policy* value where no document lives (policyArn, policyName...)
            }
            add(r, property, known ?? { kind: "unclassified", label: `${r.type} ${locationKey(property)}` }, value);
        }
    }
    return { documents, attachments, roles, unknownCount };
}

/** Statement label for messages: Sid when it has one, else its index. */
export function statementLabel(statement: PolicyStatement, index: number): string {
    return statement.Sid ? `Statement[${index}] (${statement.Sid})` : `Statement[${index}]`;
}

export function asList(value: string | string[] | undefined): string[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A recorded value as text: strings and numbers as they are, anything else (objects, unknowns) as the fallback. */
export function str(value: unknown, fallback = ""): string {
    return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : fallback;
}

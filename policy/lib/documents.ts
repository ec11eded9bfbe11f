import { toArray } from "./props";

/**
 * IAM and resource-policy documents, normalised. Documents arrive as a JSON string or an object;
 * Action/Resource/Principal may be a scalar or an array; Principal may be "*" or a map.
 */
export interface NormalisedStatement {
    readonly sid?: string;
    readonly effect: "Allow" | "Deny";
    readonly actions: string[];
    readonly notActions: string[];
    readonly resources: string[];
    readonly notResources: string[];
    /** Principal map with array values; Principal "*" becomes { AWS: ["*"] }. Empty for identity policies. */
    readonly principals: Record<string, string[]>;
    readonly hasNotPrincipal: boolean;
    /** Condition block as written: operator -> key -> values (values normalised to arrays). */
    readonly conditions: Record<string, Record<string, string[]>>;
}

export interface ParsedDocument {
    readonly statements: NormalisedStatement[];
}

/** Returns undefined when the value is not a parseable document (e.g. malformed JSON). */
export function parsePolicyDocument(value: unknown): ParsedDocument | undefined {
    let document: unknown = value;
    if (typeof value === "string") {
        try {
            document = JSON.parse(value);
        } catch {
            return undefined;
        }
    }
    if (document === null || typeof document !== "object") {
        return undefined;
    }
    const statements: unknown[] = toArray((document as { Statement?: unknown }).Statement);
    return { statements: statements.filter(isObject).map(normaliseStatement) };
}

function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function strings(value: unknown): string[] {
    return toArray(value as string | string[]).filter((v: unknown): v is string => typeof v === "string");
}

function normalisePrincipal(value: unknown): Record<string, string[]> {
    if (value === undefined) {
        return {};
    }
    if (typeof value === "string") {
        return { AWS: [value] };
    }
    if (!isObject(value)) {
        return {};
    }
    return Object.fromEntries(Object.entries(value).map(([kind, ids]) => [kind, strings(ids)]));
}

function normaliseConditions(value: unknown): Record<string, Record<string, string[]>> {
    if (!isObject(value)) {
        return {};
    }
    const result: Record<string, Record<string, string[]>> = {};
    for (const [operator, block] of Object.entries(value)) {
        if (isObject(block)) {
            result[operator] = Object.fromEntries(Object.entries(block).map(([key, values]) => [key, toArray(values).map(String)]));
        }
    }
    return result;
}

function normaliseStatement(statement: Record<string, unknown>): NormalisedStatement {
    return {
        sid: typeof statement.Sid === "string" ? statement.Sid : undefined,
        effect: statement.Effect === "Deny" ? "Deny" : "Allow",
        actions: strings(statement.Action),
        notActions: strings(statement.NotAction),
        resources: strings(statement.Resource),
        notResources: strings(statement.NotResource),
        principals: normalisePrincipal(statement.Principal),
        hasNotPrincipal: statement.NotPrincipal !== undefined,
        conditions: normaliseConditions(statement.Condition),
    };
}

/** True when a principal map grants to everyone ("*", {AWS: "*"} or a wildcard service/federated principal). */
export function isPublicPrincipal(principals: Record<string, string[]>): boolean {
    return Object.values(principals).some((ids: string[]) => ids.includes("*"));
}

/** Condition keys present in a statement, lower-cased (IAM condition keys are case-insensitive). */
export function conditionKeys(statement: NormalisedStatement): Set<string> {
    const keys = new Set<string>();
    for (const block of Object.values(statement.conditions)) {
        for (const key of Object.keys(block)) {
            keys.add(key.toLowerCase());
        }
    }
    return keys;
}

/** Does an action pattern (with * and ? wildcards) match a concrete action? Case-insensitive, as IAM is. */
export function actionMatches(pattern: string, action: string): boolean {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    return regex.test(action);
}

/** True when any of the statement's actions grants the given concrete action. */
export function grantsAction(statement: NormalisedStatement, action: string): boolean {
    return statement.actions.some((pattern: string) => actionMatches(pattern, action));
}

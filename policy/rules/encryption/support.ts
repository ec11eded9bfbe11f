import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { isCustomerManagedKey, isTrue } from "../../lib/props";
import { ABSENT, Props, ResourceRuleContext } from "../../lib/rule";

/**
 * Unknown-safe reading for rules (shared by the encryption, IAM and tagging pillars).
 *
 * During preview the engine's proxy throws UnknownValueError when a rule *reads* an unknown value,
 * which turns a mandatory policy into an advisory "can't run" diagnostic. These helpers catch that
 * and return UNKNOWN instead, so rules can pass quietly on values that are merely not known yet
 * (e.g. a kmsKeyId pointing at a key created in the same stack) and still fire on absent ones.
 */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

/** Value at a dotted path ("a.b.0.c"), undefined when absent, UNKNOWN when not known during preview. */
export function read(root: unknown, path: string): unknown {
    try {
        let current: unknown = root;
        for (const segment of path.split(".")) {
            if (current === null || current === undefined || typeof current !== "object") {
                return undefined;
            }
            current = (current as Record<string, unknown>)[segment];
        }
        return current;
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return UNKNOWN;
        }
        throw error;
    }
}

/** The elements at a path as an array (scalar -> [scalar], absent -> []); unknown elements become UNKNOWN. */
export function list(root: unknown, path: string): unknown[] | Unknown {
    const value: unknown = read(root, path);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return [];
    }
    if (!Array.isArray(value)) {
        return [value];
    }
    const result: unknown[] = [];
    const length: number = value.length;
    for (let i = 0; i < length; i++) {
        result.push(read(value, String(i)));
    }
    return result;
}

/** Key present with a value that is unknown or non-empty (for secrets that are usually outputs). */
export function isSet(props: Props, path: string): boolean {
    const value: unknown = read(props, path);
    return value === UNKNOWN || (value !== undefined && value !== null && value !== "");
}

/** A plain copy of a string map (tags), or UNKNOWN if the map itself is unknown; unknown values stay UNKNOWN. */
export function stringMap(value: unknown): Record<string, unknown> | Unknown | undefined {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value)) {
        return undefined;
    }
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
        result[key] = read(value, key);
    }
    return result;
}

export const CMK_EXPECTED = "a customer-managed KMS key ARN (not an alias/aws/* AWS-managed key)";

/** Report unless the value at path is a customer-managed key (unknown passes; absent fails). */
export function requireCmk(props: Props, ctx: ResourceRuleContext<object>, path: string, fix?: string, expected: string = CMK_EXPECTED): void {
    const value: unknown = read(props, path);
    if (value === UNKNOWN) {
        return;
    }
    if (value === undefined || value === null || value === "") {
        ctx.report({ property: path, value: ABSENT, expected, fix });
    } else if (!isCustomerManagedKey(value)) {
        ctx.report({ property: path, value, expected, fix });
    }
}

/** Report unless the value at path is true or "true" (unknown passes; absent fails). */
export function requireTrue(props: Props, ctx: ResourceRuleContext<object>, path: string, fix?: string, expected = "true"): void {
    const value: unknown = read(props, path);
    if (value === UNKNOWN || isTrue(value)) {
        return;
    }
    ctx.report({ property: path, value: value ?? ABSENT, expected, fix });
}

/** Known, non-empty string values of a resource's properties, for joins. */
export function knownStrings(resource: PolicyResource, keys: readonly string[]): string[] {
    return keys.map((key: string) => read(resource.props, key)).filter((v: unknown): v is string => typeof v === "string" && v.length > 0);
}

/** "name" = matched only by the logical-name convention (weakest evidence). */
export type Link = "yes" | "name" | "no" | "unknown";

/**
 * Does `child` (e.g. a bucket policy) refer to `target` (e.g. a bucket)? Joins on the child's
 * reference property against the target's ids from outputs; when ids are unknown (first preview)
 * falls back to property dependencies, dependencies, parent, and finally the logical-name
 * convention "<target>-..." used by the platform's components.
 */
export function linkOf(child: PolicyResource, childKey: string, target: PolicyResource, targetKeys: readonly string[]): Link {
    const reference: unknown = read(child.props, childKey);
    if (typeof reference === "string" && reference.length > 0) {
        const ids: string[] = knownStrings(target, targetKeys);
        if (ids.some((id: string) => id === reference || (id.startsWith("arn:") && reference.endsWith(`:${id}`)))) {
            return "yes";
        }
    }
    const propertyDependencies: PolicyResource[] = (child.propertyDependencies?.[childKey] ?? []) as PolicyResource[];
    if (propertyDependencies.some((d: PolicyResource) => d.urn === target.urn)
        || (child.dependencies ?? []).some((d: PolicyResource) => d.urn === target.urn)
        || child.parent?.urn === target.urn) {
        return "yes";
    }
    if (typeof reference === "string" && reference.length > 0) {
        return "no";
    }
    if (child.name === target.name || child.name.startsWith(`${target.name}-`)) {
        return "name";
    }
    return "unknown";
}

/** Partition a stack's children by which target they attach to; children whose target cannot be resolved are returned apart. */
export function joinChildren(
    targets: readonly PolicyResource[],
    children: readonly PolicyResource[],
    childKey: string,
    targetKeys: readonly string[],
): { byTarget: Map<PolicyResource, PolicyResource[]>; unresolved: PolicyResource[] } {
    const byTarget = new Map<PolicyResource, PolicyResource[]>(targets.map((t: PolicyResource) => [t, []]));
    const unresolved: PolicyResource[] = [];
    for (const child of children) {
        const links: Link[] = targets.map((t: PolicyResource) => linkOf(child, childKey, t, targetKeys));
        let matches: PolicyResource[] = targets.filter((_t: PolicyResource, i: number) => links[i] === "yes");
        if (matches.length === 0) {
            // Name convention only: the longest matching target name wins ("logs-archive-sse" -> "logs-archive", not "logs").
            const byName: PolicyResource[] = targets.filter((_t: PolicyResource, i: number) => links[i] === "name")
                .sort((a: PolicyResource, b: PolicyResource) => b.name.length - a.name.length);
            matches = byName.slice(0, 1);
        }
        if (matches.length === 0) {
            const reference: unknown = read(child.props, childKey);
            if (typeof reference !== "string" || reference.length === 0) {
                unresolved.push(child);
            }
        }
        for (const match of matches) {
            byTarget.get(match)!.push(child);
        }
    }
    return { byTarget, unresolved };
}

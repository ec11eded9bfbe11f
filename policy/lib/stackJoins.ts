import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { UNKNOWN, read } from "./values";

export { UNKNOWN };

/**
 * Unknown-tolerant reads and cross-resource joins for stack policies.
 *
 * Stack policies see outputs. On the first preview most ids/ARNs are unknown, so a sub-resource's
 * `bucket` / `vpcId` / `resourceArn` cannot be compared with its parent's id. joinedTo() compares
 * the reference with whatever identifier of the parent is known (id, arn, name, bucket, URN,
 * logical name) and, when the reference is unknown, falls back on the engine's dependency graph:
 * propertyDependencies[refKey], then dependencies, then the component parent.
 */

/** Reads obj[key]; returns UNKNOWN instead of throwing when the engine does not know the value yet. */
export function peek(obj: unknown, key: string | number): unknown {
    if (obj === null || obj === undefined || typeof obj !== "object") {
        return undefined;
    }
    try {
        return (obj as Record<string | number, unknown>)[key];
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return UNKNOWN;
        }
        throw error;
    }
}

/** Reads a dotted path ("vpcConfig.endpointPublicAccess"); UNKNOWN as soon as a segment is unknown. */
export const peekPath: (obj: unknown, path: string) => unknown = read;

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** Array elements, each peeked; an unknown/absent array yields UNKNOWN / []. */
export function peekArray(value: unknown): unknown[] | typeof UNKNOWN {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return [];
    }
    if (!Array.isArray(value)) {
        return [value];
    }
    let length: number;
    try {
        length = value.length;
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return UNKNOWN;
        }
        throw error;
    }
    const result: unknown[] = [];
    for (let i = 0; i < length; i++) {
        result.push(peek(value, i));
    }
    return result;
}

/** Known string values of a scalar-or-array property (unknown elements dropped). */
export function knownStrings(value: unknown): string[] {
    const items = peekArray(value);
    return items === UNKNOWN ? [] : items.filter((v: unknown): v is string => typeof v === "string");
}

/** True when the value, or any element of it, is unknown. */
export function containsUnknown(value: unknown): boolean {
    const items = peekArray(value);
    return items === UNKNOWN || items.some((v: unknown) => v === UNKNOWN);
}

export function ofType(resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] {
    return resources.filter((r: PolicyResource) => types.includes(r.type));
}

/** Identifiers of a parent that a child's reference may carry. */
export const DEFAULT_PARENT_KEYS: readonly string[] = ["id", "arn", "name", "bucket"];

function dependsOn(child: PolicyResource, refKey: string, parent: PolicyResource): boolean {
    const byProperty: PolicyResource[] | undefined = child.propertyDependencies?.[refKey];
    if (byProperty && byProperty.length > 0) {
        return byProperty.some((d: PolicyResource) => d.urn === parent.urn);
    }
    if ((child.dependencies ?? []).some((d: PolicyResource) => d.urn === parent.urn)) {
        return true;
    }
    return child.parent?.urn === parent.urn;
}

/**
 * Does child[refKey] (a scalar or a list of references) point at parent? Known references are
 * compared with the parent's known identifiers; unknown references fall back on dependencies.
 */
export function joinedTo(child: PolicyResource, refKey: string, parent: PolicyResource, parentKeys: readonly string[] = DEFAULT_PARENT_KEYS): boolean {
    const raw: unknown = peek(child.props, refKey);
    const refs: string[] = knownStrings(raw);
    const parentIds: string[] = parentKeys
        .map((key: string) => peek(parent.props, key))
        .filter((v: unknown): v is string => typeof v === "string" && v.length > 0);
    if (refs.some((ref: string) => ref === parent.urn || parentIds.includes(ref))) {
        return true;
    }
    const unresolved: boolean = raw === undefined || containsUnknown(raw) || parentIds.length === 0;
    return unresolved && dependsOn(child, refKey, parent);
}

/** Children of some types, indexed by the known values of one reference property. */
interface ChildIndex {
    readonly children: readonly PolicyResource[];
    readonly byRef: ReadonlyMap<string, readonly PolicyResource[]>;
    /** Children whose reference is absent or (partly) unknown: only the dependency graph can join them. */
    readonly unresolved: ReadonlySet<PolicyResource>;
}

// Built once per stack evaluation (keyed by the resource list), so joins stay linear in stack size.
const childIndexes = new WeakMap<readonly PolicyResource[], Map<string, ChildIndex>>();

function childIndex(resources: readonly PolicyResource[], childTypes: readonly string[], refKey: string): ChildIndex {
    let perList: Map<string, ChildIndex> | undefined = childIndexes.get(resources);
    if (!perList) {
        perList = new Map();
        childIndexes.set(resources, perList);
    }
    const cacheKey = `${childTypes.join(",")}|${refKey}`;
    const cached: ChildIndex | undefined = perList.get(cacheKey);
    if (cached) {
        return cached;
    }
    const children: PolicyResource[] = ofType(resources, childTypes);
    const byRef = new Map<string, PolicyResource[]>();
    const unresolved = new Set<PolicyResource>();
    for (const child of children) {
        const raw: unknown = peek(child.props, refKey);
        for (const ref of knownStrings(raw)) {
            byRef.set(ref, [...(byRef.get(ref) ?? []), child]);
        }
        if (raw === undefined || containsUnknown(raw)) {
            unresolved.add(child);
        }
    }
    const index: ChildIndex = { children, byRef, unresolved };
    perList.set(cacheKey, index);
    return index;
}

/** Resources of childTypes whose refKey points at parent (same semantics as joinedTo, without a full scan per parent). */
export function childrenOf(
    resources: readonly PolicyResource[],
    parent: PolicyResource,
    childTypes: readonly string[],
    refKey: string,
    parentKeys: readonly string[] = DEFAULT_PARENT_KEYS,
): PolicyResource[] {
    const index: ChildIndex = childIndex(resources, childTypes, refKey);
    const parentIds: string[] = parentKeys
        .map((key: string) => peek(parent.props, key))
        .filter((v: unknown): v is string => typeof v === "string" && v.length > 0);
    const matched = new Set<PolicyResource>();
    for (const id of [parent.urn, ...parentIds]) {
        for (const child of index.byRef.get(id) ?? []) {
            matched.add(child);
        }
    }
    // A parent with no known identifier can only be joined through the dependency graph.
    const viaDependencies: Iterable<PolicyResource> = parentIds.length === 0 ? index.children : index.unresolved;
    for (const child of viaDependencies) {
        if (!matched.has(child) && dependsOn(child, refKey, parent)) {
            matched.add(child);
        }
    }
    return index.children.filter((child: PolicyResource) => matched.has(child));
}

export const BUCKET_TYPES: readonly string[] = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
export const VPC_TYPES: readonly string[] = ["aws:ec2/vpc:Vpc"];

/** Sub-resources (BucketPublicAccessBlock, BucketVersioning[V2], ...) that configure this bucket. */
export function bucketSubResources(resources: readonly PolicyResource[], bucket: PolicyResource, types: readonly string[]): PolicyResource[] {
    return childrenOf(resources, bucket, types, "bucket", ["bucket", "id", "arn"]);
}

const compiledPatterns = new Map<string, RegExp | null>();

function compile(pattern: string): RegExp | null {
    let regex: RegExp | null | undefined = compiledPatterns.get(pattern);
    if (regex === undefined) {
        try {
            regex = new RegExp(pattern, "i");
        } catch {
            regex = null;
        }
        compiledPatterns.set(pattern, regex);
    }
    return regex;
}

/** Regex list match (invalid patterns are ignored rather than crashing the pack). */
export function matchesAny(patterns: readonly string[], ...values: unknown[]): boolean {
    return patterns.some((pattern: string) => {
        const regex: RegExp | null = compile(pattern);
        return regex !== null && values.some((v: unknown) => typeof v === "string" && regex.test(v));
    });
}

/**
 * Typed, unknown-tolerant read: arg<aws.eks.ClusterArgs>(props, "vpcConfig") fails to compile when
 * the property name is not in the v7 Args (use with `import type * as aws from "@pulumi/aws"`).
 */
export function arg<A>(props: unknown, key: keyof A & string): unknown {
    return peek(props, key);
}

/** Plain value behind the engine's unknown-checking proxy (unknowns become sentinel strings). */
export function unwrap(value: unknown): unknown {
    if (value !== null && typeof value === "object") {
        try {
            if ((value as Record<string, unknown>).__isSpecialProxy === true) {
                return (value as Record<string, unknown>).__getSpecialProxyTarget;
            }
        } catch {
            return value;
        }
    }
    return value;
}

/** A number, or UNKNOWN / undefined. */
export function num(value: unknown): number | undefined | typeof UNKNOWN {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null || value === "") {
        return undefined;
    }
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}

/*
 * Joins with a naming-convention fallback (used by the encryption/IAM stack policies): link
 * strength per child, so a child that can only be matched by name never overrides an id match.
 */

/** Known, non-empty string values of a resource's properties, for joins. */
export function knownIdentifiers(resource: PolicyResource, keys: readonly string[]): string[] {
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
        const ids: string[] = knownIdentifiers(target, targetKeys);
        if (ids.some((id: string) => id === reference || (id.startsWith("arn:") && reference.endsWith(`:${id}`)))) {
            return "yes";
        }
    }
    // The engine sends which resources each input property depends on: exact when present, so the
    // coarse resource-level dependencies (which may name several buckets) are only the fallback.
    const propertyDependencies: PolicyResource[] = child.propertyDependencies?.[childKey] ?? [];
    if (propertyDependencies.length > 0) {
        if (propertyDependencies.some((d: PolicyResource) => d.urn === target.urn)) {
            return "yes";
        }
    } else if ((child.dependencies ?? []).some((d: PolicyResource) => d.urn === target.urn) || child.parent?.urn === target.urn) {
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

import { FakeCloudContext, fakeOutputs } from "../offline/fakeCloud";
import type { PreviewResource, PreviewResult } from "../preview/preview";
import { internetIngress, publicPrincipals } from "./exposure";
import { AffectedResource, CHANGE_KINDS, ChangeKind, CostDelta, Danger, DangerKind, PropertyChange, ReplacementReason, ResourceChange } from "./model";
import { CreateOnlyMapping, ReplacementEntry, replacementEntry } from "./replacementData";

/** What the comparison finds, before acknowledgements are applied. */
export interface Comparison {
    readonly project: string;
    readonly stack: string;
    readonly counts: Record<ChangeKind, number>;
    readonly changes: ResourceChange[];
    readonly affected: AffectedResource[];
    readonly dangers: Danger[];
    readonly cost: { readonly byComponent: CostDelta[]; readonly baseTotalUsd: number; readonly headTotalUsd: number; readonly deltaUsd: number };
}

/** Two previews that cannot be compared (different stacks or projects): exit 2. */
export class IncomparablePreviewsError extends Error {}

/**
 * The preview's placeholder for a secret value (tools/offline/mockEngine.ts SECRET_PLACEHOLDER; a
 * test keeps them equal). Not imported: that module loads the Pulumi SDK, which the review never needs.
 */
export const SECRET_PLACEHOLDER = "[secret]";

interface Pair {
    readonly base: PreviewResource;
    readonly head: PreviewResource;
}

/**
 * Compares two offline previews of one stack resource by resource. A head resource is matched to the
 * base by URN, else by one of its aliases (a safe rename); what is left is created or deleted.
 */
export function comparePreviews(base: PreviewResult, head: PreviewResult, baseLabel = "base", headLabel = "head"): Comparison {
    if (base.stack !== head.stack || base.project !== head.project) {
        throw new IncomparablePreviewsError(`${baseLabel} previews ${base.project}/${base.stack} but ${headLabel} previews ${head.project}/${head.stack}: compare previews of the same stack`);
    }
    const baseByUrn = new Map<string, PreviewResource>(base.resources.map((r: PreviewResource) => [r.urn, r]));
    const headUrns = new Set<string>(head.resources.map((r: PreviewResource) => r.urn));
    const pairs: Pair[] = [];
    const created: PreviewResource[] = [];
    const matchedBase = new Set<string>();
    for (const resource of head.resources) {
        const same: PreviewResource | undefined = baseByUrn.get(resource.urn);
        if (same) {
            pairs.push({ base: same, head: resource });
            matchedBase.add(same.urn);
            continue;
        }
        // An alias that names a base resource no head resource still has: the engine moves it.
        const alias: string | undefined = (resource.aliases ?? []).find((urn: string) => baseByUrn.has(urn) && !headUrns.has(urn) && !matchedBase.has(urn));
        if (alias) {
            pairs.push({ base: baseByUrn.get(alias)!, head: resource });
            matchedBase.add(alias);
        } else {
            created.push(resource);
        }
    }
    const deleted: PreviewResource[] = base.resources.filter((r: PreviewResource) => !matchedBase.has(r.urn));

    // A renamed resource keeps its cloud identity; offline its fake ids derive from the URN and so
    // change with it. Rewrite the base's copies of those ids so the rename itself shows no diff.
    const ctx: FakeIds = { region: typeof head.config?.["aws:region"] === "string" ? head.config["aws:region"] : "us-east-1", stack: head.stack, project: head.project };
    const renames: Map<string, string> = fakeIdRenames(pairs.filter((p: Pair) => p.base.urn !== p.head.urn), ctx);

    const changes: ResourceChange[] = [];
    const affected: AffectedResource[] = [];
    const dangers: Danger[] = [];
    const danger = (kind: DangerKind, resource: PreviewResource, message: string): void => {
        dangers.push({ kind, urn: resource.urn, type: resource.type, message });
    };

    for (const resource of created) {
        changes.push(change("created", resource, { notes: resource.aliases?.length ? ["its aliases name no resource of the base"] : [] }));
    }
    for (const resource of deleted) {
        changes.push(change("deleted", resource, { notes: renameHint(resource, created) }));
        const entry: ReplacementEntry | undefined = replacementEntry(resource.type);
        if (entry?.stateful) {
            danger("delete", resource, `deletes ${describe(resource)}: loses ${entry.why}${resource.protect ? " (it is protected: the engine refuses until protect is removed)" : ""}${renameHint(resource, created).map((h: string) => `; ${h}`).join("")}`);
        } else if (resource.protect) {
            danger("delete", resource, `deletes protected ${describe(resource)} (the engine refuses until protect is removed)`);
        }
    }

    const replacedUrns = new Set<string>();
    const pending: { pair: Pair; diff: PropertyChange[]; replacement: ReplacementReason[]; notes: string[] }[] = [];
    for (const pair of pairs) {
        const diff: PropertyChange[] = [
            ...optionChanges(pair),
            ...inputChanges(rewrite(pair.base.inputs, renames) as Record<string, unknown>, pair.head.inputs, new Set([...pair.base.secretInputs, ...pair.head.secretInputs])),
        ];
        const replacement: ReplacementReason[] = replacementReasons(pair, diff);
        if (replacement.length > 0) {
            replacedUrns.add(pair.head.urn);
        }
        pending.push({ pair, diff, replacement, notes: [] });
    }
    cascadeReplacements(pending, replacedUrns, ctx);

    for (const { pair, diff, replacement, notes } of pending) {
        const renamed: boolean = pair.base.urn !== pair.head.urn;
        const kind: ChangeKind = replacement.length > 0 ? "replaced" : renamed ? "renamed" : diff.length > 0 ? "updated" : "unchanged";
        const entry: ReplacementEntry | undefined = replacementEntry(pair.head.type);
        if (kind === "replaced") {
            const identity: CreateOnlyMapping | undefined = entry?.createOnly.find((m: CreateOnlyMapping) => m.identity && valueAt(pair.head.inputs, m.aws) !== undefined
                && !replacement.some((r: ReplacementReason) => r.property === m.aws));
            if (identity) {
                notes.push(`its physical name (${identity.aws}) stays the same: the new one cannot be created beside the old one, so the replacement deletes first (deleteBeforeReplace) or fails`);
            }
            if (entry?.stateful || pair.head.protect) {
                danger("replace", pair.head, `replaces ${describe(pair.head)} (${replacement.map((r: ReplacementReason) => r.property).join(", ")})${entry?.stateful ? `: loses ${entry.why} unless restored into the new one` : ""}${pair.head.protect ? "; it is protected: the engine refuses until protect is removed" : ""}`);
            }
        }
        if (kind !== "unchanged" && kind !== "replaced" && diff.some((c: PropertyChange) => !c.path.startsWith("("))) {
            if (!entry) {
                notes.push("replacement not known offline: no create-only data for this type");
            } else if (entry.createOnly.length === 0) {
                notes.push(`replacement not known offline: @pulumi/aws-native lists no create-only property for ${entry.cloudFormationType}`);
            }
        }
        protectionDangers(pair, danger);
        exposureDangers(pair.base, pair.head, danger);
        const upstream: string[] = upstreamNotes(pair.head, replacedUrns, created, pending);
        notes.push(...upstream);
        if (kind !== "unchanged") {
            changes.push(change(kind, pair.head, { baseUrn: renamed ? pair.base.urn : undefined, changes: diff, replacement, notes }));
        } else if (upstream.some((n: string) => n.includes("which is replaced"))) {
            // Unchanged offline, but it holds (or sits on) something that is replaced.
            affected.push({ urn: pair.head.urn, type: pair.head.type, name: pair.head.name, because: upstream.filter((n: string) => n.includes("which is replaced")) });
        }
    }
    for (const resource of created) {
        exposureDangers(undefined, resource, danger);
    }
    policyDangers(base, head, pairs, danger);

    const counts = Object.fromEntries(CHANGE_KINDS.map((k: ChangeKind) => [k, 0])) as Record<ChangeKind, number>;
    for (const c of changes) {
        counts[c.kind] += 1;
    }
    counts.unchanged = pending.length - changes.filter((c: ResourceChange) => c.kind !== "created" && c.kind !== "deleted").length;
    changes.sort((a: ResourceChange, b: ResourceChange) => order(a.urn, b.urn));
    dangers.sort((a: Danger, b: Danger) => order(a.kind, b.kind) || order(a.urn, b.urn) || order(a.message, b.message));
    affected.sort((a: AffectedResource, b: AffectedResource) => order(a.urn, b.urn));
    return { project: head.project, stack: head.stack, counts, changes, affected, dangers, cost: costDelta(base, head) };
}

function order(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function describe(resource: PreviewResource): string {
    return `${resource.type} ${resource.name}`;
}

function change(kind: ChangeKind, resource: PreviewResource, extra: Partial<ResourceChange>): ResourceChange {
    const entry: ReplacementEntry | undefined = replacementEntry(resource.type);
    return {
        kind,
        urn: resource.urn,
        ...(extra.baseUrn ? { baseUrn: extra.baseUrn } : {}),
        type: resource.type,
        name: resource.name,
        component: resource.component,
        changes: extra.changes ?? [],
        replacement: extra.replacement ?? [],
        replacementData: !entry ? "not-known-offline" : entry.createOnly.length === 0 ? "none-listed" : "known",
        notes: extra.notes ?? [],
    };
}

/**
 * A deletion next to a creation of the same type under the same parent is most likely a rename:
 * the created resource whose name shares the longest start with the deleted one's.
 */
function renameHint(deleted: PreviewResource, created: readonly PreviewResource[]): string[] {
    const shared = (a: string, b: string): number => {
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) {
            i++;
        }
        return i;
    };
    const twins: PreviewResource[] = created.filter((c: PreviewResource) => c.type === deleted.type && c.parent === deleted.parent)
        .sort((a: PreviewResource, b: PreviewResource) => shared(b.name, deleted.name) - shared(a.name, deleted.name));
    return twins.length > 0 ? [`if ${twins[0].name} is this resource renamed, give it aliases: [{ name: "${deleted.name}" }] to keep it`] : [];
}

/** The resource options the engine tracks besides inputs. */
function optionChanges(pair: Pair): PropertyChange[] {
    const result: PropertyChange[] = [];
    if (pair.base.protect !== pair.head.protect) {
        result.push({ path: "(option) protect", before: pair.base.protect, after: pair.head.protect });
    }
    if (pair.base.retainOnDelete !== pair.head.retainOnDelete) {
        result.push({ path: "(option) retainOnDelete", before: pair.base.retainOnDelete, after: pair.head.retainOnDelete });
    }
    if ((pair.base.parent ?? "") !== (pair.head.parent ?? "") && pair.base.urn === pair.head.urn) {
        result.push({ path: "(option) parent", before: pair.base.parent, after: pair.head.parent });
    }
    return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** A JSON document kept as a string (policies, definitions): compared as the document it holds. */
function jsonDocument(value: unknown): unknown {
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) {
        return undefined;
    }
    try {
        return JSON.parse(value);
    } catch {
        return undefined;
    }
}

/**
 * Changed inputs as dotted paths down to the values that differ. A property that is secret on
 * either side shows "[secret]" both ways; two secret placeholders are equal (opaque: a change inside
 * a secret is not visible offline).
 */
export function inputChanges(before: Record<string, unknown>, after: Record<string, unknown>, secrets: ReadonlySet<string>): PropertyChange[] {
    const result: PropertyChange[] = [];
    const walk = (a: unknown, b: unknown, path: string): void => {
        if (same(a, b)) {
            return;
        }
        if (isObject(a) && isObject(b)) {
            for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(order)) {
                walk(a[key], b[key], path ? `${path}.${key}` : key);
            }
            return;
        }
        if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.some(isObject)) {
            a.forEach((item: unknown, index: number) => walk(item, b[index], `${path}[${index}]`));
            return;
        }
        const docA: unknown = jsonDocument(a);
        const docB: unknown = jsonDocument(b);
        if (docA !== undefined && docB !== undefined) {
            walk(docA, docB, `${path}(json)`);
            return;
        }
        result.push({ path, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
    };
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(order)) {
        if (secrets.has(key) || before[key] === SECRET_PLACEHOLDER || after[key] === SECRET_PLACEHOLDER) {
            if (!same(before[key], after[key])) {
                result.push({ path: key, before: before[key] === undefined ? undefined : SECRET_PLACEHOLDER, after: after[key] === undefined ? undefined : SECRET_PLACEHOLDER, secret: true });
            }
            continue;
        }
        walk(before[key], after[key], key);
    }
    return result;
}

/** The value at a dotted input path (kubernetesNetworkConfig.ipFamily). */
function valueAt(inputs: Record<string, unknown>, path: string): unknown {
    let current: unknown = inputs;
    for (const part of path.split(".")) {
        current = isObject(current) ? current[part] : undefined;
    }
    return current;
}

function replacementReasons(pair: Pair, diff: readonly PropertyChange[]): ReplacementReason[] {
    const entry: ReplacementEntry | undefined = replacementEntry(pair.head.type);
    if (!entry || pair.base.type !== pair.head.type) {
        return [];
    }
    const changed = (path: string): boolean => diff.some((c: PropertyChange) => c.path === path || c.path.startsWith(`${path}.`) || c.path.startsWith(`${path}[`) || c.path.startsWith(`${path}(`));
    return entry.createOnly
        .filter((m: CreateOnlyMapping) => changed(m.aws))
        .map((m: CreateOnlyMapping) => ({
            property: m.aws,
            because: m.identity
                ? `physical name (${entry.cloudFormationType} ${m.native}): AWS cannot rename it`
                : `create-only in ${entry.cloudFormationType} (${m.native})`,
        }));
}

/** String leaves of a value, with their paths. */
function leaves(value: unknown, path = ""): Map<string, string> {
    const result = new Map<string, string>();
    const visit = (v: unknown, p: string): void => {
        if (typeof v === "string") {
            result.set(p, v);
        } else if (Array.isArray(v)) {
            v.forEach((item: unknown, i: number) => visit(item, `${p}[${i}]`));
        } else if (isObject(v)) {
            for (const [k, item] of Object.entries(v)) {
                visit(item, `${p}.${k}`);
            }
        }
    };
    visit(value, path);
    return result;
}

/** Where the fake ids come from: the region, and the stack and project of the mock URN. */
interface FakeIds extends FakeCloudContext {
    readonly stack: string;
    readonly project: string;
}

/**
 * The fake-cloud id and outputs a resource has offline. The mock engine seeds them with the URN the
 * SDK's mocks see, which has the type and name but not the parent chain (mockEngine.ts, mockUrn).
 */
function fakeIdentity(resource: PreviewResource, ctx: FakeIds): Map<string, string> {
    if (!resource.custom) {
        return new Map();
    }
    const mockUrn = `urn:pulumi:${ctx.stack}::${ctx.project}::${resource.type}::${resource.name}`;
    const fake = fakeOutputs(resource.type, resource.name, mockUrn, resource.inputs, ctx);
    return leaves({ id: fake.id, ...fake.outputs });
}

/** Old fake id -> new fake id for every renamed resource (ids shorter than 8 characters are too generic to rewrite). */
function fakeIdRenames(renamed: readonly Pair[], ctx: FakeIds): Map<string, string> {
    const result = new Map<string, string>();
    for (const { base, head } of renamed) {
        const before: Map<string, string> = fakeIdentity(base, ctx);
        const after: Map<string, string> = fakeIdentity({ ...base, urn: head.urn, name: head.name, type: head.type }, ctx);
        for (const [path, value] of before) {
            const next: string | undefined = after.get(path);
            if (next !== undefined && next !== value && value.length >= 8) {
                result.set(value, next);
            }
        }
    }
    return result;
}

function rewrite(value: unknown, renames: ReadonlyMap<string, string>): unknown {
    if (renames.size === 0) {
        return value;
    }
    if (typeof value === "string") {
        let result: string = value;
        for (const [from, to] of renames) {
            if (result.includes(from)) {
                result = result.split(from).join(to);
            }
        }
        return result;
    }
    if (Array.isArray(value)) {
        return value.map((v: unknown) => rewrite(v, renames));
    }
    if (isObject(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, renames)]));
    }
    return value;
}

/**
 * A replaced resource gets a new id (and ARN) unless its id is its unchanged physical name; a
 * create-only input elsewhere that holds it replaces that resource too. Offline the fake id stays
 * the same (it derives from the URN), so the cascade is found by where the old id appears.
 */
function cascadeReplacements(pending: { pair: Pair; replacement: ReplacementReason[] }[], replaced: Set<string>, ctx: FakeIds): void {
    const byUrn = new Map(pending.map((p) => [p.pair.head.urn, p]));
    let changed = true;
    while (changed) {
        changed = false;
        const ids: { urn: string; name: string; values: string[] }[] = [...replaced].map((urn: string) => {
            const head: PreviewResource = byUrn.get(urn)!.pair.head;
            const names = new Set<string>(Object.values(head.inputs).filter((v): v is string => typeof v === "string"));
            const values: string[] = [...fakeIdentity(head, ctx).values()].filter((v: string) => v.length >= 8 && !names.has(v) && !/^(true|false|\d+)$/.test(v));
            return { urn, name: head.name, values };
        });
        for (const item of pending) {
            const entry: ReplacementEntry | undefined = replacementEntry(item.pair.head.type);
            if (!entry || replaced.has(item.pair.head.urn)) {
                continue;
            }
            for (const mapping of entry.createOnly) {
                const text: string = JSON.stringify(valueAt(item.pair.head.inputs, mapping.aws) ?? "");
                const upstream = ids.find((u) => u.values.some((v: string) => text.includes(v)));
                if (upstream) {
                    item.replacement.push({ property: mapping.aws, because: `holds the id of ${upstream.name}, which is replaced (a new id)` });
                    replaced.add(item.pair.head.urn);
                    changed = true;
                    break;
                }
            }
        }
    }
}

/** Resources whose inputs may change with an upstream change that the offline ids do not show. */
function upstreamNotes(resource: PreviewResource, replaced: ReadonlySet<string>, created: readonly PreviewResource[], pending: readonly { pair: Pair }[]): string[] {
    const notes: string[] = [];
    const createdUrns = new Set<string>(created.map((c: PreviewResource) => c.urn));
    for (const dependency of resource.dependencies) {
        if (replaced.has(dependency) && dependency !== resource.urn) {
            const name: string = pending.find((p) => p.pair.head.urn === dependency)?.pair.head.name ?? dependency;
            notes.push(`depends on ${name}, which is replaced: inputs taken from its id or ARN change in the real preview (not visible offline)`);
        } else if (createdUrns.has(dependency)) {
            notes.push(`depends on ${created.find((c: PreviewResource) => c.urn === dependency)!.name}, which is created: values taken from it are new`);
        }
    }
    return notes;
}

/** Inputs that guard against deletion: which way protects. */
const PROTECTIVE_INPUTS: Readonly<Record<string, "true" | "false" | "larger">> = {
    deletionProtection: "true",
    deletionProtectionEnabled: "true",
    forceDestroy: "false",
    forceDelete: "false",
    skipFinalSnapshot: "false",
    deletionWindowInDays: "larger",
    recoveryWindowInDays: "larger",
};

function protectionDangers(pair: Pair, danger: (kind: DangerKind, resource: PreviewResource, message: string) => void): void {
    const { base, head } = pair;
    if (base.protect && !head.protect) {
        danger("unprotect", head, `removes protect from ${describe(head)}: the next change can delete it`);
    }
    if (base.retainOnDelete && !head.retainOnDelete) {
        danger("retain-removed", head, `removes retainOnDelete from ${describe(head)}: deleting it from the program deletes it in AWS`);
    }
    const before: Map<string, unknown> = flatten(base.inputs);
    const after: Map<string, unknown> = flatten(head.inputs);
    for (const [path, old] of before) {
        const key: string = path.split(".").pop()!.replace(/\[\d+\]$/, "");
        const rule = PROTECTIVE_INPUTS[key];
        const now: unknown = after.get(path);
        const weakened: boolean = rule === "true" ? old === true && now !== true
            : rule === "false" ? old !== true && now === true
                : rule === "larger" ? typeof old === "number" && typeof now === "number" && now < old : false;
        if (weakened) {
            danger("deletion-protection-removed", head, `${describe(head)}: ${path} ${JSON.stringify(old)} -> ${now === undefined ? "(unset)" : JSON.stringify(now)}`);
        }
    }
    for (const [path, now] of after) {
        const key: string = path.split(".").pop()!;
        if (PROTECTIVE_INPUTS[key] === "false" && now === true && !before.has(path)) {
            danger("deletion-protection-removed", head, `${describe(head)}: ${path} (unset) -> true`);
        }
    }
}

/** Scalar leaves by dotted path. */
function flatten(value: unknown, path = "", result = new Map<string, unknown>()): Map<string, unknown> {
    if (Array.isArray(value)) {
        value.forEach((v: unknown, i: number) => flatten(v, `${path}[${i}]`, result));
    } else if (isObject(value)) {
        for (const [k, v] of Object.entries(value)) {
            flatten(v, path ? `${path}.${k}` : k, result);
        }
    } else if (path) {
        result.set(path, value);
    }
    return result;
}

function exposureDangers(base: PreviewResource | undefined, head: PreviewResource, danger: (kind: DangerKind, resource: PreviewResource, message: string) => void): void {
    const oldIngress = new Set<string>(base ? internetIngress(base) : []);
    for (const rule of internetIngress(head)) {
        if (!oldIngress.has(rule)) {
            danger("internet-ingress", head, `${describe(head)}: new ${rule}`);
        }
    }
    const oldPrincipals = new Set<string>(base ? publicPrincipals(base).map((p) => p.text) : []);
    for (const principal of publicPrincipals(head)) {
        if (!oldPrincipals.has(principal.text) && !principal.conditioned) {
            danger("public-principal", head, `${describe(head)}: new ${principal.text}`);
        }
    }
}

/** Mandatory findings the head has and the base had not (matched through renames). */
function policyDangers(base: PreviewResult, head: PreviewResult, pairs: readonly Pair[], danger: (kind: DangerKind, resource: PreviewResource, message: string) => void): void {
    const baseUrnOf = new Map<string, string>(pairs.map((p: Pair) => [p.head.urn, p.base.urn]));
    const key = (policy: string, urn: string | undefined): string => `${policy}\u0000${urn ?? ""}`;
    const known = new Set<string>(base.policies.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => key(v.policy, v.urn)));
    const headByUrn = new Map<string, PreviewResource>(head.resources.map((r: PreviewResource) => [r.urn, r]));
    for (const violation of head.policies.violations) {
        if (violation.enforcementLevel !== "mandatory" || known.has(key(violation.policy, violation.urn ? baseUrnOf.get(violation.urn) ?? violation.urn : undefined))) {
            continue;
        }
        const resource: PreviewResource = (violation.urn ? headByUrn.get(violation.urn) : undefined)
            ?? { urn: violation.urn ?? `urn:pulumi:${head.stack}::${head.project}::pulumi:pulumi:Stack::${head.project}-${head.stack}`, type: "(stack)", name: "(stack)" } as PreviewResource;
        danger("policy-finding", resource, `new mandatory finding ${violation.policy}: ${violation.message.split("\n")[0]}`);
    }
}

function costDelta(base: PreviewResult, head: PreviewResult): Comparison["cost"] {
    const cents = (n: number): number => Math.round(n * 100) / 100;
    const components = new Set<string>([...base.cost.byComponent, ...head.cost.byComponent].map((c) => c.component));
    const of = (result: PreviewResult, component: string): number => result.cost.byComponent.find((c) => c.component === component)?.monthlyUsd ?? 0;
    const byComponent: CostDelta[] = [...components].sort(order)
        .map((component: string) => ({ component, baseUsd: of(base, component), headUsd: of(head, component), deltaUsd: cents(of(head, component) - of(base, component)) }))
        .filter((c: CostDelta) => c.deltaUsd !== 0);
    return { byComponent, baseTotalUsd: base.cost.totalMonthlyUsd, headTotalUsd: head.cost.totalMonthlyUsd, deltaUsd: cents(head.cost.totalMonthlyUsd - base.cost.totalMonthlyUsd) };
}

import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { FixtureOptions, PolicyRun, resource, runPolicy } from "../support/policyHarness";

/**
 * Table-driven policy tests (shared by the encryption, IAM and tagging suites), following the
 * compliance-policies pattern: metadata, a compliant baseline, one single-mutation fixture per
 * condition, unknown (preview) values, and exemptions.
 */
export type Patch = Record<string, unknown>;

/** Deep copy with `path` ("a.b.0.c") set to value; undefined deletes the key. */
export function withPath(source: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
    const copy: Record<string, unknown> = structuredCloneKeepingSymbols(source) as Record<string, unknown>;
    const segments: string[] = path.split(".");
    let cursor: Record<string, unknown> = copy;
    for (const segment of segments.slice(0, -1)) {
        if (cursor[segment] === undefined || cursor[segment] === null || typeof cursor[segment] !== "object") {
            cursor[segment] = /^\d+$/.test(segment) ? [] : {};
        }
        cursor = cursor[segment] as Record<string, unknown>;
    }
    const last: string = segments[segments.length - 1];
    if (value === undefined) {
        delete cursor[last];
    } else {
        cursor[last] = value;
    }
    return copy;
}

/** structuredClone drops nothing we use, but the preview sentinels must stay identical objects. */
function structuredCloneKeepingSymbols(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(structuredCloneKeepingSymbols);
    }
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneKeepingSymbols(v)]));
    }
    return value;
}

export function patched(base: Record<string, unknown>, patch: Patch): Record<string, unknown> {
    return Object.entries(patch).reduce((acc: Record<string, unknown>, [path, value]) => withPath(acc, path, value), base);
}

export interface ViolationCase {
    readonly name: string;
    readonly patch: Patch;
    /** Text the message must contain (normally the property path). */
    readonly property: string;
    readonly type?: string;
    readonly options?: FixtureOptions;
    readonly config?: Record<string, unknown>;
}

export interface PassCase {
    readonly name: string;
    readonly patch: Patch;
    readonly type?: string;
    readonly options?: FixtureOptions;
    readonly config?: Record<string, unknown>;
}

export interface ResourcePolicySpec {
    readonly policy: ResourceValidationPolicy;
    readonly id: string;
    readonly severity: "high" | "medium" | "low";
    /** Every token the policy lists (each gets a baseline run unless baselineTypes narrows it). */
    readonly type: string;
    readonly baselineTypes?: readonly string[];
    readonly baseline: Record<string, unknown>;
    readonly baselineOptions?: FixtureOptions;
    readonly violations: readonly ViolationCase[];
    /** Compliant values replaced by preview unknowns: no (mandatory) violation. */
    readonly unknowns: readonly PassCase[];
    /** Further compliant variants. */
    readonly compliant?: readonly PassCase[];
    readonly config?: Record<string, unknown>;
}

export async function run(policy: ResourceValidationPolicy | StackValidationPolicy, inputs: Record<string, unknown>, type: string, options?: FixtureOptions, config?: Record<string, unknown>): Promise<PolicyRun> {
    return runPolicy(policy, resource(type, inputs, options), config);
}

export function expectMetadata(policy: ResourceValidationPolicy | StackValidationPolicy, id: string, severity: string): void {
    expect(policy.name).toBe(id);
    expect(policy.severity).toBe(severity);
    expect(policy.enforcementLevel).toBe(severity === "high" ? "mandatory" : "advisory");
    expect(policy.description?.length ?? 0).toBeGreaterThan(20);
    expect(policy.remediationSteps?.length ?? 0).toBeGreaterThan(10);
}

export function expectFired(result: PolicyRun, id: string, property: string): void {
    expect(result.violations.length, `expected ${id} to fire`).toBeGreaterThan(0);
    expect(result.violations.every((v) => v.policy === id)).toBe(true);
    expect(result.messages.some((m) => m.includes(property)), `no message names ${property}: ${result.messages.join(" | ")}`).toBe(true);
    expect(result.messages.every((m) => m.includes("expected") && m.includes("Fix:"))).toBe(true);
}

export function expectClean(result: PolicyRun): void {
    expect(result.messages).toEqual([]);
}

/**
 * Unknown values: never a mandatory violation, and the pack's rules read unknowns through
 * read()/list() so they pass quietly (not even the advisory "can't run policy during preview").
 */
export function expectNoMandatory(result: PolicyRun): void {
    expect(result.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    expect(result.messages).toEqual([]);
}

export function describeResourcePolicy(spec: ResourcePolicySpec): void {
    describe(spec.id, () => {
        it("metadata: name, severity, default enforcement", () => {
            expectMetadata(spec.policy, spec.id, spec.severity);
        });
        for (const type of spec.baselineTypes ?? [spec.type]) {
            it(`#1 compliant baseline passes (${type})`, async () => {
                expectClean(await run(spec.policy, spec.baseline, type, spec.baselineOptions, spec.config));
            });
        }
        for (const c of spec.compliant ?? []) {
            it(`compliant: ${c.name}`, async () => {
                expectClean(await run(spec.policy, patched(spec.baseline, c.patch), c.type ?? spec.type, c.options ?? spec.baselineOptions, c.config ?? spec.config));
            });
        }
        for (const c of spec.violations) {
            it(`violation: ${c.name}`, async () => {
                const result = await run(spec.policy, patched(spec.baseline, c.patch), c.type ?? spec.type, c.options ?? spec.baselineOptions, c.config ?? spec.config);
                expectFired(result, spec.id, c.property);
            });
        }
        for (const c of spec.unknowns) {
            it(`unknown during preview: ${c.name}`, async () => {
                expectNoMandatory(await run(spec.policy, patched(spec.baseline, c.patch), c.type ?? spec.type, c.options ?? spec.baselineOptions, c.config ?? spec.config));
            });
        }
        if (spec.violations.length > 0) {
            it("exemption with a reason makes the resource not applicable", async () => {
                const c = spec.violations[0];
                const result = await run(spec.policy, patched(spec.baseline, c.patch), c.type ?? spec.type, c.options ?? spec.baselineOptions,
                    { ...(c.config ?? spec.config ?? {}), exemptions: [{ namePattern: ".*", reason: "legacy resource, ticket SEC-1" }] });
                expect(result.violations).toEqual([]);
                expect(result.notApplicable.map((n) => n.reason)).toContain("exempt: legacy resource, ticket SEC-1");
            });
        }
    });
}

/**
 * Table-driven tests shared by the network, logging and resilience suites: one compliant baseline per
 * policy, one single-mutation fixture per condition, unknown-value fixtures and metadata checks.
 */
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { AnalyzedResource } from "../../../policy/lib/evaluate";
import { PolicyRun, resource, runPolicy } from "../support/policyHarness";

type Policy = ResourceValidationPolicy | StackValidationPolicy;
type Inputs = Record<string, unknown>;

export interface Mutation {
    readonly name: string;
    /** Mutates a deep copy of the baseline inputs. */
    readonly mutate: (props: Inputs) => void;
    /** Property path the violation message must name. */
    readonly property: string;
    readonly type?: string;
}

export interface UnknownCase {
    readonly name: string;
    readonly mutate: (props: Inputs) => void;
    readonly type?: string;
}

export interface ResourceCases {
    readonly policy: ResourceValidationPolicy;
    readonly severity: "high" | "medium" | "low";
    /** Tokens the baseline must pass for (first one is used for mutations unless a mutation says otherwise). */
    readonly types: readonly string[];
    readonly baseline: Inputs;
    readonly violations: readonly Mutation[];
    /** Compliant values replaced by unknowns: no mandatory violation. */
    readonly unknowns: readonly UnknownCase[];
    /** Other compliant variants (no violation at all). */
    readonly compliant?: readonly UnknownCase[];
    readonly config?: Record<string, unknown>;
}

export function clone<T>(value: T): T {
    return structuredClone(value);
}

export function mutated(baseline: Inputs, mutate: (props: Inputs) => void): Inputs {
    const copy = clone(baseline);
    mutate(copy);
    return copy;
}

export function expectMetadata(policy: Policy, id: string, severity: string): void {
    expect(policy.name).toBe(id);
    expect(policy.severity).toBe(severity);
    expect(policy.enforcementLevel).toBe(severity === "high" ? "mandatory" : "advisory");
    expect(policy.description?.length ?? 0).toBeGreaterThan(10);
}

export function expectFired(run: PolicyRun, policy: Policy, property: string): void {
    expect(run.violations.length, `expected ${policy.name} to fire`).toBeGreaterThan(0);
    expect(run.violations.every((v) => v.policy === policy.name)).toBe(true);
    expect(run.messages.some((m) => m.includes(property)), `no message names ${property}: ${run.messages.join(" | ")}`).toBe(true);
}

export function expectClean(run: PolicyRun): void {
    expect(run.messages).toEqual([]);
}

export function expectNoMandatory(run: PolicyRun): void {
    expect(run.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.message)).toEqual([]);
}

export function describeResourcePolicy(cases: ResourceCases): void {
    const { policy } = cases;
    const primary = cases.types[0];
    describe(policy.name, () => {
        it("has catalogue metadata", () => {
            expectMetadata(policy, policy.name, cases.severity);
        });

        for (const type of cases.types) {
            it(`passes the compliant baseline (${type})`, async () => {
                expectClean(await runPolicy(policy, resource(type, clone(cases.baseline)), cases.config));
            });
        }

        for (const variant of cases.compliant ?? []) {
            it(`passes compliant variant: ${variant.name}`, async () => {
                expectClean(await runPolicy(policy, resource(variant.type ?? primary, mutated(cases.baseline, variant.mutate)), cases.config));
            });
        }

        for (const mutation of cases.violations) {
            it(`fires: ${mutation.name}`, async () => {
                const run = await runPolicy(policy, resource(mutation.type ?? primary, mutated(cases.baseline, mutation.mutate)), cases.config);
                expectFired(run, policy, mutation.property);
            });
        }

        for (const unknown of cases.unknowns) {
            it(`tolerates unknown: ${unknown.name}`, async () => {
                expectNoMandatory(await runPolicy(policy, resource(unknown.type ?? primary, mutated(cases.baseline, unknown.mutate)), cases.config));
            });
        }

        it("is notApplicable for an exempt resource (with reason)", async () => {
            const bad = cases.violations[0];
            const fixture: AnalyzedResource = resource(bad.type ?? primary, mutated(cases.baseline, bad.mutate), { name: "legacy-thing" });
            const run = await runPolicy(policy, fixture, { ...cases.config, exemptions: [{ namePattern: "^legacy-", reason: "migrating in PLAT-123" }] });
            expect(run.violations).toEqual([]);
            expect(run.notApplicable[0]?.reason).toContain("PLAT-123");
        });

        it("is notApplicable for other types", async () => {
            const run = await runPolicy(policy, resource("aws:sns/topicSubscription:TopicSubscription", {}));
            expect(run.violations).toEqual([]);
        });
    });
}

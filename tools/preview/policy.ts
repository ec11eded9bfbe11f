import type { EnforcementLevel, Policies, PolicyPackConfig } from "@pulumi/policy";
import { RecordedResource } from "../offline/mockEngine";
import { StackConfigurationError } from "../offline/stackConfig";
import { AnalyzedResource, NotApplicableFinding, PolicyFinding, evaluatePolicies } from "../../policy/lib/evaluate";
import { compare } from "./cost";
import { isUnknownValue } from "./unknown";

/** What the preview reports about the policy pack. */
export interface PolicyReport {
    readonly resourcePolicies: number;
    readonly stackPolicies: number;
    readonly resourceEvaluations: number;
    readonly stackEvaluations: number;
    /** Sorted: mandatory first, then by policy, resource and message. */
    readonly violations: PolicyFinding[];
    readonly countsByLevel: Record<string, number>;
    /** Explicit not-applicable findings (exemptions with their reasons). */
    readonly notApplicable: NotApplicableFinding[];
}

const LEVELS: readonly EnforcementLevel[] = ["mandatory", "remediate", "advisory", "disabled"];
const LEVEL_ORDER: Record<string, number> = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 };

/**
 * Validates a policy-pack config file in Pulumi's format (`pulumi preview --policy-config`):
 * `{ "<policy>": "<level>" | { "enforcementLevel"?: "<level>", ...properties }, "all"?: ... }`.
 */
export function loadPackConfig(raw: Record<string, unknown>): PolicyPackConfig {
    for (const [name, value] of Object.entries(raw)) {
        const level: unknown = typeof value === "string" ? value : (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>).enforcementLevel : null);
        if (level === null || (level !== undefined && !LEVELS.includes(level as EnforcementLevel))) {
            throw new StackConfigurationError(`policy config "${name}": expected an enforcement level (${LEVELS.join(", ")}) or an object with optional enforcementLevel and properties`);
        }
    }
    return raw as PolicyPackConfig;
}


/** Unknown values (dry run) become @pulumi/policy's unknown marker, which its proxy turns into UnknownValueError. */
function engineValue(value: unknown, unknown: unknown): unknown {
    if (isUnknownValue(value)) {
        return unknown;
    }
    if (Array.isArray(value)) {
        return value.map((v: unknown) => engineValue(v, unknown));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, engineValue(v, unknown)]));
    }
    return value;
}

/**
 * Provider inputs travel JSON-encoded; the engine hands analyzers the provider's checked inputs, in
 * which object-valued settings (defaultTags, ignoreTags, ...) are objects again.
 */
function providerProps(provider: RecordedResource): Record<string, unknown> {
    const props: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(provider.inputs)) {
        if (typeof value === "string" && /^\s*[[{]/.test(value)) {
            try {
                props[key] = JSON.parse(value);
                continue;
            } catch {
                // a plain string that happens to start with a bracket
            }
        }
        props[key] = value;
    }
    return props;
}

/** RecordedResource -> what the engine hands an analyzer. */
export function toAnalyzedResources(resources: readonly RecordedResource[], byUrn: ReadonlyMap<string, RecordedResource>, unknown: unknown): AnalyzedResource[] {
    return resources.map((r: RecordedResource) => {
        const provider: RecordedResource | undefined = r.provider ? byUrn.get(r.provider) : undefined;
        return {
            urn: r.urn,
            type: r.type,
            name: r.name,
            inputs: engineValue(r.inputs, unknown) as Record<string, unknown>,
            outputs: engineValue(r.outputs, unknown) as Record<string, unknown>,
            parent: r.parent,
            protect: r.protect,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            provider: provider ? { type: provider.type, urn: provider.urn, name: provider.name, props: providerProps(provider) } : undefined,
        };
    });
}

export async function evaluatePack(policies: Policies, resources: readonly RecordedResource[], byUrn: ReadonlyMap<string, RecordedResource>, packConfig: PolicyPackConfig): Promise<PolicyReport> {
    if (!Array.isArray(policies)) {
        throw new Error("the policies module does not export a list of policies");
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { unknownStringValue } = require("@pulumi/policy/proxy") as { unknownStringValue: unknown };
    const evaluation = await evaluatePolicies(policies, toAnalyzedResources(resources, byUrn, unknownStringValue), packConfig, new Map());
    const violations: PolicyFinding[] = [...evaluation.violations].sort((a: PolicyFinding, b: PolicyFinding) =>
        LEVEL_ORDER[a.enforcementLevel] - LEVEL_ORDER[b.enforcementLevel] || compare(a.policy, b.policy) || compare(a.urn ?? "", b.urn ?? "") || compare(a.message, b.message));
    const countsByLevel: Record<string, number> = {};
    for (const v of violations) {
        countsByLevel[v.enforcementLevel] = (countsByLevel[v.enforcementLevel] ?? 0) + 1;
    }
    const stackPolicies: number = policies.filter((p) => "validateStack" in p).length;
    return {
        resourcePolicies: policies.length - stackPolicies,
        stackPolicies,
        resourceEvaluations: evaluation.resourceEvaluations,
        stackEvaluations: evaluation.stackEvaluations,
        violations: violations.map((v: PolicyFinding) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as unknown as PolicyFinding),
        countsByLevel,
        notApplicable: [...evaluation.notApplicable].sort((a, b) => compare(a.policy, b.policy) || compare(a.urn ?? "", b.urn ?? "") || compare(a.reason, b.reason)),
    };
}

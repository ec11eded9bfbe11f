import { Policies, PolicyPackConfig, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { AnalyzedResource, PolicyEvaluation, evaluatePolicies } from "../../../policy/lib/evaluate";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as { unknownStringValue: unknown; unknownObjectValue: unknown; unknownArrayValue: unknown; unknownBooleanValue: unknown };

/** A value the engine does not know yet (preview): reading it throws UnknownValueError. */
export const UNKNOWN_STRING: unknown = proxy.unknownStringValue;
export const UNKNOWN_OBJECT: unknown = proxy.unknownObjectValue;
export const UNKNOWN_ARRAY: unknown = proxy.unknownArrayValue;
export const UNKNOWN_BOOLEAN: unknown = proxy.unknownBooleanValue;

export interface FixtureOptions {
    readonly name?: string;
    /** Outputs for stack policies; defaults to the inputs. */
    readonly outputs?: Record<string, unknown>;
    readonly provider?: AnalyzedResource["provider"];
    readonly parent?: string;
    readonly dependencies?: string[];
}

/** One resource as the engine would hand it over. */
export function resource(type: string, inputs: Record<string, unknown>, options: FixtureOptions = {}): AnalyzedResource {
    const name: string = options.name ?? type.split(":").pop()!.toLowerCase();
    return {
        urn: `urn:pulumi:test::fixture::${type}::${name}`,
        type,
        name,
        inputs,
        outputs: options.outputs ?? inputs,
        provider: options.provider,
        parent: options.parent,
        dependencies: options.dependencies,
    };
}

export interface PolicyRun extends PolicyEvaluation {
    /** Messages of every violation, in order. */
    readonly messages: string[];
}

/** Runs exactly one policy (resource or stack) against the given resources. */
export async function runPolicy(
    policy: ResourceValidationPolicy | StackValidationPolicy,
    resources: AnalyzedResource | AnalyzedResource[],
    config?: Record<string, unknown>,
): Promise<PolicyRun> {
    const packConfig: PolicyPackConfig = config ? { [policy.name]: config } : {};
    const evaluation: PolicyEvaluation = await evaluatePolicies([policy] as Policies, Array.isArray(resources) ? resources : [resources], packConfig);
    return { ...evaluation, messages: evaluation.violations.map((v) => v.message) };
}

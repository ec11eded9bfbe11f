import {
    EnforcementLevel,
    Policies,
    PolicyPackConfig,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
    UnknownValueError,
    unknownCheckingProxy,
} from "@pulumi/policy";

/**
 * Runs a policy list over resources the way the Pulumi analyzer host does (resource policies on
 * checked inputs, stack policies on outputs, enforcement levels from pack config, config defaults
 * from each policy's schema, not-applicable and preview-unknown handling), without starting the
 * gRPC server that `new PolicyPack()` starts. Used by the tests, the offline preview and the benchmark.
 */
export interface AnalyzedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Checked inputs (what validateResource sees), including tagsAll where the provider merges it. */
    readonly inputs: Record<string, unknown>;
    /** Outputs (what validateStack sees). */
    readonly outputs: Record<string, unknown>;
    readonly parent?: string;
    readonly protect?: boolean;
    readonly dependencies?: readonly string[];
    /** Input property -> URNs it depends on, as the engine sends them with AnalyzeStack. */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    readonly provider?: { readonly type: string; readonly urn: string; readonly name: string; readonly props: Record<string, unknown> };
}

export interface PolicyFinding {
    readonly policy: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity?: string;
    readonly urn?: string;
    readonly message: string;
}

export interface NotApplicableFinding {
    readonly policy: string;
    readonly urn?: string;
    readonly reason: string;
}

export interface PolicyEvaluation {
    readonly violations: PolicyFinding[];
    /** Exemptions and other explicit not-applicable reasons (type mismatches are not listed). */
    readonly notApplicable: NotApplicableFinding[];
    /** Resource-policy x resource pairs whose validation function actually ran. */
    readonly resourceEvaluations: number;
    readonly stackEvaluations: number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyModule = require("@pulumi/policy/proxy") as Record<string, unknown>;
/** The engine's markers for values unknown during preview (string sentinels in @pulumi/policy). */
const UNKNOWN_MARKERS: ReadonlySet<unknown> = new Set([
    "unknownBooleanValue", "unknownNumberValue", "unknownStringValue", "unknownArrayValue",
    "unknownAssetValue", "unknownArchiveValue", "unknownObjectValue",
].map((name: string) => proxyModule[name]));

function containsUnknownMarker(value: unknown): boolean {
    if (typeof value === "string") {
        return UNKNOWN_MARKERS.has(value);
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknownMarker);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(containsUnknownMarker);
    }
    return false;
}

/**
 * Props as the analyzer host hands them: wrapped in the unknown-checking proxy. Without unknowns
 * the proxy can never throw, so fully known props are passed as they are (same results, much faster).
 */
// @pulumi/policy's index.d.ts re-exports unknownCheckingProxy, but proxy.d.ts never declares it.
const checkingProxy = unknownCheckingProxy as (values: Record<string, unknown>) => Record<string, unknown>;

function engineProps(values: Record<string, unknown>): Record<string, unknown> {
    return containsUnknownMarker(values) ? checkingProxy(values) : values;
}

/** Not an Error on purpose: thrown for every not-applicable evaluation, so no stack trace is captured. */
class NotApplicableSignal {
    constructor(public readonly reason: string) {}
}

function isResourcePolicy(policy: ResourceValidationPolicy | StackValidationPolicy): policy is ResourceValidationPolicy {
    return "validateResource" in policy;
}

/** Policy's own config, then the pack-wide "all" entry (Pulumi's policy-config format), then the policy default. */
export function enforcementLevelOf(policy: { name: string; enforcementLevel?: EnforcementLevel }, packConfig: PolicyPackConfig): EnforcementLevel {
    const levelIn = (entry: PolicyPackConfig[string] | undefined): EnforcementLevel | undefined =>
        typeof entry === "string" ? entry : entry?.enforcementLevel;
    return levelIn(packConfig[policy.name]) ?? levelIn(packConfig.all) ?? policy.enforcementLevel ?? "advisory";
}

function configOf(policy: ResourceValidationPolicy | StackValidationPolicy, packConfig: PolicyPackConfig): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (schema.default !== undefined) {
            defaults[key] = schema.default;
        }
    }
    const configured = packConfig[policy.name];
    if (configured === undefined || typeof configured === "string") {
        return defaults;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { enforcementLevel, ...properties } = configured;
    return { ...defaults, ...properties };
}

/** Type token a policy applies to, read from its not-applicable message; undefined = may apply to any type. */
function applicableTypes(policy: ResourceValidationPolicy): ReadonlySet<string> | undefined {
    const probe = policy as { __types?: ReadonlySet<string> };
    return probe.__types;
}

export async function evaluatePolicies(
    policies: Policies,
    resources: readonly AnalyzedResource[],
    packConfig: PolicyPackConfig = {},
    stackTags: ReadonlyMap<string, string> = new Map(),
): Promise<PolicyEvaluation> {
    const violations: PolicyFinding[] = [];
    const notApplicable: NotApplicableFinding[] = [];
    let resourceEvaluations = 0;
    let stackEvaluations = 0;

    const active = policies.filter((p) => enforcementLevelOf(p, packConfig) !== "disabled");
    const resourcePolicies: ResourceValidationPolicy[] = active.filter(isResourcePolicy);
    const stackPolicies: StackValidationPolicy[] = active.filter((p): p is StackValidationPolicy => !isResourcePolicy(p));

    // Index resource policies by type so each resource only meets the policies that can apply to it.
    const byType = new Map<string, ResourceValidationPolicy[]>();
    const anyType: ResourceValidationPolicy[] = [];
    for (const policy of resourcePolicies) {
        const types = applicableTypes(policy);
        if (!types) {
            anyType.push(policy);
            continue;
        }
        for (const type of types) {
            byType.set(type, [...(byType.get(type) ?? []), policy]);
        }
    }
    const configs = new Map(active.map((p) => [p.name, configOf(p, packConfig)]));
    const notApplicableFn = (reason?: string): never => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- see NotApplicableSignal
        throw new NotApplicableSignal(reason ?? "");
    };

    for (const resource of resources) {
        const candidates: ResourceValidationPolicy[] = [...(byType.get(resource.type) ?? []), ...anyType];
        if (candidates.length === 0) {
            continue;
        }
        let current: ResourceValidationPolicy = candidates[0];
        let level: EnforcementLevel = "advisory";
        // One argument object per resource; only the policy-specific parts change between policies.
        const args: ResourceValidationArgs = {
            type: resource.type,
            props: engineProps(resource.inputs),
            urn: resource.urn,
            name: resource.name,
            opts: { protect: resource.protect ?? false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [], parent: resource.parent },
            provider: resource.provider,
            stackTags,
            isType: (resourceClass: object) => isTypeOf(resource.type, resourceClass),
            asType: ((resourceClass: object) => (isTypeOf(resource.type, resourceClass) ? args.props : undefined)) as ResourceValidationArgs["asType"],
            getConfig: <T extends object>() => configs.get(current.name) as T,
            notApplicable: notApplicableFn,
        };
        const report = (message: string, urn?: string): void => {
            violations.push({ policy: current.name, enforcementLevel: level === "remediate" ? "mandatory" : level, severity: current.severity, urn: urn ?? resource.urn, message });
        };
        for (const policy of candidates) {
            current = policy;
            level = enforcementLevelOf(policy, packConfig);
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
            for (const validate of validations) {
                resourceEvaluations++;
                try {
                    // Most validations are synchronous; awaiting only real promises saves a microtask per call.
                    const pending: void | Promise<void> = validate(args, report);
                    if (pending instanceof Promise) {
                        await pending;
                    }
                } catch (error) {
                    if (error instanceof NotApplicableSignal) {
                        if (!error.reason.startsWith("applies only to")) {
                            notApplicable.push({ policy: policy.name, urn: resource.urn, reason: error.reason });
                        }
                    } else if (error instanceof UnknownValueError) {
                        violations.push({ policy: policy.name, enforcementLevel: "advisory", severity: policy.severity, urn: resource.urn, message: `can't run policy '${policy.name}' during preview: ${(error as Error).message}` });
                    } else {
                        throw error;
                    }
                }
            }
        }
    }

    const policyResources: PolicyResource[] = stackPolicies.length > 0 ? toPolicyResources(resources) : [];
    for (const policy of stackPolicies) {
        const level: EnforcementLevel = enforcementLevelOf(policy, packConfig);
        stackEvaluations++;
        try {
            await policy.validateStack({
                resources: policyResources,
                stackTags,
                getConfig: <T extends object>() => configs.get(policy.name) as T,
                notApplicable: notApplicableFn,
            }, (message: string, urn?: string) => {
                violations.push({ policy: policy.name, enforcementLevel: level === "remediate" ? "mandatory" : level, severity: policy.severity, urn, message });
            });
        } catch (error) {
            if (error instanceof NotApplicableSignal) {
                notApplicable.push({ policy: policy.name, reason: error.reason });
            } else if (error instanceof UnknownValueError) {
                violations.push({ policy: policy.name, enforcementLevel: "advisory", severity: policy.severity, message: `can't run policy '${policy.name}' during preview: ${(error as Error).message}` });
            } else {
                throw error;
            }
        }
    }
    return { violations, notApplicable, resourceEvaluations, stackEvaluations };
}

/** A resource class as policies pass it to isType/asType (generated classes carry __pulumiType). */
type ResourceClass = { readonly __pulumiType?: unknown; readonly isInstance?: unknown };

/** @pulumi/policy's server's isTypeOf: the class's __pulumiType, else its isInstance on a stub. */
export function isTypeOf(type: string, resourceClass: object): boolean {
    const klass = resourceClass as ResourceClass | undefined;
    const pulumiType: unknown = klass?.__pulumiType;
    if (typeof pulumiType === "string" && pulumiType.length > 0) {
        return type === pulumiType;
    }
    const isInstance: unknown = klass?.isInstance;
    return typeof isInstance === "function" && (isInstance as (o: unknown) => unknown)({ __pulumiType: type }) === true;
}

/** Stack policies see outputs, with parent/dependency links resolved to resource objects. */
export function toPolicyResources(resources: readonly AnalyzedResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const result: PolicyResource[] = resources.map((r: AnalyzedResource) => {
        const resource = {
            type: r.type,
            props: engineProps(r.outputs),
            urn: r.urn,
            name: r.name,
            opts: { protect: r.protect ?? false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [], parent: r.parent },
            provider: r.provider,
            dependencies: [] as PolicyResource[],
            propertyDependencies: {},
            isType: (resourceClass: object) => isTypeOf(r.type, resourceClass),
            asType: (resourceClass: object) => (isTypeOf(r.type, resourceClass) ? resource.props : undefined),
        } as PolicyResource;
        byUrn.set(r.urn, resource);
        return resource;
    });
    resources.forEach((r: AnalyzedResource, index: number) => {
        const target = result[index] as { parent?: PolicyResource; dependencies: PolicyResource[]; propertyDependencies: Record<string, PolicyResource[]> };
        const resolve = (urns: readonly string[]): PolicyResource[] => urns.map((urn: string) => byUrn.get(urn)).filter((d): d is PolicyResource => d !== undefined);
        target.parent = r.parent ? byUrn.get(r.parent) : undefined;
        target.dependencies = resolve(r.dependencies ?? []);
        // As @pulumi/policy's server does: each input property's dependencies as resource objects.
        for (const [property, urns] of Object.entries(r.propertyDependencies ?? {})) {
            target.propertyDependencies[property] = resolve(urns);
        }
    });
    return result;
}

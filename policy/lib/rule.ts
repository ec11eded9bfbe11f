import {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/**
 * The pack's building blocks. A rule is a small pure function over a resource's properties
 * (or the stack's resources); resourcePolicy()/stackPolicy() turn it into a @pulumi/policy policy
 * with the pack-wide behaviour every rule shares: severity-driven default enforcement, exemptions
 * with reasons, config defaults and uniform violation messages.
 */
export type Severity = "high" | "medium" | "low";
/** Resource properties as the engine hands them (possibly wrapped in the unknown-checking proxy). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Props = Readonly<Record<string, any>>;

export interface Exemption {
    /** Regular expression matched against the resource URN. */
    readonly urnPattern?: string;
    /** Regular expression matched against the resource's logical name. */
    readonly namePattern?: string;
    /** Why the exemption exists; reported whenever it is applied. Mandatory. */
    readonly reason: string;
}

/** Config every policy accepts in addition to its own keys. */
export interface CommonRuleConfig {
    readonly exemptions: readonly Exemption[];
}

/** Marker for "the property is not set" in a violation. */
export const ABSENT: unique symbol = Symbol("absent");

export interface Violation {
    /** Property path, e.g. encryptionConfig.resources or ingress[0].cidrBlocks. */
    readonly property: string;
    /** The offending value, or ABSENT. */
    readonly value: unknown;
    /** What compliant looks like, e.g. 'true' or 'a customer-managed KMS key ARN'. */
    readonly expected: string;
    /** Overrides the rule's remediation text for this violation. */
    readonly fix?: string;
}

export interface RuleContext<C> {
    readonly config: C & CommonRuleConfig;
    readonly stackTags: ReadonlyMap<string, string>;
}

export interface ResourceRuleContext<C> extends RuleContext<C> {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** Inputs of the resource's explicit provider (defaultTags live here), when the engine passes one. */
    readonly providerProps?: Props;
    report(violation: Violation): void;
    notApplicable(reason: string): never;
}

export interface StackRuleContext<C> extends RuleContext<C> {
    /** Report against one resource of the stack. */
    report(resource: PolicyResource, violation: Violation): void;
    notApplicable(reason: string): never;
}

export interface RuleConfigSpec<C> {
    readonly schema: Record<keyof C & string, PolicyConfigJSONSchema>;
    readonly defaults: C;
}

interface RuleMetadata<C> {
    /** Catalogue id, used as the policy name (e.g. enc-eks-secrets). */
    readonly id: string;
    readonly description: string;
    readonly severity: Severity;
    /** How to fix a violation; appended to every message unless the violation overrides it. */
    readonly remediation: string;
    readonly config?: RuleConfigSpec<C>;
}

export interface ResourceRule<C extends object = object> extends RuleMetadata<C> {
    /** Exact type tokens the rule applies to (list v7 aliases and ...V2 tokens explicitly). */
    readonly resourceTypes: readonly string[] | "all";
    check(props: Props, ctx: ResourceRuleContext<C>): void;
}

export interface StackRule<C extends object = object> extends RuleMetadata<C> {
    check(resources: readonly PolicyResource[], ctx: StackRuleContext<C>): void;
}

/** High-severity rules block deployments; everything else advises, unless pack config says otherwise. */
export function defaultEnforcement(severity: Severity): EnforcementLevel {
    return severity === "high" ? "mandatory" : "advisory";
}

const EXEMPTIONS_SCHEMA: PolicyConfigJSONSchema = {
    type: "array",
    description: "Resources this policy skips. Each entry needs a reason, which is reported whenever it applies.",
    items: {
        type: "object",
        properties: {
            // format "regex": the CLI's validator (gojsonschema) rejects a pattern that does not compile before anything runs.
            urnPattern: { type: "string", format: "regex", description: "Regular expression matched against the resource URN." },
            namePattern: { type: "string", format: "regex", description: "Regular expression matched against the resource name." },
            reason: { type: "string", minLength: 1, description: "Why this resource is exempt." },
        },
        required: ["reason"],
    },
    default: [],
};

function configSchema<C>(spec: RuleConfigSpec<C> | undefined): PolicyConfigSchema {
    const properties: Record<string, PolicyConfigJSONSchema> = { exemptions: EXEMPTIONS_SCHEMA };
    if (spec) {
        for (const [key, schema] of Object.entries<PolicyConfigJSONSchema>(spec.schema)) {
            properties[key] = { ...schema, default: (spec.defaults as Record<string, PolicyConfigJSONSchema["default"]>)[key] };
        }
    }
    return { properties };
}

/** Config as the rule sees it: its defaults, overridden by whatever the pack config sets. */
function resolveConfig<C extends object>(spec: RuleConfigSpec<C> | undefined, given: object): C & CommonRuleConfig {
    return { exemptions: [], ...(spec?.defaults ?? {}), ...given } as C & CommonRuleConfig;
}

export function findExemption(exemptions: readonly Exemption[], urn: string, name: string): Exemption | undefined {
    return exemptions.find((e: Exemption) =>
        (e.urnPattern !== undefined && new RegExp(e.urnPattern).test(urn))
        || (e.namePattern !== undefined && new RegExp(e.namePattern).test(name)));
}

export function describeValue(value: unknown): string {
    if (value === ABSENT || value === undefined) {
        return "not set";
    }
    const text: string = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? typeof value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function formatViolation(type: string, name: string, violation: Violation, remediation: string): string {
    return `${type} "${name}": ${violation.property} is ${describeValue(violation.value)}; expected ${violation.expected}. Fix: ${violation.fix ?? remediation}`;
}

export function resourcePolicy<C extends object>(rule: ResourceRule<C>): ResourceValidationPolicy {
    const types: ReadonlySet<string> | undefined = rule.resourceTypes === "all" ? undefined : new Set(rule.resourceTypes);
    const policy: ResourceValidationPolicy & { __types?: ReadonlySet<string> } = {
        name: rule.id,
        description: rule.description,
        severity: rule.severity,
        enforcementLevel: defaultEnforcement(rule.severity),
        remediationSteps: rule.remediation,
        configSchema: configSchema(rule.config),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
            if (types && !types.has(args.type)) {
                args.notApplicable(`applies only to ${[...types].join(", ")}`);
            }
            const config = resolveConfig(rule.config, args.getConfig());
            const exemption: Exemption | undefined = findExemption(config.exemptions, args.urn, args.name);
            if (exemption) {
                args.notApplicable(`exempt: ${exemption.reason}`);
            }
            rule.check(args.props, {
                config,
                stackTags: args.stackTags,
                type: args.type,
                name: args.name,
                urn: args.urn,
                providerProps: args.provider?.props,
                report: (violation: Violation) => reportViolation(formatViolation(args.type, args.name, violation, rule.remediation)),
                notApplicable: (reason: string) => args.notApplicable(reason),
            });
        },
    };
    // Lets the offline evaluator index policies by type; the analyzer host ignores it.
    Object.defineProperty(policy, "__types", { value: types, enumerable: false });
    // @pulumi/policy's server skips a policy whose (single) validateResource carries __pulumiType for
    // any other type before building its arguments, as validateResourceOfType does. Rules for several
    // types keep checking the type themselves.
    if (types?.size === 1) {
        Object.defineProperty(policy.validateResource, "__pulumiType", { value: [...types][0], enumerable: false });
    }
    return policy;
}

export function stackPolicy<C extends object>(rule: StackRule<C>): StackValidationPolicy {
    return {
        name: rule.id,
        description: rule.description,
        severity: rule.severity,
        enforcementLevel: defaultEnforcement(rule.severity),
        remediationSteps: rule.remediation,
        configSchema: configSchema(rule.config),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation): void => {
            const config = resolveConfig(rule.config, args.getConfig());
            const inScope: PolicyResource[] = args.resources.filter((r: PolicyResource) => !findExemption(config.exemptions, r.urn, r.name));
            rule.check(inScope, {
                config,
                stackTags: args.stackTags,
                report: (resource: PolicyResource, violation: Violation) =>
                    reportViolation(formatViolation(resource.type, resource.name, violation, rule.remediation), resource.urn),
                notApplicable: (reason: string) => args.notApplicable(reason),
            });
        },
    };
}

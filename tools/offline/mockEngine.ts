import * as pulumi from "@pulumi/pulumi";
import { FAKE_ACCOUNT_ID, FakeCloudContext, fakeInvoke, fakeOutputs } from "./fakeCloud";
import { providerDefaultTags } from "../../policy/lib/tags";
import { TAGGABLE_TYPES } from "../../policy/lib/taggable";
import { NameViolation, describeNameViolation, physicalNameViolations } from "./nameRules";
import { skipPromiseLeakTraces } from "./promiseTraces";
import { AliasRequest, aliasUrns } from "./aliases";

/** One resource as the engine would hand it to analyzers, plus the options that shape the tree. */
export interface RecordedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly parent?: string;
    /** URN of the explicit provider, when one was given or inherited. */
    readonly provider?: string;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly dependencies: readonly string[];
    /** Input paths the engine ignores on update (ignoreChanges). */
    readonly ignoreChanges: readonly string[];
    /** Input property -> URNs it depends on (the engine hands these to stack policies). */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** Inputs after the provider's Check: explicit inputs plus tagsAll where the provider merges it. Secrets are "[secret]". */
    readonly inputs: Record<string, unknown>;
    /** Inputs plus the fake computed outputs. */
    readonly outputs: Record<string, unknown>;
    /** Input property names whose values were secret. */
    readonly secretInputs: readonly string[];
    /** URNs this resource answers to (its aliases, and those inherited from its parent's), as the engine computes them; absent when none. */
    readonly aliases?: readonly string[];
}

export interface MockRunOptions {
    readonly project: string;
    readonly stack: string;
    /** Full key -> string value, as `pulumi config` stores it (objects JSON-encoded). */
    readonly config: Readonly<Record<string, string>>;
    readonly secretKeys?: readonly string[];
    /** Dry run: computed outputs stay unknown, as in `pulumi preview`. */
    readonly preview?: boolean;
    /**
     * The account the credentials belong to (getCallerIdentity, the account in fake ARNs). Default: the
     * account the stack configuration names in platform:account.id, else FAKE_ACCOUNT_ID, as if the
     * stack ran with credentials for the account it targets.
     */
    readonly accountId?: string;
    /** The program; runs after mocks and config are in place. Returns the stack outputs. */
    readonly program: () => unknown;
}

export interface MockRunResult {
    readonly resources: readonly RecordedResource[];
    readonly stackOutputs: Record<string, unknown>;
}

export const SECRET_PLACEHOLDER = "[secret]";

/**
 * What the engine or the provider would refuse before anything is created: a URN registered twice
 * (`pulumi preview` fails with "Duplicate resource URN"), or a physical name AWS's rules reject.
 */
export class MockEngineError extends Error {
    constructor(public readonly problems: readonly string[]) {
        super(`the engine would refuse this program (${problems.length} ${problems.length === 1 ? "problem" : "problems"}):\n${problems.map((p: string) => `  - ${p}`).join("\n")}`);
        this.name = "MockEngineError";
    }
}

/**
 * Plugin-Framework resources: the AWS provider does not merge default tags into their tagsAll at
 * Check time, so analyzers see only explicit tags (catalogue §6).
 */
const PLUGIN_FRAMEWORK_TAGGABLE = new Set<string>([
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
]);

/** The SDK's wire sentinel for an unknown value (runtime/rpc unknownValue); dry-run values may also arrive as pulumi.isUnknown markers. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Runs a Pulumi program under the SDK's mock runtime and records every registration the way the
 * engine would see it. Used by the unit tests and by the offline preview.
 */
export async function runUnderMocks(options: MockRunOptions): Promise<MockRunResult> {
    const region: string = options.config["aws:region"] ?? "us-east-1";
    const accountId: string = options.accountId ?? configuredAccount(options.config) ?? FAKE_ACCOUNT_ID;
    const ctx: FakeCloudContext = { region, accountId };
    const preview: boolean = options.preview ?? false;
    const refusedProviders: string[] = [];
    const recorded = new Map<string, RecordedResource>();
    const order: string[] = [];

    skipPromiseLeakTraces();
    pulumi.runtime.setAllConfig({ ...options.config }, [...(options.secretKeys ?? [])]);
    const providerRegions = new Map<string, string>();
    await pulumi.runtime.setMocks({
        newResource: (args: pulumi.runtime.MockResourceArgs) => {
            const urn: string = mockUrn(options, args.type, args.name);
            const inputs = args.inputs as Record<string, unknown>;
            // In a dry run a real provider leaves computed outputs unknown, not absent: stack policies
            // see an unknown id or ARN, as on a first `pulumi preview`.
            if (preview) {
                const computed = fakeOutputs(args.type, args.name, urn, inputs, ctx).outputs;
                const unknowns: Record<string, unknown> = Object.fromEntries(Object.keys(computed)
                    .filter((key: string) => !(key in inputs))
                    .map((key: string) => [key, UNKNOWN]));
                return { id: undefined, state: { ...inputs, ...unknowns } };
            }
            const refusal: string | undefined = providerAccountRefusal(args.type, args.name, inputs, accountId);
            if (refusal) {
                refusedProviders.push(refusal);
            }
            if (args.type.startsWith("pulumi:providers:aws") && typeof inputs.region === "string") {
                providerRegions.set(urn, inputs.region);
            }
            // A resource lives in its provider's Region (the replica-Region provider's vaults, keys and
            // buckets get us-west-2 ARNs), not the stack's.
            const providerUrn: string | undefined = args.provider ? args.provider.slice(0, args.provider.lastIndexOf("::")) : undefined;
            const region: string | undefined = providerUrn ? providerRegions.get(providerUrn) : undefined;
            const fake = fakeOutputs(args.type, args.name, urn, inputs, region ? { ...ctx, region } : ctx);
            return { id: fake.id, state: { ...inputs, ...fake.outputs } };
        },
        call: (args: pulumi.runtime.MockCallArgs) => fakeInvoke(args.token, args.inputs as Record<string, unknown>, ctx),
    }, options.project, options.stack, preview);

    const duplicates: string[] = [];
    interceptRegistrations(options, (entry: RecordedResource): void => {
        if (recorded.has(entry.urn)) {
            // The engine's own wording (pkg/resource/deploy/step_generator.go). The run goes on so that
            // every problem is reported at once; it fails at the end, as the engine fails the update.
            duplicates.push(`Duplicate resource URN '${entry.urn}'; try giving it a unique name`);
            return;
        }
        recorded.set(entry.urn, entry);
        order.push(entry.urn);
    });

    const exported: unknown = await options.program();
    await waitForRegistrations();
    const stackOutputs: Record<string, unknown> = await resolveOutputs(exported);
    await waitForRegistrations();

    const resources: RecordedResource[] = order.map((urn: string) => withEngineTags(recorded.get(urn)!, recorded));
    const names: NameViolation[] = physicalNameViolations(resources);
    if (duplicates.length > 0 || names.length > 0 || refusedProviders.length > 0) {
        throw new MockEngineError([...refusedProviders, ...duplicates, ...names.map(describeNameViolation)]);
    }
    return { resources, stackOutputs };
}

/** platform:account.id of a stack configuration, when it names one. */
function configuredAccount(config: Readonly<Record<string, string>>): string | undefined {
    try {
        const id: unknown = (JSON.parse(config["platform:account"] ?? "{}") as { id?: unknown }).id;
        return typeof id === "string" && /^\d{12}$/.test(id) ? id : undefined;
    } catch {
        return undefined;
    }
}

/**
 * The AWS provider refuses to configure when the credentials' account is not in allowedAccountIds
 * (or is in forbiddenAccountIds); every resource and invoke through it fails. The wording is the
 * provider's (terraform-provider-aws internal/conns: "AWS account ID not allowed").
 */
function providerAccountRefusal(type: string, name: string, inputs: Record<string, unknown>, accountId: string): string | undefined {
    if (type !== "pulumi:providers:aws") {
        return undefined;
    }
    const list = (value: unknown): string[] | undefined => {
        const parsed: unknown = typeof value === "string" ? (() => { try { return JSON.parse(value) as unknown; } catch { return undefined; } })() : value;
        return Array.isArray(parsed) ? parsed.map(String) : undefined;
    };
    const allowed: string[] | undefined = list(inputs.allowedAccountIds);
    const forbidden: string[] | undefined = list(inputs.forbiddenAccountIds);
    if ((allowed && !allowed.includes(accountId)) || forbidden?.includes(accountId)) {
        return `provider ${name}: AWS account ID not allowed: ${accountId} (allowedAccountIds ${JSON.stringify(allowed ?? [])})`;
    }
    return undefined;
}

function mockUrn(options: MockRunOptions, type: string, name: string): string {
    return `urn:pulumi:${options.stack}::${options.project}::${type}::${name}`;
}

/** The parts of the SDK's generated gRPC messages (resource_pb) the recorder reads. */
interface RegisterResourceRequest {
    getType(): string;
    getName(): string;
    getCustom(): boolean;
    getParent(): string;
    getProvider(): string;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getDependenciesList(): string[];
    getIgnorechangesList(): string[];
    getPropertydependenciesMap(): { forEach(callback: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getObject(): unknown;
    getAliasesList(): AliasMessage[];
}

/** alias_pb.Alias: a URN or a spec (the mock monitor supports alias specs). */
interface AliasMessage {
    getUrn(): string;
    getSpec(): { getName(): string; getType(): string; getStack(): string; getProject(): string; getParenturn(): string; getNoparent(): boolean } | undefined;
}

interface RegisterResourceResponse {
    getUrn(): string;
    getId(): string;
    getObject(): unknown;
}

interface ResourceMonitor {
    registerResource(req: RegisterResourceRequest, callback: (err: unknown, resp: RegisterResourceResponse | undefined) => void): void;
}

type Struct = Parameters<typeof pulumi.runtime.deserializeProperties>[0];

/** Wraps the mock monitor so parent, protect and dependencies (which newResource never sees) are kept. */
function interceptRegistrations(options: MockRunOptions, record: (entry: RecordedResource) => void): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as ResourceMonitor;
    // Parents register before their children: their aliases are known when a child's are computed.
    const aliasesByUrn = new Map<string, { name: string; aliases: string[] }>();
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: RegisterResourceRequest, callback: (err: unknown, resp: RegisterResourceResponse | undefined) => void) => {
        original(req, (err: unknown, resp: RegisterResourceResponse | undefined) => {
            if (!err && resp) {
                const rawInputs: Record<string, unknown> = pulumi.runtime.deserializeProperties(req.getObject() as Struct, true);
                const { values: inputs, secretKeys } = redactSecrets(rawInputs);
                const rawOutputs: Record<string, unknown> = pulumi.runtime.deserializeProperties(resp.getObject() as Struct, true);
                const providerRef: string = req.getProvider();
                const parent: string | undefined = req.getParent() || undefined;
                const aliases: string[] = aliasUrns(req.getAliasesList().map(aliasRequest), { name: req.getName(), type: req.getType(), parent },
                    parent ? aliasesByUrn.get(parent) : undefined, options.stack, options.project);
                aliasesByUrn.set(resp.getUrn(), { name: req.getName(), aliases });
                record({
                    urn: resp.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    custom: req.getCustom(),
                    parent: req.getParent() || undefined,
                    provider: providerRef ? providerRef.slice(0, providerRef.lastIndexOf("::")) : undefined,
                    protect: Boolean(req.getProtect()),
                    retainOnDelete: Boolean(req.getRetainondelete()),
                    dependencies: req.getDependenciesList(),
                    ignoreChanges: req.getIgnorechangesList(),
                    propertyDependencies: propertyDependenciesOf(req),
                    inputs,
                    outputs: { ...redactSecrets(rawOutputs).values, id: resp.getId() || undefined },
                    secretInputs: secretKeys,
                    ...(aliases.length > 0 ? { aliases } : {}),
                });
            }
            callback(err, resp);
        });
    };
}

function aliasRequest(alias: AliasMessage): AliasRequest {
    const spec = alias.getSpec();
    return spec
        ? { spec: { name: spec.getName(), type: spec.getType(), stack: spec.getStack(), project: spec.getProject(), parentUrn: spec.getParenturn() || undefined, noParent: spec.getNoparent() } }
        : { urn: alias.getUrn() };
}

function propertyDependenciesOf(req: RegisterResourceRequest): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((value: { getUrnsList(): string[] }, key: string) => {
        result[key] = value.getUrnsList();
    });
    return result;
}

/** Secret values never leave the mock runtime: they become a placeholder. Unknowns (dry run) stay as the SDK delivers them. */
function redactSecrets(values: Record<string, unknown>): { values: Record<string, unknown>; secretKeys: string[] } {
    const secretKeys: string[] = [];
    const visit = (value: unknown, topKey?: string): unknown => {
        if (Array.isArray(value)) {
            return value.map((v: unknown) => visit(v, topKey));
        }
        if (value !== null && typeof value === "object") {
            const record = value as Record<string, unknown>;
            if (record[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) {
                if (topKey) {
                    secretKeys.push(topKey);
                }
                return SECRET_PLACEHOLDER;
            }
            return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, visit(v, topKey)]));
        }
        return value;
    };
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
        result[key] = visit(value, key);
    }
    return { values: result, secretKeys: [...new Set(secretKeys)] };
}

/** The AWS provider's Check merges provider default tags into tagsAll for taggable SDKv2 resources. */
function withEngineTags(resource: RecordedResource, all: Map<string, RecordedResource>): RecordedResource {
    if (!resource.custom || !TAGGABLE_TYPES.has(resource.type) || PLUGIN_FRAMEWORK_TAGGABLE.has(resource.type)) {
        return resource;
    }
    const provider: RecordedResource | undefined = resource.provider ? all.get(resource.provider) : undefined;
    // Same parsing the policy pack uses (provider inputs carry defaultTags JSON-encoded).
    const defaults = providerDefaultTags(provider?.inputs);
    const tagsAll: Record<string, unknown> = { ...(typeof defaults === "object" ? defaults : {}), ...asRecord(resource.inputs.tags) };
    return {
        ...resource,
        inputs: { ...resource.inputs, tagsAll },
        outputs: { ...resource.outputs, tagsAll },
    };
}

function asRecord(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

async function waitForRegistrations(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs: () => Promise<void> };
    await settings.waitForRPCs();
}

/** Resolves the program's exported object; outputs that stay unknown (dry run) become undefined. */
async function resolveOutputs(exported: unknown): Promise<Record<string, unknown>> {
    if (exported === undefined || exported === null) {
        return {};
    }
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
        new Promise<unknown>((resolve) => {
            const output: pulumi.Output<unknown> = pulumi.output(exported);
            output.apply((v: unknown) => { resolve(v); return v; });
        }),
        // In a dry run an unknown output never resolves; in an update everything resolves at once.
        new Promise<unknown>((resolve) => {
            timer = setTimeout(() => resolve(undefined), pulumi.runtime.isDryRun() ? 50 : 10_000);
        }),
    ]);
    clearTimeout(timer);
    return asRecord(settled);
}

export const UNKNOWN_SENTINEL = UNKNOWN;

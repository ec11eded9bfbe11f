import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyPackConfig } from "@pulumi/policy";
import { MockEngineError, RecordedResource, SECRET_PLACEHOLDER, runUnderMocks } from "../offline/mockEngine";
import { StackConfiguration, StackConfigurationError, readStackConfiguration } from "../offline/stackConfig";
import { withRootStack } from "../offline/rootStack";
import { CostEstimate, compare, estimateCost } from "./cost";
import { renderMermaid } from "./graph";
import { PolicyReport, evaluatePack, loadPackConfig } from "./policy";
import { policyConfigProblems } from "./policyConfigSchema";
import { REGION } from "./pricing";
import { Assumptions } from "./assumptions";
import { isUnknownValue } from "./unknown";
import { ResolvedAssumptions, resolveAssumptions } from "./assumptionsFile";
import { configKeyFor } from "./configHints";
import { ExternalReference, externalReferences } from "../../infra/config/externalReferences";
import { parsePlatformConfig } from "../../infra/config/load";
import type { AccessSummary } from "../access/index";

/** The repository root: default project directory, and base of the default program and policy modules. */
export const REPO_ROOT: string = path.resolve(__dirname, "..", "..");

export const DEFAULT_PROGRAM = "infra/program.ts#runPlatform";
export const DEFAULT_POLICIES = "policy/policies.ts#policies";
/**
 * The repository's policy configuration (reviewed exemptions): what CI's and the README's real
 * `pulumi preview --policy-pack-config` use, and so the default for the repository's own pack.
 */
export const DEFAULT_POLICY_CONFIG = "policy/config/platform.json";

export const EXIT_OK = 0;
export const EXIT_MANDATORY_VIOLATION = 1;
export const EXIT_FAILURE = 2;

export interface PreviewOptions {
    readonly stack: string;
    /** Directory holding Pulumi.yaml and Pulumi.<stack>.yaml (default: the repository root). */
    readonly projectDir?: string;
    /** `file[#export]`: the program function to run (default infra/program.ts#runPlatform). */
    readonly program?: string;
    /** `file[#export]`: the policy list (default policy/policies.ts#policies). */
    readonly policies?: string;
    /**
     * Pulumi policy-pack config file (JSON), as given to `pulumi preview --policy-pack-config`.
     * Default: the repository's DEFAULT_POLICY_CONFIG when the pack is the repository's own; "none" for no config.
     */
    readonly policyConfig?: string;
    /** YAML or JSON file overriding some cost assumptions, on top of the stack's cost/<stack>.yaml. */
    readonly assumptions?: string;
    /** Leave computed outputs unknown, as a real `pulumi preview` does (default: fake-cloud values). */
    readonly dryRun?: boolean;
}

/** One resource of the result, with stable ordering and secrets as placeholders. */
export interface PreviewResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    /** Top-level component the resource belongs to, or "(stack)". */
    readonly component: string;
    readonly parent?: string;
    readonly provider?: string;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly dependencies: string[];
    readonly inputs: Record<string, unknown>;
    readonly secretInputs: string[];
    /** URNs the resource answers to (aliases, inherited ones included); absent when none. */
    readonly aliases?: string[];
}

export interface PreviewResult {
    readonly project: string;
    readonly stack: string;
    /** Resolved configuration; secure values as "[secret]". */
    readonly config: Record<string, unknown>;
    readonly secretConfigKeys: string[];
    readonly resources: PreviewResource[];
    readonly countsByType: Record<string, number>;
    readonly outputs: Record<string, unknown>;
    readonly policies: PolicyReport;
    readonly cost: CostEstimate;
    /** What the stack's configuration names but the program does not create (the platform program only). */
    readonly externalReferences: ExternalReference[];
    /** Offline access verification (tools/access): documents validated, access contracts simulated. */
    readonly access: PreviewAccess;
    readonly graph: string;
    readonly exitCode: number;
}

/** The access summary without its timings (the JSON stays byte-stable; the bench prints them). */
export type PreviewAccess = Omit<AccessSummary, "milliseconds">;

export interface PreviewFailure {
    readonly kind: "configuration" | "program" | "policy";
    /** What to print; for configuration errors, exactly the foundation's message. */
    readonly message: string;
}

export interface PreviewOutcome {
    readonly exitCode: number;
    readonly result?: PreviewResult;
    readonly failure?: PreviewFailure;
}

/**
 * Runs a stack's program under the mock runtime with the stack's real configuration, evaluates the
 * policy pack on what it registered, and estimates the monthly cost. Never throws for user errors:
 * they come back as a failure with exit code 2. The Pulumi runtime is process-global: one call per process.
 */
export async function runOfflinePreview(options: PreviewOptions): Promise<PreviewOutcome> {
    const phase = phaseTimer();
    const projectDir: string = path.resolve(options.projectDir ?? REPO_ROOT);
    let configuration: StackConfiguration;
    let assumptions: Assumptions;
    let assumptionSources: string[] = [];
    let packConfig: PolicyPackConfig | undefined;
    try {
        configuration = readStackConfiguration(projectDir, options.stack);
        const resolved: ResolvedAssumptions | { problems: string[] } = resolveAssumptions(projectDir, options.stack, options.assumptions);
        if ("problems" in resolved) {
            return fail("configuration", resolved.problems.join("\n"));
        }
        assumptions = resolved.assumptions;
        assumptionSources = resolved.sources;
        const policyConfigFile: string | undefined = resolvePolicyConfig(options);
        packConfig = policyConfigFile ? loadPackConfig(readJsonObject(policyConfigFile, "policy config")) : undefined;
        if (packConfig) {
            // The CLI validates --policy-config against every policy's schema before the program runs.
            const problems: string[] = policyConfigProblems(await loadExport(options.policies ?? DEFAULT_POLICIES, "policies") as never, packConfig, ...packIdentity(options.policies ?? DEFAULT_POLICIES));
            if (problems.length > 0) {
                return fail("configuration", problems.map((problem: string) => `error: ${problem}`).join("\n"));
            }
        }
    } catch (error) {
        if (error instanceof StackConfigurationError) {
            return fail("configuration", error.message);
        }
        throw error;
    }

    let exported: unknown;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => {
        rejections.push(reason);
    };
    process.on("unhandledRejection", onRejection);
    let run: { resources: readonly RecordedResource[]; stackOutputs: Record<string, unknown> };
    try {
        phase("configuration read");
        const program = await loadExport(options.program ?? DEFAULT_PROGRAM, "program");
        phase("program module loaded");
        // The SDK captures a stack trace per resource; with source maps on (tsx) each costs several ms.
        // Off during the run, back on before any error's stack is formatted.
        const sourceMaps: boolean = process.sourceMapsEnabled;
        process.setSourceMapsEnabled(false);
        run = await runUnderMocks({
            project: configuration.project,
            stack: configuration.stack,
            config: configuration.config,
            secretKeys: configuration.secretKeys,
            preview: options.dryRun ?? false,
            program: async () => {
                exported = await (program as () => unknown)();
                return exported;
            },
        }).finally(() => process.setSourceMapsEnabled(sourceMaps));
        phase("program ran under mocks");
        if (rejections.length > 0) {
            throw rejections[0];
        }
    } catch (error) {
        return pulumi.RunError.isInstance(error)
            ? fail("configuration", describeError(error))
            : fail("program", `error: the program failed: ${describeError(error)}`);
    } finally {
        process.off("unhandledRejection", onRejection);
    }

    const region: string = configuration.config["aws:region"] ?? REGION;
    const byUrn = new Map<string, RecordedResource>(run.resources.map((r: RecordedResource) => [r.urn, r]));
    const componentOf = (r: RecordedResource): string => topLevelComponent(r, byUrn);

    let policies: PolicyReport;
    try {
        // Imported only now, after the program: the pack's modules do not slow the program down.
        const policyList = await loadExport(options.policies ?? DEFAULT_POLICIES, "policies");
        phase("policy pack loaded");
        // As the engine hands them to analyzers: the root stack resource first, the parent of every top-level resource.
        const analyzed: RecordedResource[] = withRootStack(run.resources, configuration.project, options.stack, run.stackOutputs);
        const evaluated: PolicyReport = await evaluatePack(policyList as never, analyzed, new Map(analyzed.map((r) => [r.urn, r])), packConfig ?? {});
        // The platform's findings name the configuration key that controls them (other programs have none).
        policies = (options.program ?? DEFAULT_PROGRAM) === DEFAULT_PROGRAM
            ? { ...evaluated, violations: evaluated.violations.map((v) => withConfigKey(v)) }
            : evaluated;
        phase("policies evaluated");
    } catch (error) {
        return fail("policy", `the policy pack failed: ${describeError(error)}`);
    }

    let access: AccessSummary;
    try {
        // tools/access uses @cloud-copilot/iam-simulate (AGPL-3.0-or-later, a development-time tool
        // dependency, never part of the program or the pack); loaded only here, after the program ran.
        const { parsedConfig, verifyStackAccess } = await importModule(path.join(__dirname, "..", "access", "index.ts")) as unknown as typeof import("../access/index");
        access = (await verifyStackAccess(configuration.stack, run.resources, parsedConfig(configuration.config))).summary;
        phase(`access verified (validation ${access.milliseconds.validation} ms, simulation ${access.milliseconds.simulation} ms)`);
    } catch (error) {
        return fail("policy", `the access verification failed: ${describeError(error)}`);
    }
    const { milliseconds: accessTimings, ...accessReport } = access;
    void accessTimings;

    const resources: PreviewResource[] = run.resources
        .map((r: RecordedResource) => toPreviewResource(r, componentOf(r)))
        .sort((a: PreviewResource, b: PreviewResource) => compare(a.urn, b.urn));
    const countsByType: Record<string, number> = {};
    for (const r of [...resources].sort((a, b) => compare(a.type, b.type))) {
        countsByType[r.type] = (countsByType[r.type] ?? 0) + 1;
    }
    const exitCode: number = policies.violations.some((v) => v.enforcementLevel === "mandatory") ? EXIT_MANDATORY_VIOLATION : EXIT_OK;
    const result: PreviewResult = {
        project: configuration.project,
        stack: configuration.stack,
        config: publicConfig(configuration),
        secretConfigKeys: [...configuration.secretKeys],
        resources,
        countsByType,
        outputs: stable(await publicOutputs(exported, run.stackOutputs)) as Record<string, unknown>,
        policies,
        cost: estimateCost(run.resources, componentOf, assumptions, region, assumptionSources),
        // The configuration already passed validation when the program ran; other programs (fixtures) have none.
        externalReferences: (options.program ?? DEFAULT_PROGRAM) === DEFAULT_PROGRAM
            ? externalReferences(parsePlatformConfig(configuration.config, configuration.project, configuration.stack))
            : [],
        access: accessReport,
        graph: renderMermaid(`${configuration.project}-${configuration.stack}`, run.resources, byUrn, componentOf),
        exitCode,
    };
    phase("result built");
    return { exitCode, result };
}

function withConfigKey<T extends { policy: string; urn?: string }>(finding: T): T & { configKey?: string } {
    const configKey: string | undefined = configKeyFor(finding);
    return configKey ? { ...finding, configKey } : finding;
}

function resolvePolicyConfig(options: PreviewOptions): string | undefined {
    if (options.policyConfig === "none") {
        return undefined;
    }
    if (options.policyConfig !== undefined) {
        return options.policyConfig;
    }
    return (options.policies ?? DEFAULT_POLICIES) === DEFAULT_POLICIES ? path.join(REPO_ROOT, DEFAULT_POLICY_CONFIG) : undefined;
}

/** OFFLINE_PREVIEW_TIMINGS=1 prints how long each phase took (stderr), for the benchmark. */
function phaseTimer(): (name: string) => void {
    if (!process.env.OFFLINE_PREVIEW_TIMINGS) {
        return () => undefined;
    }
    let last: number = performance.now();
    return (name: string): void => {
        const now: number = performance.now();
        process.stderr.write(`[timing] ${name}: ${(now - last).toFixed(0)} ms\n`);
        last = now;
    };
}

/** The pack's name and version as the CLI reports them: from the package.json beside the policies module. */
function packIdentity(spec: string): [string, string] {
    let dir: string = path.dirname(path.resolve(spec === DEFAULT_POLICIES ? REPO_ROOT : process.cwd(), spec.split("#")[0]));
    while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) {
        dir = path.dirname(dir);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
    return [manifest.name ?? "policy-pack", manifest.version ?? "0.0.0"];
}

function fail(kind: PreviewFailure["kind"], message: string): PreviewOutcome {
    return { exitCode: EXIT_FAILURE, failure: { kind, message } };
}

/** RunErrors (configuration validation) are user errors: message only. Anything else keeps its stack. */
function describeError(error: unknown): string {
    // A program the engine would refuse (duplicate URN, a name AWS rejects) is the user's to fix: its message says all.
    if (pulumi.RunError.isInstance(error) || error instanceof StackConfigurationError || error instanceof MockEngineError) {
        return (error).message;
    }
    if (error instanceof Error) {
        return error.stack ?? `${error.name}: ${error.message}`;
    }
    return String(error);
}

function readJsonObject(file: string, what: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new StackConfigurationError(`${file}: cannot read ${what}: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new StackConfigurationError(`${file}: ${what} must be a JSON object`);
    }
    return parsed as Record<string, unknown>;
}

type ModuleExports = Record<string, unknown> & { default?: Record<string, unknown> };

/**
 * Loads a program or policies module. `npm run preview:offline` runs under tsx's CommonJS hook
 * (tsx/cjs: half the start-up of its ESM loader over @pulumi/pulumi's thousand files), which compiles
 * required .ts files but leaves import() to Node's ESM loader, which cannot load TypeScript; so
 * require when a CommonJS hook for .ts is registered, and import() elsewhere (vitest transforms
 * imports, not requires).
 */
async function importModule(absolute: string): Promise<ModuleExports> {
    if (typeof require.extensions[".ts"] === "function") {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(absolute) as ModuleExports;
    }
    return await import(absolute) as ModuleExports;
}

/** `file[#export]`, relative to the current directory; defaults resolve against the repository root. */
async function loadExport(spec: string, defaultExport: string): Promise<unknown> {
    const [file, exportName = defaultExport] = spec.split("#");
    const base: string = spec === DEFAULT_PROGRAM || spec === DEFAULT_POLICIES ? REPO_ROOT : process.cwd();
    const absolute: string = path.resolve(base, file);
    const mod = await importModule(absolute);
    const value: unknown = mod[exportName] ?? mod.default?.[exportName];
    if (value === undefined) {
        throw new Error(`${absolute} does not export ${exportName}`);
    }
    return value;
}

function topLevelComponent(resource: RecordedResource, byUrn: ReadonlyMap<string, RecordedResource>): string {
    let current: RecordedResource = resource;
    while (current.parent && byUrn.has(current.parent)) {
        current = byUrn.get(current.parent)!;
    }
    return current.custom ? "(stack)" : current.name;
}

function toPreviewResource(r: RecordedResource, component: string): PreviewResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        custom: r.custom,
        component,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
        protect: r.protect,
        retainOnDelete: r.retainOnDelete,
        dependencies: [...new Set(r.dependencies)].sort(compare),
        inputs: stable(displayValue(r.inputs)) as Record<string, unknown>,
        secretInputs: [...r.secretInputs].sort(compare),
        ...(r.aliases && r.aliases.length > 0 ? { aliases: [...r.aliases].sort(compare) } : {}),
    };
}

export const UNKNOWN_DISPLAY = "[unknown]";

/** Unknowns (dry run) as a readable marker. */
export function displayValue(value: unknown): unknown {
    if (isUnknownValue(value)) {
        return UNKNOWN_DISPLAY;
    }
    if (Array.isArray(value)) {
        return value.map(displayValue);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, displayValue(v)]));
    }
    return value;
}

/** Object keys sorted recursively (arrays keep their order): stable JSON. */
export function stable(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(stable);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.keys(value).sort(compare)
            .filter((k: string) => (value as Record<string, unknown>)[k] !== undefined)
            .map((k: string) => [k, stable((value as Record<string, unknown>)[k])]));
    }
    return value;
}

function publicConfig(configuration: StackConfiguration): Record<string, unknown> {
    const secret = new Set<string>(configuration.secretKeys);
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(configuration.config).sort(compare)) {
        const text: string = configuration.config[key];
        if (secret.has(key)) {
            result[key] = SECRET_PLACEHOLDER;
            continue;
        }
        try {
            result[key] = /^\s*[[{]/.test(text) ? JSON.parse(text) : text;
        } catch {
            result[key] = text;
        }
    }
    return stable(result) as Record<string, unknown>;
}

/** Stack outputs; any top-level output that is secret becomes the placeholder. */
async function publicOutputs(exported: unknown, resolved: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    const source: Record<string, unknown> = exported !== null && typeof exported === "object" ? exported as Record<string, unknown> : {};
    for (const key of Object.keys(resolved)) {
        const isSecret: boolean = key in source && pulumi.Output.isInstance(pulumi.output(source[key]))
            ? await Promise.race([(pulumi.output(source[key]) as unknown as { isSecret: Promise<boolean> }).isSecret, new Promise<boolean>((r) => setTimeout(() => r(false), 50).unref())])
            : false;
        result[key] = isSecret ? SECRET_PLACEHOLDER : displayValue(resolved[key]);
    }
    return result;
}

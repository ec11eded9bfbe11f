import * as fs from "fs";
import * as path from "path";
import { inject } from "vitest";
import { MockRunResult, RecordedResource, runUnderMocks } from "../../tools/offline/mockEngine";
import { StackConfiguration, readStackConfiguration } from "../../tools/offline/stackConfig";

/** The repository root (Pulumi.yaml lives here). */
export const PROJECT_DIR: string = path.resolve(__dirname, "..", "..");

/** Stack configuration exactly as the CLI would resolve it for a stack file of this repo. */
export function stackConfiguration(stack: string): StackConfiguration {
    return readStackConfiguration(PROJECT_DIR, stack);
}

export interface StackRunOptions {
    /** Replace whole config keys, e.g. { "platform:network": JSON.stringify({...}) }. */
    readonly overrides?: Record<string, string>;
    readonly preview?: boolean;
    /** Run the program even when the test run recorded this stack already (globalSetup). */
    readonly fresh?: boolean;
    /** The account the credentials belong to (default: the one the stack configuration names). */
    readonly accountId?: string;
}

/** The committed stack as globalSetup recorded it for this test run, if it did. */
function recordedRun(stack: string): MockRunResult | undefined {
    let dir: string | undefined;
    try {
        dir = inject("recordedStacks");
    } catch {
        return undefined; // not inside a vitest worker (recordStack.ts, scripts)
    }
    const file: string | undefined = dir ? path.join(dir, `${stack}.json`) : undefined;
    return file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) as MockRunResult : undefined;
}

/**
 * Runs the real program (infra/program.ts) for a stack under the mock runtime, or returns the run
 * globalSetup recorded for this test run (committed stacks without overrides). The Pulumi runtime
 * is process-global: run one stack per test file (vitest forks a process per file).
 */
export async function runStack(stack: string, options: StackRunOptions = {}): Promise<StackRunResult> {
    if (!options.fresh && !options.preview && options.overrides === undefined && options.accountId === undefined) {
        const recorded: MockRunResult | undefined = recordedRun(stack);
        if (recorded) {
            return new StackRunResult(recorded);
        }
    }
    const configuration: StackConfiguration = stackConfiguration(stack);
    const { runPlatform } = await import("../../infra/program");
    const result: MockRunResult = await runUnderMocks({
        project: configuration.project,
        stack,
        config: { ...configuration.config, ...(options.overrides ?? {}) },
        secretKeys: configuration.secretKeys,
        preview: options.preview,
        accountId: options.accountId,
        program: runPlatform,
    });
    return new StackRunResult(result);
}

/** Query helpers over the recorded resources. */
export class StackRunResult {
    constructor(public readonly run: MockRunResult) {}

    get resources(): readonly RecordedResource[] {
        return this.run.resources;
    }

    ofType(type: string): RecordedResource[] {
        return this.run.resources.filter((r: RecordedResource) => r.type === type);
    }

    /** The single resource of a type and logical name; throws when missing so a test cannot pass vacuously. */
    get(type: string, name: string): RecordedResource {
        const found: RecordedResource | undefined = this.run.resources.find((r: RecordedResource) => r.type === type && r.name === name);
        if (!found) {
            const names: string[] = this.ofType(type).map((r: RecordedResource) => r.name);
            throw new Error(`no ${type} named ${name}; registered: ${names.join(", ") || "none"}`);
        }
        return found;
    }

    /** Resources of a type; throws when there are none. */
    all(type: string): RecordedResource[] {
        const found: RecordedResource[] = this.ofType(type);
        if (found.length === 0) {
            throw new Error(`no ${type} registered`);
        }
        return found;
    }

    byUrn(urn: string): RecordedResource | undefined {
        return this.run.resources.find((r: RecordedResource) => r.urn === urn);
    }
}

/** Parses a policy document that may be a JSON string or an object. */
export function policyDocument(value: unknown): { Version?: string; Statement: Array<Record<string, unknown>> } {
    return typeof value === "string" ? JSON.parse(value) : value as { Statement: Array<Record<string, unknown>> };
}

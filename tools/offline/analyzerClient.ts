/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return --
   @pulumi/pulumi's generated protobuf messages (proto/*_pb.js) ship without type declarations. */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import type { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import { RecordedResource } from "./mockEngine";

const PROJECT_DIR: string = path.resolve(__dirname, "..", "..");

/* eslint-disable @typescript-eslint/no-require-imports -- the SDK's generated gRPC code is CommonJS without typings */
const PULUMI_DIR: string = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (id: string): string => require.resolve(id, { paths: [PULUMI_DIR] });
// The same module instances the SDK (and so @pulumi/policy's server) uses, or instanceof checks fail.
const grpc = require(fromPulumi("@grpc/grpc-js")) as GrpcModule;
const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as { AnalyzerClient: new (address: string, credentials: unknown) => AnalyzerClient };
const pb = require("@pulumi/pulumi/proto/analyzer_pb") as Record<string, new () => Message>;
const structPb = require(fromPulumi("google-protobuf/google/protobuf/struct_pb")) as { Struct: { fromJavaScript(value: unknown): unknown } };
const emptyPb = require(fromPulumi("google-protobuf/google/protobuf/empty_pb")) as { Empty: new () => unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

interface GrpcModule { credentials: { createInsecure(): unknown } }
// Generated protobuf messages: setters and getters by field name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = any;
type Callback = (err: Error | null, response: Message) => void;
interface AnalyzerClient {
    getAnalyzerInfo(request: unknown, callback: Callback): void;
    configure(request: unknown, callback: Callback): void;
    analyze(request: unknown, callback: Callback): void;
    analyzeStack(request: unknown, callback: Callback): void;
    close(): void;
}

/** One finding as the CLI would print it. */
export interface ProtocolFinding {
    readonly policy: string;
    readonly urn: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly message: string;
}

const LEVELS: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_NUMBERS: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };

function call(client: AnalyzerClient, method: "getAnalyzerInfo" | "configure" | "analyze" | "analyzeStack", request: unknown): Promise<Message> {
    return new Promise((resolve, reject) => {
        client[method](request, (err: Error | null, response: Message) => (err ? reject(err) : resolve(response)));
    });
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {})) as unknown;
const struct = (value: unknown): unknown => structPb.Struct.fromJavaScript(plain(value));

/** Provider inputs travel JSON-encoded in the mock engine; the engine hands analyzers objects. */
function providerProps(provider: RecordedResource): Record<string, unknown> {
    return Object.fromEntries(Object.entries(provider.inputs).map(([key, value]) => {
        if (typeof value === "string" && /^\s*[[{]/.test(value)) {
            try {
                return [key, JSON.parse(value) as unknown];
            } catch {
                return [key, value];
            }
        }
        return [key, value];
    }));
}

function providerMessage(resource: RecordedResource, byUrn: ReadonlyMap<string, RecordedResource>): Message {
    const provider: RecordedResource | undefined = resource.provider ? byUrn.get(resource.provider) : undefined;
    if (!provider) {
        return undefined;
    }
    const message: Message = new pb.AnalyzerProviderResource();
    message.setType(provider.type);
    message.setUrn(provider.urn);
    message.setName(provider.name);
    message.setProperties(struct(providerProps(provider)));
    return message;
}

function optionsMessage(resource: RecordedResource): Message {
    const options: Message = new pb.AnalyzerResourceOptions();
    options.setProtect(resource.protect);
    if (resource.parent) {
        options.setParent(resource.parent);
    }
    return options;
}

function analyzeRequest(resource: RecordedResource, byUrn: ReadonlyMap<string, RecordedResource>): Message {
    const request: Message = new pb.AnalyzeRequest();
    request.setType(resource.type);
    request.setUrn(resource.urn);
    request.setName(resource.name);
    request.setProperties(struct(resource.inputs));
    request.setOptions(optionsMessage(resource));
    const provider: Message = providerMessage(resource, byUrn);
    if (provider) {
        request.setProvider(provider);
    }
    return request;
}

/**
 * The policy pack started the way `pulumi preview --policy-pack policy` starts it: the CLI's analyzer
 * plugin runs @pulumi/pulumi's run-policy-pack on the pack directory (TypeScript through its
 * ts-node), the pack's `new PolicyPack()` starts @pulumi/policy's gRPC server and prints its port.
 */
export class PolicyPackServer {
    private constructor(private readonly child: ChildProcess, private readonly client: AnalyzerClient) {}

    /** `packDir`: the directory `--policy-pack` names (default: this repository's policy/). */
    static async start(packDir: string = path.join(PROJECT_DIR, "policy")): Promise<PolicyPackServer> {
        const runPolicyPack: string = path.join(PULUMI_DIR, "cmd", "run-policy-pack", "index.js");
        // The engine address is used only for logging, which a healthy pack never does here.
        const child: ChildProcess = spawn(process.execPath, [runPolicyPack, "127.0.0.1:1", "."], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        const port: string = await new Promise<string>((resolve, reject) => {
            let stdout = "";
            let stderr = "";
            child.stdout?.on("data", (chunk: Buffer) => {
                stdout += chunk.toString();
                const match = /^(\d+)\s*$/m.exec(stdout);
                if (match) {
                    resolve(match[1]);
                }
            });
            child.stderr?.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
            child.on("exit", (code: number | null) => reject(new Error(`run-policy-pack exited (${code}): ${stderr}`)));
        });
        return new PolicyPackServer(child, new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()));
    }

    async info(): Promise<{ name: string; policies: Array<{ name: string; enforcementLevel: EnforcementLevel; configSchema?: unknown }> }> {
        const info: Message = await call(this.client, "getAnalyzerInfo", new emptyPb.Empty());
        return {
            name: info.getName() as string,
            policies: (info.getPoliciesList() as Message[]).map((p: Message) => ({
                name: p.getName() as string,
                enforcementLevel: LEVELS[p.getEnforcementlevel() as number],
                configSchema: p.getConfigschema()?.getProperties()?.toJavaScript() as unknown,
            })),
        };
    }

    /** What the CLI sends after validating --policy-config: every policy's level and properties. */
    async configure(config: PolicyPackConfig, defaults: ReadonlyMap<string, EnforcementLevel>): Promise<void> {
        const request: Message = new pb.ConfigureAnalyzerRequest();
        const map: Message = request.getPolicyconfigMap();
        for (const [name, level] of defaults) {
            const given: unknown = config[name];
            const properties: Record<string, unknown> = given !== null && typeof given === "object" ? { ...(given as Record<string, unknown>) } : {};
            const explicit: unknown = typeof given === "string" ? given : properties.enforcementLevel;
            delete properties.enforcementLevel;
            const entry: Message = new pb.PolicyConfig();
            entry.setEnforcementlevel(LEVEL_NUMBERS[typeof explicit === "string" ? explicit : level]);
            entry.setProperties(struct(properties));
            map.set(name, entry);
        }
        await call(this.client, "configure", request);
    }

    /** One Analyze call per resource, nothing else: what the engine pays per resource. */
    async analyzeEach(resources: readonly RecordedResource[]): Promise<void> {
        const byUrn = new Map<string, RecordedResource>(resources.map((r: RecordedResource) => [r.urn, r]));
        for (const resource of resources) {
            await call(this.client, "analyze", analyzeRequest(resource, byUrn));
        }
    }

    /** Analyze for every resource (checked inputs), then AnalyzeStack (outputs), as the engine calls them. */
    async analyzeAll(resources: readonly RecordedResource[]): Promise<ProtocolFinding[]> {
        const byUrn = new Map<string, RecordedResource>(resources.map((r: RecordedResource) => [r.urn, r]));
        const findings: ProtocolFinding[] = [];
        const collect = (response: Message, fallbackUrn: string): void => {
            for (const d of response.getDiagnosticsList() as Message[]) {
                findings.push({ policy: d.getPolicyname() as string, urn: (d.getUrn() as string) || fallbackUrn, enforcementLevel: LEVELS[d.getEnforcementlevel() as number], message: d.getMessage() as string });
            }
        };
        for (const resource of resources) {
            collect(await call(this.client, "analyze", analyzeRequest(resource, byUrn)), resource.urn);
        }
        const stack: Message = new pb.AnalyzeStackRequest();
        stack.setResourcesList(resources.map((resource: RecordedResource) => {
            const message: Message = new pb.AnalyzerResource();
            message.setType(resource.type);
            message.setUrn(resource.urn);
            message.setName(resource.name);
            message.setProperties(struct(resource.outputs));
            message.setOptions(optionsMessage(resource));
            message.setParent(resource.parent ?? "");
            message.setDependenciesList([...resource.dependencies]);
            const dependencies: Message = message.getPropertydependenciesMap();
            for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                const entry: Message = new pb.AnalyzerPropertyDependencies();
                entry.setUrnsList([...urns]);
                dependencies.set(property, entry);
            }
            const provider: Message = providerMessage(resource, byUrn);
            if (provider) {
                message.setProvider(provider);
            }
            return message;
        }));
        collect(await call(this.client, "analyzeStack", stack), "");
        return findings;
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }
}

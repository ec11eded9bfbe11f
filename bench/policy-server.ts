/**
 * Per-resource Analyze time through the real analyzer server (run-policy-pack + @pulumi/policy's
 * gRPC server, as `pulumi preview --policy-pack policy` runs it), against the floor: an empty pack
 * served the same way, so the floor is the RPC and (de)serialisation alone. Target: at most 2x.
 * Resources: the dev and prod stacks as the mock engine records them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PolicyPackServer } from "../tools/offline/analyzerClient";
import { RecordedResource, runUnderMocks } from "../tools/offline/mockEngine";
import { readStackConfiguration } from "../tools/offline/stackConfig";

const ROOT: string = path.resolve(__dirname, "..");
const ROUNDS = 5;
const TARGET_RATIO = 2;

async function stackResources(stack: string): Promise<readonly RecordedResource[]> {
    const configuration = readStackConfiguration(ROOT, stack);
    const { runPlatform } = await import("../infra/program");
    const run = await runUnderMocks({ project: configuration.project, stack, config: configuration.config, secretKeys: configuration.secretKeys, program: runPlatform });
    return run.resources;
}

/** An empty pack in a temporary directory, started by run-policy-pack like the real one. */
function emptyPackDir(): string {
    const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), "empty-pack-"));
    const policy: string = require.resolve("@pulumi/policy");
    fs.writeFileSync(path.join(dir, "index.js"), `const { PolicyPack } = require(${JSON.stringify(policy)});\nnew PolicyPack("empty", { policies: [] });\n`);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "empty", version: "0.0.1", main: "index.js" }));
    return dir;
}

async function perResourceMs(server: PolicyPackServer, resources: readonly RecordedResource[]): Promise<number> {
    await server.analyzeEach(resources); // warm-up: JIT, connections, lazy requires
    const start: bigint = process.hrtime.bigint();
    for (let round = 0; round < ROUNDS; round++) {
        await server.analyzeEach(resources);
    }
    return Number(process.hrtime.bigint() - start) / 1e6 / (ROUNDS * resources.length);
}

async function main(): Promise<void> {
    // One stack per process for the mock runtime is not needed here: both runs only record resources.
    const resources: RecordedResource[] = [...await stackResources("dev"), ...await stackResources("prod")];
    const [pack, empty] = await Promise.all([PolicyPackServer.start(), PolicyPackServer.start(emptyPackDir())]);
    try {
        const floor: number = await perResourceMs(empty, resources);
        const real: number = await perResourceMs(pack, resources);
        const ratio: number = real / floor;
        console.log(`Analyze through the real analyzer server, ${resources.length} resources (dev + prod) x ${ROUNDS} rounds:`);
        console.log(`  empty pack (floor: RPC + serialisation)  ${floor.toFixed(2)} ms per resource`);
        console.log(`  platform-guardrails                      ${real.toFixed(2)} ms per resource (${(1000 / real).toFixed(0)} resources/s)`);
        console.log(`  ratio ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x)${ratio <= TARGET_RATIO ? "" : "  ABOVE TARGET"}`);
    } finally {
        pack.stop();
        empty.stop();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});

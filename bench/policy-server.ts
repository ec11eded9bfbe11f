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
const ROUNDS = 7;
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

/** Milliseconds per resource for one pass of Analyze calls over every resource. */
async function passMs(server: PolicyPackServer, resources: readonly RecordedResource[]): Promise<number> {
    const start: bigint = process.hrtime.bigint();
    await server.analyzeEach(resources);
    return Number(process.hrtime.bigint() - start) / 1e6 / resources.length;
}

function median(values: readonly number[]): number {
    const sorted: number[] = [...values].sort((a: number, b: number) => a - b);
    const mid: number = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
    // One stack per process for the mock runtime is not needed here: both runs only record resources.
    const resources: RecordedResource[] = [...await stackResources("dev"), ...await stackResources("prod")];
    const [pack, empty] = await Promise.all([PolicyPackServer.start(), PolicyPackServer.start(emptyPackDir())]);
    try {
        // Warm-up: JIT, connections, lazy requires.
        await pack.analyzeEach(resources);
        await empty.analyzeEach(resources);
        // The two servers take turns, round by round, so that drift in the machine's speed (a shared
        // 2-core VM swings by a third between minutes) lands on both; each ratio compares neighbours.
        const floors: number[] = [];
        const reals: number[] = [];
        const ratios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
            const floor: number = await passMs(empty, resources);
            const real: number = await passMs(pack, resources);
            floors.push(floor);
            reals.push(real);
            ratios.push(real / floor);
        }
        const ratio: number = median(ratios);
        const fmt = (values: readonly number[]): string => values.map((v: number) => v.toFixed(2)).join(", ");
        console.log(`Analyze through the real analyzer server, ${resources.length} resources (dev + prod), ${ROUNDS} alternating rounds:`);
        console.log(`  empty pack (floor: RPC + serialisation)  median ${median(floors).toFixed(2)} ms per resource  [${fmt(floors)}]`);
        console.log(`  platform-guardrails                      median ${median(reals).toFixed(2)} ms per resource  [${fmt(reals)}] (${(1000 / median(reals)).toFixed(0)} resources/s)`);
        console.log(`  ratio, median of the rounds' ratios: ${ratio.toFixed(2)}x  [${fmt(ratios)}] (target <= ${TARGET_RATIO}x)${ratio <= TARGET_RATIO ? "" : "  ABOVE TARGET"}`);
    } finally {
        pack.stop();
        empty.stop();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});

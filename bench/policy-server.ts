/**
 * Per-resource Analyze time through the real analyzer server (run-policy-pack + @pulumi/policy's
 * gRPC server, as `pulumi preview --policy-pack policy` runs it), against two floors served the
 * same way:
 *   the empty pack: the RPC and (de)serialisation alone; the target is at most 2x this floor;
 *   the skip floor: as many resource policies as platform-guardrails has, each declared for a type
 *   no resource has, so the server skips every one before calling it. What is left is the server's
 *   bookkeeping per policy (a not-applicable entry for each, in every response), which no pack of
 *   this size can avoid; the distance from it to the real pack is the pack's own work.
 * Resources: the dev and prod stacks as the mock engine records them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policies } from "../policy/policies";
import { median } from "./median";
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

/**
 * A pack of `count` resource policies that the server skips for every resource (their
 * validateResource carries a type no resource has), in a temporary directory, started by
 * run-policy-pack like the real one. `count` 0 is the empty pack.
 */
function floorPackDir(count: number): string {
    const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), "floor-pack-"));
    const policy: string = require.resolve("@pulumi/policy");
    fs.writeFileSync(path.join(dir, "index.js"), [
        `const { PolicyPack } = require(${JSON.stringify(policy)});`,
        `const policies = Array.from({ length: ${count} }, (_, i) => {`,
        "    const validateResource = () => undefined;",
        "    validateResource.__pulumiType = \"bench:floor:NoSuchType\";",
        "    return { name: `skipped-${i}`, description: \"skipped for every resource\", enforcementLevel: \"advisory\", validateResource };",
        "});",
        "new PolicyPack(\"floor\", { policies });",
        "",
    ].join("\n"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "floor", version: "0.0.1", main: "index.js" }));
    return dir;
}

/** Milliseconds per resource for one pass of Analyze calls over every resource. */
async function passMs(server: PolicyPackServer, resources: readonly RecordedResource[]): Promise<number> {
    const start: bigint = process.hrtime.bigint();
    await server.analyzeEach(resources);
    return Number(process.hrtime.bigint() - start) / 1e6 / resources.length;
}

async function main(): Promise<void> {
    // One stack per process for the mock runtime is not needed here: both runs only record resources.
    const resources: RecordedResource[] = [...await stackResources("dev"), ...await stackResources("prod")];
    const resourcePolicies: number = policies.filter((p) => "validateResource" in p).length;
    const [pack, empty, skip] = await Promise.all([PolicyPackServer.start(), PolicyPackServer.start(floorPackDir(0)), PolicyPackServer.start(floorPackDir(resourcePolicies))]);
    try {
        // Warm-up: JIT, connections, lazy requires.
        for (const server of [pack, empty, skip]) {
            await server.analyzeEach(resources);
        }
        // The servers take turns, round by round, so that drift in the machine's speed (a shared
        // 2-core VM swings by a third between minutes) lands on all of them; each ratio compares
        // neighbours, and the medians of the rounds are reported.
        const floors: number[] = [];
        const skips: number[] = [];
        const reals: number[] = [];
        const ratios: number[] = [];
        const skipRatios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
            const floor: number = await passMs(empty, resources);
            const skipped: number = await passMs(skip, resources);
            const real: number = await passMs(pack, resources);
            floors.push(floor);
            skips.push(skipped);
            reals.push(real);
            ratios.push(real / floor);
            skipRatios.push(skipped / floor);
        }
        const ratio: number = median(ratios);
        const fmt = (values: readonly number[]): string => values.map((v: number) => v.toFixed(2)).join(", ");
        console.log(`Analyze through the real analyzer server, ${resources.length} resources (dev + prod), ${ROUNDS} alternating rounds (medians; per round in brackets):`);
        console.log(`  empty pack (floor: RPC + serialisation)           ${median(floors).toFixed(2)} ms per resource  [${fmt(floors)}]`);
        console.log(`  ${resourcePolicies} resource policies, all skipped (skip floor)  ${median(skips).toFixed(2)} ms per resource  [${fmt(skips)}]`);
        console.log(`  platform-guardrails (${policies.length} policies)                ${median(reals).toFixed(2)} ms per resource  [${fmt(reals)}] (${(1000 / median(reals)).toFixed(0)} resources/s)`);
        console.log(`  skip floor / empty pack: ${median(skipRatios).toFixed(2)}x  [${fmt(skipRatios)}]`);
        console.log(`  platform-guardrails / empty pack: ${ratio.toFixed(2)}x  [${fmt(ratios)}] (target <= ${TARGET_RATIO}x)${ratio <= TARGET_RATIO ? "" : "  ABOVE TARGET"}`);
    } finally {
        pack.stop();
        empty.stop();
        skip.stop();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});

// Benchmark for the offline preview (npm run bench:preview [-- --runs N --stack prod]).
// Prints, as medians over several child-process runs with the same loader (node --import tsx):
//   (a) baseline: load the Pulumi SDK and register one AWS resource under the same mocks
//       (tools/preview/benchOneResource.ts);
//   (b) the whole offline preview of the stack (program, policy pack, cost, JSON and Mermaid output);
// and their ratio against the 1.5x budget. Not a test: it only reports.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO: string = path.resolve(__dirname, "..");
const BUDGET = 1.5;

function option(name: string, fallback: string): string {
    const index: number = process.argv.indexOf(name);
    return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function timeChild(args: string[], okCodes: number[]): number {
    const start: bigint = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    const ms: number = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status === null || !okCodes.includes(result.status)) {
        throw new Error(`${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
    }
    return ms;
}

function median(values: number[]): number {
    const sorted: number[] = [...values].sort((a, b) => a - b);
    const mid: number = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main(): void {
    const runs: number = Number(option("--runs", "5"));
    const stack: string = option("--stack", "prod");
    const out: string = fs.mkdtempSync(path.join(os.tmpdir(), "bench-preview-"));
    const baselineArgs: string[] = [path.join(REPO, "tools/preview/benchOneResource.ts"), stack];
    // Exit code 1 (a mandatory violation) is a complete run too.
    const previewArgs: string[] = [path.join(REPO, "tools/preview/cli.ts"), "--stack", stack, "--json", path.join(out, "result.json"), "--graph", path.join(out, "graph.mmd")];

    // Warm-up: fills tsx's transform cache so neither side pays for compiling TypeScript.
    timeChild(baselineArgs, [0]);
    timeChild(previewArgs, [0, 1]);

    const baseline: number[] = [];
    const preview: number[] = [];
    for (let i = 0; i < runs; i++) {
        baseline.push(timeChild(baselineArgs, [0]));
        preview.push(timeChild(previewArgs, [0, 1]));
    }
    const result = JSON.parse(fs.readFileSync(path.join(out, "result.json"), "utf8")) as { resources: unknown[] };
    fs.rmSync(out, { recursive: true, force: true });

    const a: number = median(baseline);
    const b: number = median(preview);
    const ratio: number = b / a;
    const fmt = (values: number[]): string => values.map((v) => v.toFixed(0)).join(", ");
    console.log(`offline preview benchmark, stack ${stack}, ${runs} runs each (child processes, node --import tsx, ${os.cpus().length} CPUs)`);
    console.log(`  (a) SDK + one AWS resource under the mocks: median ${a.toFixed(0)} ms  [${fmt(baseline)}]`);
    console.log(`  (b) whole offline preview (${result.resources.length} resources): median ${b.toFixed(0)} ms  [${fmt(preview)}]`);
    console.log(`  ratio (b)/(a): ${ratio.toFixed(2)}x (budget ${BUDGET}x): ${ratio <= BUDGET ? "within budget" : "OVER BUDGET"}`);
}

main();

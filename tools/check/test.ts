// `npm test`: the static checks (type check and ESLint, tools/check/staticChecks.ts) and the vitest
// suite, side by side in two processes. Neither waits for the other: on two cores the suite's mock
// runs and the type checker overlap instead of queueing, which is what keeps `npm test` within its
// 90-second budget. Vitest's report streams as it runs; the static checks' report follows it. The
// run fails when either fails. Arguments go to vitest (`npm test -- tests/policy`).
import { ChildProcess, spawn } from "child_process";
import * as path from "path";

const ROOT: string = path.resolve(__dirname, "..", "..");

interface Outcome {
    readonly code: number;
    readonly seconds: number;
    readonly output: string;
}

function run(args: readonly string[], streamOutput: boolean): Promise<Outcome> {
    const started: number = Date.now();
    return new Promise<Outcome>((resolve) => {
        const child: ChildProcess = spawn(process.execPath, [...args], { cwd: ROOT, stdio: ["ignore", streamOutput ? "inherit" : "pipe", streamOutput ? "inherit" : "pipe"] });
        let output = "";
        child.stdout?.on("data", (chunk: Buffer) => { output += chunk.toString(); });
        child.stderr?.on("data", (chunk: Buffer) => { output += chunk.toString(); });
        child.on("close", (code: number | null) => resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000, output }));
    });
}

async function main(): Promise<number> {
    const started: number = Date.now();
    const vitest: string = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
    const [checks, tests] = await Promise.all([
        run(["--import", "tsx", path.join(__dirname, "staticChecks.ts")], false),
        run([vitest, "run", ...process.argv.slice(2)], true),
    ]);
    process.stdout.write(`\n${checks.output}`);
    const verdict = (outcome: Outcome): string => `${outcome.code === 0 ? "passed" : `FAILED (exit ${outcome.code})`} in ${outcome.seconds.toFixed(1)} s`;
    console.log(`static checks ${verdict(checks)}; tests ${verdict(tests)}; npm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return checks.code === 0 && tests.code === 0 ? 0 : 1;
}

main().then((code: number) => process.exit(code), (error: unknown) => {
    console.error(error);
    process.exit(2);
});

// The static half of `npm test`: what `tsc --noEmit -p tsconfig.json && eslint . --max-warnings 0`
// checks, with one TypeScript program shared by both (tools/check/lint.ts). Exit code 1 on any
// type error or lint problem. Usage: tsx tools/check/staticChecks.ts
import * as path from "path";
import type * as ts from "typescript";
import { lint } from "./lint";
import { programFor, typeErrors } from "./typeCheck";

const ROOT: string = path.resolve(__dirname, "..", "..");

async function main(): Promise<number> {
    const started: number = Date.now();
    const program: ts.Program = programFor(path.join(ROOT, "tsconfig.json"));
    const types = typeErrors(program);
    const typed: number = Date.now();
    const linted = await lint(ROOT, program);
    const seconds = (from: number, to: number): string => `${((to - from) / 1000).toFixed(1)} s`;
    if (types.count > 0) {
        process.stdout.write(types.text);
    }
    if (linted.problems > 0) {
        process.stdout.write(linted.text);
    }
    const ended: number = Date.now();
    const count = (n: number, noun: string): string => (n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? "" : "s"}`);
    console.log(`type check: ${count(types.count, "error")} (${seconds(started, typed)}); ESLint: ${count(linted.problems, "problem")} (${seconds(typed, ended)})`);
    return types.count === 0 && linted.problems === 0 ? 0 : 1;
}

main().then((code: number) => process.exit(code), (error: unknown) => {
    console.error(error);
    process.exit(2);
});

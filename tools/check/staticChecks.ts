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
    console.log(`type check: ${types.count === 0 ? "no errors" : `${types.count} errors`} (${seconds(started, typed)}); ESLint: ${linted.problems === 0 ? "no problems" : `${linted.problems} problems`} (${seconds(typed, ended)})`);
    return types.count === 0 && linted.problems === 0 ? 0 : 1;
}

main().then((code: number) => process.exit(code), (error: unknown) => {
    console.error(error);
    process.exit(2);
});

import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
    export interface ProvidedContext {
        /** Directory with <stack>.json: the committed stacks as the mock engine recorded them, once per test run. */
        recordedStacks: string;
    }
}

export const RECORDED_STACKS: readonly string[] = ["dev", "prod"];

/**
 * Runs dev and prod once, each in its own process and both at once, before any test file starts.
 * Most suites only assert on what a stack registered: they read these recordings instead of
 * importing @pulumi/aws and running the program again (several seconds per file). Runs with
 * overrides or dry runs still run the program themselves.
 */
export default async function setup(project: TestProject): Promise<() => void> {
    const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), "recorded-stacks-"));
    const root: string = path.resolve(__dirname, "..", "..");
    await Promise.all(RECORDED_STACKS.map((stack: string) => new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "recordStack.ts"), stack, path.join(dir, `${stack}.json`)], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
        child.on("exit", (code: number | null) => (code === 0 ? resolve() : reject(new Error(`recording ${stack} failed (${code}): ${stderr}`))));
    })));
    project.provide("recordedStacks", dir);
    return () => fs.rmSync(dir, { recursive: true, force: true });
}

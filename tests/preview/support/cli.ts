import { spawn } from "child_process";
import * as path from "path";
import { PREVIEW_NODE_ARGS } from "../../../tools/preview/cli";

export const REPO: string = path.resolve(__dirname, "..", "..", "..");
export const FIXTURES: string = path.join(REPO, "tests", "preview", "fixtures");
export const FIXTURE_PROJECT: string = path.join(FIXTURES, "project");

export interface CliRun {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the offline preview CLI in a child process (one Pulumi runtime per process). */
export function runCli(args: readonly string[]): Promise<CliRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [...PREVIEW_NODE_ARGS, path.join(REPO, "tools", "preview", "cli.ts"), ...args], { cwd: REPO, env: { ...process.env, NODE_OPTIONS: "" } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
        child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
        child.on("error", reject);
        child.on("close", (code: number | null) => resolve({ code, stdout, stderr }));
    });
}

/** Options that point the preview at the fixture project, a fixture program and the fixture policy pack. */
export function fixtureArgs(stack: string, program: string): string[] {
    return ["--stack", stack, "--project-dir", FIXTURE_PROJECT, "--program", path.join(FIXTURES, `${program}.ts#program`), "--policies", path.join(FIXTURES, "policies.ts")];
}

import { spawn } from "child_process";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { PREVIEW_NODE_ARGS } from "../../tools/preview/cli";
import { REPO } from "./support/cli";

interface PipedRun {
    readonly code: number | null;
    readonly stdout: string;
}

/**
 * Runs the CLI with stdout into a real pipe whose reader starts late, so the pipe buffer (64 KiB on
 * Linux) is full while the preview finishes: what a slow `| jq` or `| tee` sees.
 */
function runIntoSlowPipe(args: readonly string[]): Promise<PipedRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [...PREVIEW_NODE_ARGS, path.join(REPO, "tools", "preview", "cli.ts"), ...args],
            { cwd: REPO, env: { ...process.env, NODE_OPTIONS: "" }, stdio: ["ignore", "pipe", "ignore"] });
        const chunks: Buffer[] = [];
        // Listening from the start (Node discards a child's unread output at exit otherwise), paused:
        // the pipe fills and the preview's writes wait, as behind a reader that is slow to start.
        child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 6000);
        child.on("error", reject);
        // Resolve on the later of the exit and the end of what the pipe delivered (read after the delay).
        let code: number | null | undefined;
        let ended = false;
        const settle = (): void => {
            if (code !== undefined && ended) {
                resolve({ code, stdout: Buffer.concat(chunks).toString("utf8") });
            }
        };
        child.on("exit", (exitCode: number | null) => { code = exitCode; settle(); });
        child.stdout.on("end", () => { ended = true; settle(); });
    });
}

describe("output through a pipe", () => {
    it("delivers the whole JSON document (far larger than the pipe buffer) and the exit code", async () => {
        const run: PipedRun = await runIntoSlowPipe(["--stack", "prod", "--json", "-"]);
        expect(run.stdout.length).toBeGreaterThan(256 * 1024);
        const parsed = JSON.parse(run.stdout) as { stack: string; exitCode: number };
        expect(parsed.stack).toBe("prod");
        expect(run.code).toBe(parsed.exitCode);
    });

    it("delivers the whole text report, verdict included", async () => {
        const run: PipedRun = await runIntoSlowPipe(["--stack", "prod"]);
        expect(run.stdout.length).toBeGreaterThan(64 * 1024);
        expect(run.stdout.trimEnd().split("\n").pop()).toMatch(/^(OK: no mandatory policy violations|FAILED: \d+ mandatory)/);
        expect(run.code).toBe(run.stdout.includes("\nOK: no mandatory") ? 0 : 1);
    });
});

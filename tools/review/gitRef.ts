import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ReviewInputError } from "./previewFile";

/** Preview options forwarded to both trees; paths are relative to each tree's root. */
export interface TreePreviewOptions {
    readonly stack: string;
    readonly projectDir?: string;
    readonly program?: string;
    readonly policies?: string;
    readonly policyConfig?: string;
}

function git(repo: string, args: readonly string[]): { ok: boolean; out: string; err: string } {
    const result = spawnSync("git", ["-C", repo, ...args], { encoding: "utf8" });
    return { ok: result.status === 0, out: (result.stdout ?? "").trim(), err: (result.stderr ?? "").trim() };
}

/** The repository's top directory (the working tree the head preview runs in). */
export function repositoryRoot(dir: string): string {
    const top = git(dir, ["rev-parse", "--show-toplevel"]);
    if (!top.ok) {
        throw new ReviewInputError(`${dir}: not inside a git repository (${top.err || "git rev-parse failed"})`);
    }
    return top.out;
}

/** The commit a ref names, or exit 2 naming the ref. */
export function resolveRef(repo: string, ref: string): string {
    const commit = git(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (!commit.ok || !commit.out) {
        throw new ReviewInputError(`--ref ${ref}: no such commit in ${repo} (fetch it first, e.g. git fetch origin main)`);
    }
    return commit.out;
}

/**
 * Checks the commit out into a temporary git worktree (detached), with node_modules linked to the
 * current checkout's (no install), runs `use` on it and removes the worktree afterwards, whatever happens.
 */
export async function withWorktree<T>(repo: string, commit: string, use: (dir: string) => Promise<T>): Promise<T> {
    const parent: string = fs.mkdtempSync(path.join(os.tmpdir(), "offline-review-"));
    const dir: string = path.join(parent, "base");
    const added = git(repo, ["worktree", "add", "--detach", dir, commit]);
    if (!added.ok) {
        fs.rmSync(parent, { recursive: true, force: true });
        throw new ReviewInputError(`git worktree add ${commit.slice(0, 12)} failed: ${added.err}`);
    }
    try {
        const modules: string = path.join(repo, "node_modules");
        if (fs.existsSync(modules) && !fs.existsSync(path.join(dir, "node_modules"))) {
            fs.symlinkSync(fs.realpathSync(modules), path.join(dir, "node_modules"), "dir");
        }
        return await use(dir);
    } finally {
        git(repo, ["worktree", "remove", "--force", dir]);
        fs.rmSync(parent, { recursive: true, force: true });
        git(repo, ["worktree", "prune"]);
    }
}

/**
 * How a tree starts its offline preview: its own package.json script (`node <args> tools/preview/cli.ts`),
 * so a base commit runs the preview it shipped with.
 */
function previewCommand(root: string, label: string): string[] {
    let script: string | undefined;
    try {
        script = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts?.["preview:offline"];
    } catch {
        script = undefined;
    }
    if (!script || !/^node\s/.test(script)) {
        throw new ReviewInputError(`${label}: package.json has no "preview:offline" script of the form "node ..." (the offline preview came later than this commit?)`);
    }
    return script.trim().split(/\s+/).slice(1);
}

/** Runs the tree's offline preview in a child process (one Pulumi runtime per process) and writes its JSON. */
export function previewTree(root: string, options: TreePreviewOptions, jsonFile: string, label: string): Promise<void> {
    const forwarded: string[] = [
        ...(options.projectDir ? ["--project-dir", options.projectDir] : []),
        ...(options.program ? ["--program", options.program] : []),
        ...(options.policies ? ["--policies", options.policies] : []),
        ...(options.policyConfig ? ["--policy-config", options.policyConfig] : []),
    ];
    const args: string[] = [...previewCommand(root, label), "--stack", options.stack, "--json", jsonFile, ...forwarded];
    return new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NODE_OPTIONS: "" } });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
        child.on("error", (error: Error) => reject(new ReviewInputError(`${label}: cannot start the offline preview: ${error.message}`)));
        child.on("close", (code: number | null) => {
            // 1 is a complete preview with a mandatory finding: the review compares those too.
            if ((code === 0 || code === 1) && fs.existsSync(jsonFile)) {
                resolve();
            } else {
                reject(new ReviewInputError(`${label}: the offline preview of ${options.stack} failed (exit ${code}):\n${stderr.trim()}`));
            }
        });
    });
}

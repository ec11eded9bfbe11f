import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PreviewResource, PreviewResult } from "../../tools/preview/preview";
import { REPO } from "./support/variants";

interface Run {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** `npm run review:offline` as a child process (tsx's CommonJS hook: the review loads no SDK). */
function review(args: readonly string[], cwd: string = REPO, cli: string = path.join(REPO, "tools", "review", "cli.ts")): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["--require", "tsx/cjs", cli, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: "" } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
        child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
        child.on("error", reject);
        child.on("close", (code: number | null) => resolve({ code, stdout, stderr }));
    });
}

const URN = "urn:pulumi:dev::platform::platform:data:DataTier$aws:dynamodb/table:Table::table-orders";

function resource(urn: string, inputs: Record<string, unknown>, extra: Partial<PreviewResource> = {}): PreviewResource {
    return { urn, type: urn.split("::")[2].split("$").pop()!, name: urn.split("::").pop()!, custom: true, component: "data", protect: false, retainOnDelete: false, dependencies: [], inputs, secretInputs: [], ...extra };
}

function result(stack: string, resources: PreviewResource[], total: number): PreviewResult {
    return {
        project: "platform", stack, config: { "aws:region": "us-east-1" }, secretConfigKeys: [], resources, countsByType: {}, outputs: {},
        policies: { resourcePolicies: 0, stackPolicies: 0, resourceEvaluations: 0, stackEvaluations: 0, violations: [], countsByLevel: {}, notApplicable: [] },
        cost: { currency: "USD", region: "us-east-1", totalMonthlyUsd: total, byComponent: [{ component: "data", monthlyUsd: total }], items: [], unpriced: [], assumptions: {} as never, assumptionSources: [], levers: [], rates: {} },
        externalReferences: [], access: {} as PreviewResult["access"], graph: "", exitCode: 0,
    };
}

let dir: string;
const file = (name: string, value: unknown): string => {
    const target: string = path.join(dir, name);
    fs.writeFileSync(target, typeof value === "string" ? value : JSON.stringify(value));
    return target;
};

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-cli-"));
    file("base.json", result("dev", [resource(URN, { name: "platform-dev-orders" })], 10));
    file("renamed.json", result("dev", [resource(URN, { name: "platform-dev-orders-2" })], 12.5));
    file("tagged.json", result("dev", [resource(URN, { name: "platform-dev-orders", tags: { Team: "a" } })], 10));
    file("prod.json", result("prod", [], 0));
    file("broken.json", "{ not json");
    file("ack.json", { acknowledgements: [{ stack: "dev", urn: "urn:pulumi:dev::platform::*::table-orders", kind: "replace", reason: "new table name, data copied by the migration job" }] });
    file("stale.json", { acknowledgements: [
        { stack: "dev", urn: URN, kind: "replace", reason: "new table name, data copied by the migration job" },
        { stack: "dev", urn: URN, kind: "delete", reason: "left over from an earlier change" },
        { stack: "prod", urn: URN, kind: "delete", reason: "another stack's acknowledgement" },
    ] });
    file("bad-ack.json", { acknowledgements: [{ stack: "dev", urn: URN, kind: "replaced", reason: "ok", note: "x" }, { urn: "table-orders", kind: "delete", reason: "because it is fine" }], extra: 1 });
});

describe("review:offline command", () => {
    it("exit codes: 0 unchanged or harmless, 1 dangerous, 0 once acknowledged (stale ones listed), 2 for bad input", async () => {
        const base = path.join(dir, "base.json");
        const [same, tagged, dangerous, acknowledged, stale, missing, malformed, stacks, badAck] = await Promise.all([
            review(["--base", base, "--head", base]),
            review(["--base", base, "--head", path.join(dir, "tagged.json")]),
            review(["--base", base, "--head", path.join(dir, "renamed.json"), "--markdown", path.join(dir, "out.md"), "--json", path.join(dir, "out.json")]),
            review(["--base", base, "--head", path.join(dir, "renamed.json"), "--acknowledgements", path.join(dir, "ack.json")]),
            review(["--base", base, "--head", path.join(dir, "renamed.json"), "--acknowledgements", path.join(dir, "stale.json"), "--markdown", "-"]),
            review(["--base", path.join(dir, "nope.json"), "--head", base]),
            review(["--base", path.join(dir, "broken.json"), "--head", base]),
            review(["--base", base, "--head", path.join(dir, "prod.json")]),
            review(["--base", base, "--head", path.join(dir, "renamed.json"), "--acknowledgements", path.join(dir, "bad-ack.json")]),
        ]);
        expect(same.code).toBe(0);
        expect(same.stdout).toContain("OK: nothing dangerous");
        expect(tagged.code).toBe(0);
        expect(tagged.stdout).toContain("UPDATED aws:dynamodb/table:Table table-orders");
        expect(tagged.stdout).toContain('tags: (unset) -> {"Team":"a"}');

        expect(dangerous.code).toBe(1);
        expect(dangerous.stdout).toContain("[replace] replaces aws:dynamodb/table:Table table-orders (name)");
        expect(dangerous.stdout).toMatch(/^ {2}data +\$10\.00 -> +\$12\.50 {2}\+\$2\.50$/m);
        const markdown: string = fs.readFileSync(path.join(dir, "out.md"), "utf8");
        expect(markdown.startsWith("<!-- platform-offline-review:dev -->\n")).toBe(true);
        expect(markdown).toContain("| :x: | replace |");
        const json = JSON.parse(fs.readFileSync(path.join(dir, "out.json"), "utf8"));
        expect(json).toMatchObject({ stack: "dev", exitCode: 1, counts: { replaced: 1 }, dangers: [{ kind: "replace", urn: URN }] });

        expect(acknowledged.code).toBe(0);
        expect(acknowledged.stdout).toContain("acknowledged: new table name, data copied by the migration job");
        expect(stale.code).toBe(0);
        expect(stale.stdout).toContain("<!-- platform-offline-review:dev -->");
        expect(stale.stdout).toContain(`\`delete\` \`${URN}\``);
        expect(stale.stderr).toContain("Stale acknowledgements");
        expect(stale.stdout).not.toContain("another stack");

        for (const run of [missing, malformed, stacks, badAck]) {
            expect(run.code).toBe(2);
            expect(run.stderr).not.toMatch(/\n\s+at /);
        }
        expect(missing.stderr).toContain("nope.json: cannot read the preview (no such file)");
        expect(malformed.stderr).toMatch(/broken\.json: not valid JSON/);
        expect(stacks.stderr).toContain("platform/dev but");
        expect(badAck.stderr).toContain('acknowledgements[0].kind: "replaced" (allowed: delete, replace, unprotect, retain-removed, deletion-protection-removed, policy-finding, internet-ingress, public-principal); did you mean replace?');
        expect(badAck.stderr).toContain("acknowledgements[0].note: unknown key (allowed: stack, urn, kind, reason)");
        expect(badAck.stderr).toContain('acknowledgements[0].reason: "ok" (required: why this change is accepted');
        expect(badAck.stderr).toContain("acknowledgements[1].stack: missing");
        expect(badAck.stderr).toContain('acknowledgements[1].urn: "table-orders" is not a URN');
        expect(badAck.stderr).toContain("extra: unknown key (allowed: acknowledgements)");
    });

    it("--ref: previews a git ref in a temporary worktree and the working tree, compares, and removes the worktree", async () => {
        // A throwaway clone, so the test adds worktrees to its own repository only.
        const clone: string = path.join(dir, "clone");
        expect(spawnSync("git", ["clone", "--quiet", "--shared", REPO, clone]).status).toBe(0);
        fs.symlinkSync(fs.realpathSync(path.join(REPO, "node_modules")), path.join(clone, "node_modules"), "dir");
        const program = "tests/review/fixtures/renames.ts";
        fs.writeFileSync(path.join(clone, program), fs.readFileSync(path.join(clone, program), "utf8").replace('table("orders", "fixture-orders");', 'table("orders", "fixture-orders-3");'));
        const args = ["--ref", "HEAD", "--stack", "ok", "--project-dir", "tests/preview/fixtures/project", "--program", `${program}#base`, "--policies", "tests/preview/fixtures/policies.ts"];
        const [run, badRef] = await Promise.all([
            review(args, clone, path.join(clone, "tools", "review", "cli.ts")),
            review(["--ref", "no-such-ref", "--stack", "ok"], clone, path.join(clone, "tools", "review", "cli.ts")),
        ]);
        expect(run.stderr).toBe("");
        expect(run.code).toBe(1);
        expect(run.stdout).toContain("Offline change review: fixture/ok (HEAD (");
        expect(run.stdout).toContain("REPLACED aws:dynamodb/table:Table orders");
        expect(badRef.code).toBe(2);
        expect(badRef.stderr).toContain("--ref no-such-ref: no such commit");
        const worktrees: string = spawnSync("git", ["-C", clone, "worktree", "list"], { encoding: "utf8" }).stdout;
        expect(worktrees.trim().split("\n")).toHaveLength(1);
    });
});

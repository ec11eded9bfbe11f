import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policies } from "../../policy/policies";
import { runOfflinePreview } from "../../tools/preview/preview";
import { policyConfigProblems } from "../../tools/preview/policyConfigSchema";
import { CliRun, FIXTURES, FIXTURE_PROJECT, fixtureArgs, runCli } from "./support/cli";

/** A stack frame as Node prints it: what a user mistake must never show. */
const STACK_FRAME = /^\s+at .+[(:]\d+/m;

let tmp: string;
let duplicate: CliRun;

function writeJson(name: string, value: unknown): string {
    const file: string = path.join(tmp, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
}

beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "preview-mistakes-"));
    duplicate = await runCli(fixtureArgs("ok", "duplicateUrn"));
});

afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

describe("mistakes are reported, never ignored and never a stack trace", () => {
    it("a policy config naming a policy the pack does not have: exit 2 with the nearest name", async () => {
        const file: string = writeJson("misspelt-policy.json", { "iam-secret-rotaton": { enforcementLevel: "advisory" } });
        const outcome = await runOfflinePreview({ stack: "ok", projectDir: FIXTURE_PROJECT, program: path.join(FIXTURES, "compliant.ts#program"), policyConfig: file });
        expect(outcome.exitCode).toBe(2);
        expect(outcome.failure?.message).toContain("iam-secret-rotaton: no such policy in the pack");
        expect(outcome.failure?.message).toContain("did you mean iam-secret-rotation?");
        expect(outcome.failure?.message).not.toMatch(STACK_FRAME);
    });

    it("an exemption pattern that is not a regular expression: exit 2 naming the policy, field and pattern", () => {
        const problems: string[] = policyConfigProblems(policies, { "iam-secret-rotation": { exemptions: [{ urnPattern: "access-(", reason: "r" }] } }, "platform-guardrails", "0.1.0");
        expect(problems).toEqual([expect.stringMatching(/iam-secret-rotation: exemptions\.0\.urnPattern: Does not match format 'regex' \("access-\(" is not a valid regular expression\)$/)]);
    });

    it("an assumptions file with a misspelt key or a value of the wrong type: exit 2 naming file, key and value", async () => {
        const file: string = writeJson("assumptions.json", { natGatewayGbPerMonht: 5, hoursPerMonth: "730" });
        const outcome = await runOfflinePreview({ stack: "ok", projectDir: FIXTURE_PROJECT, program: path.join(FIXTURES, "compliant.ts#program"), policies: path.join(FIXTURES, "policies.ts"), assumptions: file });
        expect(outcome.exitCode).toBe(2);
        const message: string = outcome.failure?.message ?? "";
        expect(message).toContain(`${file}: natGatewayGbPerMonht: got 5; allowed: a cost assumption`);
        expect(message).toContain("did you mean natGatewayGbPerMonth?");
        expect(message).toContain(`${file}: hoursPerMonth: got "730"; allowed: a number of at least 0`);
        expect(message).not.toMatch(STACK_FRAME);
    });

    it("a program the engine would refuse (duplicate URN): the engine's message only", () => {
        expect(duplicate.code).toBe(2);
        expect(duplicate.stderr).toContain("Duplicate resource URN 'urn:pulumi:ok::");
        expect(duplicate.stderr).not.toMatch(STACK_FRAME);
    });
});

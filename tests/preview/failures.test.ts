import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../infra/config/load";
import { readStackConfiguration } from "../../tools/offline/stackConfig";
import { parseArguments } from "../../tools/preview/cli";
import { runOfflinePreview } from "../../tools/preview/preview";
import { CliRun, FIXTURES, FIXTURE_PROJECT, REPO, fixtureArgs, runCli } from "./support/cli";

/** A throwaway project: the repo's real Pulumi.yaml plus a dev stack file with an invalid network block. */
let tmp: string;
let expectedConfigMessage: string;
let noncompliant: CliRun;
let invalidConfig: CliRun;
let throwing: CliRun;

beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "offline-preview-"));
    fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(tmp, "Pulumi.yaml"));
    const dev: string = fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8");
    fs.writeFileSync(path.join(tmp, "Pulumi.broken.yaml"), dev
        .replace(/vpcCidr: .*/, "vpcCidr: 10.20.0.0/33")
        .replace(/natStrategy: .*/, "natStrategy: sometimes"));
    const configuration = readStackConfiguration(tmp, "broken");
    try {
        parsePlatformConfig(configuration.config, configuration.project, "broken");
        throw new Error("the broken fixture stack should not validate");
    } catch (error) {
        expectedConfigMessage = (error as Error).message;
    }
    // The few child processes this suite needs, in parallel: exit codes are the CLI's contract.
    [noncompliant, invalidConfig, throwing] = await Promise.all([
        runCli(fixtureArgs("noncompliant", "noncompliant")),
        runCli(["--stack", "broken", "--project-dir", tmp, "--program", path.join(FIXTURES, "configOnly.ts#program"), "--policies", path.join(FIXTURES, "policies.ts")]),
        runCli(fixtureArgs("noncompliant", "throwing")),
    ]);
});

afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

describe("a deliberately non-compliant program", () => {
    it("exits 1 and lists the mandatory violations under 'mandatory'", () => {
        expect(noncompliant.code).toBe(1);
        const out: string = noncompliant.stdout;
        const mandatory: string = out.slice(out.indexOf("    mandatory ("), out.indexOf("    advisory ("));
        expect(mandatory).toMatch(/^ {4}mandatory \(3\):/);
        expect(mandatory).toContain("[fixture-s3-encryption] (high) aws:s3/bucket:Bucket \"public-data\": serverSideEncryptionConfiguration is not set");
        expect(mandatory).toContain("[fixture-required-tags] (high) aws:s3/bucket:Bucket \"public-data\": tagsAll.Owner is not set");
        expect(mandatory).toContain("[fixture-no-public-ssh] (high) aws:ec2/securityGroup:SecurityGroup \"bastion\": ingress[0].cidrBlocks is [\"0.0.0.0/0\"]");
        expect(out).toContain("FAILED: 3 mandatory policy violations (exit code 1)");
    });
});

describe("failure modes exit 2 with a clear message", () => {
    it("invalid configuration: the foundation's message, unchanged, and no stack trace", () => {
        expect(invalidConfig.code).toBe(2);
        expect(expectedConfigMessage).toMatch(/^Invalid configuration for stack "broken" \(2 problems\)/);
        expect(invalidConfig.stderr.trim()).toBe(expectedConfigMessage);
        expect(invalidConfig.stderr).not.toMatch(/^\s+at /m);
        expect(invalidConfig.stdout).toBe("");
    });

    it("a program error: exit 2 with the error", () => {
        expect(throwing.code).toBe(2);
        expect(throwing.stderr).toContain("fixture program bug: subnet plan exhausted");
        expect(throwing.stdout).toBe("");
    });

    it("unknown stack", async () => {
        const outcome = await runOfflinePreview({ stack: "qa", projectDir: FIXTURE_PROJECT });
        expect(outcome.exitCode).toBe(2);
        expect(outcome.failure).toEqual({
            kind: "configuration",
            message: `unknown stack "qa": there is no Pulumi.qa.yaml in ${FIXTURE_PROJECT}; stacks with a file: malformed, noncompliant, notmap, ok`,
        });
    });

    it("missing project file", async () => {
        const outcome = await runOfflinePreview({ stack: "dev", projectDir: FIXTURES });
        expect(outcome.exitCode).toBe(2);
        expect(outcome.failure?.message).toBe(`${path.join(FIXTURES, "Pulumi.yaml")}: file not found`);
    });

    it("malformed stack file (YAML syntax)", async () => {
        const outcome = await runOfflinePreview({ stack: "malformed", projectDir: FIXTURE_PROJECT });
        expect(outcome.exitCode).toBe(2);
        expect(outcome.failure?.message).toMatch(new RegExp(`^${escape(path.join(FIXTURE_PROJECT, "Pulumi.malformed.yaml"))}: not valid YAML: `));
    });

    it("malformed stack file (config is not a mapping)", async () => {
        const outcome = await runOfflinePreview({ stack: "notmap", projectDir: FIXTURE_PROJECT });
        expect(outcome.exitCode).toBe(2);
        expect(outcome.failure?.message).toBe("Pulumi.notmap.yaml config: expected a mapping of keys to values");
    });

    it("malformed policy config", async () => {
        const file: string = path.join(tmp, "policy-config.json");
        fs.writeFileSync(file, JSON.stringify({ "fixture-kms-rotation": "sometimes" }));
        const outcome = await runOfflinePreview({ stack: "ok", projectDir: FIXTURE_PROJECT, policyConfig: file });
        expect(outcome.exitCode).toBe(2);
        expect(outcome.failure?.message).toMatch(/^policy config "fixture-kms-rotation": expected an enforcement level/);
    });
});

describe("command line", () => {
    it("parses --json/--graph with and without a file", () => {
        expect(parseArguments(["--stack", "dev", "--json", "--graph", "out.mmd"])).toMatchObject({ json: "-", graph: "out.mmd", options: { stack: "dev" } });
        expect(parseArguments(["-s", "prod", "--json=out.json", "--dry-run"])).toMatchObject({ json: "out.json", options: { stack: "prod", dryRun: true } });
    });

    it("rejects missing --stack, unknown arguments and two outputs on stdout", () => {
        expect(parseArguments([]).error).toBe("--stack <name> is required");
        expect(parseArguments(["--stack", "dev", "--yes"]).error).toBe("unknown argument --yes");
        expect(parseArguments(["--stack", "dev", "--json", "--graph"]).error).toMatch(/cannot both write to stdout/);
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

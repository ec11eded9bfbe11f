import type { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policies } from "../../policy/policies";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { evaluatePack } from "../../tools/preview/policy";
import { PolicyPackServer, ProtocolFinding } from "../../tools/offline/analyzerClient";
import { runStack } from "../support/stackRun";

/**
 * The pack through the protocol the CLI speaks (run-policy-pack, @pulumi/policy's gRPC server,
 * GetAnalyzerInfo, Configure, Analyze per resource, AnalyzeStack) against the offline evaluator the
 * tests and `preview:offline` use: same policies, resources and levels. Where they differ, the real
 * server is right. One test file per stack (analyzerProtocol.dev/.prod.test.ts), so the two halves,
 * the suite's longest, run in parallel workers.
 */
export type Key = string;
export const key = (f: { policy: string; urn?: string; enforcementLevel: string }): Key => `${f.enforcementLevel} ${f.policy} ${f.urn ?? ""}`;

export const DEFAULT_LEVELS = new Map<string, EnforcementLevel>(policies.map((p) => [p.name, p.enforcementLevel ?? "advisory"]));

export async function offline(resources: readonly RecordedResource[], config: PolicyPackConfig): Promise<Key[]> {
    const byUrn = new Map<string, RecordedResource>(resources.map((r: RecordedResource) => [r.urn, r]));
    const report = await evaluatePack(policies, resources, byUrn, config);
    return report.violations.map(key).sort();
}

export async function real(server: PolicyPackServer, resources: readonly RecordedResource[], config: PolicyPackConfig): Promise<ProtocolFinding[]> {
    await server.configure(config, DEFAULT_LEVELS);
    return server.analyzeAll(resources);
}

/** A stricter config than the defaults: levels raised and lowered, a rule setting changed. */
export const STRICT_CONFIG: PolicyPackConfig = {
    "log-log-group-retention": "mandatory",
    "log-guardduty-eks": "disabled",
    "tag-required-keys": { requiredKeys: ["Project", "Environment", "Owner", "CostCenter", "DataClassification", "ManagedBy", "Team"] },
};

/** Resources that break mandatory rules, recorded the way the mock engine records them. */
export function nonCompliant(template: RecordedResource): RecordedResource[] {
    const make = (type: string, name: string, inputs: Record<string, unknown>): RecordedResource => ({
        ...template, urn: `urn:pulumi:dev::platform::${type}::${name}`, type, name, parent: undefined, dependencies: [], propertyDependencies: {}, inputs, outputs: inputs, secretInputs: [], protect: false, retainOnDelete: false,
    });
    return [
        make("aws:ec2/securityGroup:SecurityGroup", "open-ssh", { vpcId: "vpc-1", description: "ssh", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" }], tags: {} }),
        make("aws:rds/instance:Instance", "public-db", { engine: "postgres", instanceClass: "db.t4g.micro", publiclyAccessible: true, storageEncrypted: false }),
        make("aws:s3/bucketAclV2:BucketAclV2", "public-acl", { bucket: "b", acl: "public-read" }),
    ];
}

/**
 * The suite for one stack: the pack started as the CLI starts it, the stack's findings with the
 * default config and with STRICT_CONFIG against the offline evaluator's. `withPackChecks` adds the
 * checks that do not depend on a stack (GetAnalyzerInfo, the non-compliant resources).
 */
export function describeAnalyzerProtocol(stack: string, withPackChecks: boolean): void {
    describe(`the policy pack through the analyzer protocol (${stack})`, () => {
        let server: PolicyPackServer;
        let resources: readonly RecordedResource[] = [];

        beforeAll(async () => {
            const started: Promise<PolicyPackServer> = PolicyPackServer.start();
            resources = (await runStack(stack)).resources;
            server = await started;
        }, 240_000);

        afterAll(() => server?.stop());

        it("the same findings as the offline evaluator, with the default config", async () => {
            const findings: ProtocolFinding[] = await real(server, resources, {});
            expect(findings.map(key).sort()).toEqual(await offline(resources, {}));
            expect(findings.filter((f) => f.enforcementLevel === "mandatory")).toEqual([]);
        });

        it("the same findings as the offline evaluator, with a policy config", async () => {
            const findings: ProtocolFinding[] = await real(server, resources, STRICT_CONFIG);
            const expected: Key[] = await offline(resources, STRICT_CONFIG);
            expect(findings.map(key).sort()).toEqual(expected);
            expect(findings.some((f) => f.policy === "tag-required-keys")).toBe(true);
            expect(findings.some((f) => f.policy === "log-guardduty-eks")).toBe(false);
        });

        if (!withPackChecks) {
            return;
        }

        it("starts as the CLI starts it and describes every policy with its default level", async () => {
            const info = await server.info();
            expect(info.name).toBe("platform-guardrails");
            expect(info.policies.map((p) => p.name).sort()).toEqual([...DEFAULT_LEVELS.keys()].sort());
            for (const policy of info.policies) {
                expect(policy.enforcementLevel, policy.name).toBe(DEFAULT_LEVELS.get(policy.name));
            }
        });

        it("reports non-compliant resources as mandatory, as the offline evaluator does", async () => {
            const broken: RecordedResource[] = nonCompliant(resources[0]);
            const findings: ProtocolFinding[] = await real(server, broken, {});
            expect(findings.map(key).sort()).toEqual(await offline(broken, {}));
            const mandatory = new Set(findings.filter((f) => f.enforcementLevel === "mandatory").map((f) => f.urn.split("::").pop()));
            expect([...mandatory].sort()).toEqual(["open-ssh", "public-acl", "public-db"]);
        });
    });
}

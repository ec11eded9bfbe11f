import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER } from "../../tools/offline/mockEngine";
import { SECURE_PLACEHOLDER } from "../../tools/offline/stackConfig";
import { PreviewOutcome, PreviewResult, runOfflinePreview } from "../../tools/preview/preview";
import { renderReport } from "../../tools/preview/report";
import { FIXTURES, FIXTURE_PROJECT } from "./support/cli";

// The ciphertext in tests/preview/fixtures/project/Pulumi.ok.yaml (base64 of "CIPHERTEXT-NEVER-PRINTED").
const CIPHERTEXT = "v1:Q0lQSEVSVEVYVC1ORVZFUi1QUklOVEVE";

let outcome: PreviewOutcome;
let result: PreviewResult;
let json: string;
let report: string;

beforeAll(async () => {
    outcome = await runOfflinePreview({
        stack: "ok",
        projectDir: FIXTURE_PROJECT,
        program: path.join(FIXTURES, "compliant.ts#program"),
        policies: path.join(FIXTURES, "policies.ts"),
        policyConfig: path.join(FIXTURES, "policy-config.json"),
    });
    result = outcome.result!;
    json = `${JSON.stringify(result, null, 2)}\n`;
    report = renderReport(result);
});

describe("offline preview of a compliant fixture program", () => {
    it("succeeds with exit code 0", () => {
        expect(outcome.failure).toBeUndefined();
        expect(outcome.exitCode).toBe(0);
        expect(result.policies.violations).toEqual([]);
    });

    it("matches the golden JSON (stable ordering, no timestamps)", async () => {
        await expect(json).toMatchFileSnapshot("__snapshots__/fixture-ok.json");
        const urns: string[] = result.resources.map((r) => r.urn);
        expect(urns).toEqual([...urns].sort());
    });

    it("matches the golden Mermaid graph, with the cross-component dependency", async () => {
        await expect(result.graph).toMatchFileSnapshot("__snapshots__/fixture-ok.mmd");
        expect(result.graph).toMatch(/^flowchart LR/);
        expect(result.graph).toContain("c1 -->|2 links| c0");
    });

    it("never prints a secret: secure config and secret inputs and outputs are placeholders", () => {
        for (const text of [json, report]) {
            expect(text).not.toContain(CIPHERTEXT);
            expect(text).not.toContain("Q0lQSEVSVEVYVC1ORVZFUi1QUklOVEVE");
            expect(text).not.toContain(SECURE_PLACEHOLDER);
        }
        expect(result.config["fixture:dbPassword"]).toBe(SECRET_PLACEHOLDER);
        expect(result.outputs.dbPassword).toBe(SECRET_PLACEHOLDER);
        const version = result.resources.find((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion")!;
        expect(version.inputs.secretString).toBe(SECRET_PLACEHOLDER);
        expect(version.secretInputs).toEqual(["secretString"]);
        expect(report).toContain("[secret: secretString]");
    });

    it("prints the tree with components, key settings, protection marks and counts by type", () => {
        expect(report).toMatch(/├─ platform:fixture:Network\s+network/);
        expect(report).toMatch(/│ {2}├─ aws:ec2\/subnet:Subnet\s+network-private-a\s+cidrBlock=10\.0\.0\.0\/24 availabilityZone=us-east-1a/);
        expect(report).toMatch(/aws:kms\/key:Key\s+security-key\s+\[protected\] \[retainOnDelete\] enableKeyRotation=true/);
        expect(report).toMatch(/aws:cloudwatch\/logGroup:LogGroup\s+network-flow-logs\s+retentionInDays=365/);
        expect(report).toMatch(/aws:ec2\/subnet:Subnet\s+2\n/);
        expect(result.countsByType["aws:kms/key:Key"]).toBe(2);
    });

    it("hands policies tagsAll merged from the provider's default tags", () => {
        const vpc = result.resources.find((r) => r.type === "aws:ec2/vpc:Vpc")!;
        expect(vpc.inputs.tagsAll).toEqual({ Environment: "ok", Owner: "platform-team" });
    });

    it("applies the policy config: the exemption is reported as not applicable with its reason", () => {
        expect(result.policies.notApplicable).toEqual([{
            policy: "fixture-kms-rotation",
            urn: "urn:pulumi:ok::fixture::platform:fixture:Security$aws:kms/key:Key::legacy-key",
            reason: "exempt: legacy key, rotated by hand until migrated (TICKET-42)",
        }]);
        expect(report).toContain("exempt: legacy key, rotated by hand until migrated (TICKET-42)");
    });

    it("itemises the cost estimate by component, with assumptions and rate sources", () => {
        const c = result.cost;
        expect(c.byComponent.map((x) => x.component)).toEqual(["network", "security"]);
        const nat = c.items.find((i) => i.rate === "natGatewayHour")!;
        expect(nat).toMatchObject({ component: "network", quantity: 730, unitPriceUsd: 0.045, monthlyUsd: 32.85 });
        const endpoint = c.items.find((i) => i.rate === "interfaceEndpointAzHour")!;
        expect(endpoint.quantity).toBe(2 * 730);
        expect(c.totalMonthlyUsd).toBeCloseTo(c.byComponent.reduce((s, x) => s + x.monthlyUsd, 0), 2);
        expect(c.unpriced.find((u) => u.type === "aws:ec2/subnet:Subnet")).toEqual({ type: "aws:ec2/subnet:Subnet", count: 2, note: "no charge" });
        expect(report).toContain("hoursPerMonth = 730");
        expect(report).toContain("natGatewayGbPerMonth = 100");
        expect(report).toContain("interfaceEndpointAzHour: $0.01 per endpoint ENI (AZ)-hour; https://aws.amazon.com/privatelink/pricing/; 2026-12-07 [verify]");
        // No cost/ok.yaml in the fixture project: the built-in defaults, and the report says so.
        expect(c.assumptionSources).toEqual([]);
        expect(report).toContain("Assumptions (the built-in defaults: no cost file for this stack):");
    });
});

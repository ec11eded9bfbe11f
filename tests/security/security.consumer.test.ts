import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";
import { T, bySid, servicePrincipals, statementsOf } from "./securityAssertions";

/**
 * Dev as committed: a consumer of the account baseline prod owns. Only its keys remain; their
 * policies stop trusting the trail and AWS Config it no longer has (they are prod's), and the
 * account baseline component declares nothing.
 */
describe("security of a consumer stack (dev as committed)", () => {
    let result: StackRunResult;

    beforeAll(async () => {
        result = await runStack("dev");
    });

    it("only the four keys and their aliases under the security baseline", () => {
        const baseline: RecordedResource = result.get(T.baseline, "security");
        const children: string[] = result.resources
            .filter((r: RecordedResource) => r.parent === baseline.urn)
            .map((r: RecordedResource) => `${r.type}::${r.name}`)
            .sort();
        expect(children).toEqual([
            `${T.alias}::backup`, `${T.alias}::cluster-secrets`, `${T.alias}::data`, `${T.alias}::logs`,
            `${T.key}::backup`, `${T.key}::cluster-secrets`, `${T.key}::data`, `${T.key}::logs`,
        ]);
    });

    it("the account baseline declares nothing: no resource has it as parent", () => {
        const account: RecordedResource = result.get(T.accountBaseline, "account");
        expect(account.inputs).toMatchObject({ role: "consumer" });
        expect(result.resources.filter((r: RecordedResource) => r.parent === account.urn)).toEqual([]);
    });

    it.each([T.trail, T.detector, T.feature, T.hub, T.standard, T.analyzer, T.accountPab, T.ebsDefault, T.ebsKey, T.serviceLinkedRole, T.recorder, T.deliveryChannel, T.recorderStatus])(
        "no %s anywhere in the stack", (type: string) => {
            expect(result.ofType(type)).toEqual([]);
        });

    it("no audit bucket: every bucket of the stack belongs to another layer", () => {
        expect(result.ofType(T.bucket).map((b: RecordedResource) => b.name)).not.toContain("cloudtrail");
    });

    it("logs key trusts CloudWatch Logs only (no CloudTrail, no AWS Config)", () => {
        const policy: unknown = result.get(T.key, "logs").inputs.policy;
        expect(servicePrincipals(policy)).toEqual(["logs.us-east-1.amazonaws.com"]);
        expect(() => bySid(policy, "AllowCloudTrailEncrypt")).toThrow();
        expect(() => bySid(policy, "AllowConfigDelivery")).toThrow();
    });

    it("data key still lets EC2 use it (EKS node volumes are encrypted with it)", () => {
        const policy: unknown = result.get(T.key, "data").inputs.policy;
        const viaServices: string[] = statementsOf(policy)
            .flatMap((s: Record<string, unknown>) => {
                const condition = s.Condition as Record<string, Record<string, unknown>> | undefined;
                return (condition?.StringEquals?.["kms:ViaService"] as string[] | undefined) ?? [];
            });
        expect(viaServices).toContain("ec2.us-east-1.amazonaws.com");
    });

    it("the CloudTrail bucket output is absent; the account output names the role", () => {
        expect(result.run.stackOutputs.cloudTrailBucketName).toBeUndefined();
        expect(result.run.stackOutputs.account).toMatchObject({ id: "123456789012", baseline: "consumer" });
        expect(Object.keys(result.run.stackOutputs.kmsKeyArns as object).sort()).toEqual(["backup", "clusterSecrets", "data", "logs"]);
    });
});

import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";
import { T, bySid, servicePrincipals, statementsOf } from "./securityAssertions";

/**
 * Every switch of config.security turned off (dev stack, platform:security overridden): only the
 * keys remain, and their policies stop trusting what no longer uses them.
 */
const ALL_OFF = {
    cloudTrail: { enabled: false },
    guardDuty: { enabled: false },
    securityHub: { enabled: false },
    accessAnalyzer: { enabled: false },
    accountS3PublicAccessBlock: { enabled: false },
    ebsEncryptionByDefault: { enabled: false },
    config: { enabled: false },
};

describe("security baseline with every switch off (dev)", () => {
    let result: StackRunResult;

    beforeAll(async () => {
        result = await runStack("dev", { overrides: { "platform:security": JSON.stringify(ALL_OFF) } });
    });

    it("only the four keys and their aliases remain", () => {
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

    it.each([T.trail, T.bucket, T.detector, T.feature, T.hub, T.standard, T.analyzer, T.accountPab, T.ebsDefault, T.ebsKey, T.serviceLinkedRole, T.recorder, T.deliveryChannel, T.recorderStatus])(
        "no %s of the baseline", (type: string) => {
            // Other layers (data, edge, operations) own buckets and keys of their own.
            const baseline: RecordedResource = result.get(T.baseline, "security");
            expect(result.ofType(type).filter((r: RecordedResource) => r.parent === baseline.urn || r.urn.includes("platform:security:"))).toEqual([]);
        });

    it("logs key no longer trusts CloudTrail or AWS Config", () => {
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
        expect(viaServices.length).toBeGreaterThan(0);
        expect(viaServices).toContain("ec2.us-east-1.amazonaws.com");
    });

    it("the CloudTrail bucket output is absent", () => {
        expect(result.run.stackOutputs.cloudTrailBucketName).toBeUndefined();
        expect(Object.keys(result.run.stackOutputs.kmsKeyArns as object).sort()).toEqual(["backup", "clusterSecrets", "data", "logs"]);
    });
});

import { describe, expect, it } from "vitest";
import { stackPolicy } from "../../../policy/lib/rule";
import { ecrCmk } from "../../../policy/rules/encryption/ecr";
import { efsCmk, efsTlsPolicy } from "../../../policy/rules/encryption/efs";
import { lambdaEnvCmk } from "../../../policy/rules/encryption/lambda";
import { sfnCmk } from "../../../policy/rules/encryption/stepFunctions";
import { UNKNOWN_ARRAY, UNKNOWN_OBJECT, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired, expectMetadata, expectNoMandatory } from "./table";

/** Catalogue section 12: EFS, Lambda, Step Functions and ECR encryption. */

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describeResourcePolicy({
    policy: efsCmk, id: "enc-efs-cmk", severity: "high", type: "aws:efs/fileSystem:FileSystem",
    baseline: { encrypted: true, kmsKeyId: KEY, performanceMode: "generalPurpose" },
    violations: [
        { name: "encrypted omitted (provider default false)", patch: { encrypted: undefined }, property: "encrypted is not set" },
        { name: "encrypted false", patch: { encrypted: false }, property: "encrypted" },
        { name: "string boolean \"false\"", patch: { encrypted: "false" }, property: "encrypted" },
        { name: "kmsKeyId omitted (aws/elasticfilesystem)", patch: { kmsKeyId: undefined }, property: "kmsKeyId is not set" },
        { name: "AWS-managed alias", patch: { kmsKeyId: "alias/aws/elasticfilesystem" }, property: "kmsKeyId" },
    ],
    unknowns: [{ name: "kmsKeyId is a key output", patch: { kmsKeyId: UNKNOWN_STRING } }],
    compliant: [{ name: "string boolean \"true\"", patch: { encrypted: "true" } }],
});

describeResourcePolicy({
    policy: lambdaEnvCmk, id: "enc-lambda-env-cmk", severity: "medium", type: "aws:lambda/function:Function",
    baseline: { role: "arn:aws:iam::111122223333:role/fn", runtime: "nodejs22.x", environment: { variables: { TABLE: "orders" } }, kmsKeyArn: KEY },
    violations: [
        { name: "variables without kmsKeyArn (aws/lambda)", patch: { kmsKeyArn: undefined }, property: "kmsKeyArn is not set" },
        { name: "AWS-managed alias ARN", patch: { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/aws/lambda" }, property: "kmsKeyArn" },
        { name: "one unknown variable value still means variables exist", patch: { kmsKeyArn: undefined, "environment.variables.SECRET_ARN": UNKNOWN_STRING }, property: "kmsKeyArn" },
        // Issue 21: absent means absent (catalogue section 9); unknown variables do not excuse a missing key.
        { name: "variables map unknown during preview, kmsKeyArn absent", patch: { "environment.variables": UNKNOWN_OBJECT, kmsKeyArn: undefined }, property: "kmsKeyArn is not set" },
        { name: "whole environment unknown during preview, kmsKeyArn absent", patch: { environment: UNKNOWN_OBJECT, kmsKeyArn: undefined }, property: "kmsKeyArn is not set" },
        { name: "variables map unknown, AWS-managed alias", patch: { "environment.variables": UNKNOWN_OBJECT, kmsKeyArn: "alias/aws/lambda" }, property: "kmsKeyArn" },
    ],
    unknowns: [
        { name: "kmsKeyArn unknown", patch: { kmsKeyArn: UNKNOWN_STRING } },
        { name: "variables map and kmsKeyArn both unknown", patch: { "environment.variables": UNKNOWN_OBJECT, kmsKeyArn: UNKNOWN_STRING } },
    ],
    compliant: [
        { name: "no environment at all", patch: { environment: undefined, kmsKeyArn: undefined } },
        { name: "empty variables map", patch: { "environment.variables": {}, kmsKeyArn: undefined } },
    ],
});

describeResourcePolicy({
    policy: sfnCmk, id: "enc-sfn-cmk", severity: "medium", type: "aws:sfn/stateMachine:StateMachine",
    baseline: { roleArn: "arn:aws:iam::111122223333:role/sfn", definition: "{}", encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: KEY, kmsDataKeyReusePeriodSeconds: 300 } },
    violations: [
        { name: "encryptionConfiguration omitted (AWS-owned key)", patch: { encryptionConfiguration: undefined }, property: "encryptionConfiguration.type is not set" },
        { name: "type AWS_OWNED_KEY", patch: { "encryptionConfiguration.type": "AWS_OWNED_KEY", "encryptionConfiguration.kmsKeyId": undefined }, property: "encryptionConfiguration.type" },
        { name: "customer-managed type without a key", patch: { "encryptionConfiguration.kmsKeyId": undefined }, property: "encryptionConfiguration.kmsKeyId" },
        { name: "customer-managed type with an AWS alias", patch: { "encryptionConfiguration.kmsKeyId": "alias/aws/states" }, property: "encryptionConfiguration.kmsKeyId" },
    ],
    unknowns: [
        { name: "kmsKeyId unknown", patch: { "encryptionConfiguration.kmsKeyId": UNKNOWN_STRING } },
        { name: "whole configuration unknown", patch: { encryptionConfiguration: UNKNOWN_OBJECT } },
    ],
});

describeResourcePolicy({
    policy: ecrCmk, id: "enc-ecr-cmk", severity: "medium", type: "aws:ecr/repository:Repository",
    baseline: { name: "orders-api", encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] },
    violations: [
        { name: "encryptionConfigurations omitted (AES256)", patch: { encryptionConfigurations: undefined }, property: "encryptionConfigurations is not set" },
        { name: "AES256", patch: { encryptionConfigurations: [{ encryptionType: "AES256" }] }, property: "encryptionConfigurations[0].encryptionType" },
        { name: "KMS without kmsKey (aws/ecr)", patch: { encryptionConfigurations: [{ encryptionType: "KMS" }] }, property: "encryptionConfigurations.0.kmsKey" },
        { name: "KMS with an AWS-managed alias", patch: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "alias/aws/ecr" }] }, property: "encryptionConfigurations.0.kmsKey" },
    ],
    unknowns: [
        { name: "kmsKey unknown", patch: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: UNKNOWN_STRING }] } },
        { name: "list unknown", patch: { encryptionConfigurations: UNKNOWN_ARRAY } },
    ],
    compliant: [{ name: "dual-layer KMS_DSSE with a CMK", patch: { encryptionConfigurations: [{ encryptionType: "KMS_DSSE", kmsKey: KEY }] } }],
});

const FS = "aws:efs/fileSystem:FileSystem";
const FS_POLICY = "aws:efs/fileSystemPolicy:FileSystemPolicy";
const tls = stackPolicy(efsTlsPolicy);

const DENY_INSECURE = {
    Version: "2012-10-17",
    Statement: [
        { Sid: "AllowClients", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/app" }, Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], Resource: "*" },
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ],
};
function withDeny(patch: Record<string, unknown>): Record<string, unknown> {
    return { ...DENY_INSECURE, Statement: [DENY_INSECURE.Statement[0], { ...DENY_INSECURE.Statement[1], ...patch }] };
}
const fileSystem = (name = "shared", id: unknown = "fs-0123456789abcdef0") => resource(FS, { encrypted: true }, { name, outputs: { id, arn: typeof id === "string" ? `arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/${id}` : UNKNOWN_STRING } });
const fsPolicy = (fs: ReturnType<typeof fileSystem>, policy: unknown, ref: unknown = fs.outputs.id) =>
    resource(FS_POLICY, { fileSystemId: ref, policy }, { name: `${fs.name}-policy`, dependencies: [fs.urn] });

describe("tls-efs-policy", () => {
    it("metadata", () => expectMetadata(tls, "tls-efs-policy", "medium"));
    it("#1 a file system whose policy denies aws:SecureTransport false passes (document as JSON string and as object)", async () => {
        const fs = fileSystem();
        expectClean(await runPolicy(tls, [fs, fsPolicy(fs, JSON.stringify(DENY_INSECURE))]));
        expectClean(await runPolicy(tls, [fs, fsPolicy(fs, DENY_INSECURE)]));
    });
    it("accepts Principal \"*\" as well as {AWS: \"*\"}, and a Deny with NotAction that still covers mounting", async () => {
        const fs = fileSystem();
        expectClean(await runPolicy(tls, [fs, fsPolicy(fs, withDeny({ Principal: "*" }))]));
        expectClean(await runPolicy(tls, [fs, fsPolicy(fs, withDeny({ Action: undefined, NotAction: "elasticfilesystem:DescribeMountTargets" }))]));
    });
    it("fires on a file system without a policy", async () => {
        const result = await runPolicy(tls, [fileSystem()]);
        expectFired(result, "tls-efs-policy", "aws:efs/fileSystemPolicy");
        expect(result.violations[0].urn).toBe(fileSystem().urn);
    });
    it("fires when the policy has no TLS deny, or the deny is too narrow", async () => {
        const fs = fileSystem();
        const cases: unknown[] = [
            { Version: "2012-10-17", Statement: [DENY_INSECURE.Statement[0]] },
            withDeny({ Condition: { Bool: { "aws:SecureTransport": "true" } } }),
            withDeny({ Principal: { AWS: "arn:aws:iam::111122223333:role/other" } }),
            withDeny({ Action: "elasticfilesystem:ClientWrite" }),
            withDeny({ Action: undefined, NotAction: "elasticfilesystem:Client*" }),
            withDeny({ Effect: "Allow" }),
            "{not json",
        ];
        for (const policy of cases) {
            const result = await runPolicy(tls, [fs, fsPolicy(fs, policy)]);
            expectFired(result, "tls-efs-policy", "policy");
            expect(result.violations[0].urn).toBe(fsPolicy(fs, policy).urn);
        }
    });
    it("a policy of another file system does not count", async () => {
        const a = fileSystem("a", "fs-a");
        const b = fileSystem("b", "fs-b");
        const result = await runPolicy(tls, [a, b, fsPolicy(a, DENY_INSECURE)]);
        expect(result.violations.map((v) => v.urn)).toEqual([b.urn]);
    });
    it("first preview: unknown ids join through dependencies; an unknown document passes", async () => {
        const fs = fileSystem("shared", UNKNOWN_STRING);
        expectNoMandatory(await runPolicy(tls, [fs, fsPolicy(fs, DENY_INSECURE, UNKNOWN_STRING)]));
        expectClean(await runPolicy(tls, [fs, fsPolicy(fs, UNKNOWN_STRING, UNKNOWN_STRING)]));
        expectFired(await runPolicy(tls, [fs]), "tls-efs-policy", "aws:efs/fileSystemPolicy");
    });
    it("does not apply to a stack without file systems; exemption with a reason skips the file system", async () => {
        expectClean(await runPolicy(tls, [resource("aws:s3/bucket:Bucket", {})]));
        expectClean(await runPolicy(tls, [fileSystem()], { exemptions: [{ namePattern: "^shared$", reason: "scratch volume, no client traffic leaves the host" }] }));
    });
});

import { describe, expect, it } from "vitest";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policy/policies";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata } from "../network/cases";

/** Issue 21: catalogue rows that were left out, now implemented (IAM pillar). */

const byName = (name: string) => policies.find((p) => p.name === name)!;

describe("iam-kms-explicit-policy", () => {
    const policy = byName("iam-kms-explicit-policy") as StackValidationPolicy;
    const root = { Sid: "EnableAccountIamPolicies", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" };
    const users = { Sid: "AllowSqsUse", Effect: "Allow", Principal: { Service: "sqs.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } };
    const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
    const key = (props: Record<string, unknown>, outputs: Record<string, unknown> = {}) => resource("aws:kms/key:Key", { description: "data", ...props }, { name: "data", outputs: { description: "data", id: "1234abcd-12ab-34cd-56ef-1234567890ab", arn: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", ...props, ...outputs } });

    it("metadata: low, advisory, a stack policy", () => {
        expectMetadata(policy, "iam-kms-explicit-policy", "low");
        expect(typeof policy.validateStack).toBe("function");
    });
    it("passes a key whose policy names users besides the root, inline or through a KeyPolicy", async () => {
        expectClean(await runPolicy(policy, [key({ policy: doc(root, users) })]));
        expectClean(await runPolicy(policy, [key({}), resource("aws:kms/keyPolicy:KeyPolicy", { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", policy: doc(root, users) })]));
    });
    it("fires for a key with the default policy (none declared)", async () => {
        expectFired(await runPolicy(policy, [key({})]), policy, "policy is not set");
    });
    it("fires for a policy of account-root statements only, in any partition or as a bare account id", async () => {
        expectFired(await runPolicy(policy, [key({ policy: doc(root) })]), policy, "policy");
        expectFired(await runPolicy(policy, [key({ policy: doc({ ...root, Principal: { AWS: ["arn:aws-cn:iam::111122223333:root", "111122223333"] } }) })]), policy, "policy");
    });
    it("passes an unknown policy during preview", async () => {
        expectClean(await runPolicy(policy, [key({ policy: UNKNOWN_STRING })]));
    });
});

describe("iam-rds-custom-admin", () => {
    const policy = byName("iam-rds-custom-admin") as ResourceValidationPolicy;
    const cluster = (props: Record<string, unknown>) => resource("aws:rds/cluster:Cluster", { engine: "aurora-postgresql", ...props });

    it("metadata: low, advisory, a single-type policy the server skips for other types", () => {
        expectMetadata(policy, "iam-rds-custom-admin", "low");
        expect((policy.validateResource as unknown as { __pulumiType?: string }).__pulumiType).toBe("aws:rds/cluster:Cluster");
    });
    it("passes a custom name; not applicable without one (restored or replica clusters inherit it)", async () => {
        expectClean(await runPolicy(policy, cluster({ masterUsername: "platform_admin" })));
        expectClean(await runPolicy(policy, cluster({ masterUsername: UNKNOWN_STRING })));
        const run = await runPolicy(policy, cluster({ snapshotIdentifier: "orders-final" }));
        expectClean(run);
        expect(run.notApplicable.length).toBeGreaterThan(0);
    });
    for (const name of ["postgres", "admin", "root", "Admin"]) {
        it(`fires for the default name ${name}`, async () => {
            expectFired(await runPolicy(policy, cluster({ masterUsername: name })), policy, "masterUsername");
        });
    }
});

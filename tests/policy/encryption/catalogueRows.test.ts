import { describe, expect, it } from "vitest";
import { StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policy/policies";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata } from "../network/cases";

/** Issue 21: catalogue rows that were left out, now implemented (encryption pillar). */

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const byName = (name: string) => policies.find((p) => p.name === name) as StackValidationPolicy;

describe("enc-rds-snapshot-global", () => {
    const policy = byName("enc-rds-snapshot-global");
    const clusterCopy = (props: Record<string, unknown>) => resource("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", { sourceDbClusterSnapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-final", targetDbClusterSnapshotIdentifier: "orders-copy", ...props });
    const instanceCopy = (props: Record<string, unknown>) => resource("aws:rds/snapshotCopy:SnapshotCopy", { sourceDbSnapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:snapshot:orders", targetDbSnapshotIdentifier: "orders-copy", ...props });
    const global = (props: Record<string, unknown>) => resource("aws:rds/globalCluster:GlobalCluster", { globalClusterIdentifier: "orders", engine: "aurora-postgresql", ...props });

    it("metadata: low, advisory, a stack policy (no per-resource Analyze cost)", () => {
        expectMetadata(policy, "enc-rds-snapshot-global", "low");
        expect(typeof policy.validateStack).toBe("function");
    });
    it("passes copies with a CMK and an encrypted global cluster", async () => {
        expectClean(await runPolicy(policy, [clusterCopy({ kmsKeyId: KEY }), instanceCopy({ kmsKeyId: "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }), global({ storageEncrypted: true })]));
    });
    it("fires for a cluster snapshot copy without a key, or with an AWS-managed alias", async () => {
        expectFired(await runPolicy(policy, [clusterCopy({})]), policy, "kmsKeyId is not set");
        expectFired(await runPolicy(policy, [instanceCopy({ kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds" })]), policy, "kmsKeyId");
    });
    it("fires for a global cluster without storageEncrypted (provider default false)", async () => {
        expectFired(await runPolicy(policy, [global({})]), policy, "storageEncrypted is not set");
        expectFired(await runPolicy(policy, [global({ storageEncrypted: "false" })]), policy, "storageEncrypted");
    });
    it("a global cluster built from an existing cluster inherits its encryption; unknown keys pass", async () => {
        expectClean(await runPolicy(policy, [global({ sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders" })]));
        expectClean(await runPolicy(policy, [clusterCopy({ kmsKeyId: UNKNOWN_STRING }), global({ storageEncrypted: UNKNOWN_STRING })]));
    });
});

describe("tls-lb-target-https", () => {
    const policy = byName("tls-lb-target-https");
    const group = (props: Record<string, unknown>, type = "aws:lb/targetGroup:TargetGroup") => resource(type, { port: 8443, targetType: "ip", vpcId: "vpc-1", ...props });

    it("metadata: low, advisory, a stack policy over the lb and alb tokens", () => {
        expectMetadata(policy, "tls-lb-target-https", "low");
        expect(typeof policy.validateStack).toBe("function");
    });
    it("passes HTTPS target groups (both tokens) and out-of-scope protocols", async () => {
        expectClean(await runPolicy(policy, [group({ protocol: "HTTPS" }), group({ protocol: "HTTPS" }, "aws:alb/targetGroup:TargetGroup"), group({ protocol: "TCP" }), group({ protocol: "TLS" }), group({ targetType: "lambda" }), group({ protocol: UNKNOWN_STRING })]));
    });
    it("fires for HTTP target groups on either token", async () => {
        expectFired(await runPolicy(policy, [group({ protocol: "HTTP" })]), policy, "protocol is \"HTTP\"");
        expectFired(await runPolicy(policy, [group({ protocol: "HTTP" }, "aws:alb/targetGroup:TargetGroup")]), policy, "protocol");
    });
});

import { describe, expect, it } from "vitest";
import { s3CmkBucketKey, s3SseKms } from "../../../policy/rules/encryption/s3";
import { resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired } from "./table";

const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/abcd";

const bucket = (name: string) => resource(BUCKET, {}, { name, outputs: { bucket: `${name}-a1b2`, id: `${name}-a1b2`, arn: `arn:aws:s3:::${name}-a1b2` } });
const aes256 = (name: string, target: string) => resource(SSE, { bucket: target, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }, { name });
const kms = (name: string, target: string) => resource(SSE, { bucket: target, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }] }, { name });
const logging = (name: string, source: string, target: string) => resource(LOGGING, { bucket: source, targetBucket: target, targetPrefix: "s3/x/" }, { name });

describe("enc-s3-sse-kms: the access-log sink may use SSE-S3", () => {
    it("accepts AES256 on the bucket access logs are delivered into", async () => {
        expectClean(await runPolicy(s3SseKms, [
            bucket("assets"), kms("assets", "assets-a1b2"),
            bucket("sink"), aes256("sink", "sink-a1b2"),
            logging("assets-logging", "assets-a1b2", "sink-a1b2"),
        ]));
    });
    it("still fires for AES256 on a bucket that only sends access logs, or on one merely named like a log bucket", async () => {
        const sender = await runPolicy(s3SseKms, [bucket("assets"), aes256("assets", "assets-a1b2"), bucket("sink"), kms("sink", "sink-a1b2"), logging("l", "assets-a1b2", "sink-a1b2")]);
        expectFired(sender, "enc-s3-sse-kms", "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm");
        expect(sender.violations.map((v) => v.urn)).toEqual([aes256("assets", "assets-a1b2").urn]);
        expectFired(await runPolicy(s3SseKms, [bucket("access-logs"), aes256("access-logs", "access-logs-a1b2")]), "enc-s3-sse-kms", "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm");
    });
    it("a bucket logging into itself is no sink", async () => {
        expectFired(await runPolicy(s3SseKms, [bucket("self"), aes256("self", "self-a1b2"), logging("l", "self-a1b2", "self-a1b2")]),
            "enc-s3-sse-kms", "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm");
    });
});

describe("enc-s3-cmk-bucket-key judges SSE-KMS rules only", () => {
    it("an AES256 rule is left to enc-s3-sse-kms", async () => {
        expectClean(await runPolicy(s3CmkBucketKey, [aes256("sink", "sink-a1b2")]));
    });
    it("an aws:kms rule without a CMK still fires", async () => {
        const rule = resource(SSE, { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] }, { name: "b" });
        expectFired(await runPolicy(s3CmkBucketKey, [rule]), "enc-s3-cmk-bucket-key", "rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId");
    });
});

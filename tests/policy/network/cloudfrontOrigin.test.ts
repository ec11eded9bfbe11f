import { describe, it } from "vitest";
import { stackPolicy } from "../../../policy/lib/rule";
import { cfOriginBucketPolicy } from "../../../policy/rules/network/cloudfrontOrigin";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata, expectNoMandatory } from "./cases";

const policy = stackPolicy(cfOriginBucketPolicy);
const DIST_ARN = "arn:aws:cloudfront::111122223333:distribution/E1";

const bucket = (id: unknown = "assets-1", domain: unknown = "assets-1.s3.us-east-1.amazonaws.com") =>
    resource("aws:s3/bucket:Bucket", { bucket: "assets-1" }, { name: "assets", outputs: { bucket: "assets-1", id, bucketRegionalDomainName: domain } });
const distribution = (b: ReturnType<typeof bucket>, domain: unknown = b.outputs.bucketRegionalDomainName, arn: unknown = DIST_ARN) =>
    resource("aws:cloudfront/distribution:Distribution", {}, { name: "cdn", outputs: { arn, origins: [{ originId: "s3", domainName: domain, originAccessControlId: "OAC" }] }, dependencies: [b.urn] });
const statement = (extra: Record<string, unknown> = {}) => ({ Sid: "CloudFrontRead", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::assets-1/*", Condition: { StringEquals: { "AWS:SourceArn": DIST_ARN } }, ...extra });
const tlsOnly = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } };
const bucketPolicy = (b: ReturnType<typeof bucket>, statements: unknown[], ref: unknown = b.outputs.id) =>
    resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: ref, policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }, { name: "assets-policy", dependencies: [b.urn] });

describe("net-cf-origin-bucket-policy", () => {
    it("metadata", () => expectMetadata(policy, "net-cf-origin-bucket-policy", "high"));
    it("passes: OAC grant scoped to the distribution (+ TLS-only deny)", async () => {
        const b = bucket();
        expectClean(await runPolicy(policy, [b, distribution(b), bucketPolicy(b, [tlsOnly, statement()])]));
    });
    it("passes for buckets that are not origins", async () => {
        const b = bucket();
        expectClean(await runPolicy(policy, [b, bucketPolicy(b, [statement({ Principal: { AWS: "arn:aws:iam::1:role/app" } })])]));
    });
    it("fires when the origin bucket has no policy", async () => {
        const b = bucket();
        expectFired(await runPolicy(policy, [b, distribution(b)]), policy, "aws:s3/bucketPolicy");
    });
    it("fires for a grant to another principal", async () => {
        const b = bucket();
        expectFired(await runPolicy(policy, [b, distribution(b), bucketPolicy(b, [statement(), statement({ Principal: { AWS: "arn:aws:iam::2:root" } })])]), policy, "policy.Statement[1].Principal");
    });
    it("fires without AWS:SourceArn", async () => {
        const b = bucket();
        expectFired(await runPolicy(policy, [b, distribution(b), bucketPolicy(b, [statement({ Condition: undefined })])]), policy, "policy.Statement[0].Condition");
    });
    it("fires when AWS:SourceArn names another distribution", async () => {
        const b = bucket();
        expectFired(await runPolicy(policy, [b, distribution(b), bucketPolicy(b, [statement({ Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/OTHER" } } })])]), policy, "AWS:SourceArn");
    });
    it("fires for a website endpoint origin and a website configuration", async () => {
        const b = bucket();
        expectFired(await runPolicy(policy, [b, distribution(b, "assets-1.s3-website-us-east-1.amazonaws.com"), bucketPolicy(b, [statement()])]), policy, "origins[0].domainName");
        const site = resource("aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", { bucket: "assets-1", indexDocument: { suffix: "index.html" } }, { name: "site" });
        expectFired(await runPolicy(policy, [b, distribution(b), bucketPolicy(b, [statement()]), site]), policy, "(resource)");
    });
    it("preview: unknown domain, ids, ARNs join by dependency and pass", async () => {
        const b = bucket(UNKNOWN_STRING, UNKNOWN_STRING);
        const p = resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: UNKNOWN_STRING, policy: { Statement: [statement({ Condition: { StringEquals: { "AWS:SourceArn": UNKNOWN_STRING } } })] } }, { name: "p", dependencies: [b.urn] });
        expectClean(await runPolicy(policy, [b, distribution(b, UNKNOWN_STRING, UNKNOWN_STRING), p]));
        expectNoMandatory(await runPolicy(policy, [b, distribution(b, UNKNOWN_STRING, UNKNOWN_STRING), resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: UNKNOWN_STRING, policy: UNKNOWN_STRING }, { dependencies: [b.urn] })]));
    });
    it("exempt bucket is skipped", async () => {
        const b = bucket();
        expectClean(await runPolicy(policy, [b, distribution(b)], { exemptions: [{ namePattern: "^assets$", reason: "legacy OAI until PLAT-5" }] }));
    });
});

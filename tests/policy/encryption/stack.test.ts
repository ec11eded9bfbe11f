import { describe, expect, it } from "vitest";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata, expectNoMandatory } from "./table";
import { s3CmkBucketKey, s3SseKms } from "../../../policy/rules/encryption/s3";
import { auroraForceSsl, s3SslOnly, snsSslOnly, sqsSslOnly } from "../../../policy/rules/encryption/transit";
import { cloudfrontHsts } from "../../../policy/rules/encryption/cloudfront";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/abcd";
const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";

function bucket(name: string, physical: unknown = `${name}-a1b2`, type = BUCKET) {
    const outputs = physical === UNKNOWN_STRING ? { bucket: UNKNOWN_STRING, id: UNKNOWN_STRING, arn: UNKNOWN_STRING } : { bucket: physical, id: physical, arn: `arn:aws:s3:::${String(physical)}` };
    return resource(type, {}, { name, outputs });
}
function sse(name: string, bucketRef: unknown, algorithm = "aws:kms", type = SSE, dependencies?: string[]) {
    const inputs = { bucket: bucketRef, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, kmsMasterKeyId: KEY }, bucketKeyEnabled: true }] };
    return resource(type, inputs, { name, dependencies });
}

describe("enc-s3-sse-kms", () => {
    it("metadata", () => expectMetadata(s3SseKms, "enc-s3-sse-kms", "high"));
    it("#1 bucket with an SSE-KMS configuration (joined on the bucket name) passes", async () => {
        expectClean(await runPolicy(s3SseKms, [bucket("logs"), sse("logs-encryption", "logs-a1b2")]));
    });
    it("accepts the ...V2 SSE token and the BucketV2 token", async () => {
        expectClean(await runPolicy(s3SseKms, [bucket("logs", "logs-a1b2", "aws:s3/bucketV2:BucketV2"), sse("enc", "logs-a1b2", "aws:kms:dsse", SSE_V2)]));
    });
    it("fires on a bucket without any SSE configuration", async () => {
        const result = await runPolicy(s3SseKms, [bucket("logs"), bucket("assets"), sse("logs-encryption", "logs-a1b2")]);
        expectFired(result, "enc-s3-sse-kms", "serverSideEncryptionConfiguration");
        expect(result.violations.map((v) => v.urn)).toEqual([bucket("assets").urn]);
    });
    it("fires on an AES256 configuration", async () => {
        const result = await runPolicy(s3SseKms, [bucket("logs"), sse("logs-encryption", "logs-a1b2", "AES256")]);
        expectFired(result, "enc-s3-sse-kms", "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm");
    });
    it("accepts the deprecated inline KMS configuration", async () => {
        const inline = resource(BUCKET, {}, { name: "legacy", outputs: { bucket: "legacy", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } } });
        expectClean(await runPolicy(s3SseKms, [inline]));
    });
    it("first preview: unknown ids joined through dependencies", async () => {
        const b = bucket("logs", UNKNOWN_STRING);
        expectNoMandatory(await runPolicy(s3SseKms, [b, sse("enc", UNKNOWN_STRING, "aws:kms", SSE, [b.urn]), bucket("other-with-name", UNKNOWN_STRING), sse("other-with-name-sse", UNKNOWN_STRING)]));
    });
    it("first preview: a bucket with no SSE config at all still fires", async () => {
        const result = await runPolicy(s3SseKms, [bucket("logs", UNKNOWN_STRING), bucket("data", UNKNOWN_STRING), sse("logs-sse", UNKNOWN_STRING)]);
        expectFired(result, "enc-s3-sse-kms", "serverSideEncryptionConfiguration");
        expect(result.violations.map((v) => v.urn)).toEqual([bucket("data").urn]);
    });
    it("name fallback picks the longest matching bucket", async () => {
        const result = await runPolicy(s3SseKms, [bucket("logs", UNKNOWN_STRING), bucket("logs-archive", UNKNOWN_STRING), sse("logs-archive-sse", UNKNOWN_STRING)]);
        expect(result.violations.map((v) => v.urn)).toEqual([bucket("logs").urn]);
    });
    it("exemption with reason", async () => {
        const result = await runPolicy(s3SseKms, [bucket("legacy")], { exemptions: [{ namePattern: "^legacy$", reason: "vendor bucket" }] });
        expect(result.violations).toEqual([]);
    });
});

function bucketPolicy(name: string, bucketRef: unknown, document: unknown, dependencies?: string[]) {
    return resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: bucketRef, policy: document }, { name, dependencies });
}
const denyInsecure = (action: unknown = "s3:*", principal: unknown = "*", value = "false") => ({
    Version: "2012-10-17",
    Statement: [
        { Sid: "AllowCloudFront", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::site-a1b2/*" },
        { Sid: "DenyInsecure", Effect: "Deny", Principal: principal, Action: action, Resource: ["arn:aws:s3:::site-a1b2", "arn:aws:s3:::site-a1b2/*"], Condition: { Bool: { "aws:SecureTransport": value } } },
    ],
});

describe("tls-s3-ssl-only", () => {
    it("metadata", () => expectMetadata(s3SslOnly, "tls-s3-ssl-only", "high"));
    it("#1 object document passes", async () => {
        expectClean(await runPolicy(s3SslOnly, [bucket("site"), bucketPolicy("site-policy", "site-a1b2", denyInsecure())]));
    });
    it("string document with {AWS: \"*\"} principal and scalar fields passes", async () => {
        expectClean(await runPolicy(s3SslOnly, [bucket("site"), bucketPolicy("p", "site-a1b2", JSON.stringify(denyInsecure("*", { AWS: "*" })))]));
    });
    it("fires on a bucket without a policy", async () => {
        expectFired(await runPolicy(s3SslOnly, [bucket("site")]), "tls-s3-ssl-only", "policy is not set");
    });
    it("fires when the policy lacks the SecureTransport deny", async () => {
        const doc = denyInsecure();
        doc.Statement.pop();
        const result = await runPolicy(s3SslOnly, [bucket("site"), bucketPolicy("site-policy", "site-a1b2", doc)]);
        expectFired(result, "tls-s3-ssl-only", "policy");
        expect(result.violations[0].urn).toContain("bucketPolicy");
    });
    it("fires when the condition value is \"true\" (denies TLS instead)", async () => {
        expectFired(await runPolicy(s3SslOnly, [bucket("site"), bucketPolicy("p", "site-a1b2", denyInsecure("s3:*", "*", "true"))]), "tls-s3-ssl-only", "policy");
    });
    it("fires when the deny targets a single principal only", async () => {
        expectFired(await runPolicy(s3SslOnly, [bucket("site"), bucketPolicy("p", "site-a1b2", denyInsecure("s3:*", { AWS: "arn:aws:iam::111122223333:root" }))]), "tls-s3-ssl-only", "policy");
    });
    it("fires when the deny covers only PutObject", async () => {
        expectFired(await runPolicy(s3SslOnly, [bucket("site"), bucketPolicy("p", "site-a1b2", denyInsecure("s3:PutObject"))]), "tls-s3-ssl-only", "policy");
    });
    describe("the deny covers the bucket ARN and its objects", () => {
        const withResources = (resources: unknown): { Statement: Record<string, unknown>[] } => {
            const doc = denyInsecure() as { Statement: Record<string, unknown>[] };
            doc.Statement[1].Resource = resources;
            return doc;
        };
        const run = (doc: unknown, physical = "site-a1b2") => runPolicy(s3SslOnly, [bucket("site", physical), bucketPolicy("p", physical, doc)]);

        it("fires when the deny covers only the objects (arn/*): bucket-level calls stay open over HTTP", async () => {
            const result = await run(withResources("arn:aws:s3:::site-a1b2/*"));
            expectFired(result, "tls-s3-ssl-only", "covering both the bucket ARN and its objects");
        });
        it("fires when the deny covers only the bucket ARN", async () => {
            expectFired(await run(withResources(["arn:aws:s3:::site-a1b2"])), "tls-s3-ssl-only", "policy");
        });
        it("fires when the objects are covered under one prefix only", async () => {
            expectFired(await run(withResources(["arn:aws:s3:::site-a1b2", "arn:aws:s3:::site-a1b2/logs/*"])), "tls-s3-ssl-only", "policy");
        });
        it("fires when the deny names another bucket", async () => {
            expectFired(await run(withResources(["arn:aws:s3:::other", "arn:aws:s3:::other/*"])), "tls-s3-ssl-only", "policy");
        });
        it("fires when the bucket-level deny does not cover a bucket-level action", async () => {
            const doc = withResources("arn:aws:s3:::site-a1b2/*");
            doc.Statement.push({ Sid: "DenyInsecureBucket", Effect: "Deny", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site-a1b2", Condition: { Bool: { "aws:SecureTransport": "false" } } });
            expectFired(await run(doc), "tls-s3-ssl-only", "policy");
        });
        it("passes with Resource \"*\", a name wildcard covering both, or two statements (bucket and objects)", async () => {
            expectClean(await run(withResources("*")));
            expectClean(await run(withResources("arn:aws:s3:::site-a1b2*")));
            const doc = withResources("arn:aws:s3:::site-a1b2/*");
            doc.Statement.push({ Sid: "DenyInsecureBucket", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::site-a1b2", Condition: { Bool: { "aws:SecureTransport": "false" } } });
            expectClean(await run(JSON.stringify(doc)));
        });
        it("bucket ARN not known yet, document known: the ARN written in the statement stands for the bucket", async () => {
            const b = resource(BUCKET, {}, { name: "site", outputs: { bucket: "site-a1b2", id: "site-a1b2", arn: UNKNOWN_STRING } });
            expectClean(await runPolicy(s3SslOnly, [b, bucketPolicy("p", "site-a1b2", denyInsecure())]));
            expectFired(await runPolicy(s3SslOnly, [b, bucketPolicy("p", "site-a1b2", withResources("arn:aws:s3:::site-a1b2/*"))]), "tls-s3-ssl-only", "policy");
        });
    });
    it("preview: unknown policy document and ids", async () => {
        const b = bucket("site", UNKNOWN_STRING);
        expectNoMandatory(await runPolicy(s3SslOnly, [b, bucketPolicy("p", UNKNOWN_STRING, UNKNOWN_STRING, [b.urn])]));
    });
});

describe("tls-sqs-ssl-only / tls-sns-ssl-only", () => {
    const queue = resource("aws:sqs/queue:Queue", {}, { name: "jobs", outputs: { id: "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", url: "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", arn: "arn:aws:sqs:eu-west-1:111122223333:jobs" } });
    const queueDoc = { Statement: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: "sqs:*", Resource: "arn:aws:sqs:eu-west-1:111122223333:jobs", Condition: { Bool: { "aws:SecureTransport": "false" } } }] };
    const topic = resource("aws:sns/topic:Topic", {}, { name: "alerts", outputs: { id: "arn:aws:sns:eu-west-1:111122223333:alerts", arn: "arn:aws:sns:eu-west-1:111122223333:alerts" } });
    const topicDoc = { Statement: [{ Effect: "Deny", Principal: "*", Action: ["sns:Publish"], Resource: "arn:aws:sns:eu-west-1:111122223333:alerts", Condition: { Bool: { "aws:SecureTransport": ["false"] } } }] };

    it("metadata", () => {
        expectMetadata(sqsSslOnly, "tls-sqs-ssl-only", "medium");
        expectMetadata(snsSslOnly, "tls-sns-ssl-only", "medium");
    });
    it("#1 queue policy and topic policy pass", async () => {
        expectClean(await runPolicy(sqsSslOnly, [queue, resource("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", policy: JSON.stringify(queueDoc) })]));
        expectClean(await runPolicy(snsSslOnly, [topic, resource("aws:sns/topicPolicy:TopicPolicy", { arn: "arn:aws:sns:eu-west-1:111122223333:alerts", policy: topicDoc })]));
    });
    it("inline queue/topic policy passes", async () => {
        const inlineQueue = resource("aws:sqs/queue:Queue", {}, { name: "q2", outputs: { id: "u", url: "u", policy: JSON.stringify(queueDoc) } });
        expectClean(await runPolicy(sqsSslOnly, [inlineQueue]));
    });
    it("fires without a policy", async () => {
        expectFired(await runPolicy(sqsSslOnly, [queue]), "tls-sqs-ssl-only", "policy is not set");
        expectFired(await runPolicy(snsSslOnly, [topic]), "tls-sns-ssl-only", "policy is not set");
    });
    it("fires when the topic deny does not cover sns:Publish", async () => {
        const doc = { Statement: [{ ...topicDoc.Statement[0], Action: "sns:Subscribe" }] };
        expectFired(await runPolicy(snsSslOnly, [topic, resource("aws:sns/topicPolicy:TopicPolicy", { arn: "arn:aws:sns:eu-west-1:111122223333:alerts", policy: doc })]), "tls-sns-ssl-only", "policy");
    });
    it("preview: unknown topic policy", async () => {
        const t = resource("aws:sns/topic:Topic", {}, { name: "alerts", outputs: { arn: UNKNOWN_STRING, id: UNKNOWN_STRING } });
        expectNoMandatory(await runPolicy(snsSslOnly, [t, resource("aws:sns/topicPolicy:TopicPolicy", { arn: UNKNOWN_STRING, policy: UNKNOWN_STRING }, { dependencies: [t.urn] })]));
    });
});

describe("tls-aurora-force-ssl", () => {
    const cluster = (inputs: Record<string, unknown>, dependencies?: string[]) => resource("aws:rds/cluster:Cluster", { engine: "aurora-postgresql", ...inputs }, { name: "db", dependencies });
    const group = (parameters: unknown, name = "db-params") => resource("aws:rds/clusterParameterGroup:ClusterParameterGroup", { family: "aurora-postgresql16", parameters }, { name, outputs: { name: "db-params-x1", id: "db-params-x1", parameters } });
    const forceSsl = [{ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" }];

    it("metadata", () => expectMetadata(auroraForceSsl, "tls-aurora-force-ssl", "high"));
    it("#1 cluster referencing a group with rds.force_ssl=1 passes", async () => {
        expectClean(await runPolicy(auroraForceSsl, [cluster({ dbClusterParameterGroupName: "db-params-x1" }), group(forceSsl)]));
    });
    it("fires when the cluster uses the default group", async () => {
        expectFired(await runPolicy(auroraForceSsl, [cluster({})]), "tls-aurora-force-ssl", "dbClusterParameterGroupName is not set");
    });
    it("fires on the group when rds.force_ssl is 0", async () => {
        const result = await runPolicy(auroraForceSsl, [cluster({ dbClusterParameterGroupName: "db-params-x1" }), group([{ name: "rds.force_ssl", value: "0" }])]);
        expectFired(result, "tls-aurora-force-ssl", "parameters");
        expect(result.violations[0].urn).toContain("clusterParameterGroup");
    });
    it("fires for a default.* group name", async () => {
        expectFired(await runPolicy(auroraForceSsl, [cluster({ dbClusterParameterGroupName: "default.aurora-postgresql16" })]), "tls-aurora-force-ssl", "dbClusterParameterGroupName");
    });
    it("aurora-mysql needs require_secure_transport", async () => {
        const mysql = resource("aws:rds/cluster:Cluster", { engine: "aurora-mysql", dbClusterParameterGroupName: "db-params-x1" }, { name: "m" });
        expectFired(await runPolicy(auroraForceSsl, [mysql, group(forceSsl)]), "tls-aurora-force-ssl", "require_secure_transport");
        expectClean(await runPolicy(auroraForceSsl, [mysql, group([{ name: "require_secure_transport", value: "ON" }])]));
    });
    it("preview: group name unknown, linked by dependency", async () => {
        const g = group(forceSsl);
        expectNoMandatory(await runPolicy(auroraForceSsl, [cluster({ dbClusterParameterGroupName: UNKNOWN_STRING }, [g.urn]), g]));
        expectNoMandatory(await runPolicy(auroraForceSsl, [cluster({ dbClusterParameterGroupName: UNKNOWN_STRING })]));
    });
});

describe("tls-cf-hsts", () => {
    const RHP = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
    const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    const hsts = { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true, preload: true };
    const headersPolicy = (strictTransportSecurity: unknown, name = "security-headers", id: unknown = "rhp-1") =>
        resource(RHP, { name, securityHeadersConfig: strictTransportSecurity === undefined ? {} : { strictTransportSecurity } }, { name, outputs: { id, name, securityHeadersConfig: strictTransportSecurity === undefined ? {} : { strictTransportSecurity } } });
    const distribution = (defaultRef: unknown, orderedRefs: unknown[] = ["rhp-1"], dependencies?: string[]) => resource(DISTRIBUTION, {
        enabled: true,
        defaultCacheBehavior: { targetOriginId: "site", viewerProtocolPolicy: "redirect-to-https", ...(defaultRef === undefined ? {} : { responseHeadersPolicyId: defaultRef }) },
        orderedCacheBehaviors: orderedRefs.map((ref, i) => ({ pathPattern: `/p${i}/*`, targetOriginId: "site", viewerProtocolPolicy: "https-only", ...(ref === undefined ? {} : { responseHeadersPolicyId: ref }) })),
    }, { name: "edge", dependencies });

    it("metadata", () => expectMetadata(cloudfrontHsts, "tls-cf-hsts", "low"));
    it("#1 every behaviour references a policy with HSTS (one year, includeSubdomains, override)", async () => {
        expectClean(await runPolicy(cloudfrontHsts, [headersPolicy(hsts), distribution("rhp-1")]));
    });
    it("v7 traps: string booleans and a string max-age pass", async () => {
        expectClean(await runPolicy(cloudfrontHsts, [headersPolicy({ accessControlMaxAgeSec: "63072000", includeSubdomains: "true", override: "true" }), distribution("rhp-1")]));
    });
    it("fires on the policy for each weak HSTS setting", async () => {
        for (const [patch, property] of [
            [{ accessControlMaxAgeSec: 86400 }, "accessControlMaxAgeSec"],
            [{ includeSubdomains: false }, "includeSubdomains"],
            [{ includeSubdomains: undefined }, "includeSubdomains is not set"],
            [{ override: "false" }, "override"],
        ] as [Record<string, unknown>, string][]) {
            const policy = headersPolicy({ ...hsts, ...patch });
            const result = await runPolicy(cloudfrontHsts, [policy, distribution("rhp-1")]);
            expectFired(result, "tls-cf-hsts", property);
            expect(result.violations.map((v) => v.urn)).toEqual([policy.urn]);
        }
    });
    it("fires on the distribution when the default behaviour references no policy", async () => {
        const result = await runPolicy(cloudfrontHsts, [headersPolicy(hsts), distribution(undefined)]);
        expectFired(result, "tls-cf-hsts", "defaultCacheBehavior.responseHeadersPolicyId is not set");
    });
    it("fires on the distribution when an ordered behaviour references no policy", async () => {
        expectFired(await runPolicy(cloudfrontHsts, [headersPolicy(hsts), distribution("rhp-1", ["rhp-1", undefined])]), "tls-cf-hsts", "orderedCacheBehaviors[1].responseHeadersPolicyId");
    });
    it("fires on the distribution when the referenced policy sends no HSTS", async () => {
        const result = await runPolicy(cloudfrontHsts, [headersPolicy(hsts), headersPolicy(undefined, "cors-only", "rhp-2"), distribution("rhp-1", ["rhp-2"])]);
        expectFired(result, "tls-cf-hsts", "orderedCacheBehaviors[0].responseHeadersPolicyId");
        expect(result.messages[0]).toContain("cors-only");
    });
    it("fires for a policy id not declared in the stack, unless it is listed in acceptedPolicyIds", async () => {
        expectFired(await runPolicy(cloudfrontHsts, [distribution("67f7725c-6f97-4210-82d7-5512b31e9d03", [])]), "tls-cf-hsts", "defaultCacheBehavior.responseHeadersPolicyId");
        expectClean(await runPolicy(cloudfrontHsts, [distribution("67f7725c-6f97-4210-82d7-5512b31e9d03", [])], { acceptedPolicyIds: ["67f7725c-6f97-4210-82d7-5512b31e9d03"] }));
    });
    it("a configurable minimum max-age", async () => {
        expectClean(await runPolicy(cloudfrontHsts, [headersPolicy({ ...hsts, accessControlMaxAgeSec: 86400 }), distribution("rhp-1")], { minimumMaxAgeSeconds: 86400 }));
    });
    it("preview: policy id unknown, joined through the distribution's dependencies; HSTS values unknown", async () => {
        const policy = headersPolicy(hsts, "security-headers", UNKNOWN_STRING);
        expectNoMandatory(await runPolicy(cloudfrontHsts, [policy, distribution(UNKNOWN_STRING, [UNKNOWN_STRING], [policy.urn])]));
        expectNoMandatory(await runPolicy(cloudfrontHsts, [headersPolicy(UNKNOWN_STRING), distribution("rhp-1")]));
        expectNoMandatory(await runPolicy(cloudfrontHsts, [headersPolicy({ ...hsts, accessControlMaxAgeSec: UNKNOWN_STRING }), distribution("rhp-1")]));
        const cors = headersPolicy(undefined, "cors-only", UNKNOWN_STRING);
        expectFired(await runPolicy(cloudfrontHsts, [cors, distribution(UNKNOWN_STRING, [], [cors.urn])]), "tls-cf-hsts", "defaultCacheBehavior.responseHeadersPolicyId");
    });
    it("exemption with a reason", async () => {
        const result = await runPolicy(cloudfrontHsts, [distribution(undefined, [])], { exemptions: [{ namePattern: "^edge$", reason: "API-only distribution, no browsers" }] });
        expect(result.violations).toEqual([]);
    });
});

describe("enc-s3-sse-kms and enc-s3-cmk-bucket-key agree on a bucket's inline configuration (issue 21)", () => {
    const inline = (rule: Record<string, unknown>) => {
        const props = { bucket: "legacy", serverSideEncryptionConfiguration: { rule } };
        return resource(BUCKET, props, { name: "legacy", outputs: props });
    };
    it("inline SSE-KMS with the AWS-managed key: the algorithm passes, the key and bucket key are reported", async () => {
        const bucket = inline({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } });
        expectClean(await runPolicy(s3SseKms, [bucket]));
        const cmk = await runPolicy(s3CmkBucketKey, [bucket]);
        expectFired(cmk, "enc-s3-cmk-bucket-key", "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId");
        expect(cmk.messages.some((m) => m.includes("serverSideEncryptionConfiguration.rule.bucketKeyEnabled"))).toBe(true);
    });
    it("inline SSE-S3: enc-s3-sse-kms reports it, enc-s3-cmk-bucket-key leaves it to that rule", async () => {
        const bucket = inline({ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } });
        expectFired(await runPolicy(s3SseKms, [bucket]), "enc-s3-sse-kms", "serverSideEncryptionConfiguration");
        expectClean(await runPolicy(s3CmkBucketKey, [bucket]));
    });
    it("inline SSE-KMS with a CMK and the bucket key passes both", async () => {
        const bucket = inline({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }, bucketKeyEnabled: true });
        expectClean(await runPolicy(s3SseKms, [bucket]));
        expectClean(await runPolicy(s3CmkBucketKey, [bucket]));
    });
});

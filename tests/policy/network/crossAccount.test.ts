import { describe, expect, it } from "vitest";
import { resourcePolicy } from "../../../policy/lib/rule";
import { s3PolicyNoPublic, snsPolicyNoPublic } from "../../../policy/rules/network/resourcePolicies";
import { UNKNOWN_ARRAY, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectNoMandatory } from "./cases";

/**
 * The cross-account halves of net-s3-policy-no-public and net-sns-policy-no-public: another
 * account never gets write, delete or policy-changing actions, and nothing without a condition.
 */
const OWN = "111122223333";
const OTHER = "444455556666";
const s3Policy = resourcePolicy(s3PolicyNoPublic);
const snsPolicy = resourcePolicy(snsPolicyNoPublic);

const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BUCKET_ARN = "arn:aws:s3:::audit-a1b2";
const tlsOnly = { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } };
// The bucket's own service writer: its aws:SourceAccount shows the bucket's account.
const trailWrite = { Sid: "Trail", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `${BUCKET_ARN}/AWSLogs/${OWN}/*`, Condition: { StringEquals: { "aws:SourceAccount": OWN } } };
const bucketPolicy = (statements: unknown[], asString = true, options: Parameters<typeof resource>[2] = {}) =>
    resource(BUCKET_POLICY, { bucket: "audit-a1b2", policy: asString ? JSON.stringify({ Version: "2012-10-17", Statement: statements }) : { Version: "2012-10-17", Statement: statements } }, options);
const grant = (principal: unknown, action: unknown, condition?: unknown, resourceArn: unknown = `${BUCKET_ARN}/*`) =>
    ({ Effect: "Allow", Principal: principal, Action: action, Resource: resourceArn, ...(condition ? { Condition: condition } : {}) });
const orgOnly = { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } };

describe("net-s3-policy-no-public: cross-account grants", () => {
    it("compliant: a same-account role may write (the account shown by the trail statement's aws:SourceAccount)", async () => {
        expectClean(await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, grant({ AWS: `arn:aws:iam::${OWN}:role/app` }, ["s3:PutObject", "s3:DeleteObject"])])));
    });
    it("compliant: another account reads with a scoping condition (string and object documents)", async () => {
        const statements = [tlsOnly, trailWrite, grant({ AWS: `arn:aws:iam::${OTHER}:role/reader` }, ["s3:GetObject", "s3:ListBucket"], orgOnly, [BUCKET_ARN, `${BUCKET_ARN}/*`])];
        expectClean(await runPolicy(s3Policy, bucketPolicy(statements)));
        expectClean(await runPolicy(s3Policy, bucketPolicy(statements, false)));
    });
    it("compliant: the own account declared in config, by the provider's allowedAccountIds, or another account trusted in config", async () => {
        const sameAccountWrite = bucketPolicy([tlsOnly, grant({ AWS: `arn:aws:iam::${OWN}:role/app` }, "s3:PutObject")]);
        expectClean(await runPolicy(s3Policy, sameAccountWrite, { ownAccountIds: [OWN] }));
        const viaProvider = bucketPolicy([tlsOnly, grant({ AWS: `arn:aws:iam::${OWN}:role/app` }, "s3:PutObject")], true, { provider: { urn: "urn:pulumi:test::fixture::pulumi:providers:aws::regional", props: { region: "eu-west-1", allowedAccountIds: [OWN] } } as never });
        expectClean(await runPolicy(s3Policy, viaProvider));
        expectClean(await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, grant({ AWS: OTHER }, "s3:PutObject")]), { trustedAccountIds: [OTHER] }));
    });
    it("compliant: public and service-principal statements are judged by the public half only", async () => {
        const cloudFront = grant({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { StringEquals: { "AWS:SourceArn": `arn:aws:cloudfront::${OWN}:distribution/E1` } });
        expectClean(await runPolicy(s3Policy, bucketPolicy([tlsOnly, cloudFront])));
    });

    const writeCases: [string, unknown][] = [
        ["s3:PutObject", "s3:PutObject"],
        ["s3:*", "s3:*"],
        ["*", "*"],
        ["s3:Delete*", "s3:Delete*"],
        ["s3:PutBucketPolicy", ["s3:GetObject", "s3:PutBucketPolicy"]],
        ["s3:PutObjectAcl (lower case)", "s3:putobjectacl"],
    ];
    for (const [name, action] of writeCases) {
        it(`violation: another account granted ${name}, even with a condition`, async () => {
            const run = await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, grant({ AWS: `arn:aws:iam::${OTHER}:root` }, action, orgOnly)]));
            expectFired(run, s3Policy, "policy.Statement[2].Action");
            expect(run.messages[0]).toContain(OTHER);
            expect(run.messages[0]).toContain(`account ${OWN}`);
        });
    }
    it("violation: NotAction that leaves writes to another account", async () => {
        const statement = { Effect: "Allow", Principal: { AWS: OTHER }, NotAction: "s3:DeleteBucket", Resource: "*", Condition: orgOnly };
        expectFired(await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, statement])), s3Policy, "NotAction s3:DeleteBucket");
    });
    it("violation: another account reads without any condition (an aws:SecureTransport condition alone does not count)", async () => {
        expectFired(await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, grant({ AWS: [`arn:aws:iam::${OTHER}:role/reader`] }, "s3:GetObject")])), s3Policy, "policy.Statement[2].Condition");
        const transportOnly = grant({ AWS: OTHER }, "s3:GetObject", { Bool: { "aws:SecureTransport": "true" } });
        expectFired(await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, transportOnly], false)), s3Policy, "policy.Statement[2].Condition");
    });
    it("violation: one foreign principal among own ones is enough; an STS session principal names its account", async () => {
        const mixed = grant({ AWS: [`arn:aws:iam::${OWN}:role/app`, `arn:aws:sts::${OTHER}:assumed-role/x/session`] }, "s3:PutObject");
        const run = await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, mixed]));
        expectFired(run, s3Policy, "policy.Statement[2].Action");
        expect(run.messages[0]).not.toContain(`account(s) ${OWN}`);
    });
    it("violation: with no way to show the bucket's account, an account principal's write is cross-account and the message says how to declare it", async () => {
        const run = await runPolicy(s3Policy, bucketPolicy([tlsOnly, grant({ AWS: `arn:aws:iam::${OWN}:role/app` }, "s3:PutObject")]));
        expectFired(run, s3Policy, "policy.Statement[1].Action");
        expect(run.messages[0]).toContain("set ownAccountIds");
    });
    it("deprecated inline policy on aws:s3/bucket:Bucket is checked the same way", async () => {
        const bucket = resource("aws:s3/bucket:Bucket", { policy: JSON.stringify({ Statement: [trailWrite, grant({ AWS: OTHER }, "s3:DeleteObject")] }) });
        expectFired(await runPolicy(s3Policy, bucket), s3Policy, "policy.Statement[1].Action");
    });
    it("unknown during preview: the bucket's account source, the principal or the whole document", async () => {
        const unknownSource = { ...trailWrite, Condition: { StringEquals: { "aws:SourceAccount": UNKNOWN_STRING } } };
        expectNoMandatory(await runPolicy(s3Policy, bucketPolicy([tlsOnly, unknownSource, grant({ AWS: `arn:aws:iam::${OWN}:role/app` }, "s3:PutObject")], false)));
        expectNoMandatory(await runPolicy(s3Policy, bucketPolicy([tlsOnly, trailWrite, grant({ AWS: UNKNOWN_STRING }, "s3:PutObject")], false)));
        expectNoMandatory(await runPolicy(s3Policy, resource(BUCKET_POLICY, { bucket: "audit-a1b2", policy: UNKNOWN_STRING })));
        const providerUnknown = bucketPolicy([tlsOnly, grant({ AWS: `arn:aws:iam::${OWN}:role/app` }, "s3:PutObject")], true, { provider: { urn: "urn:pulumi:test::fixture::pulumi:providers:aws::regional", props: { allowedAccountIds: UNKNOWN_ARRAY } } as never });
        expectNoMandatory(await runPolicy(s3Policy, providerUnknown));
    });
});

const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const TOPIC_ARN = `arn:aws:sns:eu-west-1:${OWN}:alerts`;
const topicPolicy = (statements: unknown[], arn: unknown = TOPIC_ARN, asString = false) =>
    resource(TOPIC_POLICY, { arn, policy: asString ? JSON.stringify({ Version: "2012-10-17", Statement: statements }) : { Version: "2012-10-17", Statement: statements } });
const owner = { Sid: "Owner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: ["sns:Publish", "sns:SetTopicAttributes", "sns:AddPermission"], Resource: TOPIC_ARN };

describe("net-sns-policy-no-public: cross-account grants", () => {
    it("compliant: the topic's own account (from the TopicPolicy arn) may manage it; another account publishes with a condition", async () => {
        const partner = { Effect: "Allow", Principal: { AWS: OTHER }, Action: "sns:Publish", Resource: TOPIC_ARN, Condition: { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${OTHER}:role/publisher` } } };
        expectClean(await runPolicy(snsPolicy, topicPolicy([owner, partner])));
        expectClean(await runPolicy(snsPolicy, topicPolicy([owner, partner], TOPIC_ARN, true)));
    });
    it("compliant: an inline topic policy whose Resource names the topic shows the account", async () => {
        expectClean(await runPolicy(snsPolicy, resource("aws:sns/topic:Topic", { name: "alerts", policy: JSON.stringify({ Statement: [owner] }) })));
    });
    it("violation: another account may change the topic (SetTopicAttributes, sns:*), even with a condition", async () => {
        for (const action of ["sns:SetTopicAttributes", "sns:*", ["sns:Publish", "sns:AddPermission"], "sns:Delete*"]) {
            const statement = { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: action, Resource: TOPIC_ARN, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } };
            const run = await runPolicy(snsPolicy, topicPolicy([owner, statement]));
            expectFired(run, snsPolicy, "policy.Statement[1].Action");
            expect(run.messages[0]).toContain(`account ${OWN}`);
        }
    });
    it("violation: another account publishes or subscribes without a condition", async () => {
        const statement = { Effect: "Allow", Principal: { AWS: [OTHER] }, Action: ["sns:Publish", "sns:Subscribe"], Resource: TOPIC_ARN };
        expectFired(await runPolicy(snsPolicy, topicPolicy([owner, statement], TOPIC_ARN, true)), snsPolicy, "policy.Statement[1].Condition");
    });
    it("unknown during preview: the topic ARN not known yet", async () => {
        const statement = { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "sns:SetTopicAttributes", Resource: UNKNOWN_STRING };
        expectNoMandatory(await runPolicy(snsPolicy, topicPolicy([statement], UNKNOWN_STRING)));
    });
});

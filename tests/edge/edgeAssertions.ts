import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";

/** Expected edge values per stack, written out from Pulumi.<stack>.yaml (not re-derived from the program's config). */
export interface EdgeExpectations {
    readonly stack: "dev" | "prod";
    readonly prefix: string;
    readonly aliases: readonly string[];
    readonly hostedZoneId: string;
    readonly priceClass: string;
    readonly originShieldRegion: string | undefined;
    readonly rateLimit: number;
    readonly rateLimitWindowSeconds: number;
    readonly botControl: boolean;
    /** platform:edge.waf.regionalWebAcl: the REGIONAL web ACL for the load balancer controller's ALBs. */
    readonly regionalWebAcl: boolean;
    readonly wafLogRetentionDays: number;
    readonly accessLogRetentionDays: number;
    readonly noncurrentVersionExpirationDays: number;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly kmsDeletionWindowInDays: number;
}

export const E = {
    component: "platform:edge:Edge",
    distribution: "aws:cloudfront/distribution:Distribution",
    oac: "aws:cloudfront/originAccessControl:OriginAccessControl",
    headers: "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
    certificate: "aws:acm/certificate:Certificate",
    validation: "aws:acm/certificateValidation:CertificateValidation",
    record: "aws:route53/record:Record",
    webAcl: "aws:wafv2/webAcl:WebAcl",
    wafLogging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    logResourcePolicy: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
    deliverySource: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
    deliveryDestination: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
    delivery: "aws:cloudwatch/logDelivery:LogDelivery",
    key: "aws:kms/key:Key",
    bucket: "aws:s3/bucket:Bucket",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucketLogging: "aws:s3/bucketLogging:BucketLogging",
    shield: "aws:shield/protection:Protection",
} as const;

type Statement = Record<string, unknown>;

export function describeEdge(expected: EdgeExpectations): void {
    const { stack, prefix } = expected;

    describe(`edge (${stack})`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await runStack(stack);
        });

        const get = (type: string, name: string): RecordedResource => result.get(type, name);
        const globalEdge = (): string => result.get("pulumi:providers:aws", "global-edge").urn;
        const regional = (): string => result.get("pulumi:providers:aws", "regional").urn;
        const distribution = (): RecordedResource => get(E.distribution, "edge");
        const distributionArn = (): unknown => distribution().outputs.arn;
        const statements = (resource: RecordedResource, property = "policy"): Statement[] => policyDocument(resource.inputs[property]).Statement;
        const bySid = (resource: RecordedResource, sid: string): Statement => {
            const found: Statement | undefined = statements(resource).find((s: Statement) => s.Sid === sid);
            if (!found) {
                throw new Error(`no statement ${sid}`);
            }
            return found;
        };

        describe("component and providers", () => {
            it("is a platform:edge:Edge component parenting its resources", () => {
                const component: RecordedResource = get(E.component, "edge");
                for (const resource of result.resources.filter((r: RecordedResource) => r.urn.includes("platform:edge:Edge$") && r.custom)) {
                    expect(resource.parent, resource.urn).toBe(component.urn);
                }
            });
            it("everything CloudFront-scoped goes through the us-east-1 provider; the bucket and the REGIONAL ACL stay regional", () => {
                for (const [type, name] of [
                    [E.distribution, "edge"], [E.oac, "static-assets"], [E.headers, "edge-security-headers"], [E.certificate, "edge"], [E.validation, "edge"],
                    [E.webAcl, "cloudfront"], [E.wafLogging, "waf-cloudfront"], [E.logGroup, "waf-cloudfront"], [E.logResourcePolicy, "waf-cloudfront"],
                    [E.key, "edge"], [E.deliverySource, "edge-access-logs"], [E.deliveryDestination, "edge-access-logs"], [E.delivery, "edge-access-logs"], [E.logGroup, "edge-access-logs"],
                ] as const) {
                    expect(get(type, name).provider, `${type} ${name}`).toBe(globalEdge());
                }
                const regionalAcl = expected.regionalWebAcl ? [[E.webAcl, "regional"], [E.logGroup, "waf-regional"]] as const : [];
                for (const [type, name] of [[E.bucket, "static-assets"], ...regionalAcl, [E.key, "static-assets"]] as const) {
                    expect(get(type, name).provider, `${type} ${name}`).toBe(regional());
                }
            });
            it("the default tags of the foundation ride on both providers", () => {
                const edgeProvider: RecordedResource = get("pulumi:providers:aws", "global-edge");
                expect(edgeProvider.inputs.region).toBe("us-east-1");
                expect(JSON.stringify(edgeProvider.inputs.defaultTags)).toContain("CostCenter");
            });
        });

        describe("static-assets bucket", () => {
            it("private: public access block on, ACLs disabled", () => {
                expect(get(E.pab, "static-assets").inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                expect(get(E.ownership, "static-assets").inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
            });
            it("SSE-KMS with its own key and a bucket key; versioned; lifecycle from config", () => {
                expect(get(E.sse, "static-assets").inputs.rules).toEqual([{
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: get(E.key, "static-assets").outputs.arn },
                    bucketKeyEnabled: true,
                }]);
                expect(get(E.versioning, "static-assets").inputs.versioningConfiguration).toEqual({ status: "Enabled" });
                const rule = (get(E.lifecycle, "static-assets").inputs.rules as Statement[])[0];
                expect(rule).toMatchObject({ status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: expected.noncurrentVersionExpirationDays }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } });
            });
            it(`protect=${expected.protect}, retainOnDelete=${expected.retainOnDelete}, forceDestroy only when disposable`, () => {
                for (const resource of [get(E.bucket, "static-assets"), get(E.key, "static-assets"), get(E.key, "edge")]) {
                    expect(resource.protect, resource.urn).toBe(expected.protect);
                    expect(resource.retainOnDelete, resource.urn).toBe(expected.retainOnDelete);
                }
                expect(get(E.bucket, "static-assets").inputs.forceDestroy).toBe(!expected.protect && !expected.retainOnDelete);
            });
            it("TLS-only bucket policy; only this distribution may read, through aws:SourceArn", () => {
                const policy: RecordedResource = get(E.bucketPolicy, "static-assets");
                const bucketArn = get(E.bucket, "static-assets").outputs.arn as string;
                expect(bySid(policy, "DenyInsecureTransport")).toEqual({
                    Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucketArn, `${bucketArn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                });
                expect(bySid(policy, "AllowCloudFrontOriginAccessControlRead")).toEqual({
                    Sid: "AllowCloudFrontOriginAccessControlRead", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" },
                    Action: "s3:GetObject", Resource: `${bucketArn}/*`, Condition: { StringEquals: { "aws:SourceArn": distributionArn() } },
                });
                expect(statements(policy)).toHaveLength(2);
            });
            it("its server access logs go to the access-log bucket", () => {
                expect(get(E.bucketLogging, "access-logs-s3-static-assets").inputs).toMatchObject({
                    bucket: get(E.bucket, "static-assets").outputs.id, targetBucket: get(E.bucket, "access-logs").outputs.id, targetPrefix: "s3/static-assets/",
                });
            });
        });

        describe("keys", () => {
            it("the static-assets key lets only this distribution decrypt (and S3 for account callers)", () => {
                const key: RecordedResource = get(E.key, "static-assets");
                expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: expected.kmsDeletionWindowInDays, keyUsage: "ENCRYPT_DECRYPT" });
                expect(bySid(key, "AllowCloudFrontOriginAccessControlDecrypt")).toMatchObject({
                    Principal: { Service: "cloudfront.amazonaws.com" }, Action: "kms:Decrypt", Condition: { StringEquals: { "aws:SourceArn": distributionArn() } },
                });
                expect(bySid(key, "AllowS3ForAccountCallers").Condition).toEqual({ StringEquals: { "kms:CallerAccount": FAKE_ACCOUNT_ID, "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } });
            });
            it("the edge key is a us-east-1 key for CloudWatch Logs of this account only", () => {
                const key: RecordedResource = get(E.key, "edge");
                expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: expected.kmsDeletionWindowInDays });
                expect(bySid(key, "AllowCloudWatchLogs")).toMatchObject({
                    Principal: { Service: "logs.us-east-1.amazonaws.com" },
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${FAKE_ACCOUNT_ID}:log-group:*` } },
                });
                expect(statements(key).map((s: Statement) => s.Sid)).toEqual(["EnableAccountIamPolicies", "AllowCloudWatchLogs"]);
            });
        });

        describe("distribution", () => {
            it("reads the bucket through Origin Access Control (SigV4, always)", () => {
                const oac: RecordedResource = get(E.oac, "static-assets");
                expect(oac.inputs).toMatchObject({ originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4" });
                const origins = distribution().inputs.origins as Statement[];
                expect(origins[0]).toMatchObject({ originId: "static-assets", domainName: get(E.bucket, "static-assets").outputs.bucketRegionalDomainName, originAccessControlId: oac.outputs.id });
                expect(origins[0].originShield).toEqual(expected.originShieldRegion ? { enabled: true, originShieldRegion: expected.originShieldRegion } : undefined);
            });
            it("redirects viewers to HTTPS, HTTP/2 and HTTP/3, compression, managed CachingOptimized, the security headers", () => {
                const inputs = distribution().inputs;
                expect(inputs).toMatchObject({ enabled: true, httpVersion: "http2and3", isIpv6Enabled: true, priceClass: expected.priceClass, defaultRootObject: "index.html" });
                expect(inputs.defaultCacheBehavior).toMatchObject({
                    viewerProtocolPolicy: "redirect-to-https", compress: true, cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
                    responseHeadersPolicyId: get(E.headers, "edge-security-headers").outputs.id, allowedMethods: ["GET", "HEAD", "OPTIONS"],
                });
            });
            it("is protected by the CLOUDFRONT web ACL", () => {
                expect(distribution().inputs.webAclId).toBe(get(E.webAcl, "cloudfront").outputs.arn);
            });
            it("serves the configured aliases with the DNS-validated ACM certificate, SNI, TLSv1.2_2021", () => {
                const inputs = distribution().inputs;
                expect(inputs.aliases).toEqual(expected.aliases);
                expect(inputs.viewerCertificate).toEqual({ acmCertificateArn: get(E.validation, "edge").outputs.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" });
                expect(get(E.validation, "edge").inputs.certificateArn).toBe(get(E.certificate, "edge").outputs.arn);
                expect(get(E.certificate, "edge").inputs).toMatchObject({ domainName: expected.aliases[0], validationMethod: "DNS", keyAlgorithm: "RSA_2048" });
                for (const alias of expected.aliases) {
                    const record: RecordedResource = get(E.record, `edge-validation-${alias}`);
                    expect(record.inputs).toMatchObject({ zoneId: expected.hostedZoneId, type: "CNAME", ttl: 300 });
                    expect(String(record.inputs.name)).toContain(alias);
                    for (const type of ["a", "aaaa"]) {
                        expect(get(E.record, `edge-alias-${alias}-${type}`).inputs.aliases).toEqual([{ name: distribution().outputs.domainName, zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }]);
                    }
                }
            });
            it("response headers: HSTS one year with subdomains, nosniff, frame DENY, referrer policy, the configured CSP, all overriding the origin", () => {
                expect(get(E.headers, "edge-security-headers").inputs.securityHeadersConfig).toEqual({
                    strictTransportSecurity: { accessControlMaxAgeSec: 31536000, includeSubdomains: true, preload: false, override: true },
                    contentTypeOptions: { override: true },
                    frameOptions: { frameOption: "DENY", override: true },
                    referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
                    contentSecurityPolicy: {
                        contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; upgrade-insecure-requests",
                        override: true,
                    },
                });
            });
            it("no API origin and no Shield Advanced unless configured", () => {
                expect(distribution().inputs.origins).toHaveLength(1);
                expect(distribution().inputs.orderedCacheBehaviors).toEqual([]);
                expect(result.ofType(E.shield)).toEqual([]);
            });
            it("standard logging v2 into an encrypted us-east-1 log group", () => {
                expect(get(E.deliverySource, "edge-access-logs").inputs).toMatchObject({ logType: "ACCESS_LOGS", resourceArn: distributionArn() });
                const group: RecordedResource = get(E.logGroup, "edge-access-logs");
                expect(group.inputs).toMatchObject({ name: `/aws/vendedlogs/cloudfront/${prefix}`, retentionInDays: expected.accessLogRetentionDays, kmsKeyId: get(E.key, "edge").outputs.arn });
                expect(get(E.deliveryDestination, "edge-access-logs").inputs.deliveryDestinationConfiguration).toEqual({ destinationResourceArn: group.outputs.arn });
                expect(get(E.delivery, "edge-access-logs").inputs).toMatchObject({
                    deliverySourceName: get(E.deliverySource, "edge-access-logs").outputs.name ?? `${prefix}-cloudfront`,
                    deliveryDestinationArn: get(E.deliveryDestination, "edge-access-logs").outputs.arn,
                });
            });
        });

        describe("WAF", () => {
            const ruleNames = (): string[] => ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet",
                ...(expected.botControl ? ["AWSManagedRulesBotControlRuleSet"] : []), "rate-limit-per-ip"];
            const acls: string[] = expected.regionalWebAcl ? ["cloudfront", "regional"] : ["cloudfront"];
            it.each(acls)("%s web ACL: managed groups, Bot Control per config, the per-IP rate limit, metrics on", (name: string) => {
                const acl: RecordedResource = get(E.webAcl, name);
                expect(acl.inputs).toMatchObject({ name: `${prefix}-${name}`, scope: name === "cloudfront" ? "CLOUDFRONT" : "REGIONAL", defaultAction: { allow: {} } });
                expect(acl.inputs.visibilityConfig).toMatchObject({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true });
                const rules = acl.inputs.rules as Statement[];
                expect(rules.map((r: Statement) => r.name)).toEqual(ruleNames());
                for (const rule of rules) {
                    expect(rule.visibilityConfig).toMatchObject({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true });
                }
                for (const rule of rules.filter((r: Statement) => String(r.name).startsWith("AWS"))) {
                    expect(rule.overrideAction, String(rule.name)).toEqual({ none: {} });
                }
                const rate = rules.find((r: Statement) => r.name === "rate-limit-per-ip")!;
                expect(rate.action).toEqual({ block: {} });
                expect(rate.statement).toEqual({ rateBasedStatement: { limit: expected.rateLimit, aggregateKeyType: "IP", evaluationWindowSec: expected.rateLimitWindowSeconds } });
            });
            it.each([["cloudfront", "edge"], ["regional", "logs"]].filter(([name]) => acls.includes(name)))("%s ACL logs to an encrypted aws-waf-logs- group, redacting authorization and cookie", (name: string, keyName: string) => {
                const group: RecordedResource = get(E.logGroup, `waf-${name}`);
                expect(group.inputs).toMatchObject({ name: `aws-waf-logs-${prefix}-${name}`, retentionInDays: expected.wafLogRetentionDays, kmsKeyId: get(E.key, keyName).outputs.arn });
                const logging: RecordedResource = get(E.wafLogging, `waf-${name}`);
                expect(logging.inputs).toMatchObject({ resourceArn: get(E.webAcl, name).outputs.arn, logDestinationConfigs: [group.outputs.arn] });
                expect(logging.inputs.redactedFields).toEqual([{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
                const policy = policyDocument(get(E.logResourcePolicy, `waf-${name}`).inputs.policyDocument).Statement[0];
                expect(policy).toMatchObject({ Principal: { Service: "delivery.logs.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": FAKE_ACCOUNT_ID } } });
                expect(logging.dependencies).toContain(get(E.logResourcePolicy, `waf-${name}`).urn);
            });
            it(expected.regionalWebAcl
                ? "the REGIONAL ACL's ARN is a stack output for the load balancer controller"
                : "regionalWebAcl off: no REGIONAL ACL, no log group for it, no ARN output", () => {
                const acl: RecordedResource | undefined = result.ofType(E.webAcl).find((r: RecordedResource) => r.name === "regional");
                expect(acl !== undefined).toBe(expected.regionalWebAcl);
                expect(result.ofType(E.logGroup).some((g: RecordedResource) => g.name === "waf-regional")).toBe(expected.regionalWebAcl);
                expect((result.run.stackOutputs.edge as Record<string, unknown>).regionalWebAclArn).toBe(acl?.outputs.arn);
                expect((result.run.stackOutputs.edge as Record<string, unknown>).distributionDomainName).toBe(distribution().outputs.domainName);
            });
        });
    });
}

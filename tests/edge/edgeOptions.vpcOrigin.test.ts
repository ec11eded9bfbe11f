import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";
import { devObject } from "../config/configFixtures";
import { E } from "./edgeAssertions";
import { estimateCost } from "../../tools/preview/cost";
import { DEFAULT_ASSUMPTIONS } from "../../tools/preview/assumptions";

const ALB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/api/0123456789abcdef";

/** dev without a domain, with the API behind an internal ALB (VPC origin), Shield Advanced and logs to S3. */
describe("edge options: default certificate, VPC origin, Shield Advanced, S3 logging", () => {
    let result: StackRunResult;
    beforeAll(async () => {
        const edge = {
            ...devObject("platform:edge"),
            domain: { aliases: [] },
            apiOrigin: { enabled: true, kind: "vpcOrigin", loadBalancerArn: ALB_ARN, domainName: "api.internal.example.com" },
            shieldAdvanced: { enabled: true },
            logging: { destination: "s3", retentionInDays: 30 },
        };
        result = await runStack("dev", { overrides: { "platform:edge": JSON.stringify(edge) } });
    });
    const distribution = (): RecordedResource => result.get(E.distribution, "edge");

    it("without a domain: CloudFront's default certificate, no ACM certificate, no DNS records", () => {
        expect(distribution().inputs.viewerCertificate).toEqual({ cloudfrontDefaultCertificate: true });
        expect(distribution().inputs.aliases).toBeUndefined();
        expect(result.ofType(E.certificate)).toEqual([]);
        expect(result.ofType(E.record)).toEqual([]);
    });
    it("the API origin is a VPC origin to the internal ALB: HTTPS only, TLS 1.2 only, on /api/* uncached", () => {
        const vpcOrigin: RecordedResource = result.get("aws:cloudfront/vpcOrigin:VpcOrigin", "api");
        expect(vpcOrigin.inputs.vpcOriginEndpointConfig).toEqual({
            name: "platform-dev-api", arn: ALB_ARN, httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: { items: ["TLSv1.2"], quantity: 1 },
        });
        expect(vpcOrigin.provider).toBe(result.get("pulumi:providers:aws", "global-edge").urn);
        const origins = distribution().inputs.origins as Record<string, unknown>[];
        expect(origins[1]).toEqual({ originId: "api", domainName: "api.internal.example.com", vpcOriginConfig: { vpcOriginId: vpcOrigin.outputs.id } });
        expect(distribution().inputs.orderedCacheBehaviors).toEqual([expect.objectContaining({
            pathPattern: "/api/*", targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https",
            cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
            responseHeadersPolicyId: result.get(E.headers, "edge-security-headers").outputs.id,
        })]);
        expect(result.ofType("aws:ec2/securityGroup:SecurityGroup").map((g) => g.name)).not.toContain("api-origin");
    });
    it("Shield Advanced protects the distribution, through us-east-1", () => {
        const protection: RecordedResource = result.get(E.shield, "edge");
        expect(protection.inputs).toMatchObject({ name: "platform-dev-edge", resourceArn: distribution().outputs.arn });
        expect(protection.provider).toBe(result.get("pulumi:providers:aws", "global-edge").urn);
    });
    it("the offline estimate carries Shield Advanced's USD 3,000 monthly commitment once opted in", () => {
        const shield = estimateCost(result.resources, () => "edge", DEFAULT_ASSUMPTIONS, "us-east-1").items.filter((i) => i.rate === "shieldAdvancedMonth");
        expect(shield.map((i) => [i.quantity, i.unitPriceUsd])).toEqual([[1, 3000]]);
    });
    it("logs v2 to the access-log bucket, whose policy admits log delivery from us-east-1 delivery sources of this account", () => {
        expect(result.ofType(E.logGroup).map((g) => g.name)).not.toContain("edge-access-logs");
        expect(result.get(E.deliveryDestination, "edge-access-logs").inputs.deliveryDestinationConfiguration).toEqual({ destinationResourceArn: result.get(E.bucket, "access-logs").outputs.arn });
        const statement = policyDocument(result.get(E.bucketPolicy, "access-logs").inputs.policy).Statement.find((s) => s.Sid === "AllowCloudFrontLogDelivery");
        expect(statement).toMatchObject({
            Principal: { Service: "delivery.logs.amazonaws.com" },
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:delivery-source:*" } },
        });
    });
});

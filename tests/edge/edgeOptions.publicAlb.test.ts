import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";
import { devObject } from "../config/configFixtures";
import { E } from "./edgeAssertions";

/** A public ALB origin: locked to CloudFront's origin-facing prefix list, HTTPS and TLS 1.2 only. */
describe("edge options: public ALB origin", () => {
    let result: StackRunResult;
    beforeAll(async () => {
        const edge = {
            ...devObject("platform:edge"),
            domain: { aliases: ["assets.dev.example.com", "*.dev.example.com"], hostedZoneId: "Z0DEV456789ABCDEFGHIJ" },
            apiOrigin: { enabled: true, kind: "publicAlb", domainName: "api.dev.example.com" },
        };
        result = await runStack("dev", { overrides: { "platform:edge": JSON.stringify(edge) } });
    });

    it("a wildcard alias: one certificate with the wildcard as a SAN, its own validation record and A/AAAA aliases", () => {
        expect(result.get(E.certificate, "edge").inputs).toMatchObject({ domainName: "assets.dev.example.com", subjectAlternativeNames: ["*.dev.example.com"] });
        const names: string[] = result.ofType(E.record).map((r: RecordedResource) => r.name).sort();
        expect(names).toEqual([
            "edge-alias-assets.dev.example.com-a", "edge-alias-assets.dev.example.com-aaaa",
            "edge-alias-wildcard.dev.example.com-a", "edge-alias-wildcard.dev.example.com-aaaa",
            "edge-validation-assets.dev.example.com", "edge-validation-wildcard.dev.example.com",
        ]);
        expect(result.get(E.record, "edge-alias-wildcard.dev.example.com-a").inputs.name).toBe("*.dev.example.com");
        expect(result.get(E.record, "edge-validation-wildcard.dev.example.com").inputs.allowOverwrite).toBe(true);
        expect(result.get(E.distribution, "edge").inputs.aliases).toEqual(["assets.dev.example.com", "*.dev.example.com"]);
    });
    it("the origin is a custom origin: https-only, TLSv1.2 only", () => {
        const origins = result.get(E.distribution, "edge").inputs.origins as Record<string, unknown>[];
        expect(origins[1]).toEqual({
            originId: "api", domainName: "api.dev.example.com",
            customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], httpPort: 80, httpsPort: 443 },
        });
        expect(result.ofType("aws:cloudfront/vpcOrigin:VpcOrigin")).toEqual([]);
    });
    it("the ALB's security group admits only HTTPS from the CloudFront origin-facing prefix list, and is a stack output", () => {
        const group: RecordedResource = result.get("aws:ec2/securityGroup:SecurityGroup", "api-origin");
        const rules = result.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.securityGroupId === group.outputs.id);
        expect(rules).toHaveLength(1);
        expect(rules[0].inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 443, toPort: 443 });
        expect(String(rules[0].inputs.prefixListId)).toMatch(/^pl-/);
        expect(rules[0].inputs.cidrIpv4).toBeUndefined();
        expect((result.run.stackOutputs.edge as Record<string, unknown>).apiLoadBalancerSecurityGroupId).toBe(group.outputs.id);
    });
});

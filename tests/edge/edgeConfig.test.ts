import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../infra/config/load";
import { devConfigWith, devObject } from "../config/configFixtures";
import { problemsOf } from "../support/configProblems";

const devEdge = (): Record<string, unknown> => devObject("platform:edge");
const edge = (changes: Record<string, unknown>) => devConfigWith({ "platform:edge": { ...devEdge(), ...changes } });
const waf = (changes: Record<string, unknown>) => edge({ waf: { ...(devEdge().waf as Record<string, unknown>), ...changes } });

describe("platform:edge validation", () => {
    it("accepts the committed dev edge settings and applies the schema defaults", () => {
        const config = parsePlatformConfig(edge({}), "platform", "dev").edge;
        expect(config.waf).toEqual({ rateLimit: 1000, rateLimitWindowSeconds: 300, botControl: false, regionalWebAcl: false, logRetentionInDays: 30 });
        expect(config.domain.aliases).toEqual(["assets.dev.example.com"]);
        expect(config.shieldAdvanced.enabled).toBe(false);
    });

    it("rejects a WAF rate limit below the AWS minimum of 10 and a window AWS does not offer", () => {
        expect(problemsOf(waf({ rateLimit: 9, rateLimitWindowSeconds: 30 }))).toEqual([
            "platform:edge.waf.rateLimit: got 9; allowed: an integer from 10 to 2000000000",
            "platform:edge.waf.rateLimitWindowSeconds: got 30; allowed: one of 60, 120, 300, 600",
        ]);
    });

    it("accepts the AWS minimum rate limit of 10", () => {
        expect(parsePlatformConfig(waf({ rateLimit: 10 }), "platform", "dev").edge.waf.rateLimit).toBe(10);
    });

    it("rejects a domain without the hosted zone its DNS-validated certificate needs", () => {
        expect(problemsOf(edge({ domain: { aliases: ["assets.example.com"] } }))).toEqual([
            "platform:edge.domain.hostedZoneId: missing; required: the Route 53 hosted zone id of the aliases' domain when domain.aliases is set (the ACM certificate is validated by DNS records in that zone)",
        ]);
    });

    it("rejects an alias that is not a DNS name and a repeated alias", () => {
        expect(problemsOf(edge({ domain: { aliases: ["Assets_Example", "a.example.com", "a.example.com"], hostedZoneId: "Z0123456789ABCDEFGHIJ" } }))).toEqual([
            "platform:edge.domain.aliases[0]: got \"Assets_Example\"; allowed: a lowercase DNS name such as assets.example.com (a leading *. for a wildcard)",
            "platform:edge.domain.aliases[2]: got \"a.example.com\"; allowed: distinct entries (\"a.example.com\" appears more than once)",
        ]);
    });

    it("rejects an unknown price class, Origin Shield without a region and an API origin without its load balancer", () => {
        expect(problemsOf(edge({ priceClass: "PriceClass_Cheap", originShield: { enabled: true }, apiOrigin: { enabled: true, kind: "vpcOrigin" } }))).toEqual([
            "platform:edge.priceClass: got \"PriceClass_Cheap\"; allowed: one of PriceClass_100, PriceClass_200, PriceClass_All",
        ]);
        expect(problemsOf(edge({ originShield: { enabled: true }, apiOrigin: { enabled: true, kind: "vpcOrigin" } }))).toEqual([
            "platform:edge.originShield.region: missing; required: the Origin Shield region (normally the stack's region) when originShield.enabled is true",
            "platform:edge.apiOrigin.domainName: missing; required: the DNS name on the load balancer's certificate when apiOrigin.enabled is true (CloudFront verifies it over TLS 1.2)",
            "platform:edge.apiOrigin.loadBalancerArn: missing; required: the internal ALB's ARN when apiOrigin.kind is vpcOrigin",
        ]);
    });

    it("rejects Shield Advanced without a distribution and an unknown key, both at once", () => {
        expect(problemsOf(edge({ enabled: false, shieldAdvanced: { enabled: true }, cdn: true }))).toEqual([
            "platform:edge.cdn: got true; allowed: only the keys enabled, domain, priceClass, defaultRootObject, contentSecurityPolicy, staticAssets, originShield, logging, apiOrigin, waf, shieldAdvanced",
            "platform:edge.shieldAdvanced.enabled: got true; allowed: false while edge.enabled is false (there is no distribution to protect)",
        ]);
    });
});

import { z } from "zod";
import type { StackConfig } from "./schema";
import { distinctList, flag, integerBetween, oneOf, oneOfNumbers, strictObject, textMatching } from "./fieldTypes";

/** CloudWatch Logs retention values (kept here too so this file has no runtime import of schema.ts). */
const RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * AWS WAF rate-based rules: the lowest limit is 10 requests per evaluation window (it was 100 before
 * the 2024 change that also added the 1, 2 and 10 minute windows), the highest 2,000,000,000.
 * Source: AWS WAF Developer Guide, "Rate-based rule high-level settings" (checked 2026-12-01).
 */
export const WAF_MIN_RATE_LIMIT = 10;
export const WAF_MAX_RATE_LIMIT = 2_000_000_000;
export const WAF_EVALUATION_WINDOWS: readonly number[] = [60, 120, 300, 600];

const DOMAIN_NAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const DOMAIN_ALLOWED = "a lowercase DNS name such as assets.example.com (a leading *. for a wildcard)";
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const ALB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

export const edgeSchema = strictObject({
    enabled: flag().default(true),
    domain: strictObject({
        aliases: distinctList(textMatching(DOMAIN_NAME, DOMAIN_ALLOWED), (alias: string) => alias, "a list of DNS names").default([]),
        hostedZoneId: textMatching(/^Z[A-Z0-9]{1,31}$/, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ").optional(),
    }).default({ aliases: [] }),
    priceClass: oneOf(["PriceClass_100", "PriceClass_200", "PriceClass_All"] as const).default("PriceClass_100"),
    defaultRootObject: textMatching(/^[\w.-]{1,255}$/, "an object key such as index.html (letters, digits, . - _)").default("index.html"),
    contentSecurityPolicy: textMatching(/^[^\n\r]{1,1783}$/, "a Content-Security-Policy header value of 1 to 1783 characters on one line")
        .default("default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; upgrade-insecure-requests"),
    staticAssets: strictObject({
        lifecycle: strictObject({
            noncurrentVersionExpirationDays: integerBetween(1, 3650).default(30),
            abortIncompleteUploadDays: integerBetween(1, 30).default(7),
        }).default({ noncurrentVersionExpirationDays: 30, abortIncompleteUploadDays: 7 }),
    }).default({ lifecycle: { noncurrentVersionExpirationDays: 30, abortIncompleteUploadDays: 7 } }),
    originShield: strictObject({
        enabled: flag().default(false),
        region: textMatching(REGION, "an AWS region name such as us-east-1").optional(),
    }).default({ enabled: false }),
    logging: strictObject({
        destination: oneOf(["cloudwatch", "s3"] as const).default("cloudwatch"),
        retentionInDays: oneOfNumbers(RETENTION_DAYS).default(365),
    }).default({ destination: "cloudwatch", retentionInDays: 365 }),
    apiOrigin: strictObject({
        enabled: flag().default(false),
        kind: oneOf(["vpcOrigin", "publicAlb"] as const).default("vpcOrigin"),
        loadBalancerArn: textMatching(ALB_ARN, "an application load balancer ARN such as arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/api/0123456789abcdef").optional(),
        domainName: textMatching(DOMAIN_NAME, DOMAIN_ALLOWED).optional(),
    }).default({ enabled: false, kind: "vpcOrigin" }),
    waf: strictObject({
        rateLimit: integerBetween(WAF_MIN_RATE_LIMIT, WAF_MAX_RATE_LIMIT).default(2000),
        rateLimitWindowSeconds: oneOfNumbers(WAF_EVALUATION_WINDOWS).default(300),
        botControl: flag().default(false),
        regionalWebAcl: flag().default(true),
        logRetentionInDays: oneOfNumbers(RETENTION_DAYS).default(365),
    }).default({ rateLimit: 2000, rateLimitWindowSeconds: 300, botControl: false, regionalWebAcl: true, logRetentionInDays: 365 }),
    shieldAdvanced: strictObject({ enabled: flag().default(false) }).default({ enabled: false }),
});

type RefinementContext = z.RefinementCtx<StackConfig>;

function problem(ctx: RefinementContext, path: (string | number)[], input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path, input, message: allowed });
}

/** Cross-field rules of platform:edge: what a certificate, Origin Shield and the API origin need. */
export function checkEdge(config: StackConfig, ctx: RefinementContext): void {
    const edge = config["platform:edge"];
    const key = "platform:edge";
    if (edge.domain.aliases.length > 0 && !edge.domain.hostedZoneId) {
        problem(ctx, [key, "domain", "hostedZoneId"], undefined,
            "the Route 53 hosted zone id of the aliases' domain when domain.aliases is set (the ACM certificate is validated by DNS records in that zone)");
    }
    if (edge.domain.aliases.length === 0 && edge.domain.hostedZoneId) {
        problem(ctx, [key, "domain", "aliases"], [], "at least one DNS name when domain.hostedZoneId is set");
    }
    if (edge.originShield.enabled && !edge.originShield.region) {
        problem(ctx, [key, "originShield", "region"], undefined, "the Origin Shield region (normally the stack's region) when originShield.enabled is true");
    }
    const api = edge.apiOrigin;
    if (api.enabled) {
        if (!api.domainName) {
            problem(ctx, [key, "apiOrigin", "domainName"], undefined, "the DNS name on the load balancer's certificate when apiOrigin.enabled is true (CloudFront verifies it over TLS 1.2)");
        }
        if (api.kind === "vpcOrigin" && !api.loadBalancerArn) {
            problem(ctx, [key, "apiOrigin", "loadBalancerArn"], undefined, "the internal ALB's ARN when apiOrigin.kind is vpcOrigin");
        }
    }
    if (edge.shieldAdvanced.enabled && !edge.enabled) {
        problem(ctx, [key, "shieldAdvanced", "enabled"], true, "false while edge.enabled is false (there is no distribution to protect)");
    }
}

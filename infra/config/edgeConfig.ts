/**
 * The validated `platform:edge` slice: the static-assets origin, the CloudFront distribution, its
 * WAF web ACLs and Shield. Built by infra/config/edgeSchema.ts; the edge component receives exactly this object.
 */
export type PriceClass = "PriceClass_100" | "PriceClass_200" | "PriceClass_All";
export type EdgeLogDestination = "cloudwatch" | "s3";
export type ApiOriginKind = "vpcOrigin" | "publicAlb";

export interface EdgeDomainConfig {
    /** Alternate domain names (CNAMEs) of the distribution; empty means the default *.cloudfront.net certificate. */
    readonly aliases: readonly string[];
    /** Route 53 public hosted zone that DNS-validates the ACM certificate and holds the alias records. */
    readonly hostedZoneId?: string;
}

export interface StaticAssetsLifecycleConfig {
    /** Overwritten or deleted assets stay recoverable this long. */
    readonly noncurrentVersionExpirationDays: number;
    readonly abortIncompleteUploadDays: number;
}

export interface OriginShieldConfig {
    readonly enabled: boolean;
    /** The Origin Shield region, normally the origin bucket's region. */
    readonly region?: string;
}

export interface EdgeLoggingConfig {
    /** CloudWatch Logs (us-east-1 log group, logs v2) or the access-log bucket (logs v2 to S3). */
    readonly destination: EdgeLogDestination;
    readonly retentionInDays: number;
}

export interface ApiOriginConfig {
    readonly enabled: boolean;
    /** vpcOrigin: an internal ALB reached through a CloudFront VPC origin; publicAlb: an internet-facing ALB locked to CloudFront's prefix list. */
    readonly kind: ApiOriginKind;
    /** The ALB the cluster's load balancer controller created (required for vpcOrigin). */
    readonly loadBalancerArn?: string;
    /** The name the ALB's certificate is issued for: CloudFront verifies it over TLS 1.2. */
    readonly domainName?: string;
}

export interface WafConfig {
    /** Requests per client IP per evaluation window before the rate-based rule blocks (AWS minimum 10). */
    readonly rateLimit: number;
    /** 60, 120, 300 or 600 seconds. */
    readonly rateLimitWindowSeconds: number;
    /** AWSManagedRulesBotControlRuleSet (billed per request on top of the ACL). */
    readonly botControl: boolean;
    /** The REGIONAL web ACL for internet-facing load balancers of the cluster. */
    readonly regionalWebAcl: boolean;
    readonly logRetentionInDays: number;
}

export interface EdgeConfig {
    readonly enabled: boolean;
    readonly domain: EdgeDomainConfig;
    readonly priceClass: PriceClass;
    readonly defaultRootObject: string;
    readonly contentSecurityPolicy: string;
    readonly staticAssets: { readonly lifecycle: StaticAssetsLifecycleConfig };
    readonly originShield: OriginShieldConfig;
    readonly logging: EdgeLoggingConfig;
    readonly apiOrigin: ApiOriginConfig;
    readonly waf: WafConfig;
    /** Shield Advanced: a USD 3,000 monthly subscription per organisation, one-year commitment. */
    readonly shieldAdvanced: { readonly enabled: boolean };
}

import { PolicyResource } from "@pulumi/policy";
import { ABSENT, StackRuleContext, Violation, resourcePolicy, stackPolicy } from "../../lib/rule";
import { isTrue } from "../../lib/props";
import { list, read, UNKNOWN } from "../../lib/values";
import { num } from "../../lib/stackJoins";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const SECURE_VIEWER_TLS: readonly string[] = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

export const cloudfrontViewerHttps = resourcePolicy({
    id: "tls-cf-viewer-https",
    description: "Every CloudFront cache behaviour requires HTTPS from viewers (redirect-to-https or https-only, never allow-all).",
    severity: "high",
    resourceTypes: [DISTRIBUTION],
    remediation: "Set viewerProtocolPolicy: \"redirect-to-https\" (or \"https-only\") on defaultCacheBehavior and every orderedCacheBehaviors[] entry.",
    check(props, ctx) {
        const behaviours: { path: string; policy: unknown }[] = [
            { path: "defaultCacheBehavior.viewerProtocolPolicy", policy: read(props, "defaultCacheBehavior.viewerProtocolPolicy") },
        ];
        const ordered = list(props, "orderedCacheBehaviors");
        if (ordered !== UNKNOWN) {
            ordered.forEach((b: unknown, i: number) => behaviours.push({ path: `orderedCacheBehaviors[${i}].viewerProtocolPolicy`, policy: b === UNKNOWN ? UNKNOWN : read(b, "viewerProtocolPolicy") }));
        }
        for (const { path, policy } of behaviours) {
            if (policy !== UNKNOWN && policy !== "redirect-to-https" && policy !== "https-only") {
                ctx.report({ property: path, value: policy ?? ABSENT, expected: "\"redirect-to-https\" or \"https-only\"" });
            }
        }
    },
});

export const cloudfrontViewerMinTls = resourcePolicy({
    id: "tls-cf-viewer-min-tls",
    description: "CloudFront distributions use a custom certificate with a TLS 1.2+ minimum protocol version for viewers (the default certificate allows TLSv1).",
    severity: "high",
    resourceTypes: [DISTRIBUTION],
    remediation: `Use an ACM certificate (viewerCertificate.acmCertificateArn in us-east-1, sslSupportMethod "sni-only") with minimumProtocolVersion one of ${SECURE_VIEWER_TLS.join(", ")}.`,
    check(props, ctx) {
        const defaultCert: unknown = read(props, "viewerCertificate.cloudfrontDefaultCertificate");
        if (defaultCert !== UNKNOWN && isTrue(defaultCert)) {
            ctx.report({ property: "viewerCertificate.cloudfrontDefaultCertificate", value: defaultCert, expected: "false/unset (the default *.cloudfront.net certificate negotiates TLSv1)" });
            return;
        }
        const version: unknown = read(props, "viewerCertificate.minimumProtocolVersion");
        if (version !== UNKNOWN && !(typeof version === "string" && SECURE_VIEWER_TLS.includes(version))) {
            ctx.report({ property: "viewerCertificate.minimumProtocolVersion", value: version ?? ABSENT, expected: `one of ${SECURE_VIEWER_TLS.join(", ")} (provider default is TLSv1)` });
        }
    },
});

export const cloudfrontCustomCertSni = resourcePolicy({
    id: "tls-cf-custom-cert-sni",
    description: "CloudFront distributions serve an ACM certificate via SNI (not the default certificate, an IAM certificate, or dedicated-IP vip/static-ip).",
    severity: "medium",
    resourceTypes: [DISTRIBUTION],
    remediation: "Set viewerCertificate: { acmCertificateArn: <us-east-1 ACM cert>, sslSupportMethod: \"sni-only\", minimumProtocolVersion: \"TLSv1.2_2021\" }.",
    check(props, ctx) {
        const arn: unknown = read(props, "viewerCertificate.acmCertificateArn");
        if (arn !== UNKNOWN && !(typeof arn === "string" && arn.length > 0)) {
            ctx.report({ property: "viewerCertificate.acmCertificateArn", value: arn ?? ABSENT, expected: "an ACM certificate ARN (us-east-1)" });
            return;
        }
        const method: unknown = read(props, "viewerCertificate.sslSupportMethod");
        if (method !== UNKNOWN && method !== "sni-only") {
            ctx.report({ property: "viewerCertificate.sslSupportMethod", value: method ?? ABSENT, expected: "\"sni-only\" (vip/static-ip cost a dedicated IP and are legacy)" });
        }
    },
});

const VPC_ORIGIN = "aws:cloudfront/vpcOrigin:VpcOrigin";

/**
 * An HTTPS connection CloudFront opens to an origin it does not treat as S3: a distribution's
 * custom origin (origins[].customOriginConfig) or a VPC origin (aws:cloudfront/vpcOrigin:VpcOrigin
 * vpcOriginEndpointConfig, which carries its own protocol policy and TLS versions; a distribution's
 * vpcOriginConfig only names it). The transport rules judge both the same way.
 */
interface OriginEndpoint {
    /** Path prefix of the endpoint's config, e.g. origins[1].customOriginConfig or vpcOriginEndpointConfig. */
    readonly path: string;
    readonly config: unknown;
    /** Sub-path of the TLS version list: originSslProtocols (distribution, a list) or originSslProtocols.items (VPC origin). */
    readonly protocolsPath: string;
}

function originEndpoints(type: string, props: unknown): OriginEndpoint[] {
    if (type === VPC_ORIGIN) {
        const config: unknown = read(props, "vpcOriginEndpointConfig");
        return config === undefined || config === null || config === UNKNOWN ? [] : [{ path: "vpcOriginEndpointConfig", config, protocolsPath: "originSslProtocols.items" }];
    }
    const origins = list(props, "origins");
    if (origins === UNKNOWN) {
        return [];
    }
    return origins
        .map((origin: unknown, index: number): OriginEndpoint => ({
            path: `origins[${index}].customOriginConfig`,
            config: origin === UNKNOWN ? UNKNOWN : read(origin, "customOriginConfig"),
            protocolsPath: "originSslProtocols",
        }))
        .filter((o: OriginEndpoint) => o.config !== undefined && o.config !== null && o.config !== UNKNOWN);
}

/** TLS versions of an endpoint: a list, or the VPC origin's { items, quantity } (a bare list is read too). */
function originProtocols(endpoint: OriginEndpoint): unknown[] | typeof UNKNOWN {
    const direct: unknown = read(endpoint.config, "originSslProtocols");
    if (direct === UNKNOWN) {
        return UNKNOWN;
    }
    if (endpoint.protocolsPath.endsWith(".items") && direct !== null && typeof direct === "object" && !Array.isArray(direct)) {
        return list(endpoint.config, endpoint.protocolsPath);
    }
    return list(endpoint.config, "originSslProtocols");
}

export const cloudfrontOriginHttps = resourcePolicy({
    id: "tls-cf-origin-https",
    description: "CloudFront connects to custom origins (ALBs, APIs) and VPC origins over HTTPS only.",
    severity: "high",
    resourceTypes: [DISTRIBUTION, VPC_ORIGIN],
    remediation: "Set originProtocolPolicy: \"https-only\" on origins[].customOriginConfig (and on VpcOrigin vpcOriginEndpointConfig), and give the origin a certificate that matches its domain name.",
    check(props, ctx) {
        for (const endpoint of originEndpoints(ctx.type, props)) {
            const policy: unknown = read(endpoint.config, "originProtocolPolicy");
            if (policy !== UNKNOWN && policy !== "https-only") {
                ctx.report({ property: `${endpoint.path}.originProtocolPolicy`, value: policy ?? ABSENT, expected: "\"https-only\"" });
            }
        }
    },
});

export const cloudfrontOriginProtocols = resourcePolicy({
    id: "tls-cf-origin-protocols",
    description: "CloudFront negotiates only TLSv1.2 with custom origins and VPC origins (no SSLv3, TLSv1, TLSv1.1).",
    severity: "high",
    resourceTypes: [DISTRIBUTION, VPC_ORIGIN],
    remediation: "Set origins[].customOriginConfig.originSslProtocols: [\"TLSv1.2\"] (VpcOrigin: vpcOriginEndpointConfig.originSslProtocols { items: [\"TLSv1.2\"], quantity: 1 }).",
    check(props, ctx) {
        for (const endpoint of originEndpoints(ctx.type, props)) {
            const protocols = originProtocols(endpoint);
            if (protocols === UNKNOWN || protocols.includes(UNKNOWN)) {
                continue;
            }
            if (protocols.length === 0 || protocols.some((p: unknown) => p !== "TLSv1.2")) {
                ctx.report({ property: `${endpoint.path}.${endpoint.protocolsPath}`, value: protocols.length === 0 ? ABSENT : protocols, expected: "[\"TLSv1.2\"] only" });
            }
        }
    },
});

// --- tls-cf-hsts: a stack rule, because the HSTS header lives on a response headers policy the behaviours reference. ---

const RESPONSE_HEADERS_POLICY = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
/** One year, the HSTS max-age the catalogue (and the HSTS preload list) asks for. */
export const HSTS_MINIMUM_MAX_AGE = 31536000;

interface HstsConfig {
    minimumMaxAgeSeconds: number;
    /** Ids of response headers policies not declared in the stack (created elsewhere) that are known to send HSTS. */
    acceptedPolicyIds: string[];
}

/** What is wrong with a response headers policy's HSTS: [] when compliant, UNKNOWN when not known yet. */
function hstsProblems(policy: PolicyResource, minimumMaxAge: number): Violation[] | typeof UNKNOWN {
    const sts: unknown = read(policy.props, "securityHeadersConfig.strictTransportSecurity");
    if (sts === UNKNOWN) {
        return UNKNOWN;
    }
    if (sts === undefined || sts === null) {
        return [{ property: "securityHeadersConfig.strictTransportSecurity", value: ABSENT, expected: "a Strict-Transport-Security header" }];
    }
    const problems: Violation[] = [];
    const maxAge = num(read(sts, "accessControlMaxAgeSec"));
    if (maxAge !== UNKNOWN && (maxAge === undefined || maxAge < minimumMaxAge)) {
        problems.push({ property: "securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec", value: maxAge ?? ABSENT, expected: `at least ${minimumMaxAge} (one year)` });
    }
    for (const key of ["includeSubdomains", "override"] as const) {
        const value: unknown = read(sts, key);
        if (value !== UNKNOWN && !isTrue(value)) {
            problems.push({
                property: `securityHeadersConfig.strictTransportSecurity.${key}`, value: value ?? ABSENT,
                expected: key === "override" ? "true (otherwise an origin's weaker header wins)" : "true (every subdomain HTTPS-only too)",
            });
        }
    }
    return problems;
}

interface Behaviour { readonly path: string; readonly reference: unknown }

function behaviours(distribution: PolicyResource): Behaviour[] {
    const result: Behaviour[] = [{ path: "defaultCacheBehavior.responseHeadersPolicyId", reference: read(distribution.props, "defaultCacheBehavior.responseHeadersPolicyId") }];
    const ordered = list(distribution.props, "orderedCacheBehaviors");
    if (ordered !== UNKNOWN) {
        ordered.forEach((b: unknown, i: number) => result.push({ path: `orderedCacheBehaviors[${i}].responseHeadersPolicyId`, reference: b === UNKNOWN ? UNKNOWN : read(b, "responseHeadersPolicyId") }));
    }
    return result;
}

function checkHsts(resources: readonly PolicyResource[], ctx: StackRuleContext<HstsConfig>): void {
    const minimum: number = ctx.config.minimumMaxAgeSeconds;
    const policies: PolicyResource[] = resources.filter((r: PolicyResource) => r.type === RESPONSE_HEADERS_POLICY);
    const problems = new Map<PolicyResource, Violation[] | typeof UNKNOWN>(policies.map((p: PolicyResource) => [p, hstsProblems(p, minimum)]));
    // A policy that sends HSTS weakly is reported on itself, wherever it is used.
    for (const [policy, found] of problems) {
        if (found !== UNKNOWN && !(found.length === 1 && found[0].property === "securityHeadersConfig.strictTransportSecurity")) {
            found.forEach((violation: Violation) => ctx.report(policy, violation));
        }
    }
    for (const distribution of resources.filter((r: PolicyResource) => r.type === DISTRIBUTION)) {
        const dependencies = new Set<string>((distribution.dependencies ?? []).map((d: PolicyResource) => d.urn));
        for (const { path, reference } of behaviours(distribution)) {
            if (reference === undefined || reference === null || reference === "") {
                ctx.report(distribution, { property: path, value: ABSENT, expected: `a response headers policy with Strict-Transport-Security (max-age >= ${minimum}, includeSubdomains, override)` });
                continue;
            }
            if (typeof reference === "string" && ctx.config.acceptedPolicyIds.includes(reference)) {
                continue;
            }
            const candidates: PolicyResource[] = typeof reference === "string"
                ? policies.filter((p: PolicyResource) => read(p.props, "id") === reference)
                // Not known yet (first preview): the policies the distribution depends on.
                : policies.filter((p: PolicyResource) => dependencies.has(p.urn));
            if (candidates.length === 0) {
                if (typeof reference === "string") {
                    ctx.report(distribution, { property: path, value: reference, expected: "a response headers policy declared in this stack with HSTS (or list a pre-existing one in acceptedPolicyIds)" });
                }
                continue;
            }
            // Any candidate that sends HSTS (or is not known yet) satisfies the behaviour; its own weaknesses are reported on it.
            if (candidates.some((p: PolicyResource) => {
                const found = problems.get(p)!;
                return found === UNKNOWN || !found.some((v: Violation) => v.property === "securityHeadersConfig.strictTransportSecurity");
            })) {
                continue;
            }
            ctx.report(distribution, { property: path, value: reference === UNKNOWN ? candidates.map((p) => p.name).join(", ") : reference, expected: `a response headers policy with Strict-Transport-Security (policy "${candidates[0].name}" sends none)` });
        }
    }
}

export const cloudfrontHsts = stackPolicy<HstsConfig>({
    id: "tls-cf-hsts",
    description: "CloudFront cache behaviours reference a response headers policy that sends Strict-Transport-Security with max-age >= one year, includeSubdomains and override.",
    severity: "low",
    remediation: "Create an aws.cloudfront.ResponseHeadersPolicy with securityHeadersConfig.strictTransportSecurity { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true } and set responseHeadersPolicyId on defaultCacheBehavior and every orderedCacheBehaviors[] entry.",
    config: {
        schema: {
            minimumMaxAgeSeconds: { type: "number", description: "Smallest accepted HSTS max-age in seconds." },
            acceptedPolicyIds: { type: "array", items: { type: "string" }, description: "Ids of response headers policies created outside this stack that are known to send HSTS." },
        },
        defaults: { minimumMaxAgeSeconds: HSTS_MINIMUM_MAX_AGE, acceptedPolicyIds: [] },
    },
    check: checkHsts,
});

export const cloudfrontTransitPolicies = [cloudfrontViewerHttps, cloudfrontViewerMinTls, cloudfrontCustomCertSni, cloudfrontOriginHttps, cloudfrontOriginProtocols, cloudfrontHsts];

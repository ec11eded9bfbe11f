import * as aws from "@pulumi/aws";
import { physicalName } from "../../platform/naming";
import { EdgeContext, atGlobalEdge } from "./edgeContext";

/** One year, the HSTS preload-list minimum and what tls-cf-hsts requires. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Security headers on every response: HSTS (one year, subdomains), nosniff, DENY framing, a strict
 * referrer policy and the configured Content-Security-Policy. `override: true` so an origin can
 * never weaken them.
 */
export function createResponseHeadersPolicy(ctx: EdgeContext, contentSecurityPolicy: string): aws.cloudfront.ResponseHeadersPolicy {
    return new aws.cloudfront.ResponseHeadersPolicy("edge-security-headers", {
        name: physicalName(ctx.naming, "security-headers"),
        comment: "HSTS, nosniff, frame DENY, referrer policy and CSP on every response",
        securityHeadersConfig: {
            strictTransportSecurity: { accessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, includeSubdomains: true, preload: false, override: true },
            contentTypeOptions: { override: true },
            frameOptions: { frameOption: "DENY", override: true },
            referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
            contentSecurityPolicy: { contentSecurityPolicy, override: true },
        },
    }, atGlobalEdge(ctx));
}

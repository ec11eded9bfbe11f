import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EdgeConfig } from "../../config/edgeConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { API_ORIGIN_ID, API_PATH_PATTERN } from "./apiOrigin";
import { EdgeContext, atGlobalEdge } from "./edgeContext";

/** AWS managed cache and origin-request policies (fixed ids, documented in the CloudFront Developer Guide). */
export const MANAGED_POLICIES = {
    cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;
export const STATIC_ORIGIN_ID = "static-assets";
/** TLS 1.2 with the 2021 cipher suites: what CloudFront, FSBP CloudFront.15 and the pack accept. */
export const VIEWER_MINIMUM_PROTOCOL = "TLSv1.2_2021";

export interface DistributionArgs {
    readonly edge: EdgeConfig;
    readonly bucketRegionalDomainName: pulumi.Input<string>;
    readonly webAclArn: pulumi.Input<string>;
    readonly responseHeadersPolicyId: pulumi.Input<string>;
    /** Undefined without a domain: CloudFront's default *.cloudfront.net certificate. */
    readonly certificateArn?: pulumi.Input<string>;
    readonly apiOrigin?: aws.types.input.cloudfront.DistributionOrigin;
}

/** Signs every origin request with SigV4, so the bucket policy can trust the distribution alone. */
export function createOriginAccessControl(ctx: EdgeContext): aws.cloudfront.OriginAccessControl {
    return new aws.cloudfront.OriginAccessControl("static-assets", {
        name: physicalName(ctx.naming, "static-assets"),
        description: "CloudFront reads the static-assets bucket",
        originAccessControlOriginType: "s3",
        signingBehavior: "always",
        signingProtocol: "sigv4",
    }, atGlobalEdge(ctx));
}

function viewerCertificate(certificateArn: pulumi.Input<string> | undefined): aws.types.input.cloudfront.DistributionViewerCertificate {
    if (certificateArn === undefined) {
        // The shared *.cloudfront.net certificate: CloudFront ignores minimumProtocolVersion with it and
        // negotiates down to TLSv1, which the pack rejects (README, "The default certificate").
        return { cloudfrontDefaultCertificate: true };
    }
    return { acmCertificateArn: certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: VIEWER_MINIMUM_PROTOCOL };
}

export function createDistribution(ctx: EdgeContext, args: DistributionArgs, originAccessControl: aws.cloudfront.OriginAccessControl): aws.cloudfront.Distribution {
    const { edge } = args;
    const staticOrigin: aws.types.input.cloudfront.DistributionOrigin = {
        originId: STATIC_ORIGIN_ID,
        domainName: args.bucketRegionalDomainName,
        originAccessControlId: originAccessControl.id,
        originShield: edge.originShield.enabled ? { enabled: true, originShieldRegion: edge.originShield.region } : undefined,
    };
    const apiBehaviours: aws.types.input.cloudfront.DistributionOrderedCacheBehavior[] = args.apiOrigin ? [{
        pathPattern: API_PATH_PATTERN,
        targetOriginId: API_ORIGIN_ID,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: MANAGED_POLICIES.cachingDisabled,
        originRequestPolicyId: MANAGED_POLICIES.allViewerExceptHostHeader,
        responseHeadersPolicyId: args.responseHeadersPolicyId,
    }] : [];
    return new aws.cloudfront.Distribution("edge", {
        comment: physicalName(ctx.naming, "edge"),
        enabled: true,
        aliases: edge.domain.aliases.length > 0 ? [...edge.domain.aliases] : undefined,
        httpVersion: "http2and3",
        isIpv6Enabled: true,
        priceClass: edge.priceClass,
        defaultRootObject: edge.defaultRootObject,
        webAclId: args.webAclArn,
        origins: args.apiOrigin ? [staticOrigin, args.apiOrigin] : [staticOrigin],
        defaultCacheBehavior: {
            targetOriginId: STATIC_ORIGIN_ID,
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: ["GET", "HEAD", "OPTIONS"],
            cachedMethods: ["GET", "HEAD"],
            compress: true,
            cachePolicyId: MANAGED_POLICIES.cachingOptimized,
            responseHeadersPolicyId: args.responseHeadersPolicyId,
        },
        orderedCacheBehaviors: apiBehaviours,
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: viewerCertificate(args.certificateArn),
        tags: nameTagFor(ctx.naming, "edge"),
    }, atGlobalEdge(ctx));
}

/** Route 53 aliases (A and AAAA) from each configured name (wildcards included) to the distribution. */
export function createAliasRecords(ctx: EdgeContext, edge: EdgeConfig, distribution: aws.cloudfront.Distribution): void {
    for (const alias of edge.domain.aliases) {
        const logical: string = alias.replace(/^\*\./, "wildcard.");
        for (const type of ["A", "AAAA"] as const) {
            new aws.route53.Record(`edge-alias-${logical}-${type.toLowerCase()}`, {
                zoneId: edge.domain.hostedZoneId!,
                name: alias,
                type,
                aliases: [{ name: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false }],
            }, { parent: ctx.parent });
        }
    }
}

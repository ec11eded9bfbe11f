import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EdgeConfig } from "../../config/edgeConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { GLOBAL_EDGE_REGION } from "../../platform/providers";
import { enableAccessLogging } from "../operations/accessLogging";
import { KeyPolicyContext } from "../security/keyPolicies";
import { ApiOrigin, createApiOrigin } from "./apiOrigin";
import { createViewerCertificate } from "./certificate";
import { createAliasRecords, createDistribution, createOriginAccessControl } from "./distribution";
import { createDistributionLogging } from "./distributionLogging";
import { EdgeContext, atGlobalEdge } from "./edgeContext";
import { createEdgeKey } from "./edgeKey";
import { originBucketPolicy } from "./edgePolicies";
import { createOriginKey } from "./originKey";
import { createResponseHeadersPolicy } from "./responseHeaders";
import { StaticAssetsBucket, createStaticAssetsBucket, encryptStaticAssets } from "./staticAssetsBucket";
import { createWafLogging } from "./wafLogging";
import { createWebAcl } from "./webAcl";

/** The access-log bucket the static-assets bucket (and, for the s3 destination, CloudFront) logs into. */
export interface EdgeAccessLogs {
    readonly bucket: aws.s3.Bucket;
}

export interface EdgeArgs {
    readonly edge: EdgeConfig;
    readonly protection: ProtectionConfig;
    readonly naming: NamingContext;
    readonly account: AccountContext;
    /** The us-east-1 provider (providers.globalEdge). */
    readonly globalEdgeProvider: aws.Provider;
    readonly kmsDeletionWindowInDays: number;
    /** The baseline's logs key (stack region): the REGIONAL web ACL's log group. */
    readonly logsKeyArn: pulumi.Input<string>;
    readonly accessLogs: EdgeAccessLogs;
    /** For the public-ALB API origin's security group. */
    readonly vpcId: pulumi.Input<string>;
}

/**
 * CloudFront in front of a private, KMS-encrypted S3 bucket (Origin Access Control), an optional API
 * origin, a CLOUDFRONT-scope web ACL and a REGIONAL one for the cluster's load balancers, logging for
 * all of them, and Shield Advanced on request. CloudFront-scoped resources go through the us-east-1
 * provider; the bucket and the REGIONAL ACL stay in the stack's region.
 */
export class Edge extends pulumi.ComponentResource {
    public readonly distributionId: pulumi.Output<string>;
    public readonly distributionArn: pulumi.Output<string>;
    public readonly distributionDomainName: pulumi.Output<string>;
    public readonly staticAssetsBucketName: pulumi.Output<string>;
    public readonly cloudFrontWebAclArn: pulumi.Output<string>;
    /** Metric dimension WebACL of the CLOUDFRONT ACL (alarms). */
    public readonly cloudFrontWebAclName: string;
    /** Undefined unless waf.regionalWebAcl: annotate the controller's ingresses with alb.ingress.kubernetes.io/wafv2-acl-arn. */
    public readonly regionalWebAclArn: pulumi.Output<string> | undefined;
    public readonly edgeKeyArn: pulumi.Output<string>;
    /** Undefined unless apiOrigin.kind is publicAlb. */
    public readonly apiLoadBalancerSecurityGroupId: pulumi.Output<string> | undefined;

    constructor(name: string, args: EdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:edge:Edge", name, {}, opts);
        const { edge, naming } = args;
        const ctx: EdgeContext = {
            naming,
            protection: args.protection,
            account: pulumi.all([args.account.accountId, args.account.partition, args.account.dnsSuffix])
                .apply(([accountId, partition, dnsSuffix]: [string, string, string]): Omit<KeyPolicyContext, "region"> => ({ accountId, partition, dnsSuffix })),
            region: args.account.region,
            globalEdgeProvider: args.globalEdgeProvider,
            kmsDeletionWindowInDays: args.kmsDeletionWindowInDays,
            parent: this,
        };

        const edgeKey: aws.kms.Key = createEdgeKey(ctx);
        const cloudFrontWebAclName: string = physicalName(naming, "cloudfront");
        const cloudFrontAcl: aws.wafv2.WebAcl = createWebAcl({
            logicalName: "cloudfront", physicalName: cloudFrontWebAclName, scope: "CLOUDFRONT", waf: edge.waf,
            tags: nameTagFor(naming, "cloudfront"), opts: atGlobalEdge(ctx),
        });
        createWafLogging({
            logicalName: "waf-cloudfront", logGroupName: `aws-waf-logs-${cloudFrontWebAclName}`, webAcl: cloudFrontAcl,
            kmsKeyArn: edgeKey.arn, retentionInDays: edge.waf.logRetentionInDays, region: GLOBAL_EDGE_REGION,
            account: ctx.account, tags: nameTagFor(naming, "waf-cloudfront"), opts: atGlobalEdge(ctx),
        });
        const regionalAcl: aws.wafv2.WebAcl | undefined = edge.waf.regionalWebAcl
            ? createWebAcl({ logicalName: "regional", physicalName: physicalName(naming, "regional"), scope: "REGIONAL", waf: edge.waf, tags: nameTagFor(naming, "regional"), opts: { parent: this } })
            : undefined;
        if (regionalAcl) {
            createWafLogging({
                logicalName: "waf-regional", logGroupName: `aws-waf-logs-${physicalName(naming, "regional")}`, webAcl: regionalAcl,
                kmsKeyArn: args.logsKeyArn, retentionInDays: edge.waf.logRetentionInDays, region: args.account.region,
                account: ctx.account, tags: nameTagFor(naming, "waf-regional"), opts: { parent: this },
            });
        }

        const assets: StaticAssetsBucket = createStaticAssetsBucket(ctx, edge.staticAssets.lifecycle);
        enableAccessLogging(assets.bucket, args.accessLogs.bucket, "s3/static-assets/", { parent: this });
        const originAccessControl = createOriginAccessControl(ctx);
        const headers = createResponseHeadersPolicy(ctx, edge.contentSecurityPolicy);
        const certificateArn: pulumi.Output<string> | undefined = edge.domain.aliases.length > 0 ? createViewerCertificate(ctx, edge.domain) : undefined;
        const api: ApiOrigin | undefined = edge.apiOrigin.enabled ? createApiOrigin(ctx, edge.apiOrigin, args.vpcId) : undefined;
        const distribution: aws.cloudfront.Distribution = createDistribution(ctx, {
            edge,
            bucketRegionalDomainName: assets.bucket.bucketRegionalDomainName,
            webAclArn: cloudFrontAcl.arn,
            responseHeadersPolicyId: headers.id,
            certificateArn,
            apiOrigin: api?.origin,
        }, originAccessControl);
        createAliasRecords(ctx, edge, distribution);

        const originKey: aws.kms.Key = createOriginKey(ctx, distribution.arn);
        encryptStaticAssets(ctx, assets.bucket, originKey.arn);
        new aws.s3.BucketPolicy("static-assets", {
            bucket: assets.bucket.id,
            policy: pulumi.all([assets.bucket.arn, distribution.arn]).apply(([bucketArn, distributionArn]: [string, string]) =>
                JSON.stringify(originBucketPolicy(bucketArn, distributionArn))),
        }, { parent: this, protect: args.protection.protectStatefulResources, dependsOn: assets.guardrails });

        createDistributionLogging(ctx, {
            logging: edge.logging,
            distributionArn: distribution.arn,
            edgeKeyArn: edgeKey.arn,
            accessLogBucketArn: args.accessLogs.bucket.arn,
        });
        if (edge.shieldAdvanced.enabled) {
            new aws.shield.Protection("edge", {
                name: physicalName(naming, "edge"),
                resourceArn: distribution.arn,
                tags: nameTagFor(naming, "edge"),
            }, atGlobalEdge(ctx));
        }

        this.distributionId = distribution.id;
        this.distributionArn = distribution.arn;
        this.distributionDomainName = distribution.domainName;
        this.staticAssetsBucketName = assets.bucket.bucket;
        this.cloudFrontWebAclArn = cloudFrontAcl.arn;
        this.cloudFrontWebAclName = cloudFrontWebAclName;
        this.regionalWebAclArn = regionalAcl?.arn;
        this.edgeKeyArn = edgeKey.arn;
        this.apiLoadBalancerSecurityGroupId = api?.loadBalancerSecurityGroupId;

        this.registerOutputs({
            distributionId: this.distributionId,
            distributionDomainName: this.distributionDomainName,
            staticAssetsBucketName: this.staticAssetsBucketName,
            cloudFrontWebAclArn: this.cloudFrontWebAclArn,
            regionalWebAclArn: this.regionalWebAclArn,
        });
    }
}

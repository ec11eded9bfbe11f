import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ApiOriginConfig } from "../../config/edgeConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { EdgeContext, atGlobalEdge } from "./edgeContext";

export const API_ORIGIN_ID = "api";
export const API_PATH_PATTERN = "/api/*";
/** CloudFront's managed prefix list of origin-facing addresses (the same name in every region). */
export const CLOUDFRONT_ORIGIN_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";
const TLS_1_2_ONLY: string[] = ["TLSv1.2"];

export interface ApiOrigin {
    readonly origin: aws.types.input.cloudfront.DistributionOrigin;
    /** publicAlb only: the group the controller's ALB must carry (alb.ingress.kubernetes.io/security-groups). */
    readonly loadBalancerSecurityGroupId?: pulumi.Output<string>;
}

/**
 * The API behind the cluster's load balancer. vpcOrigin (preferred): CloudFront reaches an internal
 * ALB through a VPC origin, so the ALB has no public address at all. publicAlb: an internet-facing
 * ALB whose security group admits only CloudFront's origin-facing prefix list on 443. Both HTTPS
 * only, TLS 1.2 only.
 */
export function createApiOrigin(ctx: EdgeContext, api: ApiOriginConfig, vpcId: pulumi.Input<string>): ApiOrigin {
    const domainName: string = api.domainName!;
    if (api.kind === "vpcOrigin") {
        const vpcOrigin = new aws.cloudfront.VpcOrigin("api", {
            vpcOriginEndpointConfig: {
                name: physicalName(ctx.naming, "api"),
                arn: api.loadBalancerArn!,
                httpPort: 80,
                httpsPort: 443,
                originProtocolPolicy: "https-only",
                originSslProtocols: { items: TLS_1_2_ONLY, quantity: TLS_1_2_ONLY.length },
            },
            tags: nameTagFor(ctx.naming, "api"),
        }, atGlobalEdge(ctx));
        return { origin: { originId: API_ORIGIN_ID, domainName, vpcOriginConfig: { vpcOriginId: vpcOrigin.id } } };
    }
    const prefixList = aws.ec2.getManagedPrefixListOutput({ name: CLOUDFRONT_ORIGIN_PREFIX_LIST }, { parent: ctx.parent });
    const securityGroup = new aws.ec2.SecurityGroup("api-origin", {
        name: physicalName(ctx.naming, "api-origin"),
        description: "Public API load balancer: HTTPS from CloudFront origin-facing addresses only",
        vpcId,
        tags: nameTagFor(ctx.naming, "api-origin"),
    }, { parent: ctx.parent });
    new aws.vpc.SecurityGroupIngressRule("api-origin-cloudfront-https", {
        securityGroupId: securityGroup.id,
        description: "HTTPS from CloudFront only",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        prefixListId: prefixList.id,
    }, { parent: ctx.parent });
    return {
        origin: {
            originId: API_ORIGIN_ID,
            domainName,
            customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: TLS_1_2_ONLY, httpPort: 80, httpsPort: 443 },
        },
        loadBalancerSecurityGroupId: securityGroup.id,
    };
}

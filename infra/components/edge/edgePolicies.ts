import { KeyPolicyContext, keyPolicyFor } from "../security/keyPolicies";
import { PolicyDocument, denyInsecureBucketTransport, policyDocument } from "../security/policyDocument";

/**
 * Pure builders for the edge's key, bucket and log-group policies. Every service principal is pinned
 * to this account and, where the service sends it, to the exact source resource (aws:SourceArn).
 */
/**
 * The us-east-1 key of the edge: CloudWatch Logs in us-east-1 encrypts the WAF and CloudFront log
 * groups with it. `ctx.region` is us-east-1 (the key is created through the global-edge provider).
 * Derived from KEY_USERS (security/keyUsers.ts).
 */
export function edgeKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return keyPolicyFor("edge", ctx);
}

/**
 * The static-assets key: CloudFront reads SSE-KMS objects through Origin Access Control and must
 * decrypt them; only this distribution may (aws:SourceArn). S3 itself uses the key for the
 * caller (kms:ViaService s3) when the deployment pipeline uploads assets. Derived from KEY_USERS.
 */
export function originKeyPolicy(ctx: KeyPolicyContext, distributionArn: string): PolicyDocument {
    return keyPolicyFor("static-assets", ctx, { distributionArn });
}

/** Deny every request that does not arrive over TLS (tls-s3-ssl-only). */

/** Only this distribution reads objects (Origin Access Control signs as cloudfront.amazonaws.com). */
export function originBucketPolicy(bucketArn: string, distributionArn: string): PolicyDocument {
    return policyDocument([
        denyInsecureBucketTransport(bucketArn),
        {
            Sid: "AllowCloudFrontOriginAccessControlRead",
            Effect: "Allow",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Action: "s3:GetObject",
            Resource: `${bucketArn}/*`,
            Condition: { StringEquals: { "aws:SourceArn": distributionArn } },
        },
    ]);
}

/**
 * WAF delivers to CloudWatch Logs through the log-delivery service, which needs a resource policy on
 * the aws-waf-logs-* groups. Scoped to this account's WAF log groups and to delivery sources of this account.
 */
export function wafLogDeliveryPolicy(args: { partition: string; region: string; accountId: string }): PolicyDocument {
    const { partition, region, accountId } = args;
    return policyDocument([{
        Sid: "AllowWafLogDelivery",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `arn:${partition}:logs:${region}:${accountId}:log-group:aws-waf-logs-*:log-stream:*`,
        Condition: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: { "aws:SourceArn": `arn:${partition}:logs:${region}:${accountId}:*` },
        },
    }]);
}

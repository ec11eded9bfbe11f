import { KeyPolicyContext, keyPolicyFor } from "../security/keyPolicies";
import { PolicyDocument, PolicyStatement, denyInsecureBucketTransport, denyInsecureTransport, policyDocument } from "../security/policyDocument";
import { ALARM_TOPIC_PUBLISHERS } from "../../platform/wiring";

/** Pure builders for the operations key, the access-log bucket and the alarm topic policies. */
export interface AccessLogBucketPolicyArgs {
    readonly bucketArn: string;
    readonly accountId: string;
    readonly partition: string;
    /** Let CloudFront standard logging v2 (delivered from us-east-1) write under cloudfront/. */
    readonly acceptCloudFrontLogs: boolean;
}

/**
 * S3 server access logging writes as the logging.s3.amazonaws.com service principal (BucketOwnerEnforced
 * disables the log-delivery ACL grant). Only from source buckets of this account; the source
 * buckets are named by their BucketLogging resources, so SourceAccount is the pin (the documented condition).
 */
export function accessLogBucketPolicy(args: AccessLogBucketPolicyArgs): PolicyDocument {
    const statements: PolicyStatement[] = [
        denyInsecureBucketTransport(args.bucketArn),
        {
            Sid: "AllowS3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${args.bucketArn}/s3/*`,
            Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
        },
    ];
    if (args.acceptCloudFrontLogs) {
        statements.push({
            Sid: "AllowCloudFrontLogDelivery",
            Effect: "Allow",
            Principal: { Service: "delivery.logs.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${args.bucketArn}/AWSLogs/${args.accountId}/CloudFront/*`,
            Condition: {
                StringEquals: { "aws:SourceAccount": args.accountId, "s3:x-amz-acl": "bucket-owner-full-control" },
                ArnLike: { "aws:SourceArn": `arn:${args.partition}:logs:us-east-1:${args.accountId}:delivery-source:*` },
            },
        });
    }
    return policyDocument(statements);
}

/**
 * The operations key: the SNS alarm topics and the Prometheus workspace. CloudWatch alarms, AWS
 * Budgets and Cost Anomaly Detection publish to the encrypted topic, so each needs GenerateDataKey
 * and Decrypt, pinned to this account. Prometheus uses it through the caller (kms:ViaService aps).
 * Derived from KEY_USERS (security/keyUsers.ts).
 */
export function operationsKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return keyPolicyFor("alarms", ctx);
}

/**
 * The alarm topic: TLS only (tls-sns-ssl-only), the account manages it, and only CloudWatch,
 * Budgets and Cost Anomaly Detection of this account may publish.
 */
export function alarmTopicPolicy(args: { topicArn: string; accountId: string; partition: string }): PolicyDocument {
    return policyDocument([
        denyInsecureTransport("sns:Publish", args.topicArn),
        {
            Sid: "AllowAccountManagement",
            Effect: "Allow",
            Principal: { AWS: `arn:${args.partition}:iam::${args.accountId}:root` },
            Action: ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:Publish"],
            Resource: args.topicArn,
        },
        {
            Sid: "AllowAlarmPublishers",
            Effect: "Allow",
            // The publishers the platform wires to its alarm topics (platform/wiring.ts, with each one's source).
            Principal: { Service: ALARM_TOPIC_PUBLISHERS.map((entry) => entry.service) },
            Action: "sns:Publish",
            Resource: args.topicArn,
            Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
        },
    ]);
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { statefulResourceOptions } from "../../platform/providers";
import { AuditBucket, createAuditBucket } from "./auditBucket";
import { trailLogDeliveryPolicy, trailLogDeliveryTrustPolicy } from "./auditPolicies";
import { nameTag } from "../../platform/naming";
import { trailName } from "./trailNaming";

export interface AuditTrailArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    readonly logsKey: aws.kms.Key;
    /** Built from the explicit trail name (see naming.ts); the key policy already trusts it. */
    readonly trailArn: pulumi.Output<string>;
    readonly parent: pulumi.Resource;
}

export interface AuditTrail {
    readonly trail: aws.cloudtrail.Trail;
    readonly bucket: aws.s3.Bucket;
    /** AWS Config's delivery channel waits for it too: Config checks its bucket permissions on creation. */
    readonly bucketPolicy: aws.s3.BucketPolicy;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly deliveryRole: aws.iam.Role;
}

/**
 * The account's multi-region CloudTrail: validated, KMS-encrypted log files in the audit bucket and
 * a copy in CloudWatch Logs for metric filters and alarms (CIS 3.x / FSBP CloudTrail.5).
 */
export function createAuditTrail(args: AuditTrailArgs): AuditTrail {
    const { config, account, logsKey, trailArn, parent } = args;
    const audit: AuditBucket = createAuditBucket({ config, account, logsKey, trailArn, parent });

    const logGroup = new aws.cloudwatch.LogGroup("cloudtrail", {
        name: `/platform/${config.stack}/cloudtrail`,
        retentionInDays: config.security.cloudTrail.cloudWatchLogsRetentionInDays,
        kmsKeyId: logsKey.arn,
        tags: nameTag(config, "cloudtrail"),
    }, { parent, ...statefulResourceOptions(config) });

    const deliveryRole = new aws.iam.Role("cloudtrail-logs", {
        description: "Delivers CloudTrail events to its CloudWatch Logs group",
        assumeRolePolicy: pulumi.all([trailArn, account.accountId])
            .apply(([arn, accountId]: [string, string]) => JSON.stringify(trailLogDeliveryTrustPolicy(arn, accountId))),
        tags: nameTag(config, "cloudtrail-logs"),
    }, { parent });

    const deliveryPolicy = new aws.iam.RolePolicy("cloudtrail-logs", {
        role: deliveryRole.id,
        policy: logGroup.arn.apply((logGroupArn: string) => JSON.stringify(trailLogDeliveryPolicy(logGroupArn))),
    }, { parent });

    const trail = new aws.cloudtrail.Trail("audit", {
        name: trailName(config),
        s3BucketName: audit.bucket.id,
        kmsKeyId: logsKey.arn,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        // CloudTrail wants the log group ARN with the log-stream wildcard suffix.
        cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
        cloudWatchLogsRoleArn: deliveryRole.arn,
        tags: nameTag(config, "audit"),
    }, {
        parent,
        ...statefulResourceOptions(config),
        // CloudTrail validates bucket and log-group access when the trail is created.
        dependsOn: [audit.policy, deliveryPolicy],
    });

    return { trail, bucket: audit.bucket, bucketPolicy: audit.policy, logGroup, deliveryRole };
}

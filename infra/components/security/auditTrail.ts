import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { statefulResourceOptions } from "../../platform/providers";
import { OwnerScope, movedOptions, singletonOptions } from "../account/ownerOptions";
import { AuditBucket, createAuditBucket } from "./auditBucket";
import { trailLogDeliveryPolicy, trailLogDeliveryTrustPolicy } from "./auditPolicies";
import { nameTag, namingContext, physicalName } from "../../platform/naming";
import { trailName } from "./trailNaming";

export interface AuditTrailArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    readonly logsKey: aws.kms.Key;
    /** Built from the explicit trail name (see naming.ts); the key policy already trusts it. */
    readonly trailArn: pulumi.Output<string>;
    readonly accessLogBucket?: aws.s3.Bucket;
    /** The account baseline (the trail is the account's, declared by the baseline owner only). */
    readonly scope: OwnerScope;
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
 * a copy in CloudWatch Logs for metric filters and alarms (CIS 3.x / FSBP CloudTrail.5). One per
 * account, the baseline owner's (ACCOUNT_SINGLETONS explains why a second trail is not wanted).
 */
export function createAuditTrail(args: AuditTrailArgs): AuditTrail {
    const { config, account, logsKey, trailArn, scope } = args;
    const base: pulumi.CustomResourceOptions = movedOptions(scope);
    const audit: AuditBucket = createAuditBucket({ config, account, logsKey, trailArn, accessLogBucket: args.accessLogBucket, base });

    const logGroup = new aws.cloudwatch.LogGroup("cloudtrail", {
        name: `/platform/${config.stack}/cloudtrail`,
        retentionInDays: config.security.cloudTrail.cloudWatchLogsRetentionInDays,
        kmsKeyId: logsKey.arn,
        tags: nameTag(config, "cloudtrail"),
    }, { ...base, ...statefulResourceOptions(config) });

    const deliveryRole = new aws.iam.Role("cloudtrail-logs", {
        // Stack-prefixed: the deploy role may manage only roles named <prefix>-* (deployPermissions.ts).
        name: physicalName(namingContext(config), "cloudtrail-logs"),
        description: "Delivers CloudTrail events to its CloudWatch Logs group",
        assumeRolePolicy: JSON.stringify(trailLogDeliveryTrustPolicy()),
        tags: nameTag(config, "cloudtrail-logs"),
    }, base);

    const deliveryPolicy = new aws.iam.RolePolicy("cloudtrail-logs", {
        role: deliveryRole.id,
        policy: logGroup.arn.apply((logGroupArn: string) => JSON.stringify(trailLogDeliveryPolicy(logGroupArn))),
    }, base);

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
        advancedEventSelectors: config.operations.cloudTrailDataEvents.enabled ? auditBucketDataEventSelectors(audit.bucket.arn) : undefined,
        tags: nameTag(config, "audit"),
    }, singletonOptions(scope, "aws:cloudtrail/trail:Trail", {
        // CloudTrail validates bucket and log-group access when the trail is created.
        dependsOn: [audit.policy, deliveryPolicy],
    }));

    return { trail, bucket: audit.bucket, bucketPolicy: audit.policy, logGroup, deliveryRole };
}

/**
 * Advanced selectors replace the basic ones, so management events are selected explicitly. Data
 * events cover who reads or deletes audit log files; CloudTrail's own PutObject writes are left out
 * (logging them would log the logging: every delivered file would produce another event). Billed at
 * USD 0.10 per 100,000 data events.
 */
export function auditBucketDataEventSelectors(bucketArn: pulumi.Output<string>): aws.types.input.cloudtrail.TrailAdvancedEventSelector[] {
    const objects: pulumi.Output<string> = pulumi.interpolate`${bucketArn}/`;
    return [
        { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        {
            name: "Audit bucket reads",
            fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", equals: ["AWS::S3::Object"] },
                { field: "readOnly", equals: ["true"] },
                { field: "resources.ARN", startsWiths: [objects] },
            ],
        },
        {
            name: "Audit bucket deletions",
            fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", equals: ["AWS::S3::Object"] },
                { field: "eventName", equals: ["DeleteObject", "DeleteObjects"] },
                { field: "resources.ARN", startsWiths: [objects] },
            ],
        },
    ];
}

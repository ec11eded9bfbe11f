import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CloudTrailLifecycleConfig, PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { retainedResourceOptions } from "../../platform/providers";
import { CONFIG_KEY_PREFIX, trailBucketPolicy } from "./auditPolicies";
import { bucketPrefixFor, nameTag, namingContext } from "../../platform/naming";
import { enableAccessLogging } from "../operations/accessLogging";
import { makeBucketPrivate } from "./privateBucket";

/**
 * Log files become noncurrent only when someone deletes or overwrites them (CloudTrail never does),
 * so a noncurrent version is evidence: keep it long enough for an investigation, then let it go.
 */
export const NONCURRENT_VERSION_RETENTION_DAYS = 90;
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

export interface AuditBucketArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    readonly logsKey: aws.kms.Key;
    readonly trailArn: pulumi.Output<string>;
    /** Receives this bucket's server access logs (CIS AWS Foundations: access logging on the CloudTrail bucket). */
    readonly accessLogBucket?: aws.s3.Bucket;
    /** Parent (and alias to the former parent) of every resource of the bucket. */
    readonly base: pulumi.CustomResourceOptions;
}

export interface AuditBucket {
    readonly bucket: aws.s3.Bucket;
    /** The trail must wait for it: CloudTrail validates the bucket policy when the trail is created. */
    readonly policy: aws.s3.BucketPolicy;
}

/**
 * The dedicated CloudTrail bucket: private, ACLs disabled, SSE-KMS with the logs key, versioned,
 * TLS-only, tiered to cheaper storage and expired per config. The bucket and its guardrails share
 * the retained options, so removing the bucket from the program never strips its protections first.
 */
export function createAuditBucket(args: AuditBucketArgs): AuditBucket {
    const { config, account, logsKey, trailArn, base } = args;
    const keep: pulumi.CustomResourceOptions = { ...base, ...retainedResourceOptions(config) };
    const configKeyPrefix: string | undefined = config.security.config.enabled ? CONFIG_KEY_PREFIX : undefined;
    const disposable: boolean = !config.protection.protectStatefulResources && !config.protection.retainOnDelete;

    const bucket = new aws.s3.Bucket("cloudtrail", {
        // Only a stack whose protection is off (dev) may delete a bucket that still holds logs.
        bucketPrefix: bucketPrefixFor(namingContext(config), "cloudtrail"),
        forceDestroy: disposable,
        tags: nameTag(config, "cloudtrail"),
    }, keep);

    const { publicAccessBlock, ownership } = makeBucketPrivate("cloudtrail", bucket, keep);

    new aws.s3.BucketServerSideEncryptionConfiguration("cloudtrail", {
        bucket: bucket.id,
        rules: [{
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: logsKey.arn },
            // One KMS call per bucket key instead of per object: the trail writes thousands of small files.
            bucketKeyEnabled: true,
        }],
    }, keep);

    const versioning = new aws.s3.BucketVersioning("cloudtrail", {
        bucket: bucket.id,
        versioningConfiguration: { status: "Enabled" },
    }, keep);

    new aws.s3.BucketLifecycleConfiguration("cloudtrail", {
        bucket: bucket.id,
        rules: [lifecycleRule(config.security.cloudTrail.bucketLifecycle)],
    }, { ...keep, dependsOn: [versioning] });

    const policy = new aws.s3.BucketPolicy("cloudtrail", {
        bucket: bucket.id,
        policy: pulumi.all([bucket.arn, trailArn, account.accountId])
            .apply(([bucketArn, arn, accountId]: [string, string, string]) =>
                JSON.stringify(trailBucketPolicy({ bucketArn, trailArn: arn, accountId, configKeyPrefix }))),
        // S3 rejects concurrent bucket-level writes ("conflicting conditional operation").
    }, { ...keep, dependsOn: [publicAccessBlock, ownership] });

    if (args.accessLogBucket) {
        enableAccessLogging(bucket, args.accessLogBucket, "s3/cloudtrail/", base);
    }
    return { bucket, policy };
}

function lifecycleRule(lifecycle: CloudTrailLifecycleConfig): aws.types.input.s3.BucketLifecycleConfigurationRule {
    return {
        id: "tier-and-expire-audit-logs",
        status: "Enabled",
        // An empty filter applies the rule to every object.
        filter: {},
        transitions: [
            { days: lifecycle.transitionToInfrequentAccessDays, storageClass: "STANDARD_IA" },
            { days: lifecycle.transitionToGlacierDays, storageClass: "GLACIER" },
        ],
        expiration: { days: lifecycle.expirationDays },
        noncurrentVersionExpiration: { noncurrentDays: NONCURRENT_VERSION_RETENTION_DAYS },
        abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
    };
}

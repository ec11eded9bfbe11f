import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccessLogsLifecycleConfig } from "../../config/operationsConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { NamingContext, bucketPrefixFor, nameTagFor } from "../../platform/naming";
import { accessLogBucketPolicy } from "./operationsPolicies";
import { makeBucketPrivate } from "../security/privateBucket";

export interface AccessLogsArgs {
    readonly lifecycle: AccessLogsLifecycleConfig;
    readonly protection: ProtectionConfig;
    readonly naming: NamingContext;
    readonly account: AccountContext;
    /** CloudFront standard logging v2 to S3 (edge.logging.destination s3) writes here too. */
    readonly acceptCloudFrontLogs: boolean;
}

/**
 * The platform's only log sink: S3 server access logs of every bucket the program creates. Private,
 * ACLs disabled, versioned, tiered and expired per config. Encrypted with SSE-S3 (AES256): S3 server
 * access log delivery does not support SSE-KMS default encryption on the destination bucket (Amazon
 * S3 User Guide, "Enabling Amazon S3 server access logging", checked 2026-12-01). No Object Lock
 * either: a destination with a default retention period is rejected.
 */
export class AccessLogs extends pulumi.ComponentResource {
    public readonly bucket: aws.s3.Bucket;

    constructor(name: string, args: AccessLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:operations:AccessLogs", name, {}, opts);
        const keep: pulumi.CustomResourceOptions = {
            parent: this, protect: args.protection.protectStatefulResources, retainOnDelete: args.protection.retainOnDelete,
        };
        const disposable: boolean = !args.protection.protectStatefulResources && !args.protection.retainOnDelete;

        // Children take the component's name, so a second sink (the replica region's) has URNs of its own.
        const bucket = new aws.s3.Bucket(name, {
            bucketPrefix: bucketPrefixFor(args.naming, name),
            forceDestroy: disposable,
            tags: nameTagFor(args.naming, name),
        }, keep);
        const { publicAccessBlock, ownership } = makeBucketPrivate(name, bucket, keep);
        new aws.s3.BucketServerSideEncryptionConfiguration(name, {
            bucket: bucket.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        }, keep);
        const versioning = new aws.s3.BucketVersioning(name, {
            bucket: bucket.id,
            versioningConfiguration: { status: "Enabled" },
        }, keep);
        new aws.s3.BucketLifecycleConfiguration(name, {
            bucket: bucket.id,
            rules: [{
                id: "tier-and-expire-access-logs",
                status: "Enabled",
                filter: {},
                transitions: [{ days: args.lifecycle.transitionToInfrequentAccessDays, storageClass: "STANDARD_IA" }],
                expiration: { days: args.lifecycle.expirationDays },
                noncurrentVersionExpiration: { noncurrentDays: 30 },
                abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            }],
        }, { ...keep, dependsOn: [versioning] });
        new aws.s3.BucketPolicy(name, {
            bucket: bucket.id,
            policy: pulumi.all([bucket.arn, args.account.accountId, args.account.partition]).apply(([bucketArn, accountId, partition]: [string, string, string]) =>
                JSON.stringify(accessLogBucketPolicy({ bucketArn, accountId, partition, acceptCloudFrontLogs: args.acceptCloudFrontLogs }))),
        }, { ...keep, dependsOn: [publicAccessBlock, ownership] });

        this.bucket = bucket;
        this.registerOutputs({ bucketName: bucket.bucket });
    }
}

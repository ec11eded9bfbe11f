import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { StaticAssetsLifecycleConfig } from "../../config/edgeConfig";
import { bucketPrefixFor, nameTagFor } from "../../platform/naming";
import { EdgeContext, retained } from "./edgeContext";
import { makeBucketPrivate } from "../security/privateBucket";

export interface StaticAssetsBucket {
    readonly bucket: aws.s3.Bucket;
    /** Bucket-level writes that must finish before the bucket policy (S3 rejects concurrent ones). */
    readonly guardrails: pulumi.Resource[];
}

/**
 * The private origin of the distribution, in the stack's region (next to the access-log bucket):
 * no public access, ACLs disabled, versioned, lifecycle from config. Encryption and the bucket
 * policy come later: both name the distribution, which needs the bucket first.
 */
export function createStaticAssetsBucket(ctx: EdgeContext, lifecycle: StaticAssetsLifecycleConfig): StaticAssetsBucket {
    const keep: pulumi.CustomResourceOptions = retained(ctx);
    const disposable: boolean = !ctx.protection.protectStatefulResources && !ctx.protection.retainOnDelete;
    const bucket = new aws.s3.Bucket("static-assets", {
        // Assets are rebuilt by CI, but only a disposable stack may delete a non-empty bucket.
        bucketPrefix: bucketPrefixFor(ctx.naming, "static-assets"),
        forceDestroy: disposable,
        tags: nameTagFor(ctx.naming, "static-assets"),
    }, keep);
    const { publicAccessBlock, ownership } = makeBucketPrivate("static-assets", bucket, keep);
    const versioning = new aws.s3.BucketVersioning("static-assets", {
        bucket: bucket.id,
        versioningConfiguration: { status: "Enabled" },
    }, keep);
    new aws.s3.BucketLifecycleConfiguration("static-assets", {
        bucket: bucket.id,
        rules: [{
            id: "expire-replaced-assets",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: lifecycle.noncurrentVersionExpirationDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: lifecycle.abortIncompleteUploadDays },
        }],
    }, { ...keep, dependsOn: [versioning] });
    return { bucket, guardrails: [publicAccessBlock, ownership] };
}

/** SSE-KMS with the origin key and a bucket key (one KMS call per bucket key, not per object). */
export function encryptStaticAssets(ctx: EdgeContext, bucket: aws.s3.Bucket, keyArn: pulumi.Input<string>): aws.s3.BucketServerSideEncryptionConfiguration {
    return new aws.s3.BucketServerSideEncryptionConfiguration("static-assets", {
        bucket: bucket.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }, bucketKeyEnabled: true }],
    }, retained(ctx));
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** What keeps a bucket private: its public access block and its ownership controls. */
export interface PrivateBucketControls {
    readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
    readonly ownership: aws.s3.BucketOwnershipControls;
}

/**
 * Blocks every form of public access to a bucket and disables ACLs (BucketOwnerEnforced: the
 * bucket owner owns every object, so access is decided by policies alone). Every bucket this
 * program creates gets both; bucket policies depend on the returned resources, because S3 refuses
 * some policies until the block is in place. `name` is the logical name of both resources.
 */
export function makeBucketPrivate(name: string, bucket: aws.s3.Bucket, options: pulumi.CustomResourceOptions): PrivateBucketControls {
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(name, {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, options);
    const ownership = new aws.s3.BucketOwnershipControls(name, {
        bucket: bucket.id,
        rule: { objectOwnership: "BucketOwnerEnforced" },
    }, options);
    return { publicAccessBlock, ownership };
}

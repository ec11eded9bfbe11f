import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * S3 server access logging of `bucket` into the platform's access-log bucket, under `prefix`
 * (one prefix per source bucket, ending in "/"). Every bucket the program creates calls this; the
 * access-log bucket itself is the only log sink and never logs into itself (an endless loop).
 * The target must be in the same account and region as the source (an S3 requirement).
 */
export function enableAccessLogging(
    bucket: aws.s3.Bucket,
    targetBucket: aws.s3.Bucket,
    prefix: string,
    opts: pulumi.CustomResourceOptions = {},
): aws.s3.BucketLogging {
    const logicalName: string = prefix.replace(/\/+$/, "").replace(/[^A-Za-z0-9-]+/g, "-");
    return new aws.s3.BucketLogging(`access-logs-${logicalName}`, {
        bucket: bucket.id,
        targetBucket: targetBucket.id,
        targetPrefix: prefix,
        // Date-partitioned keys (logs/<account>/<region>/<bucket>/yyyy/mm/dd/) keep Athena scans small.
        targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
    }, { parent: bucket, ...opts });
}

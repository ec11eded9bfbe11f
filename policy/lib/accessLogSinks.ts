import { PolicyResource } from "@pulumi/policy";
import { childrenOf, joinedTo } from "./stackJoins";

/** S3 server access logging resources (BucketLogging and its V2 alias). */
export const ACCESS_LOGGING_TYPES: readonly string[] = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];

/**
 * A bucket is an access-log sink when some other bucket's server access logs are delivered into it
 * (a BucketLogging whose targetBucket is this bucket and whose bucket is not). Names say nothing: a
 * bucket called "cloudtrail-logs" that receives no access logs is an ordinary bucket.
 */
export function isAccessLogDestination(resources: readonly PolicyResource[], bucket: PolicyResource): boolean {
    return childrenOf(resources, bucket, ACCESS_LOGGING_TYPES, "targetBucket", ["bucket", "id"])
        .some((logging: PolicyResource) => !joinedTo(logging, "bucket", bucket, ["bucket", "id"]));
}

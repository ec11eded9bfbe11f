import { PolicyDocument, PolicyStatement, denyInsecureBucketTransport, policyDocument } from "./policyDocument";
import { serviceTrustPolicy } from "./servicePrincipalStatements";

/** Pure builders for the CloudTrail bucket policy and the CloudTrail -> CloudWatch Logs role. */
export interface TrailBucketPolicyInputs {
    readonly bucketArn: string;
    readonly trailArn: string;
    readonly accountId: string;
    /** Key prefix AWS Config delivers under; omitted when the program's recorder is switched off. */
    readonly configKeyPrefix?: string;
}

/** AWS Config's S3 prefix in the audit bucket (`<prefix>/AWSLogs/<account>/Config/...`). */
export const CONFIG_KEY_PREFIX = "config";

/**
 * TLS only, and CloudTrail may check the ACL and write log files only for our trail (aws:SourceArn
 * stops another account's trail from using the bucket) and only under AWSLogs/<account>/.
 */
export function trailBucketPolicy(inputs: TrailBucketPolicyInputs): PolicyDocument {
    const { bucketArn, trailArn, accountId, configKeyPrefix } = inputs;
    return policyDocument([
        denyInsecureBucketTransport(bucketArn),
        {
            Sid: "AllowCloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
            Sid: "AllowCloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/AWSLogs/${accountId}/*`,
            Condition: {
                // CloudTrail still sends this ACL header; requiring it keeps the documented contract
                // even though BucketOwnerEnforced ignores ACLs.
                StringEquals: { "aws:SourceArn": trailArn, "s3:x-amz-acl": "bucket-owner-full-control" },
            },
        },
        ...(configKeyPrefix === undefined ? [] : configDeliveryStatements(bucketArn, accountId, configKeyPrefix)),
    ]);
}

/**
 * AWS Config (through its service-linked role) checks the bucket's ACL and existence, then writes
 * snapshots and history files under <prefix>/AWSLogs/<account>/Config/. AWS's documented policy
 * pins each statement with aws:SourceAccount: Config does not send one stable aws:SourceArn for
 * deliveries (https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html).
 */
export function configDeliveryStatements(bucketArn: string, accountId: string, keyPrefix: string): PolicyStatement[] {
    const fromThisAccount = { StringEquals: { "aws:SourceAccount": accountId } };
    return [
        {
            Sid: "AllowConfigAclCheck",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: fromThisAccount,
        },
        {
            Sid: "AllowConfigExistenceCheck",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: "s3:ListBucket",
            Resource: bucketArn,
            Condition: fromThisAccount,
        },
        {
            Sid: "AllowConfigDelivery",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/${keyPrefix}/AWSLogs/${accountId}/Config/*`,
            Condition: { StringEquals: { "aws:SourceAccount": accountId, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
    ];
}

/**
 * CloudTrail assumes the log-delivery role. No confused-deputy condition: CloudTrail documents them
 * as not applicable to this role, and CreateTrail/UpdateTrail reject a role whose trust carries
 * aws:SourceArn/aws:SourceAccount (InvalidCloudWatchLogsRoleArnException). The role can only write
 * to the trail's own log group (trailLogDeliveryPolicy), which bounds what a confused deputy could do.
 */
export function trailLogDeliveryTrustPolicy(): PolicyDocument {
    return serviceTrustPolicy("AllowCloudTrailAssume", "cloudtrail.amazonaws.com");
}

/** The role may create streams and put events in the trail's log group and nowhere else. */
export function trailLogDeliveryPolicy(logGroupArn: string): PolicyDocument {
    return policyDocument([{
        Sid: "AllowCloudTrailLogDelivery",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${logGroupArn}:log-stream:*`,
    }]);
}

/**
 * Who calls whom outside the integration layer: the AWS services the platform wires to its own
 * queues, topics and buckets, with the principal that signs the call, the actions, the condition
 * keys the callee's policy pins and the AWS page that documents them. Plain data: the resource
 * policies that admit these callers read their principals from here where they are built
 * (operations/operationsPolicies.ts alarmTopicPolicy), the wiring tests
 * (tests/integration/wiring*.test.ts) walk every reference in the recorded stacks and require an
 * entry here or in the integration layer's table (components/integration/callers.ts), and the
 * access contracts of the offline simulation can be derived from both.
 */

export type CalleeKind = "queue" | "topic" | "bucket";

export interface ServiceCallerEntry {
    /** Stable id, "<caller> -> <callee>". */
    readonly id: string;
    /** The service that makes the call: as its own principal, or (assumesRole) with a role of the program it assumes. */
    readonly service: string;
    /** The service signs with a role the program creates for it (S3 replication), not as a service principal. */
    readonly assumesRole?: boolean;
    readonly callee: { readonly kind: CalleeKind; readonly what: string };
    readonly actions: readonly string[];
    /** Confused-deputy condition keys the callee's policy pins (only keys the service sends). */
    readonly conditionKeys: readonly string[];
    /** The resource type and property that wire the call in the program. */
    readonly wiredBy: string;
    readonly source: string;
}

export const ALARM_TOPIC_PUBLISHERS: readonly ServiceCallerEntry[] = [
    {
        id: "cloudwatch alarms -> alarm topic",
        service: "cloudwatch.amazonaws.com",
        callee: { kind: "topic", what: "operations alarm topics (stack region and us-east-1)" },
        actions: ["sns:Publish"],
        conditionKeys: ["aws:SourceAccount"],
        wiredBy: "aws:cloudwatch/metricAlarm alarmActions, okActions",
        // An encrypted topic needs the key statement for cloudwatch.amazonaws.com as well (operationsKeyPolicy).
        source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html",
    },
    {
        id: "budgets -> alarm topic",
        service: "budgets.amazonaws.com",
        callee: { kind: "topic", what: "us-east-1 alarm topic" },
        actions: ["sns:Publish"],
        conditionKeys: ["aws:SourceAccount"],
        wiredBy: "aws:budgets/budget notifications[].subscriberSnsTopicArns",
        source: "https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html",
    },
    {
        id: "cost anomaly detection -> alarm topic",
        service: "costalerts.amazonaws.com",
        callee: { kind: "topic", what: "us-east-1 alarm topic" },
        actions: ["sns:Publish"],
        conditionKeys: ["aws:SourceAccount"],
        wiredBy: "aws:costexplorer/anomalySubscription subscribers[type SNS]",
        source: "https://docs.aws.amazon.com/cost-management/latest/userguide/ad-SNS.html",
    },
];

export const PLATFORM_SERVICE_CALLERS: readonly ServiceCallerEntry[] = [
    ...ALARM_TOPIC_PUBLISHERS,
    {
        id: "karpenter interruption rules -> interruption queue and its DLQ",
        service: "events.amazonaws.com",
        callee: { kind: "queue", what: "Karpenter interruption queue and dead-letter queue" },
        actions: ["sqs:SendMessage"],
        conditionKeys: ["aws:SourceArn"],
        wiredBy: "aws:cloudwatch/eventTarget arn, deadLetterConfig.arn (compute/karpenter.ts)",
        source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions",
    },
    {
        id: "s3 server access logging -> access-log bucket",
        service: "logging.s3.amazonaws.com",
        callee: { kind: "bucket", what: "access-log bucket (s3/ prefix)" },
        actions: ["s3:PutObject"],
        conditionKeys: ["aws:SourceAccount"],
        wiredBy: "aws:s3/bucketLogging targetBucket, targetPrefix",
        source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html#grant-log-delivery-permissions-general",
    },
    {
        id: "cloudfront standard logging v2 -> access-log bucket",
        service: "delivery.logs.amazonaws.com",
        callee: { kind: "bucket", what: "access-log bucket (AWSLogs/<account>/CloudFront/)" },
        actions: ["s3:PutObject"],
        conditionKeys: ["aws:SourceAccount", "aws:SourceArn"],
        wiredBy: "aws:cloudwatch/logDeliveryDestination destinationResourceArn (s3)",
        source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html#AWS-logs-infrastructure-V2-S3",
    },
    {
        id: "cloudfront origin access control -> static assets bucket",
        service: "cloudfront.amazonaws.com",
        callee: { kind: "bucket", what: "static assets origin bucket" },
        actions: ["s3:GetObject"],
        conditionKeys: ["aws:SourceArn"],
        wiredBy: "aws:cloudfront/distribution origins[].originAccessControlId",
        source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
    },
    {
        id: "cloudtrail -> audit bucket",
        service: "cloudtrail.amazonaws.com",
        callee: { kind: "bucket", what: "audit bucket (AWSLogs/<account>/)" },
        actions: ["s3:GetBucketAcl", "s3:PutObject"],
        conditionKeys: ["aws:SourceArn"],
        wiredBy: "aws:cloudtrail/trail s3BucketName",
        source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
    },
    {
        id: "aws config -> audit bucket",
        service: "config.amazonaws.com",
        callee: { kind: "bucket", what: "audit bucket (<prefix>/AWSLogs/<account>/Config/)" },
        actions: ["s3:GetBucketAcl", "s3:ListBucket", "s3:PutObject"],
        conditionKeys: ["aws:SourceAccount"],
        wiredBy: "aws:cfg/deliveryChannel s3BucketName, s3KeyPrefix",
        source: "https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html",
    },
    {
        id: "s3 replication -> replica bucket",
        service: "s3.amazonaws.com",
        assumesRole: true,
        callee: { kind: "bucket", what: "replica bucket in the replica region" },
        actions: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
        conditionKeys: [],
        wiredBy: "aws:s3/bucketReplicationConfig role, rules[].destination.bucket (data/buckets.ts)",
        source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html",
    },
];

/** The service principals of the entries for one callee kind. */
export function servicesCalling(kind: CalleeKind, entries: readonly ServiceCallerEntry[] = PLATFORM_SERVICE_CALLERS): string[] {
    return [...new Set(entries.filter((e: ServiceCallerEntry) => e.callee.kind === kind && !e.assumesRole).map((e: ServiceCallerEntry) => e.service))];
}

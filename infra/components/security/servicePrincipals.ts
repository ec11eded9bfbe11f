/**
 * The one table of AWS service principals this program trusts in a role (trust policy) or admits in a
 * KMS key policy or a resource policy, with the condition keys AWS documents for that service and
 * action, and the page that documents them.
 *
 * Why a table: a trust or key-policy condition on a key the calling service does not send locks the
 * service out, and nothing fails until run time (CloudTrail: InvalidCloudWatchLogsRoleArnException at
 * CreateTrail; EKS Pod Identity: no credentials, so the VPC CNI falls back to the node role). The
 * builders (trustPolicies.ts, keyPolicies.ts) write a condition only when this table documents it for
 * that principal and those actions, and tests walk every trust and key policy of both stacks against it.
 *
 * Plain data on purpose: the access-verification tooling derives its contracts from it.
 *
 * `conditions` lists each documented key with the operator the program writes it with. An empty list
 * means "none documented, or documented as not applicable": the statement names the principal only.
 * `{region}` in a principal stands for the region (CloudWatch Logs has regional principals).
 */

/** Where the principal appears. */
export type PrincipalContext = "trust" | "key" | "resource";

export interface DocumentedCondition {
    readonly key: string;
    /** The operator the program writes (IAM evaluates both ArnEquals/ArnLike and StringEquals/StringLike for ARNs). */
    readonly operator: "StringEquals" | "StringLike" | "ArnEquals" | "ArnLike";
}

export interface ServicePrincipalUse {
    /** e.g. "cloudtrail.amazonaws.com", "logs.{region}.amazonaws.com". */
    readonly principal: string;
    readonly context: PrincipalContext;
    /** What the program uses it for (one principal can have several uses with different documented keys). */
    readonly use: string;
    /** The actions the service performs in this use; a statement may allow a subset. */
    readonly actions: readonly string[];
    readonly conditions: readonly DocumentedCondition[];
    /** AWS documentation page (title and URL) the actions and conditions come from. */
    readonly source: string;
    /** Why a key that looks applicable is not in `conditions`, or other evidence. */
    readonly note?: string;
}

const SOURCE_ACCOUNT: DocumentedCondition = { key: "aws:SourceAccount", operator: "StringEquals" };
const SOURCE_ARN_LIKE: DocumentedCondition = { key: "aws:SourceArn", operator: "ArnLike" };
const SOURCE_ARN_EQUALS: DocumentedCondition = { key: "aws:SourceArn", operator: "StringEquals" };
const ASSUME: readonly string[] = ["sts:AssumeRole"];
const ASSUME_AND_TAG: readonly string[] = ["sts:AssumeRole", "sts:TagSession"];

/** The session tags EKS Pod Identity adds to its AssumeRole request (EKS User Guide, pod-id-abac "List of session tags added by EKS Pod Identity"). */
export const POD_IDENTITY_SESSION_TAGS: readonly string[] = [
    "eks-cluster-arn",
    "eks-cluster-name",
    "kubernetes-namespace",
    "kubernetes-service-account",
    "kubernetes-pod-name",
    "kubernetes-pod-uid",
];

export const SERVICE_PRINCIPALS: readonly ServicePrincipalUse[] = [
    // ---- Trust policies ----------------------------------------------------------------------
    {
        principal: "eks.amazonaws.com",
        context: "trust",
        use: "EKS cluster role",
        actions: ASSUME_AND_TAG,
        conditions: [],
        source: "Amazon EKS User Guide, \"Amazon EKS cluster IAM role\" (https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html): the trust policy names eks.amazonaws.com without conditions",
        note: "No aws:SourceArn/aws:SourceAccount is documented for the cluster role; sts:TagSession is in the EKS Auto Mode cluster role trust (auto-cluster-iam-role) and harmless otherwise.",
    },
    {
        principal: "ec2.amazonaws.com",
        context: "trust",
        use: "node instance role (instance profile)",
        actions: ASSUME,
        conditions: [],
        source: "Amazon EKS User Guide, \"Amazon EKS node IAM role\" (https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html)",
        note: "EC2 passes no source account or ARN when it fetches instance-profile credentials.",
    },
    {
        principal: "eks-fargate-pods.amazonaws.com",
        context: "trust",
        use: "Fargate pod execution role",
        actions: ASSUME,
        conditions: [SOURCE_ARN_LIKE],
        source: "Amazon EKS User Guide, \"Amazon EKS Pod execution IAM role\" (https://docs.aws.amazon.com/eks/latest/userguide/pod-execution-role.html): ArnLike aws:SourceArn arn:aws:eks:<region>:<account>:fargateprofile/<cluster>/*",
        note: "Only aws:SourceArn is shown; aws:SourceAccount is not documented for this role.",
    },
    {
        principal: "pods.eks.amazonaws.com",
        context: "trust",
        use: "EKS Pod Identity role",
        actions: ASSUME_AND_TAG,
        conditions: POD_IDENTITY_SESSION_TAGS.map((tag: string): DocumentedCondition => ({ key: `aws:RequestTag/${tag}`, operator: "StringEquals" })),
        source: "Amazon EKS User Guide, \"Create IAM role with trust policy required by EKS Pod Identity\" (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html) and \"Grant Pods access to AWS resources based on tags\" (pod-id-abac)",
        note: "aws:SourceArn is not documented and stopped credentials from being issued in awslabs/mountpoint-s3-csi-driver#781; the session tags are the documented way to narrow the role.",
    },
    {
        principal: "cloudtrail.amazonaws.com",
        context: "trust",
        use: "CloudTrail delivery role to CloudWatch Logs",
        actions: ASSUME,
        conditions: [],
        source: "AWS CloudTrail User Guide, \"Sending events to CloudWatch Logs\" and \"Role policy document for CloudTrail to use CloudWatch Logs for monitoring\" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html)",
        note: "Confused-deputy conditions are documented as not applicable to this role: CreateTrail/UpdateTrail fail with InvalidCloudWatchLogsRoleArnException when the trust carries aws:SourceArn/aws:SourceAccount.",
    },
    {
        principal: "vpc-flow-logs.amazonaws.com",
        context: "trust",
        use: "VPC flow logs delivery role",
        actions: ASSUME,
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "Amazon VPC User Guide, \"IAM role for publishing flow logs to CloudWatch Logs\" (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html): aws:SourceAccount and ArnLike aws:SourceArn arn:aws:ec2:<region>:<account>:vpc-flow-log/*",
    },
    {
        principal: "monitoring.rds.amazonaws.com",
        context: "trust",
        use: "RDS enhanced monitoring role",
        actions: ASSUME,
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "Amazon RDS/Aurora User Guide, \"Setting up and enabling Enhanced Monitoring\", section \"Protecting against the confused deputy problem\" (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html#USER_Monitoring.OS.confused-deputy): aws:SourceArn and aws:SourceAccount in the monitoring role's trust",
    },
    {
        principal: "backup.amazonaws.com",
        context: "trust",
        use: "AWS Backup service role",
        actions: ASSUME,
        conditions: [],
        source: "AWS Backup Developer Guide, \"IAM service roles\" (https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html): the default role trusts backup.amazonaws.com without conditions",
        note: "AWS Backup documents confused-deputy keys for vault access policies and SNS topics, not for the service role it assumes.",
    },
    {
        principal: "s3.amazonaws.com",
        context: "trust",
        use: "S3 replication role",
        actions: ASSUME,
        conditions: [],
        source: "Amazon S3 User Guide, \"Setting up permissions for live replication\" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html): the replication role trusts s3.amazonaws.com",
        note: "No confused-deputy key for the replication role could be confirmed in the stored S3 documentation, so none is written (a key S3 does not send stops replication silently). The role is only usable through iam:PassRole in this account's PutBucketReplication, which IAM never allows across accounts.",
    },
    {
        principal: "events.amazonaws.com",
        context: "trust",
        use: "EventBridge rule targets (Step Functions)",
        actions: ASSUME,
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "Amazon EventBridge User Guide, \"Using IAM policy conditions in Amazon EventBridge\" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-conditions.html): aws:SourceArn is the ARN of the rule, aws:SourceAccount its account",
    },
    {
        principal: "states.amazonaws.com",
        context: "trust",
        use: "Step Functions state machine role",
        actions: ASSUME,
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "AWS Step Functions Developer Guide, \"Cross-service confused deputy prevention\" (https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html#prevent-cross-service-confused-deputy): aws:SourceArn (state machine) and aws:SourceAccount in the trust policy",
    },
    {
        principal: "lambda.amazonaws.com",
        context: "trust",
        use: "Lambda execution role",
        actions: ASSUME,
        conditions: [],
        source: "AWS Lambda Developer Guide, \"Defining Lambda function permissions with an execution role\" (https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html): the trust policy names lambda.amazonaws.com without conditions",
        note: "Lambda documents aws:SourceArn/aws:SourceAccount for who may invoke a function (resource policy), not for assuming its execution role.",
    },
    {
        principal: "capabilities.eks.amazonaws.com",
        context: "trust",
        use: "EKS capability role (Argo CD)",
        actions: ASSUME_AND_TAG,
        conditions: [],
        source: "Amazon EKS User Guide, EKS capabilities (\"Create an IAM capability role\", capabilities troubleshooting: \"The trust policy must allow the capabilities.eks.amazonaws.com service principal\"): no conditions",
    },

    // ---- KMS key policies (service principals that call KMS themselves) ------------------------
    {
        principal: "logs.{region}.amazonaws.com",
        context: "key",
        use: "CloudWatch Logs encrypts log groups",
        actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
        conditions: [{ key: "kms:EncryptionContext:aws:logs:arn", operator: "ArnLike" }],
        source: "Amazon CloudWatch Logs User Guide, \"Encrypt log data in CloudWatch Logs using AWS KMS\" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html): kms:Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe* with ArnLike kms:EncryptionContext:aws:logs:arn",
    },
    {
        principal: "cloudtrail.amazonaws.com",
        context: "key",
        use: "CloudTrail encrypts log files (and decrypts data keys for an S3 Bucket Key)",
        actions: ["kms:GenerateDataKey", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:Decrypt"],
        conditions: [SOURCE_ARN_EQUALS, SOURCE_ACCOUNT, { key: "kms:EncryptionContext:aws:cloudtrail:arn", operator: "StringLike" }],
        source: "AWS CloudTrail User Guide, \"Configure AWS KMS key policies for CloudTrail\" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html): GenerateDataKey* with aws:SourceArn and kms:EncryptionContext:aws:cloudtrail:arn, DescribeKey with aws:SourceArn; \"If you are using an existing S3 bucket with an S3 Bucket Key, kms:Decrypt permissions are required to create or update a trail\"; cross-service confused deputy prevention page: aws:SourceArn is the trail ARN",
    },
    {
        principal: "config.amazonaws.com",
        context: "key",
        use: "AWS Config encrypts deliveries to the audit bucket",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        conditions: [SOURCE_ACCOUNT],
        source: "AWS Config Developer Guide, \"Permissions for the KMS key\" (https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html): kms:Decrypt and kms:GenerateDataKey with aws:SourceAccount",
    },
    {
        principal: "events.amazonaws.com",
        context: "key",
        use: "EventBridge encrypts a custom bus and its archive",
        actions: ["kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt", "kms:ReEncrypt*"],
        conditions: [{ key: "kms:EncryptionContext:aws:events:event-bus:arn", operator: "StringEquals" }, SOURCE_ACCOUNT, SOURCE_ARN_EQUALS],
        source: "Amazon EventBridge User Guide, \"Authorizing EventBridge to use a customer managed key\" (eb-encryption-key-policy.html), \"Encrypting EventBridge event buses\" (eb-encryption-event-bus-cmkey.html) and \"Encrypting EventBridge archives\" (encryption-archives.html): DescribeKey, GenerateDataKey, Decrypt, ReEncrypt*; archive encryption context kms:EncryptionContext:aws:events:event-bus:arn = the bus ARN",
        note: "The program writes the encryption context (set by EventBridge on every call for bus and archive alike) and not aws:SourceArn: for an archive the source resource is not documented. The documented DescribeKey statement carries no condition (no encryption context on DescribeKey).",
    },
    {
        principal: "events.amazonaws.com",
        context: "key",
        use: "EventBridge delivers to an SSE-KMS queue (rule targets, target dead-letter queues)",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        conditions: [{ key: "kms:EncryptionContext:aws:sqs:arn", operator: "ArnLike" }],
        source: "Amazon EventBridge User Guide, troubleshooting \"My rule runs but I don't see any messages published into my Amazon SQS queue\" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html): the key statement for events.amazonaws.com carries no condition; Amazon SQS Developer Guide, \"Encryption at rest\"/\"Key management\": SQS calls KMS with encryption context aws:sqs:arn = the queue ARN",
        note: "EventBridge documents aws:SourceArn (rule) for the queue policy's sqs:SendMessage, not for the KMS request SQS makes on its behalf; the program narrows by the queue encryption context SQS always sets.",
    },
    {
        principal: "sns.amazonaws.com",
        context: "key",
        use: "SNS delivers to an SSE-KMS queue (subscriptions and their dead-letter queues)",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        conditions: [{ key: "kms:EncryptionContext:aws:sqs:arn", operator: "ArnLike" }, SOURCE_ACCOUNT, SOURCE_ARN_EQUALS],
        source: "Amazon SQS Developer Guide, \"Configure KMS permissions for AWS services\" (sqs-key-management.html) and \"Access management for encrypted Amazon SQS queues with least privilege policies\" (sqs-least-privilege-policy.html): kms:GenerateDataKey and kms:Decrypt for the event source, confused deputy addressed with aws:SourceArn/aws:SourceAccount",
    },
    {
        principal: "cloudwatch.amazonaws.com",
        context: "key",
        use: "CloudWatch alarms publish to an SSE-KMS topic",
        actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:GenerateDataKey*"],
        conditions: [SOURCE_ACCOUNT],
        source: "Amazon SNS Developer Guide, \"Enable compatibility between event sources from AWS services and encrypted topics\" (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services): kms:Decrypt and kms:GenerateDataKey* for the service principal; SNS data-protection guidance: aws:SourceAccount",
    },
    {
        principal: "budgets.amazonaws.com",
        context: "key",
        use: "AWS Budgets publishes to an SSE-KMS topic",
        actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:GenerateDataKey*"],
        conditions: [SOURCE_ACCOUNT],
        source: "AWS Cost Management User Guide, \"Creating an Amazon SNS topic for budget notifications\" (budgets-sns-policy.html) with encrypted topics; SNS \"compatibility with AWS services\" key policy",
    },
    {
        principal: "costalerts.amazonaws.com",
        context: "key",
        use: "Cost Anomaly Detection publishes to an SSE-KMS topic",
        actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:GenerateDataKey*"],
        conditions: [SOURCE_ACCOUNT],
        source: "AWS Cost Management User Guide, \"Setting up an Amazon SNS topic for anomaly notifications\" (ad-SNS.html): encrypted topics need kms:GenerateDataKey* and kms:Decrypt for costalerts.amazonaws.com",
    },
    {
        principal: "cloudfront.amazonaws.com",
        context: "key",
        use: "CloudFront Origin Access Control reads SSE-KMS objects",
        actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*"],
        conditions: [SOURCE_ARN_EQUALS],
        source: "Amazon CloudFront Developer Guide, \"Restrict access to an Amazon S3 origin\" - SSE-KMS (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#create-oac-overview-s3): kms:Decrypt with aws:SourceArn = the distribution ARN",
    },

    // ---- Resource policies (bucket, queue, topic, log group): the same evidence, for the record ----
    {
        principal: "cloudtrail.amazonaws.com",
        context: "resource",
        use: "CloudTrail writes to the audit bucket",
        actions: ["s3:GetBucketAcl", "s3:PutObject"],
        conditions: [SOURCE_ARN_EQUALS, SOURCE_ACCOUNT, { key: "s3:x-amz-acl", operator: "StringEquals" }],
        source: "AWS CloudTrail User Guide, \"Amazon S3 bucket policy for CloudTrail\" (create-s3-bucket-policy-for-cloudtrail.html)",
    },
    {
        principal: "config.amazonaws.com",
        context: "resource",
        use: "AWS Config delivers to the audit bucket",
        actions: ["s3:GetBucketAcl", "s3:ListBucket", "s3:PutObject"],
        conditions: [SOURCE_ACCOUNT, { key: "s3:x-amz-acl", operator: "StringEquals" }],
        source: "AWS Config Developer Guide, \"Permissions for the Amazon S3 bucket\" (s3-bucket-policy.html)",
    },
    {
        principal: "lambda.amazonaws.com",
        context: "resource",
        use: "Lambda pulls a container image function's image from the repository",
        actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        conditions: [{ key: "aws:SourceArn", operator: "StringLike" }],
        source: "AWS Lambda Developer Guide, \"Create a Lambda function using a container image\" (images-create.html, Amazon ECR permissions): the statement Lambda adds (Sid LambdaECRImageRetrievalPolicy) and the cross-account form with StringLike aws:sourceARN on the function ARNs; repost.aws knowledge-center lambda-ecr-image",
    },
    {
        principal: "cloudfront.amazonaws.com",
        context: "resource",
        use: "CloudFront OAC reads the origin bucket",
        actions: ["s3:GetObject"],
        conditions: [SOURCE_ARN_EQUALS],
        source: "Amazon CloudFront Developer Guide, \"Restrict access to an Amazon S3 origin\"",
    },
    {
        principal: "delivery.logs.amazonaws.com",
        context: "resource",
        use: "vended log delivery (WAF, CloudFront standard logging v2)",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "s3:PutObject"],
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE, { key: "s3:x-amz-acl", operator: "StringEquals" }],
        source: "Amazon CloudWatch Logs User Guide, \"Enable logging from AWS services\" (AWS-logs-and-resource-policy.html): aws:SourceAccount and aws:SourceArn",
    },
    {
        principal: "logging.s3.amazonaws.com",
        context: "resource",
        use: "S3 server access logging",
        actions: ["s3:PutObject"],
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "Amazon S3 User Guide, \"Permissions for log delivery\" (enable-server-access-logging.html#grant-log-delivery-permissions-general)",
    },
    {
        principal: "events.amazonaws.com",
        context: "resource",
        use: "EventBridge rules send to queues / invoke functions",
        actions: ["sqs:SendMessage", "lambda:InvokeFunction"],
        conditions: [SOURCE_ACCOUNT, { key: "aws:SourceArn", operator: "ArnEquals" }],
        source: "Amazon EventBridge User Guide, \"Using resource-based policies for Amazon EventBridge\" - Amazon SQS permissions (eb-use-resource-based.html#eb-sqs-permissions)",
    },
    {
        principal: "sns.amazonaws.com",
        context: "resource",
        use: "SNS delivers to queues",
        actions: ["sqs:SendMessage"],
        conditions: [SOURCE_ACCOUNT, { key: "aws:SourceArn", operator: "ArnEquals" }],
        source: "Amazon SNS Developer Guide, \"Subscribing an Amazon SQS queue to an Amazon SNS topic\" (subscribe-sqs-queue-to-sns-topic.html)",
    },
    {
        principal: "cloudwatch.amazonaws.com",
        context: "resource",
        use: "CloudWatch alarms publish to the alarm topic",
        actions: ["sns:Publish"],
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "Amazon SNS Developer Guide, \"Amazon SNS access control - cross-service confused deputy prevention\"",
    },
    {
        principal: "budgets.amazonaws.com",
        context: "resource",
        use: "AWS Budgets publishes to the alarm topic",
        actions: ["sns:Publish"],
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "AWS Cost Management User Guide, \"Creating an Amazon SNS topic for budget notifications\"",
    },
    {
        principal: "costalerts.amazonaws.com",
        context: "resource",
        use: "Cost Anomaly Detection publishes to the alarm topic",
        actions: ["sns:Publish"],
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "AWS Cost Management User Guide, \"Setting up an Amazon SNS topic for anomaly notifications\"",
    },
    {
        principal: "apigateway.amazonaws.com",
        context: "resource",
        use: "API Gateway invokes functions",
        actions: ["lambda:InvokeFunction"],
        conditions: [SOURCE_ACCOUNT, SOURCE_ARN_LIKE],
        source: "AWS Lambda Developer Guide, \"Working with resource-based IAM policies in Lambda\" (access-control-resource-based.html)",
    },
];

/** Does a principal name match a table entry's principal ({region} is any region; the China partition adds .cn)? */
export function principalMatches(pattern: string, principal: string): boolean {
    const escape = (text: string): string => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    const body: string = pattern.split("{region}").map(escape).join("[a-z0-9-]+");
    return new RegExp(`^${body}(\\.cn)?$`).test(principal);
}

/** The table entries for a principal in a context whose actions cover every given action. */
export function documentedUses(principal: string, context: PrincipalContext, actions: readonly string[]): ServicePrincipalUse[] {
    return SERVICE_PRINCIPALS.filter((use: ServicePrincipalUse) =>
        use.context === context
        && principalMatches(use.principal, principal)
        && actions.every((action: string) => use.actions.includes(action)));
}

/** The one entry a builder writes from; throws when the table has none (a new principal or action needs its row first). */
export function documentedUse(principal: string, context: PrincipalContext, actions: readonly string[], use?: string): ServicePrincipalUse {
    const candidates: ServicePrincipalUse[] = documentedUses(principal, context, actions).filter((entry: ServicePrincipalUse) => use === undefined || entry.use === use);
    if (candidates.length === 0) {
        throw new Error(`no row in SERVICE_PRINCIPALS for ${principal} (${context}) performing ${actions.join(", ")}${use ? ` as "${use}"` : ""}: add it with the AWS documentation that names its conditions`);
    }
    return candidates[0];
}

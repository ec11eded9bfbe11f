/**
 * Who uses each customer-managed key, for what, under which conditions, and where AWS documents it.
 * Every key policy of the program is derived from this table (keyPolicies.ts keyPolicyFor), so a
 * caller the platform wires up without its row here has no statement, and a test that walks the
 * wired resources of both stacks (tests/security/keyUsers.test.ts) fails.
 *
 * Plain data: the access-verification tooling derives its contracts from it. Values that depend on
 * the stack (trail ARN, bus ARN, ...) are named slots that the key's builder resolves.
 */

/** Logical names of the program's aws:kms/key:Key resources. */
export type KeyName =
    | "data" | "logs" | "cluster-secrets" | "backup" | "replica-data"
    | "integration" | "karpenter-interruption" | "registries" | "alarms" | "edge" | "static-assets";

/** Values a key policy resolves per stack. */
export type KeySlot =
    | "accountId"
    /** arn:<p>:logs:<region>:<account>:log-group:* */
    | "logGroupsOfAccount"
    | "trailArn"
    | "configDelivery"
    /** The custom bus ARN (the archive's encryption context is the bus ARN too). */
    | "busArn"
    /** Pattern of the integration layer's queue ARNs (<prefix>-*). */
    | "integrationQueues"
    /** Rules whose targets or dead-letter queues are encrypted with the key (present when there are rules). */
    | "ruleArns"
    | "topicArns"
    | "integrationTopics"
    | "integrationFunctions"
    | "integrationStateMachines"
    /** The Karpenter interruption queue and its dead-letter queue. */
    | "interruptionQueues"
    | "distributionArn"
    /** arn:<p>:iam::<account>:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling */
    | "autoScalingServiceRole";

/** Who calls KMS. */
export type KeyCaller =
    /** A service principal that calls KMS itself; `use` picks its SERVICE_PRINCIPALS row. */
    | { readonly kind: "service"; readonly service: string; readonly use: string }
    /** Callers of this account reaching KMS through these services (Principal "*", kms:CallerAccount, kms:ViaService). */
    | { readonly kind: "viaService"; readonly services: readonly string[] }
    /**
     * One role of this account named by aws:PrincipalArn rather than as Principal: KMS rejects a key
     * policy naming a role that does not exist yet, and a service-linked role appears only when its
     * service is first used.
     */
    | { readonly kind: "principalArn"; readonly slot: KeySlot };

export interface KeyCondition {
    readonly key: string;
    readonly operator: "StringEquals" | "StringLike" | "ArnEquals" | "ArnLike" | "Bool";
    /** A slot, or a literal value prefixed with "=" (e.g. "=true"). */
    readonly value: KeySlot | `=${string}`;
}

export interface KeyUser {
    readonly key: KeyName;
    readonly sid: string;
    readonly caller: KeyCaller;
    readonly actions: readonly string[];
    /** Conditions beyond those implied by the caller kind (kms:CallerAccount and kms:ViaService for viaService). */
    readonly conditions: readonly KeyCondition[];
    /** The statement is written only when this slot has a value (the caller exists in this stack). */
    readonly when?: KeySlot;
    /** The AWS documentation the actions and conditions come from. */
    readonly source: string;
}

/** Data-plane use of a key by a service acting for a caller (no key management). */
export const KEY_USAGE_ACTIONS: readonly string[] = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:DescribeKey",
];

/** The same without DescribeKey (the integration key grants DescribeKey in its own statement, without encryption context). */
const KEY_USE: readonly string[] = KEY_USAGE_ACTIONS.filter((action: string) => action !== "kms:DescribeKey");

/**
 * Services that keep data encrypted with the data key (databases, caches, secrets, file systems,
 * application buckets). Backup stays listed: it copies and restores recovery points of resources
 * encrypted with this key, although its vault has a key of its own. EC2: EKS node volumes (managed
 * node groups and Karpenter) are encrypted with it.
 */
export const DATA_KEY_SERVICES: readonly string[] = ["rds", "dynamodb", "elasticache", "secretsmanager", "backup", "elasticfilesystem", "s3", "ec2"];

/** Services that write into a replica region for the data tier (global-table replicas, bucket replicas, backup copies). */
export const REPLICA_KEY_SERVICES: readonly string[] = ["dynamodb", "s3", "backup"];

const VIA_SERVICE_SOURCE = "AWS KMS Developer Guide, \"kms:ViaService\" and \"kms:CallerAccount\" condition keys (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html): the pattern of the AWS managed keys (aws/rds, aws/ebs, ...)";
const GRANT_SOURCE = "AWS KMS Developer Guide, \"kms:GrantIsForAWSResource\": services that keep grants for the lifetime of a resource (RDS, EBS, EKS, ECR)";

/** Use and grant statements for callers through services: the grants only for AWS resources. */
function viaServiceUsers(key: KeyName, sidPrefix: string, services: readonly string[], actions: readonly string[], source: string, conditions: readonly KeyCondition[] = []): KeyUser[] {
    return [
        { key, sid: `${sidPrefix}Use`, caller: { kind: "viaService", services }, actions, conditions, source: `${source}; ${VIA_SERVICE_SOURCE}` },
        {
            key,
            sid: `${sidPrefix}Grants`,
            caller: { kind: "viaService", services },
            actions: ["kms:CreateGrant"],
            conditions: [{ key: "kms:GrantIsForAWSResource", operator: "Bool", value: "=true" }],
            source: GRANT_SOURCE,
        },
    ];
}

/** One statement per integration-layer service that encrypts with the caller's credentials, narrowed to this stack's resources. */
function integrationCaller(service: string, contextKey: string, slot: KeySlot, source: string): KeyUser[] {
    const name: string = service.charAt(0).toUpperCase() + service.slice(1);
    return [
        {
            key: "integration",
            sid: `Allow${name}Use`,
            caller: { kind: "viaService", services: [service] },
            actions: KEY_USE,
            conditions: [{ key: contextKey, operator: "ArnLike", value: slot }],
            source: `${source}; ${VIA_SERVICE_SOURCE}`,
        },
        {
            key: "integration",
            sid: `Allow${name}DescribeKey`,
            caller: { kind: "viaService", services: [service] },
            actions: ["kms:DescribeKey"],
            conditions: [],
            source: `${source} (DescribeKey carries no encryption context)`,
        },
    ];
}

export const KEY_USERS: readonly KeyUser[] = [
    // ---- data: databases, caches, secrets, file systems, application buckets, EKS node volumes ----
    ...viaServiceUsers("data", "AllowDataServices", DATA_KEY_SERVICES, KEY_USAGE_ACTIONS,
        "Amazon RDS, DynamoDB, ElastiCache, Secrets Manager, AWS Backup, EFS, S3 and EBS encryption-at-rest guides: each service uses the key with the caller's credentials"),
    {
        key: "data",
        sid: "AllowAutoScalingServiceRoleUse",
        caller: { kind: "principalArn", slot: "autoScalingServiceRole" },
        actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        conditions: [],
        source: "Amazon EC2 Auto Scaling User Guide, \"Required AWS KMS key policy for use with encrypted volumes\" (https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html): the AWSServiceRoleForAutoScaling service-linked role needs these actions on the key of encrypted launch-template volumes (EKS managed node groups launch through Auto Scaling)",
    },
    {
        key: "data",
        sid: "AllowAutoScalingServiceRoleGrants",
        caller: { kind: "principalArn", slot: "autoScalingServiceRole" },
        actions: ["kms:CreateGrant"],
        conditions: [{ key: "kms:GrantIsForAWSResource", operator: "Bool", value: "=true" }],
        source: "Amazon EC2 Auto Scaling User Guide, \"Required AWS KMS key policy for use with encrypted volumes\": CreateGrant with kms:GrantIsForAWSResource",
    },

    // ---- logs: CloudWatch Logs groups, CloudTrail log files, AWS Config deliveries ----
    {
        key: "logs",
        sid: "AllowCloudWatchLogs",
        caller: { kind: "service", service: "logs.{region}.amazonaws.com", use: "CloudWatch Logs encrypts log groups" },
        actions: KEY_USAGE_ACTIONS,
        conditions: [{ key: "kms:EncryptionContext:aws:logs:arn", operator: "ArnLike", value: "logGroupsOfAccount" }],
        source: "Amazon CloudWatch Logs User Guide, \"Encrypt log data in CloudWatch Logs using AWS KMS\"",
    },
    {
        key: "logs",
        sid: "AllowCloudTrailEncrypt",
        caller: { kind: "service", service: "cloudtrail.amazonaws.com", use: "CloudTrail encrypts log files (and decrypts data keys for an S3 Bucket Key)" },
        actions: ["kms:GenerateDataKey*"],
        conditions: [
            { key: "aws:SourceArn", operator: "StringEquals", value: "trailArn" },
            { key: "kms:EncryptionContext:aws:cloudtrail:arn", operator: "StringLike", value: "trailArn" },
        ],
        when: "trailArn",
        source: "AWS CloudTrail User Guide, \"Configure AWS KMS key policies for CloudTrail\": \"Enable CloudTrail log encrypt permissions\"",
    },
    {
        key: "logs",
        sid: "AllowCloudTrailDescribeKey",
        caller: { kind: "service", service: "cloudtrail.amazonaws.com", use: "CloudTrail encrypts log files (and decrypts data keys for an S3 Bucket Key)" },
        actions: ["kms:DescribeKey"],
        conditions: [{ key: "aws:SourceArn", operator: "StringEquals", value: "trailArn" }],
        when: "trailArn",
        source: "AWS CloudTrail User Guide, \"Configure AWS KMS key policies for CloudTrail\": \"Enable CloudTrail to describe KMS key properties\"",
    },
    {
        key: "logs",
        sid: "AllowCloudTrailDecrypt",
        caller: { kind: "service", service: "cloudtrail.amazonaws.com", use: "CloudTrail encrypts log files (and decrypts data keys for an S3 Bucket Key)" },
        actions: ["kms:Decrypt"],
        conditions: [{ key: "aws:SourceArn", operator: "StringEquals", value: "trailArn" }],
        when: "trailArn",
        source: "AWS CloudTrail User Guide, \"Configure AWS KMS key policies for CloudTrail\": \"If you are using an existing S3 bucket with an S3 Bucket Key, kms:Decrypt permissions are required to create or update a trail\" (the audit bucket uses a Bucket Key)",
    },
    {
        key: "logs",
        sid: "AllowConfigDelivery",
        caller: { kind: "service", service: "config.amazonaws.com", use: "AWS Config encrypts deliveries to the audit bucket" },
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        conditions: [{ key: "aws:SourceAccount", operator: "StringEquals", value: "accountId" }],
        when: "configDelivery",
        source: "AWS Config Developer Guide, \"Permissions for the KMS key\" (https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html)",
    },

    // ---- cluster secrets: EKS envelope encryption ----
    ...viaServiceUsers("cluster-secrets", "AllowEks", ["eks"], [...KEY_USAGE_ACTIONS, "kms:ListGrants"],
        "Amazon EKS User Guide, \"Encrypt Kubernetes secrets with KMS on existing clusters\": EKS uses the key through the cluster role and lists its grants when it validates the key"),

    // ---- backup vault ----
    ...viaServiceUsers("backup", "AllowBackup", ["backup"], KEY_USAGE_ACTIONS,
        "AWS Backup Developer Guide, \"Encryption for backups in AWS Backup\": Backup uses the vault key with its service role"),

    // ---- data replicas in the replica region ----
    ...viaServiceUsers("replica-data", "AllowReplicaServices", REPLICA_KEY_SERVICES, KEY_USAGE_ACTIONS,
        "DynamoDB global tables, S3 replication (replicaKmsKeyId) and AWS Backup cross-Region copy encrypt replicas with the destination Region's key"),

    // ---- integration: queues, topics, the bus and archive, Lambda environments, state machines ----
    ...integrationCaller("sqs", "kms:EncryptionContext:aws:sqs:arn", "integrationQueues", "Amazon SQS Developer Guide, \"Key management\": SQS encryption context aws:sqs:arn"),
    ...integrationCaller("sns", "kms:EncryptionContext:aws:sns:topicArn", "integrationTopics", "Amazon SNS Developer Guide, \"Key management\": SNS encryption context aws:sns:topicArn"),
    ...integrationCaller("lambda", "kms:EncryptionContext:aws:lambda:FunctionArn", "integrationFunctions", "AWS Lambda Developer Guide, \"Securing environment variables\": encryption context aws:lambda:FunctionArn"),
    ...integrationCaller("states", "kms:EncryptionContext:aws:states:stateMachineArn", "integrationStateMachines", "AWS Step Functions Developer Guide, \"Data at rest encryption\": encryption context aws:states:stateMachineArn"),
    {
        key: "integration",
        sid: "AllowEventBridgeDescribeKey",
        caller: { kind: "service", service: "events.amazonaws.com", use: "EventBridge encrypts a custom bus and its archive" },
        actions: ["kms:DescribeKey"],
        conditions: [],
        when: "busArn",
        source: "Amazon EventBridge User Guide, \"Authorizing EventBridge to use a customer managed key\": DescribeKey to verify the key is symmetric (the documented statement has no condition; DescribeKey has no encryption context)",
    },
    {
        key: "integration",
        sid: "AllowEventBridgeBus",
        caller: { kind: "service", service: "events.amazonaws.com", use: "EventBridge encrypts a custom bus and its archive" },
        actions: ["kms:GenerateDataKey", "kms:Decrypt", "kms:ReEncrypt*"],
        conditions: [{ key: "kms:EncryptionContext:aws:events:event-bus:arn", operator: "StringEquals", value: "busArn" }],
        when: "busArn",
        source: "Amazon EventBridge User Guide, \"Encrypting EventBridge event buses\" and \"Encrypting EventBridge archives\": GenerateDataKey, Decrypt, ReEncrypt* with encryption context aws:events:event-bus:arn = the bus ARN",
    },
    {
        key: "integration",
        sid: "AllowEventBridgeRulesIntoQueues",
        caller: { kind: "service", service: "events.amazonaws.com", use: "EventBridge delivers to an SSE-KMS queue (rule targets, target dead-letter queues)" },
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        conditions: [{ key: "kms:EncryptionContext:aws:sqs:arn", operator: "ArnLike", value: "integrationQueues" }],
        when: "ruleArns",
        source: "Amazon EventBridge User Guide, troubleshooting \"messages not published into my Amazon SQS queue\": kms:Decrypt and kms:GenerateDataKey for events.amazonaws.com; SQS encryption context aws:sqs:arn",
    },
    {
        key: "integration",
        sid: "AllowSnsIntoQueues",
        caller: { kind: "service", service: "sns.amazonaws.com", use: "SNS delivers to an SSE-KMS queue (subscriptions and their dead-letter queues)" },
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        conditions: [
            { key: "kms:EncryptionContext:aws:sqs:arn", operator: "ArnLike", value: "integrationQueues" },
            { key: "aws:SourceAccount", operator: "StringEquals", value: "accountId" },
            { key: "aws:SourceArn", operator: "StringEquals", value: "topicArns" },
        ],
        when: "topicArns",
        source: "Amazon SQS Developer Guide, \"Configure KMS permissions for AWS services\" and \"least privilege policies\" for encrypted queues",
    },

    // ---- Karpenter interruption queue ----
    {
        key: "karpenter-interruption",
        sid: "AllowEventBridgeRules",
        caller: { kind: "service", service: "events.amazonaws.com", use: "EventBridge delivers to an SSE-KMS queue (rule targets, target dead-letter queues)" },
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        conditions: [{ key: "kms:EncryptionContext:aws:sqs:arn", operator: "ArnLike", value: "interruptionQueues" }],
        source: "Amazon EventBridge User Guide, troubleshooting encrypted SQS targets; SQS encryption context aws:sqs:arn (Karpenter's interruption rules send to the queue and its dead-letter queue)",
    },
    {
        key: "karpenter-interruption",
        sid: "AllowSqsConsumers",
        caller: { kind: "viaService", services: ["sqs"] },
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        conditions: [],
        source: `Amazon SQS Developer Guide, "Key management": consumers need kms:Decrypt; ${VIA_SERVICE_SOURCE}`,
    },

    // ---- ECR repositories ----
    ...viaServiceUsers("registries", "AllowEcr", ["ecr"], KEY_USAGE_ACTIONS,
        "Amazon ECR User Guide, \"Encryption at rest\": ECR uses the key with the pushing/pulling caller's credentials and keeps a grant per repository"),

    // ---- alarm topics (stack region and us-east-1) and the Prometheus workspace ----
    ...(["cloudwatch", "budgets", "costalerts"] as const).map((service): KeyUser => ({
        key: "alarms",
        sid: `Allow${service.charAt(0).toUpperCase()}${service.slice(1)}Publish`,
        caller: { kind: "service", service: `${service}.amazonaws.com`, use: ({ cloudwatch: "CloudWatch alarms publish to an SSE-KMS topic", budgets: "AWS Budgets publishes to an SSE-KMS topic", costalerts: "Cost Anomaly Detection publishes to an SSE-KMS topic" })[service] },
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        conditions: [{ key: "aws:SourceAccount", operator: "StringEquals", value: "accountId" }],
        source: "Amazon SNS Developer Guide, \"Enable compatibility between event sources from AWS services and encrypted topics\"",
    })),
    ...viaServiceUsers("alarms", "AllowPrometheus", ["aps"], KEY_USAGE_ACTIONS,
        "Amazon Managed Service for Prometheus User Guide, \"Encryption at rest\": the workspace uses the key through the caller and keeps grants"),

    // ---- edge log groups in us-east-1 ----
    {
        key: "edge",
        sid: "AllowCloudWatchLogs",
        caller: { kind: "service", service: "logs.{region}.amazonaws.com", use: "CloudWatch Logs encrypts log groups" },
        actions: KEY_USAGE_ACTIONS,
        conditions: [{ key: "kms:EncryptionContext:aws:logs:arn", operator: "ArnLike", value: "logGroupsOfAccount" }],
        source: "Amazon CloudWatch Logs User Guide, \"Encrypt log data in CloudWatch Logs using AWS KMS\" (WAF and CloudFront log groups live in us-east-1)",
    },

    // ---- static assets served by CloudFront ----
    {
        key: "static-assets",
        sid: "AllowCloudFrontOriginAccessControlDecrypt",
        caller: { kind: "service", service: "cloudfront.amazonaws.com", use: "CloudFront Origin Access Control reads SSE-KMS objects" },
        // Viewers only read: Decrypt is all OAC needs (AWS adds Encrypt/GenerateDataKey only for uploads through CloudFront).
        actions: ["kms:Decrypt"],
        conditions: [{ key: "aws:SourceArn", operator: "StringEquals", value: "distributionArn" }],
        source: "Amazon CloudFront Developer Guide, \"Restrict access to an Amazon S3 origin\" (SSE-KMS)",
    },
    {
        key: "static-assets",
        sid: "AllowS3ForAccountCallers",
        caller: { kind: "viaService", services: ["s3"] },
        actions: KEY_USAGE_ACTIONS,
        conditions: [],
        source: `Amazon S3 User Guide, "Using server-side encryption with AWS KMS keys": the deployment pipeline uploads through S3; ${VIA_SERVICE_SOURCE}`,
    },
];

/** The rows of one key. */
export function keyUsersOf(key: KeyName): KeyUser[] {
    return KEY_USERS.filter((user: KeyUser) => user.key === key);
}

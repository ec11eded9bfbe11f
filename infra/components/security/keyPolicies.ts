import { PolicyDocument, PolicyStatement, policyDocument } from "./policyDocument";

/**
 * Pure builders for the KMS key policies. Each key trusts the account root (so IAM policies can
 * grant use and the key can never become unmanageable) plus ONLY the AWS services that encrypt with
 * that key, each narrowed by the strongest condition the service supports.
 *
 * In a key policy `Resource: "*"` means "this key": a key policy cannot name any other resource.
 */
export interface KeyPolicyContext {
    readonly accountId: string;
    readonly partition: string;
    readonly region: string;
    /** amazonaws.com, or amazonaws.com.cn in the China partition. */
    readonly dnsSuffix: string;
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

/**
 * Services that keep data encrypted with the data key (databases, caches, secrets, file systems,
 * application buckets). Backup stays listed: it copies and restores recovery points of resources
 * encrypted with this key, although its vault has a key of its own.
 */
export const DATA_KEY_SERVICES: readonly string[] = ["rds", "dynamodb", "elasticache", "secretsmanager", "backup", "elasticfilesystem", "s3"];

/** Services that write into a replica region for the data tier (global-table replicas, bucket replicas, backup copies). */
export const REPLICA_KEY_SERVICES: readonly string[] = ["dynamodb", "s3", "backup"];

const THIS_KEY = "*";

function rootArn(ctx: KeyPolicyContext): string {
    return `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
}

function viaService(ctx: KeyPolicyContext, service: string): string {
    return `${service}.${ctx.region}.${ctx.dnsSuffix}`;
}

/**
 * The account root gets full control of the key. This is the AWS-documented default statement:
 * without it no IAM policy can grant access and a mistake in the rest of the policy would make the
 * key unmanageable (only AWS Support can recover it). `kms:*` is deliberate for that reason; who
 * may actually administer or use the key is then decided by IAM policies in the account.
 */
export function accountRootStatement(ctx: KeyPolicyContext): PolicyStatement {
    return {
        Sid: "EnableAccountIamPolicies",
        Effect: "Allow",
        Principal: { AWS: rootArn(ctx) },
        Action: "kms:*",
        Resource: THIS_KEY,
    };
}

/**
 * Principal "*" restricted to callers of this account that reach KMS through the listed services
 * (the pattern of the AWS-managed keys such as aws/rds). The services cannot be named as principals
 * themselves: they call KMS with the caller's credentials, so kms:ViaService is the only handle.
 * Grants are allowed only when they are for an AWS resource (RDS, EBS and EKS keep grants for the
 * lifetime of a volume or cluster).
 */
export function viaServiceStatements(ctx: KeyPolicyContext, sidPrefix: string, services: readonly string[], usage: readonly string[]): PolicyStatement[] {
    const scope = {
        StringEquals: {
            "kms:CallerAccount": ctx.accountId,
            "kms:ViaService": services.map((service: string) => viaService(ctx, service)),
        },
    };
    return [
        {
            Sid: `${sidPrefix}Use`,
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: usage,
            Resource: THIS_KEY,
            Condition: scope,
        },
        {
            Sid: `${sidPrefix}Grants`,
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "kms:CreateGrant",
            Resource: THIS_KEY,
            Condition: { ...scope, Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
    ];
}

/**
 * EC2 (and Auto Scaling launching EKS nodes through EC2) encrypts the EKS node volumes with the data
 * key, and the account's EBS default encryption uses it too: without EC2 every node launch fails.
 */
export function dataKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    const services: string[] = [...DATA_KEY_SERVICES, "ec2"];
    return policyDocument([
        accountRootStatement(ctx),
        ...viaServiceStatements(ctx, "AllowDataServices", services, KEY_USAGE_ACTIONS),
    ]);
}

/**
 * The AWS Backup vault key: only AWS Backup (through its regional endpoint, for this account) may
 * use it, so reading a recovery point's data needs both vault access and this key.
 */
export function backupKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return policyDocument([
        accountRootStatement(ctx),
        ...viaServiceStatements(ctx, "AllowBackup", ["backup"], KEY_USAGE_ACTIONS),
    ]);
}

/** A customer-managed key in the replica region (ctx.region is that region) for the data tier's replicas. */
export function replicaDataKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return policyDocument([
        accountRootStatement(ctx),
        ...viaServiceStatements(ctx, "AllowReplicaServices", REPLICA_KEY_SERVICES, KEY_USAGE_ACTIONS),
    ]);
}

/** EKS envelope-encrypts Kubernetes secrets; it also lists its grants when it validates the key. */
export function clusterSecretsKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return policyDocument([
        accountRootStatement(ctx),
        ...viaServiceStatements(ctx, "AllowEks", ["eks"], [...KEY_USAGE_ACTIONS, "kms:ListGrants"]),
    ]);
}

export interface LogsKeyOptions {
    /** ARN of the trail that encrypts with this key; omitted when CloudTrail is switched off. */
    readonly trailArn?: string;
    /** AWS Config delivers its snapshots and history to the audit bucket, encrypted with this key. */
    readonly configDelivery?: boolean;
}

/**
 * CloudWatch Logs encrypts every log group of the account with this key (flow logs, CloudTrail,
 * EKS control plane); CloudTrail encrypts its log files with it.
 */
export function logsKeyPolicy(ctx: KeyPolicyContext, options: LogsKeyOptions): PolicyDocument {
    const statements: PolicyStatement[] = [accountRootStatement(ctx), cloudWatchLogsStatement(ctx)];
    if (options.trailArn !== undefined) {
        statements.push(...cloudTrailStatements(options.trailArn));
    }
    if (options.configDelivery === true) {
        statements.push(configDeliveryStatement(ctx));
    }
    return policyDocument(statements);
}

/** The regional Logs service, only for log groups of this account and region (encryption context). */
export function cloudWatchLogsStatement(ctx: KeyPolicyContext): PolicyStatement {
    return {
        Sid: "AllowCloudWatchLogs",
        Effect: "Allow",
        Principal: { Service: `logs.${ctx.region}.${ctx.dnsSuffix}` },
        Action: KEY_USAGE_ACTIONS,
        Resource: THIS_KEY,
        Condition: {
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*` },
        },
    };
}

/**
 * CloudTrail needs GenerateDataKey to encrypt log and digest files and DescribeKey to validate the key when the
 * trail is created or updated. Both are pinned to our trail (aws:SourceArn, confused-deputy
 * protection); data keys additionally only for that trail's encryption context. Reading the logs
 * (kms:Decrypt) is left to IAM policies through the root statement.
 */
function cloudTrailStatements(trailArn: string): PolicyStatement[] {
    return [
        {
            Sid: "AllowCloudTrailEncrypt",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:GenerateDataKey",
            Resource: THIS_KEY,
            Condition: {
                StringEquals: { "aws:SourceArn": trailArn },
                StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trailArn },
            },
        },
        {
            Sid: "AllowCloudTrailDescribeKey",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: THIS_KEY,
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
    ];
}

/**
 * AWS Config encrypts what it delivers to the audit bucket with this key (s3KmsKeyArn) and reads
 * the data key back for multipart uploads; only on behalf of this account, as AWS documents it
 * (https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html).
 */
function configDeliveryStatement(ctx: KeyPolicyContext): PolicyStatement {
    return {
        Sid: "AllowConfigDelivery",
        Effect: "Allow",
        Principal: { Service: "config.amazonaws.com" },
        Action: ["kms:GenerateDataKey", "kms:Decrypt"],
        Resource: THIS_KEY,
        Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId } },
    };
}

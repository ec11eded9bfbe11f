import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AppBucketConfig, BucketLifecycleConfig } from "../../config/dataConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { PolicyDocument, denyInsecureBucketTransport, policyDocument } from "../security/policyDocument";
import { DataContext, ReplicaRegion, disposable, nameTag } from "./context";
import { documentedValues, serviceTrustPolicy } from "../security/servicePrincipalStatements";
import { makeBucketPrivate } from "../security/privateBucket";
import { bucketPrefixFor, physicalName } from "../../platform/naming";

export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;
/**
 * Buckets that must be replicated carry this tag, so the policy pack's res-s3-replication rule
 * (which sees resources, not this program's config) knows which buckets need a replication rule.
 */
export const REPLICATION_TAG = { key: "Replication", value: "cross-region" } as const;

export interface AppBucket {
    readonly bucket: aws.s3.Bucket;
    readonly replica?: aws.s3.Bucket;
}

/** Deny any request to the bucket or its objects that does not use TLS. */
export function tlsOnlyBucketPolicy(bucketArn: string): PolicyDocument {
    return policyDocument([denyInsecureBucketTransport(bucketArn)]);
}

export interface ReplicationPolicyInput {
    readonly sourceBucketArn: string;
    readonly replicaBucketArn: string;
    readonly sourceKeyArn: string;
    readonly replicaKeyArn: string;
    readonly sourceRegion: string;
    readonly replicaRegion: string;
}

/** S3 assumes the replication role (usable only through iam:PassRole in this account's replication configuration). */
export function replicationTrustPolicy(accountId: string, sourceBucketArn: string): PolicyDocument {
    // Only what SERVICE_PRINCIPALS documents for the replication role is written (today: nothing).
    return serviceTrustPolicy("S3Replication", "s3.amazonaws.com", documentedValues("s3.amazonaws.com", "trust", { "aws:SourceAccount": accountId, "aws:SourceArn": sourceBucketArn }));
}

/** Read from the source bucket, write to the replica, decrypt/encrypt only through S3 in each region. */
export function replicationPermissions(input: ReplicationPolicyInput): PolicyDocument {
    return policyDocument([
        { Sid: "ReadSourceConfiguration", Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: input.sourceBucketArn },
        {
            Sid: "ReadSourceVersions",
            Effect: "Allow",
            Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
            Resource: `${input.sourceBucketArn}/*`,
        },
        {
            Sid: "WriteReplica",
            Effect: "Allow",
            Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
            Resource: `${input.replicaBucketArn}/*`,
        },
        {
            Sid: "DecryptSource",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: input.sourceKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${input.sourceRegion}.amazonaws.com` } },
        },
        {
            Sid: "EncryptReplica",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:GenerateDataKey"],
            Resource: input.replicaKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${input.replicaRegion}.amazonaws.com` } },
        },
    ]);
}

export function lifecycleRules(lifecycle: BucketLifecycleConfig): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    return [{
        id: "tier-and-expire",
        status: "Enabled",
        filter: {},
        transitions: [
            { days: lifecycle.transitionToInfrequentAccessDays, storageClass: "STANDARD_IA" },
            ...(lifecycle.transitionToGlacierDays !== undefined ? [{ days: lifecycle.transitionToGlacierDays, storageClass: "GLACIER_IR" }] : []),
        ],
        expiration: lifecycle.expirationDays !== undefined ? { days: lifecycle.expirationDays } : undefined,
        noncurrentVersionExpiration: { noncurrentDays: lifecycle.noncurrentVersionExpirationDays },
        abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
    }];
}

interface PrivateBucketArgs {
    readonly logicalName: string;
    /** bucketPrefixFor(): names start with the stack prefix (the deploy role's S3 scope). */
    readonly bucketPrefix: string;
    readonly keyArn: pulumi.Input<string>;
    readonly tags: Record<string, string>;
    readonly protection: ProtectionConfig;
    readonly options: pulumi.CustomResourceOptions;
}

interface PrivateBucket {
    readonly bucket: aws.s3.Bucket;
    readonly versioning: aws.s3.BucketVersioning;
}

/** The foundation's private-bucket pattern (auditBucket.ts): no public access, ACLs off, SSE-KMS with a bucket key, versioned, TLS only. */
function createPrivateBucket(args: PrivateBucketArgs): PrivateBucket {
    const { logicalName: name, options } = args;
    const bucket = new aws.s3.Bucket(name, { bucketPrefix: args.bucketPrefix, forceDestroy: disposable(args.protection), tags: args.tags }, options);
    const { publicAccessBlock, ownership } = makeBucketPrivate(name, bucket, options);
    new aws.s3.BucketServerSideEncryptionConfiguration(name, {
        bucket: bucket.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.keyArn }, bucketKeyEnabled: true }],
    }, options);
    const versioning = new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, options);
    new aws.s3.BucketPolicy(name, {
        bucket: bucket.id,
        policy: bucket.arn.apply((arn: string) => JSON.stringify(tlsOnlyBucketPolicy(arn))),
        // S3 rejects concurrent bucket-level writes ("conflicting conditional operation").
    }, { ...options, dependsOn: [publicAccessBlock, ownership] });
    return { bucket, versioning };
}

/** Application buckets from config; each optionally replicated to the replica region. */
export function createAppBuckets(ctx: DataContext, buckets: readonly AppBucketConfig[], replica: ReplicaRegion | undefined): Record<string, AppBucket> {
    const result: Record<string, AppBucket> = {};
    for (const config of buckets) {
        result[config.name] = createAppBucket(ctx, config, config.replicated ? replica : undefined);
    }
    return result;
}

function createAppBucket(ctx: DataContext, config: AppBucketConfig, replica: ReplicaRegion | undefined): AppBucket {
    const { naming, protection, keys, account, parent } = ctx;
    const name = `bucket-${config.name}`;
    const keep: pulumi.CustomResourceOptions = { parent, protect: protection.protectStatefulResources };
    const source = createPrivateBucket({
        logicalName: name,
        bucketPrefix: bucketPrefixFor(naming, name),
        keyArn: keys.data.arn,
        tags: { ...nameTag(naming, name), ...(replica ? { [REPLICATION_TAG.key]: REPLICATION_TAG.value } : {}) },
        protection,
        options: keep,
    });
    new aws.s3.BucketLifecycleConfiguration(name, {
        bucket: source.bucket.id,
        rules: lifecycleRules(config.lifecycle),
    }, { ...keep, dependsOn: [source.versioning] });
    new aws.s3.BucketNotification(name, { bucket: source.bucket.id, eventbridge: config.eventBridge }, keep);

    if (!replica) {
        return { bucket: source.bucket };
    }
    const replicaName = `${name}-replica`;
    const target = createPrivateBucket({
        logicalName: replicaName,
        bucketPrefix: bucketPrefixFor(naming, replicaName),
        keyArn: replica.key.arn,
        tags: nameTag(naming, replicaName),
        protection,
        options: { ...keep, provider: replica.provider },
    });
    new aws.s3.BucketLifecycleConfiguration(replicaName, {
        bucket: target.bucket.id,
        rules: lifecycleRules(config.lifecycle),
    }, { ...keep, provider: replica.provider, dependsOn: [target.versioning] });

    const role = new aws.iam.Role(`${name}-replication`, {
        // Stack-prefixed: the deploy role may manage only roles named <prefix>-* (deployPermissions.ts).
        name: physicalName(naming, `${name}-replication`),
        description: `S3 replication of ${config.name} to ${replica.region}`,
        assumeRolePolicy: pulumi.all([account.accountId, source.bucket.arn])
            .apply(([accountId, arn]: [string, string]) => JSON.stringify(replicationTrustPolicy(accountId, arn))),
        tags: nameTag(naming, `${name}-replication`),
    }, { parent });
    const permissions = new aws.iam.RolePolicy(`${name}-replication`, {
        role: role.name,
        policy: pulumi.all([source.bucket.arn, target.bucket.arn, keys.data.arn, replica.key.arn])
            .apply(([sourceBucketArn, replicaBucketArn, sourceKeyArn, replicaKeyArn]: string[]) => JSON.stringify(replicationPermissions({
                sourceBucketArn, replicaBucketArn, sourceKeyArn, replicaKeyArn, sourceRegion: account.region, replicaRegion: replica.region,
            }))),
    }, { parent });
    new aws.s3.BucketReplicationConfig(name, {
        bucket: source.bucket.id,
        role: role.arn,
        rules: [{
            id: "to-replica-region",
            status: "Enabled",
            filter: {},
            deleteMarkerReplication: { status: "Enabled" },
            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
            destination: {
                bucket: target.bucket.arn,
                storageClass: "STANDARD_IA",
                encryptionConfiguration: { replicaKmsKeyId: replica.key.arn },
            },
        }],
    }, { ...keep, dependsOn: [source.versioning, target.versioning, permissions] });
    return { bucket: source.bucket, replica: target.bucket };
}

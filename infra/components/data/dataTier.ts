import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { compactPrefix } from "../../platform/naming";
import { enableAccessLogging } from "../operations/accessLogging";
import { DataConfig } from "../../config/dataConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { replicaDataKeyPolicy } from "../security/keyPolicies";
import { grantWorkloadAccess, missingWorkloadRoles } from "./access";
import { Aurora, createAurora } from "./aurora";
import { Backup, createBackup } from "./backup";
import { AppBucket, createAppBuckets } from "./buckets";
import { Cache, cacheNodeCount, createCache } from "./cache";
import { DataContext, DataKeys, DataNaming, DataNetwork, ReplicaRegion, nameTag } from "./context";
import { DynamoTables, createTables } from "./dynamodb";
import { SharedFileSystem, createSharedFileSystem } from "./efs";
import { EfsCsiCluster, createEfsCsiDriver } from "./efsCsiDriver";
import { AdditionalClient, admitClient } from "./securityGroups";
import { DataStore } from "../../platform/networkDependencies";

export interface DataTierArgs {
    readonly data: DataConfig;
    readonly protection: ProtectionConfig;
    readonly naming: DataNaming;
    readonly account: AccountContext;
    readonly network: DataNetwork;
    readonly keys: DataKeys;
    /** The security group EKS nodes and pods carry: the data services accept it. */
    readonly clientSecurityGroupId: pulumi.Input<string>;
    /** Further groups whose workloads declare a dependency on a store (the functions that reach the data tier). */
    readonly additionalClients?: readonly AdditionalClient[];
    /** Workload name -> the name of its existing IAM role (EKS Pod Identity); one per data.access entry. */
    readonly workloadRoleNames: Readonly<Record<string, pulumi.Input<string>>>;
    /** Provider in data.replicaRegion (same default tags as the regional one); required when replicaRegion is set. */
    readonly replicaProvider?: aws.Provider;
    /** KMS key deletion window for the replica-region key (the baseline's setting). */
    readonly keyDeletionWindowInDays: number;
    /** The EKS cluster, once it exists: the EFS CSI driver add-on is installed into it. */
    readonly eks?: EfsCsiCluster;
    /** Where the buckets' S3 server access logs go: the sink in the stack's region, and one in the replica region for replicas. */
    readonly accessLogs?: { readonly home: aws.s3.Bucket; readonly replica?: aws.s3.Bucket };
}

export interface TableOutput {
    readonly name: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
}

/**
 * The data tier: Aurora PostgreSQL, DynamoDB tables, an ElastiCache replication group, EFS,
 * application buckets, AWS Backup and per-workload access. Every child inherits the component's
 * provider except the replica-region resources, which use args.replicaProvider.
 */
/** Leaves room for the longest suffix the tier appends ("-cache-default", "-aurora-reader-10-final"). */
export const DATA_PREFIX_MAX_LENGTH = 24;

export class DataTier extends pulumi.ComponentResource {
    public readonly writerEndpoint: pulumi.Output<string> | undefined;
    public readonly readerEndpoint: pulumi.Output<string> | undefined;
    public readonly masterSecretArn: pulumi.Output<string> | undefined;
    public readonly clusterIdentifier: string | undefined;
    /** Reader name (aurora-reader-N) -> DB instance identifier, for per-reader replica-lag alarms. */
    public readonly auroraReaderInstanceIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Undefined without a cache; the replication group's id and node count, for per-node alarms. */
    public readonly cacheAlarmTarget: { readonly replicationGroupId: string; readonly nodeCount: number } | undefined;
    public readonly tables: Readonly<Record<string, TableOutput>>;
    public readonly cacheEndpoint: pulumi.Output<string> | undefined;
    /** The IAM-authenticated cache user (there is no cache password or secret). */
    public readonly cacheUserName: pulumi.Output<string> | undefined;
    public readonly fileSystemId: pulumi.Output<string> | undefined;
    public readonly bucketNames: Readonly<Record<string, pulumi.Output<string>>>;
    public readonly replicaBucketNames: Readonly<Record<string, pulumi.Output<string>>>;
    public readonly vaultName: pulumi.Output<string> | undefined;
    public readonly connectionSecretArns: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: DataTierArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:DataTier", name, {}, opts);
        const { data } = args;
        // Fail before any child is registered: a workload without a role would get no access at all.
        const missing: string[] = missingWorkloadRoles(data.access, args.workloadRoleNames);
        if (missing.length > 0) {
            throw new pulumi.RunError(`platform:data.access names workloads without a role: ${missing.join(", ")}. `
                + "Each workload needs a Pod Identity role from the compute component (workloadRoleNames), or remove it from data.access.");
        }
        // Short enough for the strictest identifier built on it (replication group ids: 40 characters).
        const naming: DataNaming = compactPrefix(args.naming, DATA_PREFIX_MAX_LENGTH);
        const ctx: DataContext = { naming, protection: args.protection, account: args.account, keys: args.keys, parent: this };
        const replica: ReplicaRegion | undefined = createReplicaRegion(ctx, args);

        const aurora: Aurora | undefined = data.aurora.enabled
            ? createAurora(ctx, { aurora: data.aurora, network: args.network, clientSecurityGroupId: args.clientSecurityGroupId })
            : undefined;
        const dynamo: DynamoTables = createTables(ctx, data.dynamodb, replica);
        const cache: Cache | undefined = data.cache.enabled
            ? createCache(ctx, { cache: data.cache, network: args.network, clientSecurityGroupId: args.clientSecurityGroupId })
            : undefined;
        const efs: SharedFileSystem | undefined = data.efs.enabled
            ? createSharedFileSystem(ctx, { efs: data.efs, network: args.network, clientSecurityGroupId: args.clientSecurityGroupId })
            : undefined;
        const stores: { readonly name: DataStore; readonly group: aws.ec2.SecurityGroup }[] = [
            ...(aurora ? [{ name: "aurora" as const, group: aurora.securityGroup }] : []),
            ...(cache ? [{ name: "cache" as const, group: cache.securityGroup }] : []),
            ...(efs ? [{ name: "efs" as const, group: efs.securityGroup }] : []),
        ];
        for (const client of args.additionalClients ?? []) {
            for (const store of stores.filter((s) => client.stores.includes(s.name))) {
                admitClient(ctx, store, client);
            }
        }
        if (efs) {
            createEfsCsiDriver({ naming, account: args.account, parent: this, eks: args.eks });
        }
        const buckets: Record<string, AppBucket> = createAppBuckets(ctx, data.buckets, replica);
        for (const [name, bucket] of Object.entries(buckets)) {
            if (args.accessLogs) {
                enableAccessLogging(bucket.bucket, args.accessLogs.home, `s3/data/${name}/`, { parent: this });
            }
            if (bucket.replica && args.accessLogs?.replica && replica) {
                // S3 delivers access logs only to a bucket in the source bucket's region.
                enableAccessLogging(bucket.replica, args.accessLogs.replica, `s3/data/${name}-replica/`, { parent: this, provider: replica.provider });
            }
        }
        const backup: Backup | undefined = data.backup.enabled
            ? createBackup(ctx, {
                backup: data.backup,
                replica,
                auroraClusterArn: aurora?.cluster.arn,
                tableArns: Object.values(dynamo.tables).map((t: aws.dynamodb.Table) => t.arn),
                restoreTarget: aurora ? { dbSubnetGroupName: args.network.rdsSubnetGroupName, securityGroupId: aurora.securityGroup.id } : undefined,
            })
            : undefined;

        const secrets = grantWorkloadAccess(ctx, data.access, args.workloadRoleNames, {
            cluster: aurora?.cluster,
            writerEndpoint: aurora?.cluster.endpoint,
            readerEndpoint: aurora?.cluster.readerEndpoint,
            databaseName: data.aurora.databaseName,
            tables: dynamo.tables,
            cache: cache ? { replicationGroup: cache.replicationGroup, user: cache.applicationUser, endpoint: cache.endpoint } : undefined,
            buckets: Object.fromEntries(Object.entries(buckets).map(([key, value]: [string, AppBucket]) => [key, value.bucket])),
        });

        this.writerEndpoint = aurora?.cluster.endpoint;
        this.readerEndpoint = aurora?.cluster.readerEndpoint;
        this.masterSecretArn = aurora?.masterSecretArn;
        this.clusterIdentifier = aurora?.clusterIdentifier;
        // instances[0] is the writer; the rest are the configured readers, in order.
        this.auroraReaderInstanceIds = Object.fromEntries((aurora?.instances.slice(1) ?? [])
            .map((reader: aws.rds.ClusterInstance, index: number) => [`aurora-reader-${index + 1}`, reader.identifier]));
        this.cacheAlarmTarget = cache ? { replicationGroupId: cache.replicationGroupId, nodeCount: cacheNodeCount(data.cache) } : undefined;
        this.tables = Object.fromEntries(Object.entries(dynamo.tables)
            .map(([key, table]: [string, aws.dynamodb.Table]) => [key, { name: table.name, arn: table.arn }]));
        this.cacheEndpoint = cache?.endpoint;
        this.cacheUserName = cache?.applicationUser.userName;
        this.fileSystemId = efs?.fileSystem.id;
        this.bucketNames = Object.fromEntries(Object.entries(buckets).map(([key, value]: [string, AppBucket]) => [key, value.bucket.bucket]));
        this.replicaBucketNames = Object.fromEntries(Object.entries(buckets)
            .filter(([, value]: [string, AppBucket]) => value.replica !== undefined)
            .map(([key, value]: [string, AppBucket]) => [key, value.replica!.bucket]));
        this.vaultName = backup?.vault.name;
        this.connectionSecretArns = Object.fromEntries(Object.entries(secrets).map(([key, secret]) => [key, secret.arn]));

        this.registerOutputs({
            writerEndpoint: this.writerEndpoint,
            readerEndpoint: this.readerEndpoint,
            masterSecretArn: this.masterSecretArn,
            tables: this.tables,
            cacheEndpoint: this.cacheEndpoint,
            cacheUserName: this.cacheUserName,
            fileSystemId: this.fileSystemId,
            bucketNames: this.bucketNames,
            vaultName: this.vaultName,
        });
    }
}

/**
 * One customer-managed key in the replica region, used by global-table replicas, replica buckets
 * and backup copies there. Created only when something replicates.
 */
function createReplicaRegion(ctx: DataContext, args: DataTierArgs): ReplicaRegion | undefined {
    const { data } = args;
    const region: string | undefined = data.replicaRegion;
    const needed: boolean = data.dynamodb.tables.some((t) => t.replicated)
        || data.buckets.some((b) => b.replicated)
        || (data.backup.enabled && data.backup.copyToReplicaRegion);
    if (region === undefined || !needed) {
        return undefined;
    }
    if (!args.replicaProvider) {
        throw new pulumi.RunError(`platform:data.replicaRegion is ${region} but no provider for that region was passed to the data tier`);
    }
    const { account, naming, protection } = ctx;
    const key = new aws.kms.Key("replica-data", {
        description: `${naming.prefix} data replicas in ${region}: DynamoDB global-table replicas, S3 replica buckets, AWS Backup copies`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        deletionWindowInDays: args.keyDeletionWindowInDays,
        policy: pulumi.all([account.accountId, account.partition, account.dnsSuffix])
            .apply(([accountId, partition, dnsSuffix]: [string, string, string]) =>
                JSON.stringify(replicaDataKeyPolicy({ accountId, partition, region, dnsSuffix }))),
        tags: nameTag(naming, "replica-data"),
    }, { parent: ctx.parent, provider: args.replicaProvider, protect: protection.protectStatefulResources, retainOnDelete: protection.retainOnDelete });
    new aws.kms.Alias("replica-data", {
        name: `alias/${naming.prefix}-replica-data`,
        targetKeyId: key.keyId,
    }, { parent: ctx.parent, provider: args.replicaProvider });
    return { region, provider: args.replicaProvider, key };
}

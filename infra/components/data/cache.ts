import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CacheConfig } from "../../config/dataConfig";
import { DataContext, DataNetwork, nameTag, statefulOptions } from "./context";
import { createClientOnlyGroup } from "./securityGroups";

export const CACHE_PORT = 6379;

export interface CacheArgs {
    readonly cache: CacheConfig;
    readonly network: DataNetwork;
    readonly clientSecurityGroupId: pulumi.Input<string>;
}

export interface Cache {
    readonly replicationGroup: aws.elasticache.ReplicationGroup;
    readonly securityGroup: aws.ec2.SecurityGroup;
    /** The IAM-authenticated RBAC user applications connect as (user name = user id). */
    readonly applicationUser: aws.elasticache.User;
    readonly replicationGroupId: string;
    /** Primary endpoint, or the configuration endpoint in cluster mode. */
    readonly endpoint: pulumi.Output<string>;
}

export function cacheParameterFamily(cache: CacheConfig): string {
    return `${cache.engine}${cache.engineVersion.split(".")[0]}`;
}

export function cacheNodeCount(cache: CacheConfig): number {
    return cache.shards * (cache.replicasPerShard + 1);
}

/**
 * An ElastiCache replication group (Valkey by default): encrypted at rest with the data key and in
 * transit (required), authenticated through an RBAC user group whose application user signs in
 * with IAM (no password exists anywhere), slow and engine logs in encrypted log groups, snapshots,
 * and failover across zones whenever there is a replica.
 */
export function createCache(ctx: DataContext, args: CacheArgs): Cache {
    const { cache, network } = args;
    const { naming, protection, keys, parent } = ctx;
    const replicationGroupId = `${naming.prefix}-cache`;
    const failover: boolean = cache.replicasPerShard >= 1;

    const securityGroup = createClientOnlyGroup(ctx, {
        name: "cache",
        description: `ElastiCache ${cache.engine}: ${CACHE_PORT} from the workload clients only`,
        vpcId: network.vpcId,
        port: CACHE_PORT,
        clientSecurityGroupId: args.clientSecurityGroupId,
    });

    const parameterGroup = new aws.elasticache.ParameterGroup("cache", {
        family: cacheParameterFamily(cache),
        description: `${cache.engine} ${cache.engineVersion}: slow-log threshold and eviction of keys with a TTL first`,
        parameters: [
            { name: "cluster-enabled", value: cache.clusterMode ? "yes" : "no" },
            { name: "slowlog-log-slower-than", value: "10000" },
            { name: "maxmemory-policy", value: "volatile-lru" },
        ],
        tags: nameTag(naming, "cache"),
    }, { parent });

    // RBAC needs a user named "default" in every group; this one is switched off and can run nothing.
    const defaultUser = new aws.elasticache.User("cache-default", {
        userId: `${replicationGroupId}-default`,
        userName: "default",
        engine: cache.engine,
        accessString: "off -@all",
        authenticationMode: { type: "no-password-required" },
        tags: nameTag(naming, "cache-default"),
    }, { parent });
    // IAM authentication requires user name = user id; workloads get elasticache:Connect on it.
    const applicationUserId = `${replicationGroupId}-app`;
    const applicationUser = new aws.elasticache.User("cache-app", {
        userId: applicationUserId,
        userName: applicationUserId,
        engine: cache.engine,
        accessString: "on ~* +@all -@dangerous",
        authenticationMode: { type: "iam" },
        tags: nameTag(naming, "cache-app"),
    }, { parent });
    const userGroup = new aws.elasticache.UserGroup("cache", {
        userGroupId: replicationGroupId,
        engine: cache.engine,
        userIds: [defaultUser.userId, applicationUser.userId],
        tags: nameTag(naming, "cache"),
    }, { parent });

    const logGroup = (type: "slow-log" | "engine-log"): aws.cloudwatch.LogGroup => new aws.cloudwatch.LogGroup(`cache-${type}`, {
        name: `/aws/elasticache/${replicationGroupId}/${type}`,
        retentionInDays: cache.logRetentionInDays,
        kmsKeyId: keys.logs.arn,
        tags: nameTag(naming, `cache-${type}`),
    }, { parent });
    const slowLog = logGroup("slow-log");
    const engineLog = logGroup("engine-log");

    const replicationGroup = new aws.elasticache.ReplicationGroup("cache", {
        replicationGroupId,
        description: `${naming.prefix} ${cache.engine} cache`,
        engine: cache.engine,
        engineVersion: cache.engineVersion,
        nodeType: cache.nodeType,
        port: CACHE_PORT,
        parameterGroupName: parameterGroup.name,
        subnetGroupName: network.elastiCacheSubnetGroupName,
        securityGroupIds: [securityGroup.id],
        clusterMode: cache.clusterMode ? "enabled" : "disabled",
        ...(cache.clusterMode
            ? { numNodeGroups: cache.shards, replicasPerNodeGroup: cache.replicasPerShard }
            : { numCacheClusters: cacheNodeCount(cache) }),
        automaticFailoverEnabled: failover,
        multiAzEnabled: failover,
        atRestEncryptionEnabled: true,
        kmsKeyId: keys.data.arn,
        transitEncryptionEnabled: true,
        transitEncryptionMode: "required",
        userGroupIds: [userGroup.userGroupId],
        autoMinorVersionUpgrade: true,
        snapshotRetentionLimit: cache.snapshotRetentionDays,
        snapshotWindow: cache.snapshotWindow,
        maintenanceWindow: cache.maintenanceWindow,
        finalSnapshotIdentifier: protection.finalSnapshots ? `${replicationGroupId}-final` : undefined,
        logDeliveryConfigurations: [
            { destinationType: "cloudwatch-logs", destination: slowLog.name, logFormat: "json", logType: "slow-log" },
            { destinationType: "cloudwatch-logs", destination: engineLog.name, logFormat: "json", logType: "engine-log" },
        ],
        tags: nameTag(naming, "cache"),
    }, statefulOptions(ctx));

    return {
        replicationGroup,
        securityGroup,
        applicationUser,
        replicationGroupId,
        endpoint: cache.clusterMode ? replicationGroup.configurationEndpointAddress : replicationGroup.primaryEndpointAddress,
    };
}

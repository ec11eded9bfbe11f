import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { CacheConfig } from "../../config/dataConfig";
import { DataContext, DataNetwork, nameTag, statefulOptions } from "./context";
import { finalSnapshotIdentifier } from "./finalSnapshots";
import { createClientOnlyGroup } from "./securityGroups";

export const CACHE_PORT = 6379;

/** The access string of the group's "default" user: switched off, no commands, no keys. */
export const DISABLED_DEFAULT_USER_ACCESS = "off -@all";

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
    const { naming, keys, parent } = ctx;
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

    // The group carries a user named "default": every new connection starts as that user, and
    // ElastiCache refuses a Redis OSS group without one (DefaultUserRequired). This one is switched
    // off and may run nothing ("off -@all"), so a client must AUTH as the IAM user.
    // It cannot be no-password-required: "A user group configured for the VALKEY engine can only
    // contain users who are using an authentication mechanism (either password or IAM)"
    // (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html), so CreateUserGroup
    // fails with one. It cannot use IAM either: an IAM user's user name must equal its user id
    // (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html, Limitations), and the id
    // "default" belongs to the account's built-in user. So it gets a password nobody is given: a
    // generated secret (encrypted in state, never exported) that opens nothing because the user is off.
    const defaultUserPassword = new random.RandomPassword("cache-default", {
        length: 40,
        // ElastiCache passwords: 16 to 128 printable characters; letters and digits avoid the excluded ones.
        special: false,
    }, { parent, additionalSecretOutputs: ["result"] });
    const defaultUser = new aws.elasticache.User("cache-default", {
        userId: `${replicationGroupId}-default`,
        userName: "default",
        engine: cache.engine,
        accessString: DISABLED_DEFAULT_USER_ACCESS,
        authenticationMode: { type: "password", passwords: [pulumi.secret(defaultUserPassword.result)] },
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

    // ElastiCache delivers these as vended logs (logs:CreateLogDelivery + the account's CloudWatch Logs
    // resource policy, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Logging-destinations.html):
    // under /aws/vendedlogs/ the groups do not grow that 5,120-character policy.
    const logGroup = (type: "slow-log" | "engine-log"): aws.cloudwatch.LogGroup => new aws.cloudwatch.LogGroup(`cache-${type}`, {
        name: `/aws/vendedlogs/elasticache/${replicationGroupId}/${type}`,
        retentionInDays: cache.logRetentionInDays,
        kmsKeyId: keys.logs.arn,
        tags: nameTag(naming, `cache-${type}`),
        // Renaming a group replaces it: where deletion keeps nothing back (prod), the old group and its
        // history stay until their retention ends instead of being deleted with the rename.
    }, { parent, retainOnDelete: ctx.protection.retainOnDelete });
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
        finalSnapshotIdentifier: finalSnapshotIdentifier(ctx, "cache", replicationGroupId),
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

import { physicalName } from "../../platform/naming";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AuroraConfig } from "../../config/dataConfig";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { DataContext, DataNetwork, nameTag, statefulOptions } from "./context";
import { serviceTrustPolicy } from "../security/servicePrincipalStatements";
import { finalSnapshotIdentifier } from "./finalSnapshots";
import { createClientOnlyGroup } from "./securityGroups";

export const POSTGRES_PORT = 5432;
/** Enhanced monitoring granularity (seconds). */
export const MONITORING_INTERVAL_SECONDS = 60;
/** The current RDS CA; rds-ca-2019 expired in 2024. */
export const RDS_CA = "rds-ca-rsa2048-g1";
export const SERVERLESS_CLASS = "db.serverless";

/**
 * Whether the writer can auto-pause: a Serverless v2 writer in a cluster with a minimum of 0 ACUs
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2-auto-pause.html).
 * The writer and the readers of promotion tier 0 and 1 pause and resume together, so a paused cluster
 * is legitimately silent; its alarms must not read that as an outage (alarmDefinitions.ts).
 */
export function auroraWriterCanPause(aurora: { writerInstanceClass: string; serverless: { minCapacity: number } }): boolean {
    return aurora.writerInstanceClass === SERVERLESS_CLASS && aurora.serverless.minCapacity === 0;
}

export interface AuroraArgs {
    readonly aurora: AuroraConfig;
    readonly network: DataNetwork;
    readonly clientSecurityGroupId: pulumi.Input<string>;
}

export interface Aurora {
    readonly cluster: aws.rds.Cluster;
    readonly instances: aws.rds.ClusterInstance[];
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly clusterIdentifier: string;
    /** ARN of the RDS-managed master secret (Secrets Manager, encrypted with the data key). */
    readonly masterSecretArn: pulumi.Output<string>;
}

/** Parameters for the cluster parameter group: TLS only, and enough logging to investigate slow or unexpected sessions. */
export function auroraClusterParameters(aurora: AuroraConfig): aws.types.input.rds.ClusterParameterGroupParameter[] {
    return [
        { name: "rds.force_ssl", value: "1" },
        { name: "log_min_duration_statement", value: String(aurora.logMinDurationStatementMs) },
        { name: "log_connections", value: "1" },
        { name: "log_disconnections", value: "1" },
        // DDL only: "all" would log every statement (and its literal values) to CloudWatch.
        { name: "log_statement", value: "ddl" },
    ];
}

export function engineFamily(engineVersion: string): string {
    return `aurora-postgresql${engineVersion.split(".")[0]}`;
}

/** Zone of the n-th instance (0 = writer): the writer in the first zone, each reader in the next one. */
export function instanceZone<T>(zones: readonly T[], index: number): T {
    return zones[index % zones.length];
}

/**
 * Aurora PostgreSQL: encrypted with the data key, RDS-managed master password, IAM auth, TLS
 * forced by the parameter group, logs to a pre-created encrypted log group, PI and enhanced
 * monitoring on every instance, protected by the switches.
 */
export function createAurora(ctx: DataContext, args: AuroraArgs): Aurora {
    const { aurora, network } = args;
    const { naming, protection, keys, parent } = ctx;
    const clusterIdentifier = `${naming.prefix}-aurora`;

    const securityGroup = createClientOnlyGroup(ctx, {
        name: "aurora",
        description: "Aurora PostgreSQL: 5432 from the workload clients only",
        vpcId: network.vpcId,
        port: POSTGRES_PORT,
        clientSecurityGroupId: args.clientSecurityGroupId,
    });

    const parameterGroup = new aws.rds.ClusterParameterGroup("aurora", {
        family: engineFamily(aurora.engineVersion),
        description: "Aurora PostgreSQL: TLS only, connection and slow-statement logging",
        parameters: auroraClusterParameters(aurora),
        tags: nameTag(naming, "aurora"),
    }, { parent });

    // RDS would create this group itself, unencrypted and kept forever; creating it first sets both.
    const logGroup = new aws.cloudwatch.LogGroup("aurora-postgresql", {
        name: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
        retentionInDays: aurora.logRetentionInDays,
        kmsKeyId: keys.logs.arn,
        tags: nameTag(naming, "aurora-postgresql"),
    }, { parent });

    const monitoringRole = createMonitoringRole(ctx);
    const usesServerless: boolean = aurora.writerInstanceClass === SERVERLESS_CLASS || aurora.readerInstanceClass === SERVERLESS_CLASS;

    const cluster = new aws.rds.Cluster("aurora", {
        clusterIdentifier,
        engine: "aurora-postgresql",
        engineMode: "provisioned",
        engineVersion: aurora.engineVersion,
        databaseName: aurora.databaseName,
        masterUsername: aurora.masterUsername,
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: keys.data.arn,
        iamDatabaseAuthenticationEnabled: true,
        storageEncrypted: true,
        kmsKeyId: keys.data.arn,
        port: POSTGRES_PORT,
        dbSubnetGroupName: network.rdsSubnetGroupName,
        vpcSecurityGroupIds: [securityGroup.id],
        dbClusterParameterGroupName: parameterGroup.name,
        backupRetentionPeriod: aurora.backupRetentionDays,
        preferredBackupWindow: aurora.preferredBackupWindow,
        preferredMaintenanceWindow: aurora.preferredMaintenanceWindow,
        copyTagsToSnapshot: true,
        deletionProtection: protection.deletionProtection,
        skipFinalSnapshot: !protection.finalSnapshots,
        // Unique per creation of the cluster (finalSnapshots.ts): a fixed name fails the second deletion.
        finalSnapshotIdentifier: finalSnapshotIdentifier(ctx, "aurora", clusterIdentifier),
        enabledCloudwatchLogsExports: ["postgresql"],
        serverlessv2ScalingConfiguration: usesServerless
            ? {
                minCapacity: aurora.serverless.minCapacity,
                maxCapacity: aurora.serverless.maxCapacity,
                ...(aurora.serverless.minCapacity === 0 ? { secondsUntilAutoPause: aurora.serverless.secondsUntilAutoPause } : {}),
            }
            : undefined,
        // availabilityZones is deliberately unset: RDS fills in three zones and a shorter list shows as a replacement.
        tags: nameTag(naming, "aurora"),
    }, statefulOptions(ctx, { dependsOn: [logGroup] }));

    const instance = (name: string, index: number, instanceClass: string): aws.rds.ClusterInstance =>
        new aws.rds.ClusterInstance(name, {
            identifier: `${clusterIdentifier}-${name.replace(/^aurora-/, "")}`,
            clusterIdentifier: cluster.id,
            engine: "aurora-postgresql",
            engineVersion: cluster.engineVersion,
            instanceClass,
            availabilityZone: instanceZone(network.availabilityZoneNames, index),
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            caCertIdentifier: RDS_CA,
            promotionTier: index === 0 ? 0 : 1,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: keys.data.arn,
            performanceInsightsRetentionPeriod: aurora.performanceInsightsRetentionDays,
            monitoringInterval: MONITORING_INTERVAL_SECONDS,
            monitoringRoleArn: monitoringRole.arn,
            copyTagsToSnapshot: true,
            tags: nameTag(naming, name),
        }, statefulOptions(ctx));

    const instances: aws.rds.ClusterInstance[] = [instance("aurora-writer", 0, aurora.writerInstanceClass)];
    for (let reader = 1; reader <= aurora.readers; reader++) {
        instances.push(instance(`aurora-reader-${reader}`, reader, aurora.readerInstanceClass));
    }

    if (aurora.readerAutoScaling.enabled) {
        createReaderAutoScaling(ctx, aurora, cluster, instances);
    }

    return {
        cluster,
        instances,
        securityGroup,
        clusterIdentifier,
        masterSecretArn: cluster.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? ""),
    };
}

/**
 * Enhanced monitoring publishes OS metrics to the RDSOSMetrics log group. This inline policy is the
 * AWS-managed AmazonRDSEnhancedMonitoringRole narrowed to this account and region.
 */
export function monitoringTrustPolicy(accountId: string): PolicyDocument {
    return serviceTrustPolicy("RdsEnhancedMonitoring", "monitoring.rds.amazonaws.com", { "aws:SourceAccount": accountId });
}

export function monitoringPermissions(partition: string, region: string, accountId: string): PolicyDocument {
    const logGroup = `arn:${partition}:logs:${region}:${accountId}:log-group:RDSOSMetrics`;
    return policyDocument([
        {
            Sid: "CreateMetricsGroup",
            Effect: "Allow",
            Action: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"],
            Resource: `${logGroup}:*`,
        },
        {
            Sid: "WriteMetrics",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"],
            Resource: `${logGroup}:log-stream:*`,
        },
    ]);
}

function createMonitoringRole(ctx: DataContext): aws.iam.Role {
    const { account, parent } = ctx;
    const role = new aws.iam.Role("aurora-monitoring", {
        // Stack-prefixed: the deploy role may manage only roles named <prefix>-* (deployPermissions.ts).
        name: physicalName(ctx.naming, "aurora-monitoring"),
        description: "RDS enhanced monitoring for the platform Aurora cluster",
        assumeRolePolicy: account.accountId.apply((accountId: string) => JSON.stringify(monitoringTrustPolicy(accountId))),
        tags: nameTag(ctx.naming, "aurora-monitoring"),
    }, { parent });
    new aws.iam.RolePolicy("aurora-monitoring", {
        role: role.name,
        policy: pulumi.all([account.partition, account.accountId])
            .apply(([partition, accountId]: [string, string]) => JSON.stringify(monitoringPermissions(partition, account.region, accountId))),
    }, { parent });
    return role;
}

/** Reader auto scaling: Application Auto Scaling adds readers (beyond the configured ones) on CPU. */
function createReaderAutoScaling(ctx: DataContext, aurora: AuroraConfig, cluster: aws.rds.Cluster, instances: aws.rds.ClusterInstance[]): void {
    const { parent } = ctx;
    const target = new aws.appautoscaling.Target("aurora-readers", {
        serviceNamespace: "rds",
        scalableDimension: "rds:cluster:ReadReplicaCount",
        resourceId: pulumi.interpolate`cluster:${cluster.clusterIdentifier}`,
        minCapacity: Math.max(1, aurora.readers),
        maxCapacity: aurora.readerAutoScaling.maxReaders,
    }, { parent, dependsOn: instances });
    new aws.appautoscaling.Policy("aurora-readers-cpu", {
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
            predefinedMetricSpecification: { predefinedMetricType: "RDSReaderAverageCPUUtilization" },
            targetValue: aurora.readerAutoScaling.targetCpuPercent,
            scaleInCooldown: 300,
            scaleOutCooldown: 300,
        },
    }, { parent });
}

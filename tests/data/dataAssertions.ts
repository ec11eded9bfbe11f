import { beforeAll, describe, expect, it } from "vitest";
import { DataConfig } from "../../infra/config/dataConfig";
import { parsePlatformConfig } from "../../infra/config/load";
import { PlatformConfig } from "../../infra/config/platformConfig";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { fakeAvailabilityZones } from "../../tools/offline/fakeCloud";

/** The zone name the fake account gives a zone id: RDS places instances by name, read from the subnet. */
function zoneName(zoneId: string): string {
    return fakeAvailabilityZones("us-east-1").find((z) => z.zoneId === zoneId)!.name;
}
import { StackRunResult, policyDocument, runStack, stackConfiguration } from "../support/stackRun";

export const T = {
    tier: "platform:data:DataTier",
    cluster: "aws:rds/cluster:Cluster",
    instance: "aws:rds/clusterInstance:ClusterInstance",
    clusterParams: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    table: "aws:dynamodb/table:Table",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    cacheParams: "aws:elasticache/parameterGroup:ParameterGroup",
    cacheUser: "aws:elasticache/user:User",
    cacheUserGroup: "aws:elasticache/userGroup:UserGroup",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    fileSystem: "aws:efs/fileSystem:FileSystem",
    mountTarget: "aws:efs/mountTarget:MountTarget",
    efsBackup: "aws:efs/backupPolicy:BackupPolicy",
    efsPolicy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
    accessPoint: "aws:efs/accessPoint:AccessPoint",
    bucket: "aws:s3/bucket:Bucket",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    notification: "aws:s3/bucketNotification:BucketNotification",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    vault: "aws:backup/vault:Vault",
    vaultLock: "aws:backup/vaultLockConfiguration:VaultLockConfiguration",
    plan: "aws:backup/plan:Plan",
    selection: "aws:backup/selection:Selection",
    restorePlan: "aws:backup/restoreTestingPlan:RestoreTestingPlan",
    restoreSelection: "aws:backup/restoreTestingSelection:RestoreTestingSelection",
    key: "aws:kms/key:Key",
    scalingTarget: "aws:appautoscaling/target:Target",
    scalingPolicy: "aws:appautoscaling/policy:Policy",
} as const;

const ACCOUNT = "123456789012";
const REGION = "us-east-1";

export function platformConfigOf(stack: string): PlatformConfig {
    return parsePlatformConfig({ ...stackConfiguration(stack).config }, "platform", stack);
}

/** Every security- and reliability-relevant argument of the data tier, asserted for one stack from its stack file. */
export function describeDataTier(stack: string): void {
    const config: PlatformConfig = platformConfigOf(stack);
    const data: DataConfig = config.data;
    const prefix = `platform-${stack}`;
    const protection = config.protection;

    describe(`data tier (${stack})`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await runStack(stack);
        });
        const get = (type: string, name: string): RecordedResource => result.get(type, name);
        const keyArn = (name: string): unknown => result.all(T.key).find((k: RecordedResource) => k.name === name && k.parent?.includes("platform:security:Baseline"))!.outputs.arn;
        // The EKS-managed cluster security group that nodes and Fargate pods carry.
        const clientGroupId = (): unknown => (get("aws:eks/cluster:Cluster", "eks").outputs.vpcConfig as Record<string, unknown>).clusterSecurityGroupId;

        it("is one platform:data:DataTier whose AWS resources are all its children", () => {
            const tier: RecordedResource = get(T.tier, "data");
            for (const type of [T.cluster, T.instance, T.table, T.replicationGroup, T.fileSystem, T.vault, T.plan, T.restorePlan]) {
                for (const resource of result.all(type)) {
                    expect(resource.parent, resource.urn).toBe(tier.urn);
                }
            }
        });

        describe("Aurora PostgreSQL", () => {
            it("engine and version from config, encrypted with the data key, in the isolated subnet group", () => {
                const cluster = get(T.cluster, "aurora");
                expect(cluster.inputs).toMatchObject({
                    clusterIdentifier: `${prefix}-aurora`,
                    engine: "aurora-postgresql",
                    engineMode: "provisioned",
                    engineVersion: data.aurora.engineVersion,
                    storageEncrypted: true,
                    kmsKeyId: keyArn("data"),
                    port: 5432,
                    dbSubnetGroupName: get("aws:rds/subnetGroup:SubnetGroup", "database").outputs.name,
                });
                expect(cluster.inputs.availabilityZones).toBeUndefined();
            });

            it("RDS-managed master password in Secrets Manager with the data key; no password in state or config", () => {
                const cluster = get(T.cluster, "aurora");
                expect(cluster.inputs).toMatchObject({ manageMasterUserPassword: true, masterUserSecretKmsKeyId: keyArn("data"), masterUsername: data.aurora.masterUsername });
                expect(cluster.inputs.masterPassword).toBeUndefined();
                expect(cluster.inputs.masterPasswordWo).toBeUndefined();
                // The only generated password is the disabled Valkey default user's (cache.ts), never the database's.
                expect(result.ofType("random:index/randomPassword:RandomPassword").map((r) => r.name)).toEqual(data.cache ? ["cache-default"] : []);
                expect(String(result.run.stackOutputs.data && (result.run.stackOutputs.data as Record<string, unknown>).auroraMasterSecretArn)).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-/);
            });

            it("IAM database authentication and a parameter group forcing TLS with connection and slow-statement logging", () => {
                const cluster = get(T.cluster, "aurora");
                const params = get(T.clusterParams, "aurora");
                expect(cluster.inputs.iamDatabaseAuthenticationEnabled).toBe(true);
                expect(cluster.inputs.dbClusterParameterGroupName).toBe(params.outputs.name);
                expect(params.inputs.family).toBe(`aurora-postgresql${data.aurora.engineVersion.split(".")[0]}`);
                expect(params.inputs.parameters).toEqual(expect.arrayContaining([
                    expect.objectContaining({ name: "rds.force_ssl", value: "1" }),
                    expect.objectContaining({ name: "log_min_duration_statement", value: String(data.aurora.logMinDurationStatementMs) }),
                    expect.objectContaining({ name: "log_connections", value: "1" }),
                    expect.objectContaining({ name: "log_disconnections", value: "1" }),
                    expect.objectContaining({ name: "log_statement", value: "ddl" }),
                ]));
            });

            it("backup retention and non-overlapping windows from config; tags copied to snapshots", () => {
                expect(get(T.cluster, "aurora").inputs).toMatchObject({
                    backupRetentionPeriod: data.aurora.backupRetentionDays,
                    preferredBackupWindow: data.aurora.preferredBackupWindow,
                    preferredMaintenanceWindow: data.aurora.preferredMaintenanceWindow,
                    copyTagsToSnapshot: true,
                });
                for (const instance of result.all(T.instance)) {
                    expect(instance.inputs.copyTagsToSnapshot, instance.name).toBe(true);
                }
            });

            it("deletion protection, a final snapshot named once per cluster (never twice the same) and protect from the switches", () => {
                const cluster = get(T.cluster, "aurora");
                expect(cluster.inputs).toMatchObject({
                    deletionProtection: protection.deletionProtection,
                    skipFinalSnapshot: !protection.finalSnapshots,
                });
                expect(cluster.inputs.finalSnapshotIdentifier).toBe(protection.finalSnapshots
                    ? `${prefix}-aurora-final-${String(get("random:index/randomId:RandomId", "aurora-final-snapshot").outputs.hex)}`
                    : undefined);
                expect(cluster.protect).toBe(protection.protectStatefulResources);
                for (const instance of result.all(T.instance)) {
                    expect(instance.protect, instance.name).toBe(protection.protectStatefulResources);
                }
            });

            it("postgresql logs exported into a pre-created log group with retention and the logs key", () => {
                const cluster = get(T.cluster, "aurora");
                const group = get(T.logGroup, "aurora-postgresql");
                expect(cluster.inputs.enabledCloudwatchLogsExports).toEqual(["postgresql"]);
                expect(group.inputs).toMatchObject({ name: `/aws/rds/cluster/${prefix}-aurora/postgresql`, retentionInDays: data.aurora.logRetentionInDays, kmsKeyId: keyArn("logs") });
                expect(cluster.dependencies).toContain(group.urn);
            });

            it("instances: private, current CA, Performance Insights with the data key, 60 s enhanced monitoring with its own role", () => {
                const role = get(T.role, "aurora-monitoring");
                for (const instance of result.all(T.instance)) {
                    expect(instance.inputs, instance.name).toMatchObject({
                        clusterIdentifier: get(T.cluster, "aurora").outputs.id,
                        engine: "aurora-postgresql",
                        publiclyAccessible: false,
                        autoMinorVersionUpgrade: true,
                        caCertIdentifier: "rds-ca-rsa2048-g1",
                        performanceInsightsEnabled: true,
                        performanceInsightsKmsKeyId: keyArn("data"),
                        performanceInsightsRetentionPeriod: data.aurora.performanceInsightsRetentionDays,
                        monitoringInterval: 60,
                        monitoringRoleArn: role.outputs.arn,
                    });
                }
                expect(policyDocument(role.inputs.assumeRolePolicy).Statement).toEqual([expect.objectContaining({
                    Principal: { Service: "monitoring.rds.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
                })]);
                const permissions = policyDocument(get(T.rolePolicy, "aurora-monitoring").inputs.policy).Statement;
                expect(permissions.flatMap((s) => [s.Resource].flat())).toEqual([
                    `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:RDSOSMetrics:*`,
                    `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:RDSOSMetrics:log-stream:*`,
                ]);
                expect(result.ofType(T.attachment).filter((a) => a.name.startsWith("aurora"))).toEqual([]);
            });

            it("writer plus the configured readers, each reader in another zone than the writer", () => {
                const instances = result.all(T.instance);
                expect(instances.map((i) => i.name).sort()).toEqual(["aurora-writer", ...Array.from({ length: data.aurora.readers }, (_, i) => `aurora-reader-${i + 1}`)].sort());
                const writer = get(T.instance, "aurora-writer");
                expect(writer.inputs).toMatchObject({ instanceClass: data.aurora.writerInstanceClass, promotionTier: 0, availabilityZone: zoneName(config.availabilityZoneIds[0]), identifier: `${prefix}-aurora-writer` });
                for (const reader of instances.filter((i) => i.name !== "aurora-writer")) {
                    expect(reader.inputs.instanceClass).toBe(data.aurora.readerInstanceClass);
                    expect(reader.inputs.availabilityZone).not.toBe(writer.inputs.availabilityZone);
                }
            });

            it("Serverless v2 scaling (and auto-pause at 0 ACU) only when an instance is db.serverless", () => {
                const scaling = get(T.cluster, "aurora").inputs.serverlessv2ScalingConfiguration as Record<string, unknown> | undefined;
                const serverless = [data.aurora.writerInstanceClass, data.aurora.readerInstanceClass].includes("db.serverless");
                if (!serverless) {
                    expect(scaling).toBeUndefined();
                    return;
                }
                expect(scaling).toMatchObject({ minCapacity: data.aurora.serverless.minCapacity, maxCapacity: data.aurora.serverless.maxCapacity });
                expect(scaling?.secondsUntilAutoPause).toBe(data.aurora.serverless.minCapacity === 0 ? data.aurora.serverless.secondsUntilAutoPause : undefined);
            });

            it("reader auto scaling on CPU when configured", () => {
                const targets = result.ofType(T.scalingTarget).filter((t) => t.name === "aurora-readers");
                if (!data.aurora.readerAutoScaling.enabled) {
                    expect(targets).toEqual([]);
                    return;
                }
                expect(targets[0].inputs).toMatchObject({
                    serviceNamespace: "rds", scalableDimension: "rds:cluster:ReadReplicaCount", resourceId: `cluster:${prefix}-aurora`,
                    minCapacity: Math.max(1, data.aurora.readers), maxCapacity: data.aurora.readerAutoScaling.maxReaders,
                });
                expect(get(T.scalingPolicy, "aurora-readers-cpu").inputs.targetTrackingScalingPolicyConfiguration).toMatchObject({
                    predefinedMetricSpecification: { predefinedMetricType: "RDSReaderAverageCPUUtilization" },
                    targetValue: data.aurora.readerAutoScaling.targetCpuPercent,
                });
            });

            it("security group admits 5432 from the node group and the functions that reach the data tier only, and nothing goes out", () => {
                expectClientOnly("aurora", 5432);
                expect(get(T.cluster, "aurora").inputs.vpcSecurityGroupIds).toEqual([get(T.sg, "aurora").outputs.id]);
            });
        });

        /**
         * The store admits the node group and, for Aurora and the cache, the functions that reach the data
         * tier (their group exists only then; Lambda mounts EFS only through fileSystemConfig, never used here).
         */
        function expectClientOnly(group: string, port: number): void {
            const sg = get(T.sg, group);
            expect(sg.inputs.vpcId).toBe(get("aws:ec2/vpc:Vpc", "vpc").outputs.id);
            expect(sg.inputs.ingress ?? []).toEqual([]);
            expect(sg.inputs.egress ?? []).toEqual([]);
            const functions = result.ofType(T.sg).find((g) => g.name === "functions");
            const clients: unknown[] = [clientGroupId(), ...(functions && group !== "efs" ? [functions.outputs.id] : [])];
            const rules = result.ofType(T.ingress).filter((r) => r.inputs.securityGroupId === sg.outputs.id);
            const byClient = (a: { referencedSecurityGroupId?: unknown }, b: { referencedSecurityGroupId?: unknown }): number => String(a.referencedSecurityGroupId).localeCompare(String(b.referencedSecurityGroupId));
            expect(rules.map((r) => r.inputs).sort(byClient)).toEqual(clients.map((client) => ({ referencedSecurityGroupId: client })).sort(byClient)
                .map((c) => expect.objectContaining({ ipProtocol: "tcp", fromPort: port, toPort: port, referencedSecurityGroupId: c.referencedSecurityGroupId })));
            expect(rules.every((r) => r.inputs.cidrIpv4 === undefined)).toBe(true);
            expect(result.ofType(T.egress).filter((r) => r.inputs.securityGroupId === sg.outputs.id)).toEqual([]);
            if (functions && group !== "efs") {
                // Both ends of the declared dependency: the functions' group may open the port to this group only.
                expect(get(T.egress, `functions-to-${group}`).inputs).toMatchObject({ securityGroupId: functions.outputs.id, ipProtocol: "tcp", fromPort: port, toPort: port, referencedSecurityGroupId: sg.outputs.id });
            }
        }

        describe("DynamoDB", () => {
            it("one table per config entry with keys, attribute types, billing, indexes, TTL and streams", () => {
                expect(result.ofType(T.table).map((t) => t.name).sort()).toEqual(data.dynamodb.tables.map((t) => `table-${t.name}`).sort());
                for (const table of data.dynamodb.tables) {
                    const resource = get(T.table, `table-${table.name}`);
                    expect(resource.inputs).toMatchObject({
                        name: `${prefix}-${table.name}`,
                        hashKey: table.hashKey,
                        rangeKey: table.rangeKey,
                        billingMode: table.billingMode,
                        attributes: table.attributes.map((a) => ({ name: a.name, type: a.type })),
                        streamEnabled: true,
                        streamViewType: table.replicated ? "NEW_AND_OLD_IMAGES" : table.streamViewType,
                    });
                    expect(resource.inputs.ttl).toEqual(table.ttlAttribute ? { attributeName: table.ttlAttribute, enabled: true } : undefined);
                    expect((resource.inputs.globalSecondaryIndexes as Record<string, unknown>[]).map((g) => [g.name, g.keySchemas, g.projectionType]))
                        .toEqual(table.globalSecondaryIndexes.map((g) => [g.name, [{ attributeName: g.hashKey, keyType: "HASH" }, ...(g.rangeKey ? [{ attributeName: g.rangeKey, keyType: "RANGE" }] : [])], g.projectionType]));
                }
            });

            it("PITR on, SSE with the data key, deletion protection and protect from the switches", () => {
                for (const table of result.all(T.table)) {
                    expect(table.inputs, table.name).toMatchObject({
                        pointInTimeRecovery: { enabled: true },
                        serverSideEncryption: { enabled: true, kmsKeyArn: keyArn("data") },
                        deletionProtectionEnabled: protection.deletionProtection,
                    });
                    expect(table.protect).toBe(protection.protectStatefulResources);
                }
            });

            it("global-table replicas only where configured, each with a customer-managed key in its region, PITR and tag propagation", () => {
                for (const table of data.dynamodb.tables) {
                    const replicas = get(T.table, `table-${table.name}`).inputs.replicas as Record<string, unknown>[] | undefined;
                    if (!table.replicated) {
                        expect(replicas ?? []).toEqual([]);
                        continue;
                    }
                    const replicaKey = result.all(T.key).find((k) => k.name === "replica-data")!;
                    expect(replicaKey.provider).toMatch(/::replica$/);
                    expect(replicas).toEqual([{
                        regionName: data.replicaRegion, kmsKeyArn: replicaKey.outputs.arn, pointInTimeRecovery: true, propagateTags: true,
                        deletionProtectionEnabled: protection.deletionProtection,
                    }]);
                }
            });

            it("replica-region key: rotation, only DynamoDB, S3 and Backup in that region via kms:ViaService", () => {
                const key = result.ofType(T.key).find((k) => k.name === "replica-data");
                if (!data.replicaRegion) {
                    expect(key).toBeUndefined();
                    return;
                }
                expect(key!.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: config.security.kms.deletionWindowInDays });
                expect(key!.protect).toBe(protection.protectStatefulResources);
                const statements = policyDocument(key!.inputs.policy).Statement;
                const use = statements.find((s) => s.Sid === "AllowReplicaServicesUse")!;
                expect((use.Condition as Record<string, Record<string, unknown>>).StringEquals).toEqual({
                    "kms:CallerAccount": ACCOUNT,
                    "kms:ViaService": ["dynamodb", "s3", "backup"].map((s) => `${s}.${data.replicaRegion}.amazonaws.com`),
                });
            });
        });

        describe("ElastiCache", () => {
            it("a replication group of the configured engine, encrypted at rest with the data key and in transit (required)", () => {
                const group = get(T.replicationGroup, "cache");
                expect(group.inputs).toMatchObject({
                    replicationGroupId: `${prefix}-cache`,
                    engine: data.cache.engine,
                    engineVersion: data.cache.engineVersion,
                    nodeType: data.cache.nodeType,
                    clusterMode: data.cache.clusterMode ? "enabled" : "disabled",
                    atRestEncryptionEnabled: true,
                    kmsKeyId: keyArn("data"),
                    transitEncryptionEnabled: true,
                    transitEncryptionMode: "required",
                    autoMinorVersionUpgrade: true,
                    subnetGroupName: get("aws:elasticache/subnetGroup:SubnetGroup", "cache").outputs.name,
                    securityGroupIds: [get(T.sg, "cache").outputs.id],
                });
                expect(group.protect).toBe(protection.protectStatefulResources);
            });

            it("multi-AZ with automatic failover whenever there is a replica (always in prod)", () => {
                const group = get(T.replicationGroup, "cache");
                const failover = data.cache.replicasPerShard >= 1;
                expect(group.inputs).toMatchObject({ automaticFailoverEnabled: failover, multiAzEnabled: failover, numCacheClusters: data.cache.replicasPerShard + 1 });
                if (config.isProduction) {
                    expect(failover).toBe(true);
                }
            });

            it("authentication through an RBAC user group: a disabled default user and an IAM-authenticated app user; no token anywhere", () => {
                const group = get(T.replicationGroup, "cache");
                const userGroup = get(T.cacheUserGroup, "cache");
                expect(group.inputs.userGroupIds).toEqual([userGroup.inputs.userGroupId]);
                expect(group.inputs.authToken).toBeUndefined();
                expect(group.inputs.authTokenWo).toBeUndefined();
                expect(userGroup.inputs.userIds).toEqual([`${prefix}-cache-default`, `${prefix}-cache-app`]);
                expect(get(T.cacheUser, "cache-default").inputs).toMatchObject({ userName: "default", accessString: "off -@all" });
                expect(get(T.cacheUser, "cache-app").inputs).toMatchObject({ userId: `${prefix}-cache-app`, userName: `${prefix}-cache-app`, authenticationMode: { type: "iam" } });
                for (const user of result.all(T.cacheUser)) {
                    expect(user.inputs.passwords, user.name).toBeUndefined();
                }
            });

            it("snapshots with retention, a final snapshot per the switch, non-overlapping windows", () => {
                expect(get(T.replicationGroup, "cache").inputs).toMatchObject({
                    snapshotRetentionLimit: data.cache.snapshotRetentionDays,
                    snapshotWindow: data.cache.snapshotWindow,
                    maintenanceWindow: data.cache.maintenanceWindow,
                });
                expect(get(T.replicationGroup, "cache").inputs.finalSnapshotIdentifier).toBe(protection.finalSnapshots
                    ? `${prefix}-cache-final-${String(get("random:index/randomId:RandomId", "cache-final-snapshot").outputs.hex)}`
                    : undefined);
            });

            it("slow and engine logs to KMS-encrypted log groups; a parameter group of the engine's family", () => {
                const group = get(T.replicationGroup, "cache");
                for (const type of ["slow-log", "engine-log"]) {
                    const logGroup = get(T.logGroup, `cache-${type}`);
                    expect(logGroup.inputs).toMatchObject({ retentionInDays: data.cache.logRetentionInDays, kmsKeyId: keyArn("logs") });
                    expect(group.inputs.logDeliveryConfigurations).toContainEqual({ destinationType: "cloudwatch-logs", destination: logGroup.outputs.name, logFormat: "json", logType: type });
                }
                const params = get(T.cacheParams, "cache");
                expect(group.inputs.parameterGroupName).toBe(params.outputs.name);
                expect(params.inputs.family).toBe(`${data.cache.engine}${data.cache.engineVersion.split(".")[0]}`);
            });

            it("security group admits 6379 from the node group and the functions that reach the data tier only", () => {
                expectClientOnly("cache", 6379);
            });
        });

        describe("EFS", () => {
            it("file system encrypted with the data key, elastic throughput, lifecycle to IA and back, protected", () => {
                const fs = get(T.fileSystem, "shared");
                expect(fs.inputs).toMatchObject({
                    encrypted: true,
                    kmsKeyId: keyArn("data"),
                    creationToken: `${prefix}-shared`,
                    lifecyclePolicies: [{ transitionToIa: data.efs.transitionToInfrequentAccess }, { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" }],
                });
                expect(fs.protect).toBe(protection.protectStatefulResources);
            });

            it("a mount target per private subnet behind the EFS group (2049 from clients only)", () => {
                const fs = get(T.fileSystem, "shared");
                const targets = result.all(T.mountTarget);
                expect(targets.map((t) => t.name).sort()).toEqual(config.availabilityZoneIds.map((z: string) => `shared-${z}`).sort());
                const privateIds = result.all("aws:ec2/subnet:Subnet").filter((s) => (s.inputs.tags as Record<string, string>).Tier === "private").map((s) => s.outputs.id).sort();
                expect(targets.map((t) => t.inputs.subnetId).sort()).toEqual(privateIds);
                for (const target of targets) {
                    expect(target.inputs).toMatchObject({ fileSystemId: fs.outputs.id, securityGroups: [get(T.sg, "efs").outputs.id] });
                }
                expectClientOnly("efs", 2049);
            });

            it("backup policy on and a file-system policy that denies non-TLS access", () => {
                const fs = get(T.fileSystem, "shared");
                expect(get(T.efsBackup, "shared").inputs).toMatchObject({ fileSystemId: fs.outputs.id, backupPolicy: { status: "ENABLED" } });
                const statements = policyDocument(get(T.efsPolicy, "shared").inputs.policy).Statement;
                expect(statements[0]).toEqual({
                    Sid: "DenyInsecureTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: fs.outputs.arn,
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                });
                expect(statements[1].Condition).toEqual({ Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } });
            });

            it("access points from config with an enforced POSIX user and owned root directory", () => {
                expect(result.ofType(T.accessPoint).map((a) => a.name).sort()).toEqual(data.efs.accessPoints.map((a) => `shared-${a.name}`).sort());
                for (const point of data.efs.accessPoints) {
                    expect(get(T.accessPoint, `shared-${point.name}`).inputs).toMatchObject({
                        posixUser: { uid: point.uid, gid: point.gid },
                        rootDirectory: { path: point.path, creationInfo: { ownerUid: point.uid, ownerGid: point.gid, permissions: point.permissions } },
                    });
                }
            });

            it("installs the EFS CSI driver on the cluster, with its own Pod Identity role", () => {
                const addon: RecordedResource = result.all("aws:eks/addon:Addon").find((a) => a.inputs.addonName === "aws-efs-csi-driver")!;
                expect(addon.parent).toBe(get(T.tier, "data").urn);
                expect(addon.inputs).toMatchObject({ clusterName: `${prefix}-eks` });
                const association: RecordedResource = result.all("aws:eks/podIdentityAssociation:PodIdentityAssociation").find((a) => a.inputs.serviceAccount === "efs-csi-controller-sa")!;
                expect(association.inputs).toMatchObject({ clusterName: `${prefix}-eks`, namespace: "kube-system" });
            });
        });

        describe("application buckets", () => {
            it("the private-bucket pattern for every bucket and replica", () => {
                const names: string[] = data.buckets.flatMap((b) => [`bucket-${b.name}`, ...(b.replicated ? [`bucket-${b.name}-replica`] : [])]);
                for (const name of names) {
                    const bucket = get(T.bucket, name);
                    expect(get(T.pab, name).inputs).toMatchObject({ bucket: bucket.outputs.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                    expect(get(T.ownership, name).inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
                    expect(get(T.versioning, name).inputs.versioningConfiguration).toEqual({ status: "Enabled" });
                    const sse = (get(T.sse, name).inputs.rules as Record<string, any>[])[0];
                    expect(sse.bucketKeyEnabled).toBe(true);
                    expect(sse.applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
                    expect(policyDocument(get(T.bucketPolicy, name).inputs.policy).Statement).toEqual([expect.objectContaining({
                        Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket.outputs.arn, `${String(bucket.outputs.arn)}/*`],
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    })]);
                    expect(bucket.inputs.forceDestroy).toBe(!protection.protectStatefulResources && !protection.deletionProtection);
                    expect(bucket.protect).toBe(protection.protectStatefulResources);
                }
            });

            it("lifecycle rules across storage classes and EventBridge notifications from config", () => {
                for (const config_ of data.buckets) {
                    const name = `bucket-${config_.name}`;
                    const rule = (get(T.lifecycle, name).inputs.rules as Record<string, any>[])[0];
                    expect(rule.transitions).toEqual([
                        { days: config_.lifecycle.transitionToInfrequentAccessDays, storageClass: "STANDARD_IA" },
                        ...(config_.lifecycle.transitionToGlacierDays ? [{ days: config_.lifecycle.transitionToGlacierDays, storageClass: "GLACIER_IR" }] : []),
                    ]);
                    expect(rule.expiration).toEqual(config_.lifecycle.expirationDays ? { days: config_.lifecycle.expirationDays } : undefined);
                    expect(rule.noncurrentVersionExpiration).toEqual({ noncurrentDays: config_.lifecycle.noncurrentVersionExpirationDays });
                    expect(get(T.notification, name).inputs.eventbridge).toBe(config_.eventBridge);
                    expect((get(T.sse, name).inputs.rules as Record<string, any>[])[0].applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(keyArn("data"));
                }
            });

            it("cross-region replication through the replica provider, its own key and a role limited to the two buckets", () => {
                for (const config_ of data.buckets) {
                    const name = `bucket-${config_.name}`;
                    if (!config_.replicated) {
                        expect(result.ofType(T.replication).filter((r) => r.name === name)).toEqual([]);
                        continue;
                    }
                    const source = get(T.bucket, name);
                    const replica = get(T.bucket, `${name}-replica`);
                    const replicaKey = result.all(T.key).find((k) => k.name === "replica-data")!;
                    expect(source.inputs.tags).toMatchObject({ Replication: "cross-region" });
                    for (const type of [T.bucket, T.pab, T.ownership, T.sse, T.versioning, T.bucketPolicy, T.lifecycle]) {
                        expect(get(type, `${name}-replica`).provider, type).toMatch(/::replica$/);
                    }
                    expect((get(T.sse, `${name}-replica`).inputs.rules as Record<string, any>[])[0].applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(replicaKey.outputs.arn);
                    const replication = get(T.replication, name);
                    const role = get(T.role, `${name}-replication`);
                    expect(replication.inputs).toMatchObject({ bucket: source.outputs.id, role: role.outputs.arn });
                    expect((replication.inputs.rules as Record<string, any>[])[0]).toMatchObject({
                        status: "Enabled",
                        destination: { bucket: replica.outputs.arn, encryptionConfiguration: { replicaKmsKeyId: replicaKey.outputs.arn } },
                        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                    });
                    // Only the conditions SERVICE_PRINCIPALS documents for the replication role (none could be confirmed).
                    expect(policyDocument(role.inputs.assumeRolePolicy).Statement[0]).toEqual({
                        Sid: "S3Replication", Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole",
                    });
                    const resources = policyDocument(get(T.rolePolicy, `${name}-replication`).inputs.policy).Statement
                        .filter((s) => String([s.Action].flat()[0]).startsWith("s3:"))
                        .flatMap((s) => [s.Resource].flat());
                    expect(new Set(resources)).toEqual(new Set([source.outputs.arn, `${String(source.outputs.arn)}/*`, `${String(replica.outputs.arn)}/*`]));
                }
            });
        });

        describe("AWS Backup", () => {
            it("a vault encrypted with the backup key, protected, with a stable name", () => {
                const vault = get(T.vault, "vault");
                expect(vault.inputs).toMatchObject({ name: `${prefix}-vault`, kmsKeyArn: keyArn("backup") });
                expect(vault.protect).toBe(protection.protectStatefulResources);
            });

            it("vault lock as configured (compliance mode only with a cooling-off period)", () => {
                const locks = result.ofType(T.vaultLock);
                if (!data.backup.vaultLock.enabled) {
                    expect(locks).toEqual([]);
                    return;
                }
                const vaults: string[] = ["vault", ...(data.backup.copyToReplicaRegion ? ["vault-replica"] : [])];
                expect(locks.map((l) => l.name).sort()).toEqual(vaults.sort());
                for (const name of vaults) {
                    const lock: RecordedResource = get(T.vaultLock, name);
                    expect(lock.inputs).toMatchObject({ backupVaultName: get(T.vault, name).outputs.name, minRetentionDays: data.backup.vaultLock.minRetentionDays, maxRetentionDays: data.backup.vaultLock.maxRetentionDays });
                    expect(lock.inputs.changeableForDays).toBe(data.backup.vaultLock.mode === "compliance" ? data.backup.vaultLock.changeableForDays : undefined);
                }
            });

            it("a plan with daily and weekly rules, retention from config, optional copy to the replica region", () => {
                const rules = get(T.plan, "plan").inputs.rules as Record<string, any>[];
                const copyVault = result.ofType(T.vault).find((v) => v.name === "vault-replica");
                expect(rules.map((r) => [r.ruleName, r.schedule, r.lifecycle.deleteAfter, r.targetVaultName])).toEqual([
                    ["daily", data.backup.dailySchedule, data.backup.dailyRetentionDays, get(T.vault, "vault").outputs.name],
                    ["weekly", data.backup.weeklySchedule, data.backup.weeklyRetentionDays, get(T.vault, "vault").outputs.name],
                ]);
                if (data.backup.copyToReplicaRegion) {
                    expect(copyVault!.provider).toMatch(/::replica$/);
                    expect(copyVault!.inputs.kmsKeyArn).toBe(result.all(T.key).find((k) => k.name === "replica-data")!.outputs.arn);
                    for (const rule of rules) {
                        expect(rule.copyActions).toEqual([{ destinationVaultArn: copyVault!.outputs.arn, lifecycle: { deleteAfter: rule.lifecycle.deleteAfter } }]);
                    }
                } else {
                    expect(copyVault).toBeUndefined();
                    expect(rules.every((r) => r.copyActions === undefined)).toBe(true);
                }
            });

            it("selections covering the Aurora cluster and every table (the tables in their own plan when backup.tables differs from the plan), with a role carrying only the AWS-managed backup and restore policies", () => {
                const role = get(T.role, "backup");
                const tableArns = result.all(T.table).map((t) => t.outputs.arn).sort() as string[];
                const ownPlan: boolean = data.backup.tables.rules !== "daily-and-weekly" || data.backup.tables.copyToReplicaRegion !== data.backup.copyToReplicaRegion;
                expect(result.ofType(T.selection).map((s) => s.name).sort()).toEqual(ownPlan ? ["data", "tables"] : ["data"]);
                for (const selection of result.ofType(T.selection)) {
                    expect(selection.inputs.iamRoleArn).toBe(role.outputs.arn);
                }
                expect([...(get(T.selection, "data").inputs.resources as string[])].sort())
                    .toEqual([get(T.cluster, "aurora").outputs.arn, ...(ownPlan ? [] : tableArns)].sort() as string[]);
                if (ownPlan) {
                    expect([...(get(T.selection, "tables").inputs.resources as string[])].sort()).toEqual(tableArns);
                    expect((get(T.plan, "plan-tables").inputs.rules as { ruleName: string }[]).map((r) => r.ruleName))
                        .toEqual(data.backup.tables.rules === "weekly" ? ["weekly"] : ["daily", "weekly"]);
                }
                expect(policyDocument(role.inputs.assumeRolePolicy).Statement).toEqual([expect.objectContaining({
                    Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole",
                })]);
                // AWS Backup documents no confused-deputy key for its service role: none is written.
                expect(policyDocument(role.inputs.assumeRolePolicy).Statement[0].Condition).toBeUndefined();
                const attached = result.ofType(T.attachment).filter((a) => a.inputs.role === role.outputs.name).map((a) => a.inputs.policyArn).sort();
                expect(attached).toEqual([
                    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
                    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
                ]);
                expect(result.ofType(T.rolePolicy).filter((p) => p.inputs.role === role.outputs.name)).toEqual([]);
            });

            it("a restore testing plan for the latest recovery points, with Aurora and DynamoDB selections", () => {
                const plan = get(T.restorePlan, "restore-testing");
                expect(plan.inputs).toMatchObject({
                    scheduleExpression: data.backup.restoreTesting.scheduleExpression,
                    recoveryPointSelection: { algorithm: "LATEST_WITHIN_WINDOW", includeVaults: [get(T.vault, "vault").outputs.arn], recoveryPointTypes: ["SNAPSHOT"] },
                });
                expect(String(plan.inputs.name)).toMatch(/^[A-Za-z0-9_]+$/);
                const aurora = get(T.restoreSelection, "restore-testing-aurora");
                expect(aurora.inputs).toMatchObject({
                    restoreTestingPlanName: plan.outputs.name, protectedResourceType: "Aurora", protectedResourceArns: [get(T.cluster, "aurora").outputs.arn],
                    iamRoleArn: get(T.role, "backup").outputs.arn, validationWindowHours: data.backup.restoreTesting.validationWindowHours,
                    restoreMetadataOverrides: { dbSubnetGroupName: get("aws:rds/subnetGroup:SubnetGroup", "database").outputs.name, vpcSecurityGroupIds: JSON.stringify([get(T.sg, "aurora").outputs.id]) },
                });
                expect(get(T.restoreSelection, "restore-testing-dynamodb").inputs).toMatchObject({
                    protectedResourceType: "DynamoDB", protectedResourceArns: result.all(T.table).map((t) => t.outputs.arn),
                });
            });
        });

        it("exports endpoints, the master secret, tables, the cache endpoint and user, EFS, buckets and the vault", () => {
            const outputs = (result.run.stackOutputs as Record<string, any>).data;
            const cluster = get(T.cluster, "aurora");
            expect(outputs).toMatchObject({
                auroraWriterEndpoint: cluster.outputs.endpoint,
                auroraReaderEndpoint: cluster.outputs.readerEndpoint,
                cacheEndpoint: get(T.replicationGroup, "cache").outputs.primaryEndpointAddress,
                cacheUserName: `${prefix}-cache-app`,
                fileSystemId: get(T.fileSystem, "shared").outputs.id,
                backupVaultName: `${prefix}-vault`,
            });
            expect(Object.keys(outputs.tables)).toEqual(data.dynamodb.tables.map((t) => t.name));
            for (const table of data.dynamodb.tables) {
                expect(outputs.tables[table.name]).toEqual({ name: `${prefix}-${table.name}`, arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${prefix}-${table.name}` });
            }
            expect(Object.keys(outputs.bucketNames)).toEqual(data.buckets.map((b) => b.name));
        });
    });
}

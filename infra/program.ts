import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "./components/compute/cluster";
import { DataTier, TableOutput } from "./components/data/dataTier";
import { Network } from "./components/network/network";
import { SecurityBaseline } from "./components/security/securityBaseline";
import { loadPlatformConfig } from "./config/load";
import { PlatformConfig } from "./config/platformConfig";
import { AccountContext, lookupAccountContext } from "./platform/accountContext";
import { NamingContext, namingContext } from "./platform/naming";
import { PlatformProviders, createProviders } from "./platform/providers";

/** What the next layers (application stacks, CI) read from this stack. */
export interface PlatformOutputs {
    readonly environment: string;
    readonly region: string;
    readonly vpcId: pulumi.Output<string>;
    readonly publicSubnetIds: pulumi.Output<string>[];
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly databaseSubnetIds: pulumi.Output<string>[];
    readonly rdsSubnetGroupName: pulumi.Output<string>;
    readonly elastiCacheSubnetGroupName: pulumi.Output<string>;
    readonly kmsKeyArns: Record<string, pulumi.Output<string>>;
    readonly cloudTrailBucketName: pulumi.Output<string> | undefined;
    readonly eks: ClusterOutputs;
    readonly data: DataOutputs;
}

/** What kubectl, CI and the application stacks need of the cluster. */
export interface ClusterOutputs {
    readonly clusterName: pulumi.Output<string>;
    readonly endpoint: pulumi.Output<string>;
    readonly certificateAuthorityData: pulumi.Output<string>;
    readonly oidcIssuerUrl: pulumi.Output<string>;
    readonly nodeSecurityGroupId: pulumi.Output<string>;
    readonly kubeconfig: pulumi.Output<string>;
    readonly workloadRoleNames: Record<string, pulumi.Output<string>>;
}

/** What applications need to reach the data tier (no credentials: IAM auth tokens replace passwords). */
export interface DataOutputs {
    readonly auroraWriterEndpoint: pulumi.Output<string> | undefined;
    readonly auroraReaderEndpoint: pulumi.Output<string> | undefined;
    /** The RDS-managed master secret (for administrators; applications use IAM auth). */
    readonly auroraMasterSecretArn: pulumi.Output<string> | undefined;
    readonly tables: Readonly<Record<string, TableOutput>>;
    readonly cacheEndpoint: pulumi.Output<string> | undefined;
    /** The cache has no secret: its application user authenticates with IAM. */
    readonly cacheUserName: pulumi.Output<string> | undefined;
    readonly fileSystemId: pulumi.Output<string> | undefined;
    readonly bucketNames: Readonly<Record<string, pulumi.Output<string>>>;
    readonly backupVaultName: pulumi.Output<string> | undefined;
    readonly connectionSecretArns: Readonly<Record<string, pulumi.Output<string>>>;
}

/**
 * The whole platform: validated config -> providers -> components -> outputs.
 * Configuration is validated first, so a mistake fails before any resource is registered.
 */
export function runPlatform(): PlatformOutputs {
    const config: PlatformConfig = loadPlatformConfig();
    const providers: PlatformProviders = createProviders(config);
    const account: AccountContext = lookupAccountContext(config.region, providers.regional);
    const componentOptions: pulumi.ComponentResourceOptions = { providers: [providers.regional] };

    const security = new SecurityBaseline("security", { config, account }, componentOptions);
    const network = new Network("network", {
        config,
        account,
        flowLogsKmsKeyArn: security.keys.logs.arn,
    }, componentOptions);
    const naming: NamingContext = namingContext(config);
    const cluster = new Cluster("compute", {
        compute: config.compute,
        protection: config.protection,
        naming,
        requiredTags: config.requiredTags,
        account,
        network: { vpcId: network.vpcId, privateSubnetIds: network.privateSubnetIds },
        keys: {
            clusterSecretsKeyArn: security.keys.clusterSecrets.arn,
            logsKeyArn: security.keys.logs.arn,
            nodeVolumesKeyArn: security.keys.data.arn,
        },
        kmsDeletionWindowInDays: config.security.kms.deletionWindowInDays,
    }, componentOptions);

    const data = new DataTier("data", {
        data: config.data,
        protection: config.protection,
        naming,
        account,
        network: {
            vpcId: network.vpcId,
            availabilityZones: config.availabilityZones,
            privateSubnetIds: network.privateSubnetIds,
            databaseSubnetIds: network.databaseSubnetIds,
            rdsSubnetGroupName: network.rdsSubnetGroupName,
            elastiCacheSubnetGroupName: network.elastiCacheSubnetGroupName,
        },
        keys: { data: security.keys.data, logs: security.keys.logs, backup: security.keys.backup },
        // Databases, caches and file systems accept traffic from the cluster's nodes and pods only.
        clientSecurityGroupId: cluster.nodeSecurityGroupId,
        // One Pod Identity role per configured workload; the data tier attaches its grants to them.
        workloadRoleNames: cluster.workloadRoleNames,
        replicaProvider: providers.replica,
        keyDeletionWindowInDays: config.security.kms.deletionWindowInDays,
        // Installs the EFS CSI driver add-on with its Pod Identity role.
        eks: { clusterName: cluster.clusterName, clusterArn: cluster.clusterArn },
    }, componentOptions);

    return {
        environment: config.environment,
        region: config.region,
        vpcId: network.vpcId,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        databaseSubnetIds: network.databaseSubnetIds,
        rdsSubnetGroupName: network.rdsSubnetGroupName,
        elastiCacheSubnetGroupName: network.elastiCacheSubnetGroupName,
        kmsKeyArns: security.keyArns(),
        cloudTrailBucketName: security.cloudTrailBucketName,
        eks: {
            clusterName: cluster.clusterName,
            endpoint: cluster.endpoint,
            certificateAuthorityData: cluster.certificateAuthorityData,
            oidcIssuerUrl: cluster.oidcIssuerUrl,
            nodeSecurityGroupId: cluster.nodeSecurityGroupId,
            kubeconfig: cluster.kubeconfig,
            workloadRoleNames: cluster.workloadRoleNames,
        },
        data: {
            auroraWriterEndpoint: data.writerEndpoint,
            auroraReaderEndpoint: data.readerEndpoint,
            auroraMasterSecretArn: data.masterSecretArn,
            tables: data.tables,
            cacheEndpoint: data.cacheEndpoint,
            cacheUserName: data.cacheUserName,
            fileSystemId: data.fileSystemId,
            bucketNames: data.bucketNames,
            backupVaultName: data.vaultName,
            connectionSecretArns: data.connectionSecretArns,
        },
    };
}

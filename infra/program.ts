import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "./components/compute/cluster";
import { auroraWriterCanPause } from "./components/data/aurora";
import { DataTier, TableOutput } from "./components/data/dataTier";
import { Edge } from "./components/edge/edge";
import { Integration } from "./components/integration/integration";
import { integrationInUse } from "./config/integrationConfig";
import { callerStructure } from "./components/integration/callers";
import { WorkloadDependencies, dataStoresOf, functionNetworkDependencies, groupDependencies } from "./platform/networkDependencies";
import { Delivery } from "./components/delivery/delivery";
import { lambdaImagePullers } from "./components/delivery/registries";
import { roleBoundaryTransformations } from "./platform/permissionsBoundary";
import { deliveryInUse } from "./config/deliveryConfig";
import { Network } from "./components/network/network";
import { AccessLogs } from "./components/operations/accessLogBucket";
import { CostControls } from "./components/operations/costControls";
import { Observability } from "./components/operations/observability";
import { SecurityBaseline } from "./components/security/securityBaseline";
import { AccountBaseline } from "./components/account/accountBaseline";
import { BaselineRole } from "./config/accountConfig";
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
    /** The owner's account trail bucket; undefined in consumer and organization stacks. */
    readonly cloudTrailBucketName: pulumi.Output<string> | undefined;
    readonly account: AccountOutputs;
    readonly eks: ClusterOutputs;
    readonly data: DataOutputs;
    readonly edge: EdgeOutputs | undefined;
    readonly operations: OperationsOutputs;
    /** Undefined when the stack uses no integration feature. */
    readonly integration: IntegrationOutputs | undefined;
    /** Undefined when the stack uses no delivery feature. */
    readonly delivery: DeliveryOutputs | undefined;
}

/** The account and the stack's role for its account-wide resources; consumers configure the owner's monitor ARN from here. */
export interface AccountOutputs {
    readonly id: string;
    readonly baseline: BaselineRole;
    /** Owner only: the account's AWS services monitor (consumers set platform:operations.costAnomaly.monitorArn to it). */
    readonly costAnomalyMonitorArn: pulumi.Output<string> | undefined;
    readonly githubOidcProviderArn: pulumi.Output<string> | undefined;
}

/** What DNS, CI (asset uploads) and the cluster's ingresses need of the edge. */
export interface EdgeOutputs {
    readonly distributionId: pulumi.Output<string>;
    readonly distributionDomainName: pulumi.Output<string>;
    readonly staticAssetsBucketName: pulumi.Output<string>;
    readonly cloudFrontWebAclArn: pulumi.Output<string>;
    /** For alb.ingress.kubernetes.io/wafv2-acl-arn on internet-facing ingresses. */
    readonly regionalWebAclArn: pulumi.Output<string> | undefined;
    readonly apiLoadBalancerSecurityGroupId: pulumi.Output<string> | undefined;
}

export interface OperationsOutputs {
    readonly alarmTopicArn: pulumi.Output<string>;
    readonly edgeAlarmTopicArn: pulumi.Output<string>;
    readonly accessLogBucketName: pulumi.Output<string>;
    readonly dashboardName: pulumi.Output<string> | undefined;
    readonly prometheusWorkspaceId: pulumi.Output<string> | undefined;
    readonly budgetName: pulumi.Output<string>;
}

/** What CI and application teams need of the delivery layer (the workflows assume these roles). */
export interface DeliveryOutputs {
    readonly repositoryUrls: Record<string, pulumi.Output<string>>;
    readonly githubDeployRoleArn: pulumi.Output<string> | undefined;
    readonly githubPreviewRoleArn: pulumi.Output<string> | undefined;
    readonly argoCdCapabilityArn: pulumi.Output<string> | undefined;
}

/** What application teams need of the integration layer. */
export interface IntegrationOutputs {
    readonly keyArn: pulumi.Output<string>;
    readonly eventBusName: pulumi.Output<string> | undefined;
    readonly queueUrls: Record<string, pulumi.Output<string>>;
    readonly topicArns: Record<string, pulumi.Output<string>>;
    readonly functionArns: Record<string, pulumi.Output<string>>;
    readonly stateMachineArns: Record<string, pulumi.Output<string>>;
    readonly functionSecurityGroupId: pulumi.Output<string> | undefined;
    readonly apiEndpoint: pulumi.Output<string> | undefined;
    readonly userPoolId: pulumi.Output<string> | undefined;
    readonly userPoolClientId: pulumi.Output<string> | undefined;
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
    /** IRSA workloads: the role ARN their service account's eks.amazonaws.com/role-arn annotation names. */
    readonly irsaRoleArns: Record<string, pulumi.Output<string>>;
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
    // Every role carries the deploy boundary the GitHub deploy role requires (permissionsBoundary.ts).
    const transformations: pulumi.ResourceTransformation[] = roleBoundaryTransformations(account,
        config.delivery.github.enabled ? config.delivery.github.permissionsBoundaryName : undefined);
    const componentOptions: pulumi.ComponentResourceOptions = { providers: [providers.regional], transformations };

    const naming: NamingContext = namingContext(config);

    // First: every bucket below logs its S3 access into it.
    const accessLogs = new AccessLogs("access-logs", {
        lifecycle: config.operations.accessLogs.lifecycle,
        protection: config.protection,
        naming,
        account,
        acceptCloudFrontLogs: config.edge.enabled && config.edge.logging.destination === "s3",
    }, componentOptions);
    const security = new SecurityBaseline("security", { config, account }, componentOptions);
    // Account-wide resources: declared by the baseline owner only (platform:account.baseline).
    const accountBaseline = new AccountBaseline("account", {
        config,
        account,
        keys: { logs: security.keys.logs, data: security.keys.data },
        trailArn: security.auditTrailArn,
        accessLogBucket: accessLogs.bucket,
        globalEdgeProvider: providers.globalEdge,
        needsGithubOidcProvider: config.delivery.github.enabled,
    }, componentOptions);
    const network = new Network("network", {
        config,
        account,
        flowLogsKmsKeyArn: security.keys.logs.arn,
    }, componentOptions);
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
    // What the functions in the VPC connect to, modelled once: their group's egress and the data tier's ingress come from it.
    const functionDependencies: WorkloadDependencies[] = functionNetworkDependencies({
        integration: config.integration,
        edges: callerStructure(config.integration, naming),
        dataStores: dataStoresOf(config.data),
        routes: config.network,
    });
    const delivery: Delivery | undefined = deliveryInUse(config.delivery)
        ? new Delivery("delivery", {
            delivery: config.delivery,
            protection: config.protection,
            naming: namingContext(config),
            account,
            cluster: { clusterName: cluster.clusterName, nodeRoleArn: cluster.nodeRoleArn },
            logsKeyArn: security.keys.logs.arn,
            kmsDeletionWindowInDays: config.security.kms.deletionWindowInDays,
            lambdaImagePullers: lambdaImagePullers(config.integration, namingContext(config)),
            githubOidcProviderArn: accountBaseline.githubOidcProviderArn,
            otherRegions: config.data.replicaRegion ? [config.data.replicaRegion] : [],
        }, componentOptions)
        : undefined;
    const integration: Integration | undefined = integrationInUse(config.integration)
        ? new Integration("integration", {
            integration: config.integration,
            protection: config.protection,
            naming: namingContext(config),
            account,
            network: {
                vpcId: network.vpcId,
                vpcCidr: network.vpcCidr,
                privateSubnetIds: network.privateSubnetIds,
                dependencies: functionDependencies,
                endpointSecurityGroupId: network.endpointSecurityGroupId,
                gatewayPrefixListIds: network.gatewayPrefixListIds,
            },
            logsKeyArn: security.keys.logs.arn,
            kmsDeletionWindowInDays: config.security.kms.deletionWindowInDays,
            // Delivery first: image functions wait for the repository policies that let Lambda pull.
            imagePullPolicies: delivery?.repositoryPolicies,
        }, componentOptions)
        : undefined;

    // S3 delivers access logs only within a region: replica buckets log into a sink of their own there.
    const replicaAccessLogs: AccessLogs | undefined = config.data.replicaRegion && providers.replica
        ? new AccessLogs("access-logs-replica", {
            lifecycle: config.operations.accessLogs.lifecycle,
            protection: config.protection,
            naming,
            account,
            acceptCloudFrontLogs: false,
        }, { providers: [providers.replica], transformations })
        : undefined;
    const data = new DataTier("data", {
        data: config.data,
        protection: config.protection,
        naming,
        account,
        network: {
            vpcId: network.vpcId,
            availabilityZones: config.availabilityZoneIds,
            availabilityZoneNames: network.availabilityZoneNames,
            privateSubnetIds: network.privateSubnetIds,
            databaseSubnetIds: network.databaseSubnetIds,
            rdsSubnetGroupName: network.rdsSubnetGroupName,
            elastiCacheSubnetGroupName: network.elastiCacheSubnetGroupName,
        },
        keys: { data: security.keys.data, logs: security.keys.logs, backup: security.keys.backup },
        // Databases, caches and file systems accept the cluster's nodes and pods, and the functions that declare a dependency on them.
        clientSecurityGroupId: cluster.nodeSecurityGroupId,
        additionalClients: integration?.functionSecurityGroupId
            ? [{ name: "functions", securityGroupId: integration.functionSecurityGroupId, stores: [...groupDependencies(functionDependencies).stores] }]
            : [],
        // One Pod Identity role per configured workload; the data tier attaches its grants to them.
        workloadRoleNames: cluster.workloadRoleNames,
        replicaProvider: providers.replica,
        keyDeletionWindowInDays: config.security.kms.deletionWindowInDays,
        // Installs the EFS CSI driver add-on with its Pod Identity role.
        eks: { clusterName: cluster.clusterName, clusterArn: cluster.clusterArn },
        accessLogs: { home: accessLogs.bucket, replica: replicaAccessLogs?.bucket },
    }, componentOptions);

    const edge: Edge | undefined = config.edge.enabled
        ? new Edge("edge", {
            edge: config.edge,
            protection: config.protection,
            naming,
            account,
            globalEdgeProvider: providers.globalEdge,
            kmsDeletionWindowInDays: config.security.kms.deletionWindowInDays,
            logsKeyArn: security.keys.logs.arn,
            accessLogs: { bucket: accessLogs.bucket },
            vpcId: network.vpcId,
        }, componentOptions)
        : undefined;

    const observability = new Observability("observability", {
        operations: config.operations,
        protection: config.protection,
        naming,
        account,
        globalEdgeProvider: providers.globalEdge,
        kmsDeletionWindowInDays: config.security.kms.deletionWindowInDays,
        layers: {
            edge: edge ? { distributionId: edge.distributionId, cloudFrontWebAclName: edge.cloudFrontWebAclName } : undefined,
            natGatewayIds: network.natGatewayIds,
            eks: { clusterName: cluster.clusterName, controlPlaneLogGroupName: cluster.controlPlaneLogGroupName },
            cloudTrailLogGroupName: accountBaseline.cloudTrailLogGroupName,
            aurora: data.clusterIdentifier
                ? { clusterIdentifier: data.clusterIdentifier, readerInstanceIds: data.auroraReaderInstanceIds, canPause: auroraWriterCanPause(config.data.aurora) }
                : undefined,
            dynamoTables: Object.keys(data.tables).length > 0
                ? Object.fromEntries(Object.entries(data.tables).map(([name, table]: [string, TableOutput]) => [name, table.name]))
                : undefined,
            cache: data.cacheAlarmTarget,
        },
    }, componentOptions);
    const costs = new CostControls("cost-controls", {
        budget: config.operations.budget,
        costAnomaly: config.operations.costAnomaly,
        anomalyMonitorArn: accountBaseline.costAnomalyMonitorArn ?? config.operations.costAnomaly.monitorArn,
        naming,
        alarmTopicArn: observability.edgeAlarmTopicArn,
        globalEdgeProvider: providers.globalEdge,
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
        cloudTrailBucketName: accountBaseline.cloudTrailBucketName,
        account: {
            id: config.account.id,
            baseline: config.account.baseline,
            costAnomalyMonitorArn: accountBaseline.costAnomalyMonitorArn,
            githubOidcProviderArn: accountBaseline.githubOidcProviderArn,
        },
        eks: {
            clusterName: cluster.clusterName,
            endpoint: cluster.endpoint,
            certificateAuthorityData: cluster.certificateAuthorityData,
            oidcIssuerUrl: cluster.oidcIssuerUrl,
            nodeSecurityGroupId: cluster.nodeSecurityGroupId,
            kubeconfig: cluster.kubeconfig,
            workloadRoleNames: cluster.workloadRoleNames,
            irsaRoleArns: cluster.irsaRoleArns,
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
        edge: edge ? {
            distributionId: edge.distributionId,
            distributionDomainName: edge.distributionDomainName,
            staticAssetsBucketName: edge.staticAssetsBucketName,
            cloudFrontWebAclArn: edge.cloudFrontWebAclArn,
            regionalWebAclArn: edge.regionalWebAclArn,
            apiLoadBalancerSecurityGroupId: edge.apiLoadBalancerSecurityGroupId,
        } : undefined,
        operations: {
            alarmTopicArn: observability.alarmTopicArn,
            edgeAlarmTopicArn: observability.edgeAlarmTopicArn,
            accessLogBucketName: accessLogs.bucket.bucket,
            dashboardName: observability.dashboardName,
            prometheusWorkspaceId: observability.prometheusWorkspaceId,
            budgetName: costs.budgetName,
        },
        integration: integration && {
            keyArn: integration.keyArn,
            eventBusName: integration.eventBusName,
            queueUrls: integration.queueUrls,
            topicArns: integration.topicArns,
            functionArns: integration.functionArns,
            stateMachineArns: integration.stateMachineArns,
            functionSecurityGroupId: integration.functionSecurityGroupId,
            apiEndpoint: integration.apiEndpoint,
            userPoolId: integration.userPoolId,
            userPoolClientId: integration.userPoolClientId,
        },
        delivery: delivery && {
            repositoryUrls: delivery.repositoryUrls,
            githubDeployRoleArn: delivery.githubDeployRoleArn,
            githubPreviewRoleArn: delivery.githubPreviewRoleArn,
            argoCdCapabilityArn: delivery.argoCdCapabilityArn,
        },
    };
}

import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "./components/compute/cluster";
import { Edge } from "./components/edge/edge";
import { Network } from "./components/network/network";
import { AccessLogs } from "./components/operations/accessLogBucket";
import { CostControls } from "./components/operations/costControls";
import { Observability } from "./components/operations/observability";
import { SecurityBaseline } from "./components/security/securityBaseline";
import { loadPlatformConfig } from "./config/load";
import { PlatformConfig } from "./config/platformConfig";
import { AccountContext, lookupAccountContext } from "./platform/accountContext";
import { namingContext } from "./platform/naming";
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
    readonly edge: EdgeOutputs | undefined;
    readonly operations: OperationsOutputs;
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

/**
 * The whole platform: validated config -> providers -> components -> outputs.
 * Configuration is validated first, so a mistake fails before any resource is registered.
 */
export function runPlatform(): PlatformOutputs {
    const config: PlatformConfig = loadPlatformConfig();
    const providers: PlatformProviders = createProviders(config);
    const account: AccountContext = lookupAccountContext(config.region, providers.regional);
    const componentOptions: pulumi.ComponentResourceOptions = { providers: [providers.regional] };

    const naming = namingContext(config);

    // First: every bucket below logs its S3 access into it.
    const accessLogs = new AccessLogs("access-logs", {
        lifecycle: config.operations.accessLogs.lifecycle,
        protection: config.protection,
        naming,
        account,
        acceptCloudFrontLogs: config.edge.enabled && config.edge.logging.destination === "s3",
    }, componentOptions);
    const security = new SecurityBaseline("security", { config, account, accessLogBucket: accessLogs.bucket }, componentOptions);
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
            cloudTrailLogGroupName: security.cloudTrailLogGroupName,
            // The data tier is not part of this program yet: its alarms are skipped until it passes its outputs here.
            aurora: undefined,
            dynamoTables: undefined,
            cache: undefined,
        },
    }, componentOptions);
    const costs = new CostControls("cost-controls", {
        budget: config.operations.budget,
        costAnomaly: config.operations.costAnomaly,
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
    };
}

import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "./components/compute/cluster";
import { Integration } from "./components/integration/integration";
import { integrationInUse } from "./config/integrationConfig";
import { Delivery } from "./components/delivery/delivery";
import { deliveryInUse } from "./config/deliveryConfig";
import { Network } from "./components/network/network";
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
    /** Undefined when the stack uses no integration feature. */
    readonly integration: IntegrationOutputs | undefined;
    /** Undefined when the stack uses no delivery feature. */
    readonly delivery: DeliveryOutputs | undefined;
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
    const cluster = new Cluster("compute", {
        compute: config.compute,
        protection: config.protection,
        naming: namingContext(config),
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
    const integration: Integration | undefined = integrationInUse(config.integration)
        ? new Integration("integration", {
            integration: config.integration,
            protection: config.protection,
            naming: namingContext(config),
            account,
            network: { vpcId: network.vpcId, vpcCidr: network.vpcCidr, privateSubnetIds: network.privateSubnetIds },
            logsKeyArn: security.keys.logs.arn,
            kmsDeletionWindowInDays: config.security.kms.deletionWindowInDays,
        }, componentOptions)
        : undefined;
    const delivery: Delivery | undefined = deliveryInUse(config.delivery)
        ? new Delivery("delivery", {
            delivery: config.delivery,
            protection: config.protection,
            naming: namingContext(config),
            account,
            cluster: { clusterName: cluster.clusterName, nodeRoleArn: cluster.nodeRoleArn },
            logsKeyArn: security.keys.logs.arn,
            kmsDeletionWindowInDays: config.security.kms.deletionWindowInDays,
        }, componentOptions)
        : undefined;

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

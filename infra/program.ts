import * as pulumi from "@pulumi/pulumi";
import { Network } from "./components/network/network";
import { SecurityBaseline } from "./components/security/securityBaseline";
import { loadPlatformConfig } from "./config/load";
import { PlatformConfig } from "./config/platformConfig";
import { AccountContext, lookupAccountContext } from "./platform/accountContext";
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
    };
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig, ProtectionConfig } from "../config/platformConfig";

/** CloudFront, its WAF web ACLs and its ACM certificates live only in us-east-1. */
export const GLOBAL_EDGE_REGION = "us-east-1";

/**
 * The explicit AWS providers every resource uses. Required tags ride on defaultTags, so a
 * resource only sets tags of its own (Name, Kubernetes roles) and can never forget the required ones.
 * Each provider carries allowedAccountIds = [platform:account.id]: with credentials for any other
 * account the provider refuses to configure, so a prod stack file can never be applied to the dev
 * account (https://www.pulumi.com/registry/packages/aws/api-docs/provider/, allowedAccountIds).
 */
export interface PlatformProviders {
    /** The stack's region: everything except edge resources. */
    readonly regional: aws.Provider;
    /** Pinned to us-east-1 for CloudFront, WAF (scope CLOUDFRONT) and ACM. */
    readonly globalEdge: aws.Provider;
    /** platform:data.replicaRegion, when set: global-table replicas, replica buckets, backup copies. */
    readonly replica?: aws.Provider;
}

export function createProviders(config: PlatformConfig): PlatformProviders {
    const common: aws.ProviderArgs = providerArgs(config);
    const replicaRegion: string | undefined = config.data.replicaRegion;
    return {
        regional: new aws.Provider("regional", { ...common, region: config.region }),
        globalEdge: new aws.Provider("global-edge", { ...common, region: GLOBAL_EDGE_REGION }),
        replica: replicaRegion ? new aws.Provider("replica", { ...common, region: replicaRegion }) : undefined,
    };
}

/** What every explicit AWS provider of the stack shares: the one account it may touch and the required tags. */
export function providerArgs(config: PlatformConfig): aws.ProviderArgs {
    return {
        allowedAccountIds: [config.account.id],
        defaultTags: { tags: { ...config.requiredTags } },
    };
}

/** Resource options for something that holds data: protected and/or retained, as configured. */
export function statefulResourceOptions(config: PlatformConfig): pulumi.CustomResourceOptions {
    return { protect: config.protection.protectStatefulResources };
}

/** Options for KMS keys and log buckets: kept in AWS even if removed from the program. */
export function retainedResourceOptions(config: PlatformConfig): pulumi.CustomResourceOptions {
    return {
        protect: config.protection.protectStatefulResources,
        retainOnDelete: config.protection.retainOnDelete,
    };
}

/** statefulResourceOptions for components that receive only the protection slice of config. */
export function protectedOptions(protection: ProtectionConfig): pulumi.CustomResourceOptions {
    return { protect: protection.protectStatefulResources };
}

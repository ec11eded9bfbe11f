import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig, ProtectionConfig } from "../config/platformConfig";

/** CloudFront, its WAF web ACLs and its ACM certificates live only in us-east-1. */
export const GLOBAL_EDGE_REGION = "us-east-1";

/**
 * The explicit AWS providers every resource uses. Required tags ride on defaultTags, so a
 * resource only sets tags of its own (Name, Kubernetes roles) and can never forget the required ones.
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
    const defaultTags: aws.types.input.ProviderDefaultTags = { tags: { ...config.requiredTags } };
    const replicaRegion: string | undefined = config.data.replicaRegion;
    return {
        regional: new aws.Provider("regional", { region: config.region, defaultTags }),
        globalEdge: new aws.Provider("global-edge", { region: GLOBAL_EDGE_REGION, defaultTags }),
        replica: replicaRegion ? new aws.Provider("replica", { region: replicaRegion, defaultTags }) : undefined,
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

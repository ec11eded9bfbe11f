import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ProtectionConfig } from "../../config/platformConfig";
import { NamingContext } from "../../platform/naming";
import { KeyPolicyContext } from "../security/keyPolicies";

/** What every edge creation function shares: naming, protection, the account and the us-east-1 provider. */
export interface EdgeContext {
    readonly naming: NamingContext;
    readonly protection: ProtectionConfig;
    /** Account, partition and DNS suffix, resolved once (key policies are built from it). */
    readonly account: pulumi.Output<Omit<KeyPolicyContext, "region">>;
    /** The stack's region (the static-assets bucket and the REGIONAL web ACL live there). */
    readonly region: string;
    /** Pinned to us-east-1: CloudFront, its web ACL, ACM and their log groups. */
    readonly globalEdgeProvider: aws.Provider;
    readonly kmsDeletionWindowInDays: number;
    readonly parent: pulumi.Resource;
}

/** Options for keys and buckets: protected and kept in AWS as configured. */
export function retained(ctx: EdgeContext): pulumi.CustomResourceOptions {
    return { parent: ctx.parent, protect: ctx.protection.protectStatefulResources, retainOnDelete: ctx.protection.retainOnDelete };
}

/** Child options through the us-east-1 provider. */
export function atGlobalEdge(ctx: EdgeContext, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    return { parent: ctx.parent, provider: ctx.globalEdgeProvider, ...extra };
}

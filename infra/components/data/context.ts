import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { NamingContext, nameTagFor } from "../../platform/naming";

/** Physical names: <project>-<stack>-<what>. Fixed strings only, so unrelated config never renames anything. */
export type DataNaming = NamingContext;

/** The network outputs the data tier builds on. */
export interface DataNetwork {
    readonly vpcId: pulumi.Input<string>;
    /** Zone ids (use1-az1) in the same order as privateSubnetIds (the subnet plan order): stable logical names. */
    readonly availabilityZones: readonly string[];
    /** The same zones' names in this account (us-east-1c), same order: for RDS instance placement, which takes names. */
    readonly availabilityZoneNames: readonly pulumi.Input<string>[];
    readonly privateSubnetIds: readonly pulumi.Input<string>[];
    readonly databaseSubnetIds: readonly pulumi.Input<string>[];
    readonly rdsSubnetGroupName: pulumi.Input<string>;
    readonly elastiCacheSubnetGroupName: pulumi.Input<string>;
}

/** The security baseline's keys the data tier encrypts with. */
export interface DataKeys {
    readonly data: aws.kms.Key;
    readonly logs: aws.kms.Key;
    readonly backup: aws.kms.Key;
}

/** A provider and key in the replica region, when data.replicaRegion is set. */
export interface ReplicaRegion {
    readonly region: string;
    readonly provider: aws.Provider;
    readonly key: aws.kms.Key;
}

/** What every creation function of the data tier receives besides its own config slice. */
export interface DataContext {
    readonly naming: DataNaming;
    readonly protection: ProtectionConfig;
    readonly account: AccountContext;
    readonly keys: DataKeys;
    readonly parent: pulumi.Resource;
}

/** Pulumi protect on stateful resources, from the protection switches. */
export function statefulOptions(ctx: DataContext, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    return { parent: ctx.parent, protect: ctx.protection.protectStatefulResources, ...extra };
}

/** A stack whose protection is fully off (dev) may delete stores that still hold data. */
export function disposable(protection: ProtectionConfig): boolean {
    return !protection.protectStatefulResources && !protection.deletionProtection;
}

/**
 * Days a deleted Secrets Manager secret keeps its name. 0 deletes at once (ForceDeleteWithoutRecovery)
 * in a disposable stack, whose next `pulumi up` creates the same name again; 30 (the AWS default, the
 * longest) everywhere else, so a secret deleted by mistake can be restored.
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html
 */
export function secretRecoveryWindowInDays(protection: ProtectionConfig): number {
    return disposable(protection) ? 0 : 30;
}

/** The platform's Name tag (<prefix>-<what>), under the data tier's short name. */
export const nameTag = nameTagFor;

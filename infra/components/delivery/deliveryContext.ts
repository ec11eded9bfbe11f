import * as pulumi from "@pulumi/pulumi";
import { ProtectionConfig } from "../../config/platformConfig";
import { NamingContext } from "../../platform/naming";

/** Account, partition and Region resolved once for the delivery layer's ARNs. */
export interface DeliveryIdentity {
    readonly accountId: string;
    readonly partition: string;
    readonly region: string;
}

export interface DeliveryContext {
    readonly naming: NamingContext;
    readonly protection: ProtectionConfig;
    readonly identity: pulumi.Output<DeliveryIdentity>;
    readonly parent: pulumi.Resource;
}

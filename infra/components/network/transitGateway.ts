import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { nameTag } from "../../platform/naming";
import { TierSubnet, ofTier } from "./subnets";

/**
 * Optional: attach the private subnets to an existing (usually shared, organisation-owned) transit
 * gateway and route the configured destinations through it.
 */
export function attachTransitGateway(
    config: PlatformConfig,
    vpc: aws.ec2.Vpc,
    subnets: readonly TierSubnet[],
    parent: pulumi.Resource,
): aws.ec2transitgateway.VpcAttachment | undefined {
    const settings = config.network.transitGateway;
    if (!settings.enabled || !settings.transitGatewayId) {
        return undefined;
    }
    const privateSubnets: TierSubnet[] = ofTier(subnets, "private");
    const attachment = new aws.ec2transitgateway.VpcAttachment("transit", {
        transitGatewayId: settings.transitGatewayId,
        vpcId: vpc.id,
        subnetIds: privateSubnets.map((s: TierSubnet) => s.subnet.id),
        dnsSupport: "enable",
        tags: nameTag(config, "tgw-attachment"),
    }, { parent });
    for (const subnet of privateSubnets) {
        for (const destination of settings.destinationCidrs) {
            new aws.ec2.Route(`private-${subnet.availabilityZoneId}-tgw-${destination.replace("/", "-")}`, {
                routeTableId: subnet.routeTable.id,
                destinationCidrBlock: destination,
                transitGatewayId: settings.transitGatewayId,
            }, { parent, dependsOn: [attachment] });
        }
    }
    return attachment;
}

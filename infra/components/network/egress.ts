import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { nameTag } from "../../platform/naming";
import { TierSubnet, ofTier } from "./subnets";

const ANYWHERE_IPV4 = "0.0.0.0/0";

/**
 * Internet access: the public tier routes to the internet gateway; the private tier routes to NAT
 * per the configured strategy; the database tier gets no route out at all.
 */
export function createInternetEgress(
    config: PlatformConfig,
    vpc: aws.ec2.Vpc,
    subnets: readonly TierSubnet[],
    parent: pulumi.Resource,
): aws.ec2.NatGateway[] {
    const internetGateway = new aws.ec2.InternetGateway("internet", {
        vpcId: vpc.id,
        tags: nameTag(config, "igw"),
    }, { parent });

    for (const publicSubnet of ofTier(subnets, "public")) {
        new aws.ec2.Route(`public-${publicSubnet.availabilityZoneId}-internet`, {
            routeTableId: publicSubnet.routeTable.id,
            destinationCidrBlock: ANYWHERE_IPV4,
            gatewayId: internetGateway.id,
        }, { parent });
    }

    const natZones: string[] = natGatewayZones(config);
    const natGateways = new Map<string, aws.ec2.NatGateway>();
    for (const zone of natZones) {
        const publicSubnet: TierSubnet = ofTier(subnets, "public").find((s: TierSubnet) => s.availabilityZoneId === zone)!;
        const address = new aws.ec2.Eip(`nat-${zone}`, { domain: "vpc", tags: nameTag(config, `nat-${zone}`) }, { parent });
        natGateways.set(zone, new aws.ec2.NatGateway(`nat-${zone}`, {
            allocationId: address.id,
            subnetId: publicSubnet.subnet.id,
            connectivityType: "public",
            tags: nameTag(config, `nat-${zone}`),
        }, { parent, dependsOn: [internetGateway] }));
    }

    for (const privateSubnet of ofTier(subnets, "private")) {
        const nat: aws.ec2.NatGateway | undefined = natGateways.get(privateSubnet.availabilityZoneId) ?? natGateways.get(natZones[0]);
        if (nat) {
            new aws.ec2.Route(`private-${privateSubnet.availabilityZoneId}-nat`, {
                routeTableId: privateSubnet.routeTable.id,
                destinationCidrBlock: ANYWHERE_IPV4,
                natGatewayId: nat.id,
            }, { parent });
        }
    }
    return [...natGateways.values()];
}

/**
 * Zones that host a NAT gateway. A single gateway sits in the alphabetically first zone, not the
 * first listed, so reordering the zone list never moves (and replaces) it.
 */
export function natGatewayZones(config: PlatformConfig): string[] {
    const zones: string[] = [...config.availabilityZoneIds].sort();
    switch (config.network.natStrategy) {
        case "none":
            return [];
        case "single":
            return zones.slice(0, 1);
        case "onePerAz":
            return zones;
    }
}

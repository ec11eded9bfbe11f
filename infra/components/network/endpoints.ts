import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { nameTag } from "../../platform/naming";
import { GATEWAY_ENDPOINT_SERVICES } from "../../platform/networkDependencies";
import { TierSubnet, ofTier } from "./subnets";

// Gateway endpoints (GATEWAY_ENDPOINT_SERVICES) are free and keep S3/DynamoDB traffic off the NAT gateways.

export interface VpcEndpoints {
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly gateway: aws.ec2.VpcEndpoint[];
    readonly interface: aws.ec2.VpcEndpoint[];
}

export function createVpcEndpoints(
    config: PlatformConfig,
    vpc: aws.ec2.Vpc,
    subnets: readonly TierSubnet[],
    parent: pulumi.Resource,
): VpcEndpoints {
    const privateSubnets: TierSubnet[] = ofTier(subnets, "private");
    const gateway: aws.ec2.VpcEndpoint[] = GATEWAY_ENDPOINT_SERVICES.map((service: string) =>
        new aws.ec2.VpcEndpoint(`gateway-${service}`, {
            vpcId: vpc.id,
            serviceName: `com.amazonaws.${config.region}.${service}`,
            vpcEndpointType: "Gateway",
            routeTableIds: privateSubnets.map((s: TierSubnet) => s.routeTable.id),
            tags: nameTag(config, `vpce-${service}`),
        }, { parent }));

    const securityGroup = new aws.ec2.SecurityGroup("interface-endpoints", {
        vpcId: vpc.id,
        description: "Interface VPC endpoints: HTTPS from inside the VPC only",
        tags: nameTag(config, "vpce-interface"),
    }, { parent });
    new aws.vpc.SecurityGroupIngressRule("interface-endpoints-https", {
        securityGroupId: securityGroup.id,
        description: "HTTPS from the VPC CIDR",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: config.network.vpcCidr,
    }, { parent });

    const interfaceEndpoints: aws.ec2.VpcEndpoint[] = config.network.interfaceEndpoints.map((service: string) =>
        new aws.ec2.VpcEndpoint(`interface-${service}`, {
            vpcId: vpc.id,
            serviceName: `com.amazonaws.${config.region}.${service}`,
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            subnetIds: privateSubnets.map((s: TierSubnet) => s.subnet.id),
            securityGroupIds: [securityGroup.id],
            tags: nameTag(config, `vpce-${service}`),
        }, { parent }));

    return { securityGroup, gateway, interface: interfaceEndpoints };
}

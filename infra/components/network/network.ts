import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { createInternetEgress, natGatewayZones } from "./egress";
import { VpcEndpoints, createVpcEndpoints } from "./endpoints";
import { GATEWAY_ENDPOINT_SERVICES } from "../../platform/networkDependencies";
import { VpcFlowLogs, createFlowLogs } from "./flowLogs";
import { nameTag } from "../../platform/naming";
import { TierSubnet, createTierSubnets, ofTier } from "./subnets";
import { attachTransitGateway } from "./transitGateway";

export interface NetworkArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    /** Customer-managed key for the flow-log group (the security baseline's logs key). */
    readonly flowLogsKmsKeyArn: pulumi.Input<string>;
}

/**
 * The VPC: public, private and isolated database subnets across the configured zones, NAT,
 * VPC endpoints, flow logs, a locked default security group and the subnet groups the data layer
 * needs. Children use the component's provider (passed as `providers` by the program).
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly vpcCidr: string;
    public readonly publicSubnetIds: pulumi.Output<string>[];
    public readonly privateSubnetIds: pulumi.Output<string>[];
    public readonly databaseSubnetIds: pulumi.Output<string>[];
    public readonly rdsSubnetGroupName: pulumi.Output<string>;
    public readonly elastiCacheSubnetGroupName: pulumi.Output<string>;
    public readonly endpointSecurityGroupId: pulumi.Output<string>;
    /** Gateway endpoint service (s3, dynamodb) -> the service's prefix list: security groups send to it. */
    public readonly gatewayPrefixListIds: Readonly<Record<string, pulumi.Output<string>>>;
    public readonly flowLogGroupName: pulumi.Output<string>;
    /**
     * The zone names (us-east-1c) the configured zone ids have in this account, in config order:
     * read from the database subnets, for services that take a name (RDS instance placement).
     */
    public readonly availabilityZoneNames: pulumi.Output<string>[];
    /** Zone -> NAT gateway id (empty with natStrategy none): the operations alarms watch their port allocation. */
    public readonly natGatewayIds: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:Network", name, {}, opts);
        const { config } = args;
        const parent: pulumi.Resource = this;

        const vpc = new aws.ec2.Vpc("vpc", {
            cidrBlock: config.network.vpcCidr,
            enableDnsSupport: true,
            // Interface endpoints with private DNS and EKS node registration need DNS hostnames.
            enableDnsHostnames: true,
            tags: nameTag(config, "vpc"),
        }, { parent });

        // Adopt the default security group and strip its rules (CIS 5.4): nothing can use it by accident.
        new aws.ec2.DefaultSecurityGroup("default", {
            vpcId: vpc.id,
            ingress: [],
            egress: [],
            tags: nameTag(config, "default-do-not-use"),
        }, { parent });

        const subnets: TierSubnet[] = createTierSubnets(config, vpc, config.subnetPlan, parent);
        const natGateways: aws.ec2.NatGateway[] = createInternetEgress(config, vpc, subnets, parent);
        const endpoints: VpcEndpoints = createVpcEndpoints(config, vpc, subnets, parent);
        const flowLogs: VpcFlowLogs = createFlowLogs(config, args.account, vpc, args.flowLogsKmsKeyArn, parent);
        attachTransitGateway(config, vpc, subnets, parent);

        const databaseSubnetIds: pulumi.Output<string>[] = ofTier(subnets, "database").map((s: TierSubnet) => s.subnet.id);
        const rdsSubnetGroup = new aws.rds.SubnetGroup("database", {
            description: "Isolated database subnets (no internet route)",
            subnetIds: databaseSubnetIds,
            tags: nameTag(config, "database"),
        }, { parent });
        const elastiCacheSubnetGroup = new aws.elasticache.SubnetGroup("cache", {
            description: "Isolated database subnets (no internet route)",
            subnetIds: databaseSubnetIds,
            tags: nameTag(config, "cache"),
        }, { parent });

        this.vpcId = vpc.id;
        this.vpcCidr = config.network.vpcCidr;
        this.publicSubnetIds = ofTier(subnets, "public").map((s: TierSubnet) => s.subnet.id);
        this.privateSubnetIds = ofTier(subnets, "private").map((s: TierSubnet) => s.subnet.id);
        this.databaseSubnetIds = databaseSubnetIds;
        this.availabilityZoneNames = ofTier(subnets, "database").map((s: TierSubnet) => s.subnet.availabilityZone);
        this.rdsSubnetGroupName = rdsSubnetGroup.name;
        this.elastiCacheSubnetGroupName = elastiCacheSubnetGroup.name;
        this.endpointSecurityGroupId = endpoints.securityGroup.id;
        this.gatewayPrefixListIds = Object.fromEntries(GATEWAY_ENDPOINT_SERVICES.map((service: string, index: number) => [service, endpoints.gateway[index].prefixListId]));
        this.flowLogGroupName = flowLogs.logGroup.name;
        // createInternetEgress creates one gateway per natGatewayZones entry, in that order.
        const natZones: string[] = natGatewayZones(config);
        this.natGatewayIds = Object.fromEntries(natGateways.map((nat: aws.ec2.NatGateway, index: number) => [natZones[index], nat.id]));

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            databaseSubnetIds: this.databaseSubnetIds,
            rdsSubnetGroupName: this.rdsSubnetGroupName,
            elastiCacheSubnetGroupName: this.elastiCacheSubnetGroupName,
        });
    }
}

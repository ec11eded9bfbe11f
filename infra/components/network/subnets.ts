import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { PlannedSubnet, SubnetTier } from "../../config/subnetPlan";
import { nameTag } from "../../platform/naming";

/**
 * Tags the AWS Load Balancer Controller reads to find subnets for internet-facing and internal
 * load balancers.
 */
const KUBERNETES_ROLE_TAGS: Readonly<Record<SubnetTier, Record<string, string>>> = {
    public: { "kubernetes.io/role/elb": "1" },
    private: { "kubernetes.io/role/internal-elb": "1" },
    database: {},
};

/** One subnet and its route table; route tables are per tier and zone so a zone can fail alone. */
export interface TierSubnet {
    readonly tier: SubnetTier;
    /** Zone id such as use1-az1 (what config names; the zone name differs per account). */
    readonly availabilityZoneId: string;
    readonly subnet: aws.ec2.Subnet;
    readonly routeTable: aws.ec2.RouteTable;
}

/**
 * Creates the planned subnets with one route table each. Logical names carry the tier and zone
 * id, never a list index, so reordering zones in config changes nothing. Subnets are placed by
 * zone id (availabilityZoneId), so the same config means the same physical zones in every account.
 */
export function createTierSubnets(
    config: PlatformConfig,
    vpc: aws.ec2.Vpc,
    plan: readonly PlannedSubnet[],
    parent: pulumi.Resource,
): TierSubnet[] {
    return plan.map((planned: PlannedSubnet) => {
        const key = `${planned.tier}-${planned.availabilityZoneId}`;
        const subnet = new aws.ec2.Subnet(key, {
            vpcId: vpc.id,
            cidrBlock: planned.cidrBlock,
            availabilityZoneId: planned.availabilityZoneId,
            // Nothing gets a public IP by accident: NAT gateways and load balancers bring their own addresses.
            mapPublicIpOnLaunch: false,
            tags: { ...nameTag(config, key), Tier: planned.tier, ...KUBERNETES_ROLE_TAGS[planned.tier] },
        }, { parent });
        const routeTable = new aws.ec2.RouteTable(key, {
            vpcId: vpc.id,
            tags: { ...nameTag(config, key), Tier: planned.tier },
        }, { parent });
        new aws.ec2.RouteTableAssociation(key, { subnetId: subnet.id, routeTableId: routeTable.id }, { parent });
        return { tier: planned.tier, availabilityZoneId: planned.availabilityZoneId, subnet, routeTable };
    });
}

export function ofTier(subnets: readonly TierSubnet[], tier: SubnetTier): TierSubnet[] {
    return subnets.filter((s: TierSubnet) => s.tier === tier);
}

import { Ipv4Cidr, cidrSize, contains, formatCidr, parseCidr, subnetAt } from "./cidr";
import { MAX_ZONE_NUMBER, availabilityZoneSlot } from "./availabilityZones";

/** The three subnet tiers, in the order their address ranges are laid out inside the VPC. */
export const SUBNET_TIERS = ["private", "public", "database"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/**
 * Every tier reserves a slot for this many availability zones up front, and a zone's slot is
 * fixed by its zone id (use1-az1 = 0, use1-az2 = 1, ...; availabilityZones.ts). Adding, removing
 * or reordering zones therefore never moves an existing subnet, which would replace it and
 * everything inside it.
 */
export const MAX_AVAILABILITY_ZONES = MAX_ZONE_NUMBER;

export interface TierSizing {
    /** Bits added to the VPC prefix for this tier's subnets (VPC /16 + 4 = /20). */
    readonly newBits: number;
}

export interface PlannedSubnet {
    readonly tier: SubnetTier;
    /** Zone id such as use1-az1: the same physical zone in every account. */
    readonly availabilityZoneId: string;
    readonly cidrBlock: string;
}

/**
 * Byte offset of each tier's region inside the VPC: tiers follow each other, each region
 * aligned to its own subnet size and holding MAX_AVAILABILITY_ZONES subnets.
 * Returns the offsets and the total number of addresses the layout needs.
 */
export function tierLayout(vpc: Ipv4Cidr, sizing: Record<SubnetTier, TierSizing>): { offsets: Record<SubnetTier, number>; requiredAddresses: number } {
    let cursor = 0;
    const offsets = {} as Record<SubnetTier, number>;
    for (const tier of SUBNET_TIERS) {
        const subnetSize: number = 2 ** (32 - (vpc.prefixLength + sizing[tier].newBits));
        cursor = Math.ceil(cursor / subnetSize) * subnetSize;
        offsets[tier] = cursor;
        cursor += subnetSize * MAX_AVAILABILITY_ZONES;
    }
    return { offsets, requiredAddresses: cursor };
}

/** True when every tier's reserved region fits inside the VPC block. */
export function layoutFits(vpc: Ipv4Cidr, sizing: Record<SubnetTier, TierSizing>): boolean {
    return tierLayout(vpc, sizing).requiredAddresses <= cidrSize(vpc);
}

/**
 * The deterministic subnet plan. Callers validate first (see schema.ts); this function assumes
 * a parseable VPC CIDR, a layout that fits and zone ids that map to a slot.
 */
export function planSubnets(
    vpcCidr: string,
    availabilityZoneIds: readonly string[],
    sizing: Record<SubnetTier, TierSizing>,
): PlannedSubnet[] {
    const vpc: Ipv4Cidr | undefined = parseCidr(vpcCidr);
    if (!vpc) {
        throw new Error(`planSubnets: invalid VPC CIDR ${vpcCidr}`);
    }
    const { offsets } = tierLayout(vpc, sizing);
    const plan: PlannedSubnet[] = [];
    for (const tier of SUBNET_TIERS) {
        for (const availabilityZoneId of availabilityZoneIds) {
            const slot: number | undefined = availabilityZoneSlot(availabilityZoneId);
            if (slot === undefined) {
                throw new Error(`planSubnets: availability zone ${availabilityZoneId} has no slot`);
            }
            const subnet: Ipv4Cidr = subnetAt(vpc, sizing[tier].newBits, offsets[tier], slot);
            if (!contains(vpc, subnet)) {
                throw new Error(`planSubnets: ${tier} subnet for ${availabilityZoneId} does not fit ${vpcCidr}`);
            }
            plan.push({ tier, availabilityZoneId, cidrBlock: formatCidr(subnet) });
        }
    }
    return plan;
}

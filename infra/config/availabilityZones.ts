/**
 * Availability zones by zone id. Zone names (us-east-1a) are shuffled per account: "a" in the dev
 * account and "a" in the prod account can be different buildings, and a service limitation that
 * AWS documents by zone id (EKS below) cannot be checked against a name. Zone ids (use1-az1) name
 * the same physical zone in every account, so config chooses zones by id and subnets are created
 * with availabilityZoneId (EC2 CreateSubnet AvailabilityZoneId). Source: "AZ IDs", AWS Regions and
 * Availability Zones (https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html):
 * the oldest Regions map codes to zones independently per account (for accounts created before
 * November 2025); "use1-az1 ... has the same physical location in every AWS account".
 *
 * A zone id is <region prefix>-az<n>. The prefix abbreviates the region (us-east-1 -> use1,
 * ap-northeast-1 -> apne1, eu-central-2 -> euc2); <n> fixes the zone's slot in the subnet plan.
 */
export const MAX_ZONE_NUMBER = 6;

/** Region words as they appear abbreviated in zone ids. */
const DIRECTIONS: Readonly<Record<string, string>> = {
    east: "e", west: "w", north: "n", south: "s", central: "c",
    northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
};

/** us-east-1 -> use1; undefined for a region name this program cannot abbreviate. */
export function zoneIdPrefix(region: string): string | undefined {
    const match: RegExpExecArray | null = /^([a-z]{2})-([a-z]+)-(\d+)$/.exec(region);
    const direction: string | undefined = match ? DIRECTIONS[match[2]] : undefined;
    return match && direction ? `${match[1]}${direction}${match[3]}` : undefined;
}

export interface ParsedZoneId {
    readonly prefix: string;
    readonly number: number;
}

/** use1-az4 -> { prefix: use1, number: 4 }; undefined for anything else (Local Zone ids such as use1-bos1-az1 included). */
export function parseZoneId(zoneId: string): ParsedZoneId | undefined {
    const match: RegExpExecArray | null = /^([a-z]{2,4}\d+)-az(\d+)$/.exec(zoneId);
    return match ? { prefix: match[1], number: Number(match[2]) } : undefined;
}

/**
 * Slot of a zone in every tier's address range: az1 -> 0 ... az6 -> 5. Fixed by the zone id, not
 * by the zone's position in the list, so adding, removing or reordering zones never moves a subnet.
 */
export function availabilityZoneSlot(zoneId: string): number | undefined {
    const parsed: ParsedZoneId | undefined = parseZoneId(zoneId);
    return parsed && parsed.number >= 1 && parsed.number <= MAX_ZONE_NUMBER ? parsed.number - 1 : undefined;
}

/** Example zone ids for a region, for "allowed: ..." messages. */
export function exampleZoneIds(region: string): string {
    const prefix: string = zoneIdPrefix(region) ?? "use1";
    return `${prefix}-az1, ${prefix}-az2`;
}

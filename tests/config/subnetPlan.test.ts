import { describe, expect, it } from "vitest";
import { cidrSize, contains, overlaps, parseCidr } from "../../infra/config/cidr";
import { PlannedSubnet, TierSizing, SubnetTier, planSubnets } from "../../infra/config/subnetPlan";

const SIZING: Record<SubnetTier, TierSizing> = { private: { newBits: 4 }, public: { newBits: 7 }, database: { newBits: 7 } };

function cidrsByKey(plan: PlannedSubnet[]): Map<string, string> {
    return new Map(plan.map((s: PlannedSubnet) => [`${s.tier}/${s.availabilityZoneId}`, s.cidrBlock]));
}

describe("deterministic subnet plan", () => {
    it("lays out the tiers of a /16 as documented", () => {
        const plan: PlannedSubnet[] = planSubnets("10.0.0.0/16", ["use1-az1", "use1-az2", "use1-az3"], SIZING);
        expect(plan.map((s: PlannedSubnet) => `${s.tier} ${s.availabilityZoneId} ${s.cidrBlock}`)).toEqual([
            "private use1-az1 10.0.0.0/20", "private use1-az2 10.0.16.0/20", "private use1-az3 10.0.32.0/20",
            "public use1-az1 10.0.96.0/23", "public use1-az2 10.0.98.0/23", "public use1-az3 10.0.100.0/23",
            "database use1-az1 10.0.108.0/23", "database use1-az2 10.0.110.0/23", "database use1-az3 10.0.112.0/23",
        ]);
    });

    it("keeps every existing subnet's CIDR when an availability zone is added", () => {
        const two: Map<string, string> = cidrsByKey(planSubnets("10.20.0.0/16", ["use1-az1", "use1-az2"], SIZING));
        const three: Map<string, string> = cidrsByKey(planSubnets("10.20.0.0/16", ["use1-az1", "use1-az2", "use1-az3"], SIZING));
        const six: Map<string, string> = cidrsByKey(planSubnets("10.20.0.0/16", ["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"], SIZING));
        expect(two.size).toBe(6);
        for (const [key, cidr] of two) {
            expect(three.get(key)).toBe(cidr);
            expect(six.get(key)).toBe(cidr);
        }
        for (const [key, cidr] of three) {
            expect(six.get(key)).toBe(cidr);
        }
    });

    it("does not move subnets when zones are reordered or a middle zone is skipped", () => {
        const ordered: Map<string, string> = cidrsByKey(planSubnets("10.0.0.0/16", ["use1-az1", "use1-az2", "use1-az3"], SIZING));
        const reordered: Map<string, string> = cidrsByKey(planSubnets("10.0.0.0/16", ["use1-az3", "use1-az1", "use1-az2"], SIZING));
        expect(reordered).toEqual(ordered);
        const skipped: Map<string, string> = cidrsByKey(planSubnets("10.0.0.0/16", ["use1-az1", "use1-az3"], SIZING));
        expect(skipped.get("private/use1-az3")).toBe(ordered.get("private/use1-az3"));
    });

    it("fixes each zone's slot by its zone id number (az1 = slot 0 ... az6 = slot 5), whatever the zone's letter in an account", () => {
        const plan: Map<string, string> = cidrsByKey(planSubnets("10.0.0.0/16", ["use1-az4", "use1-az1"], SIZING));
        expect(plan.get("private/use1-az1")).toBe("10.0.0.0/20");
        expect(plan.get("private/use1-az4")).toBe("10.0.48.0/20");
        expect(() => planSubnets("10.0.0.0/16", ["us-east-1a", "use1-az1"], SIZING)).toThrow(/has no slot/);
    });

    it("places every subnet inside the VPC with no overlaps, for every supported VPC prefix", () => {
        for (const vpcCidr of ["10.0.0.0/16", "172.16.0.0/17", "192.168.0.0/18", "10.1.0.0/19", "10.2.0.0/20", "10.3.0.0/21"]) {
            const vpc = parseCidr(vpcCidr)!;
            const plan: PlannedSubnet[] = planSubnets(vpcCidr, ["euw1-az1", "euw1-az2", "euw1-az3", "euw1-az4", "euw1-az5", "euw1-az6"], SIZING);
            const blocks = plan.map((s: PlannedSubnet) => parseCidr(s.cidrBlock)!);
            for (const block of blocks) {
                expect(contains(vpc, block)).toBe(true);
                expect(cidrSize(block)).toBeGreaterThanOrEqual(16);
            }
            for (let i = 0; i < blocks.length; i++) {
                for (let j = i + 1; j < blocks.length; j++) {
                    expect(overlaps(blocks[i], blocks[j]), `${plan[i].cidrBlock} vs ${plan[j].cidrBlock} in ${vpcCidr}`).toBe(false);
                }
            }
        }
    });
});

describe("CIDR parsing", () => {
    it("accepts canonical blocks and rejects malformed ones", () => {
        expect(parseCidr("10.0.0.0/16")).toEqual({ network: 0x0a000000, prefixLength: 16 });
        for (const bad of ["10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.0.1/16", "a.b.c.d/8", "10.0.0.0/-1"]) {
            expect(parseCidr(bad), bad).toBeUndefined();
        }
    });
});

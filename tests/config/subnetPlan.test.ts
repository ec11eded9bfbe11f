import { describe, expect, it } from "vitest";
import { cidrSize, contains, overlaps, parseCidr } from "../../infra/config/cidr";
import { PlannedSubnet, TierSizing, SubnetTier, planSubnets } from "../../infra/config/subnetPlan";

const SIZING: Record<SubnetTier, TierSizing> = { private: { newBits: 4 }, public: { newBits: 7 }, database: { newBits: 7 } };

function cidrsByKey(plan: PlannedSubnet[]): Map<string, string> {
    return new Map(plan.map((s: PlannedSubnet) => [`${s.tier}/${s.availabilityZone}`, s.cidrBlock]));
}

describe("deterministic subnet plan", () => {
    it("lays out the tiers of a /16 as documented", () => {
        const plan: PlannedSubnet[] = planSubnets("10.0.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c"], SIZING);
        expect(plan.map((s: PlannedSubnet) => `${s.tier} ${s.availabilityZone} ${s.cidrBlock}`)).toEqual([
            "private us-east-1a 10.0.0.0/20", "private us-east-1b 10.0.16.0/20", "private us-east-1c 10.0.32.0/20",
            "public us-east-1a 10.0.96.0/23", "public us-east-1b 10.0.98.0/23", "public us-east-1c 10.0.100.0/23",
            "database us-east-1a 10.0.108.0/23", "database us-east-1b 10.0.110.0/23", "database us-east-1c 10.0.112.0/23",
        ]);
    });

    it("keeps every existing subnet's CIDR when an availability zone is added", () => {
        const two: Map<string, string> = cidrsByKey(planSubnets("10.20.0.0/16", ["us-east-1a", "us-east-1b"], SIZING));
        const three: Map<string, string> = cidrsByKey(planSubnets("10.20.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c"], SIZING));
        const six: Map<string, string> = cidrsByKey(planSubnets("10.20.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"], SIZING));
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
        const ordered: Map<string, string> = cidrsByKey(planSubnets("10.0.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c"], SIZING));
        const reordered: Map<string, string> = cidrsByKey(planSubnets("10.0.0.0/16", ["us-east-1c", "us-east-1a", "us-east-1b"], SIZING));
        expect(reordered).toEqual(ordered);
        const skipped: Map<string, string> = cidrsByKey(planSubnets("10.0.0.0/16", ["us-east-1a", "us-east-1c"], SIZING));
        expect(skipped.get("private/us-east-1c")).toBe(ordered.get("private/us-east-1c"));
    });

    it("places every subnet inside the VPC with no overlaps, for every supported VPC prefix", () => {
        for (const vpcCidr of ["10.0.0.0/16", "172.16.0.0/17", "192.168.0.0/18", "10.1.0.0/19", "10.2.0.0/20", "10.3.0.0/21"]) {
            const vpc = parseCidr(vpcCidr)!;
            const plan: PlannedSubnet[] = planSubnets(vpcCidr, ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d", "eu-west-1e", "eu-west-1f"], SIZING);
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

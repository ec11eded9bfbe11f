import { describe, expect, it } from "vitest";
import { AWS_REGIONS } from "../../infra/config/regions";
import { availabilityZoneSlot, parseZoneId, zoneIdPrefix } from "../../infra/config/availabilityZones";
import { EKS_UNSUPPORTED_ZONE_IDS, eksSupportsZone } from "../../infra/config/eksAvailabilityZones";
import { fakeAvailabilityZones, fakeInvoke } from "../../tools/offline/fakeCloud";

describe("availability zone ids", () => {
    it("abbreviate every Region the program accepts, as AWS spells zone ids", () => {
        expect(zoneIdPrefix("us-east-1")).toBe("use1");
        expect(zoneIdPrefix("us-west-2")).toBe("usw2");
        expect(zoneIdPrefix("ap-northeast-1")).toBe("apne1");
        expect(zoneIdPrefix("ap-southeast-2")).toBe("apse2");
        expect(zoneIdPrefix("eu-central-1")).toBe("euc1");
        expect(zoneIdPrefix("ca-central-1")).toBe("cac1");
        expect(zoneIdPrefix("sa-east-1")).toBe("sae1");
        for (const region of AWS_REGIONS) {
            expect(zoneIdPrefix(region), region).toMatch(/^[a-z]{2}[a-z]{1,2}\d+$/);
        }
    });

    it("give each zone a fixed slot from its number, and none to names, Local Zones or numbers past six", () => {
        expect(["use1-az1", "use1-az2", "use1-az6"].map(availabilityZoneSlot)).toEqual([0, 1, 5]);
        for (const zone of ["us-east-1a", "use1-bos1-az1", "use1-az7", "use1-az0", "az1"]) {
            expect(availabilityZoneSlot(zone), zone).toBeUndefined();
        }
        expect(parseZoneId("apne1-az4")).toEqual({ prefix: "apne1", number: 4 });
    });

    it("list the zones EKS refuses as ids of their own Region", () => {
        for (const [region, zones] of Object.entries(EKS_UNSUPPORTED_ZONE_IDS)) {
            for (const zone of zones) {
                expect(parseZoneId(zone)?.prefix, zone).toBe(zoneIdPrefix(region));
                expect(eksSupportsZone(region, zone)).toBe(false);
            }
        }
        expect(eksSupportsZone("us-east-1", "use1-az1")).toBe(true);
        expect(eksSupportsZone("us-west-2", "usw2-az3")).toBe(true);
    });
});

describe("the fake account's zones", () => {
    it("map letters to shuffled ids, one of them the zone EKS refuses, the way a real account does", () => {
        const zones = fakeAvailabilityZones("us-east-1");
        expect(zones.find((z) => z.name === "us-east-1a")!.zoneId).not.toBe("use1-az1");
        expect(zones.map((z) => z.zoneId)).toContain("use1-az3");
        expect(new Set(zones.map((z) => z.zoneId)).size).toBe(zones.length);
        const invoked = fakeInvoke("aws:index/getAvailabilityZones:getAvailabilityZones", { region: "us-west-2" }, { region: "us-east-1" });
        expect(invoked.names).toEqual(fakeAvailabilityZones("us-west-2").map((z) => z.name));
        expect((invoked.zoneIds as string[]).every((id) => id.startsWith("usw2-az"))).toBe(true);
    });
});

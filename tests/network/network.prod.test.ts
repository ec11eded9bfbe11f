import { describe, expect, it } from "vitest";
import { describeNetwork, expectationsFromStackFile } from "./networkAssertions";

describe("prod stack file", () => {
    it("is the highly available shape: three zones, a NAT gateway per zone, a year of flow logs", () => {
        expect(expectationsFromStackFile("prod")).toMatchObject({ vpcCidr: "10.40.0.0/16", natGateways: 3, flowLogRetentionDays: 365 });
        expect(expectationsFromStackFile("prod").zones).toHaveLength(3);
    });
});

describeNetwork("prod", expectationsFromStackFile("prod"));

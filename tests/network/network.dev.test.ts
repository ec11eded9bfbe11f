import { describe, expect, it } from "vitest";
import { describeNetwork, expectationsFromStackFile } from "./networkAssertions";

describe("dev stack file", () => {
    it("is the cheap shape: two zones, one NAT gateway, 30-day flow logs", () => {
        expect(expectationsFromStackFile("dev")).toMatchObject({ vpcCidr: "10.20.0.0/16", natGateways: 1, flowLogRetentionDays: 30 });
        expect(expectationsFromStackFile("dev").zones).toHaveLength(2);
    });
});

describeNetwork("dev", expectationsFromStackFile("dev"));

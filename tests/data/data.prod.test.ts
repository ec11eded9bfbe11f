import { describe, expect, it } from "vitest";
import { describeDataTier, platformConfigOf } from "./dataAssertions";

describe("prod stack file (data)", () => {
    it("is multi-AZ with 30-day retention, replicas in a second region and a locked vault", () => {
        const data = platformConfigOf("prod").data;
        expect(data.aurora).toMatchObject({ readers: 1, backupRetentionDays: 30, readerAutoScaling: { enabled: true } });
        expect(data.cache.replicasPerShard).toBeGreaterThanOrEqual(1);
        expect(data.replicaRegion).toBe("us-west-2");
        expect(data.backup).toMatchObject({ dailyRetentionDays: 30, copyToReplicaRegion: true, vaultLock: { enabled: true } });
        expect(data.dynamodb.tables.every((t) => t.replicated)).toBe(true);
    });
});

describeDataTier("prod");

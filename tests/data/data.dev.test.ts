import { describe, expect, it } from "vitest";
import { describeDataTier, platformConfigOf } from "./dataAssertions";

describe("dev stack file (data)", () => {
    it("is the cheap shape: one auto-pausing Serverless v2 writer, one t4g.micro cache node, short retention, no replicas", () => {
        const data = platformConfigOf("dev").data;
        expect(data.aurora).toMatchObject({ writerInstanceClass: "db.serverless", readers: 0, serverless: { minCapacity: 0 }, backupRetentionDays: 7 });
        expect(data.cache).toMatchObject({ nodeType: "cache.t4g.micro", replicasPerShard: 0, shards: 1 });
        expect(data.replicaRegion).toBeUndefined();
        expect(data.backup).toMatchObject({ dailyRetentionDays: 7, copyToReplicaRegion: false, vaultLock: { enabled: false } });
    });
});

describeDataTier("dev");

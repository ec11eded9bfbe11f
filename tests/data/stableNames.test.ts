import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";

/** Physical names and identifiers that, if they changed, would replace a stateful resource. */
function identities(result: StackRunResult): Record<string, unknown> {
    const pick = (type: string, fields: string[]): [string, unknown][] => result.ofType(type)
        .map((r: RecordedResource) => [r.urn, Object.fromEntries(fields.map((f: string) => [f, r.inputs[f]]))]);
    return Object.fromEntries([
        ...pick("aws:rds/cluster:Cluster", ["clusterIdentifier", "finalSnapshotIdentifier", "engine", "kmsKeyId", "dbSubnetGroupName", "databaseName", "masterUsername", "storageEncrypted"]),
        ...pick("aws:rds/clusterInstance:ClusterInstance", ["identifier", "availabilityZone"]),
        ...pick("aws:dynamodb/table:Table", ["name", "hashKey", "rangeKey"]),
        ...pick("aws:elasticache/replicationGroup:ReplicationGroup", ["replicationGroupId", "finalSnapshotIdentifier", "atRestEncryptionEnabled", "kmsKeyId"]),
        ...pick("aws:backup/vault:Vault", ["name", "kmsKeyArn"]),
        ...pick("aws:efs/fileSystem:FileSystem", ["creationToken", "kmsKeyId"]),
    ]);
}

const base = stackConfiguration("prod").config;
const data = JSON.parse(base["platform:data"]) as Record<string, any>;
const tags = JSON.parse(base["platform:tags"]) as Record<string, any>;

/**
 * One process runs the prod program four times under mocks, sequentially: the baseline, then each
 * unrelated change. Every stateful resource must keep its URN and its physical identifiers.
 */
describe("physical names are stable under unrelated configuration changes (prod)", () => {
    it("adding a table, changing a tag or an instance class renames nothing", async () => {
        const baseline = identities(await runStack("prod"));
        expect(Object.keys(baseline).length).toBeGreaterThanOrEqual(6);

        const withTable = structuredClone(data);
        withTable.dynamodb.tables = [
            { name: "audit-events", hashKey: "id", attributes: [{ name: "id", type: "S" }] },
            ...withTable.dynamodb.tables,
        ];
        const added = identities(await runStack("prod", { overrides: { "platform:data": JSON.stringify(withTable) } }));
        const newTableUrn = Object.keys(added).find((urn: string) => urn.endsWith("::table-audit-events"));
        expect(newTableUrn).toBeDefined();
        delete added[newTableUrn!];
        expect(added).toEqual(baseline);

        const retagged = identities(await runStack("prod", {
            overrides: { "platform:tags": JSON.stringify({ ...tags, owner: "data-team", additional: { ...tags.additional, CostOwner: "finance" } }) },
        }));
        expect(retagged).toEqual(baseline);

        const resized = structuredClone(data);
        resized.aurora.writerInstanceClass = "db.r6g.xlarge";
        resized.aurora.readerInstanceClass = "db.r6g.xlarge";
        resized.cache.nodeType = "cache.r7g.xlarge";
        const bigger = identities(await runStack("prod", { overrides: { "platform:data": JSON.stringify(resized) } }));
        expect(bigger).toEqual(baseline);
    }, 120_000);
});

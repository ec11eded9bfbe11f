import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER as ENGINE_SECRET } from "../../tools/offline/mockEngine";
import { SECRET_PLACEHOLDER } from "../../tools/review/compare";
import { nativePackageRoot, nativeReplaceOnChanges } from "../../tools/review/nativeSchema";
import { CreateOnlyMapping, REPLACEMENT_DATA, ReplacementEntry } from "../../tools/review/replacementData";

const AWS_ROOT: string = path.dirname(require.resolve("@pulumi/aws/package.json"));

/** The input names of a @pulumi/aws type's Args interface, read from its .d.ts (aws:rds/cluster:Cluster -> rds/cluster.d.ts, ClusterArgs). */
function awsInputs(type: string): Set<string> {
    const [, modulePath, className] = type.split(":");
    const text: string = fs.readFileSync(path.join(AWS_ROOT, `${modulePath}.d.ts`), "utf8");
    const start: number = text.indexOf(`export interface ${className}Args {`);
    expect(start, `${type}: ${className}Args in ${modulePath}.d.ts`).toBeGreaterThan(-1);
    const body: string = text.slice(start, text.indexOf("\n}", start));
    return new Set([...body.matchAll(/^ {4}(?:readonly )?(\w+)\??:/gm)].map((m: RegExpMatchArray) => m[1]));
}

const entries: [string, ReplacementEntry][] = Object.entries(REPLACEMENT_DATA);

describe("replacement data: every mapping still holds for the installed packages", () => {
    it("reads the installed aws-native's lists (a module the table uses has one)", () => {
        expect(JSON.parse(fs.readFileSync(path.join(nativePackageRoot(), "package.json"), "utf8")).version).toMatch(/^1\./);
        expect(nativeReplaceOnChanges("rds/dbCluster")).toEqual(expect.arrayContaining(["databaseName", "dbClusterIdentifier", "kmsKeyId", "storageEncrypted", "engineMode"]));
        // A list entry with brackets of its own does not end the list early.
        expect(nativeReplaceOnChanges("elasticache/replicationGroup")).toEqual(expect.arrayContaining(["preferredCacheClusterAzs[*]", "replicationGroupId", "snapshotName"]));
    });

    it.each(entries)("%s: every mapped create-only property is in aws-native's replaceOnChanges", (type: string, entry: ReplacementEntry) => {
        const listed: string[] | undefined = nativeReplaceOnChanges(entry.nativeModule);
        expect(listed, `${entry.nativeModule}.js`).toBeDefined();
        expect(entry.createOnly.map((m: CreateOnlyMapping) => m.native).filter((p: string) => !listed!.includes(p)), type).toEqual([]);
        if (entry.createOnly.length === 0) {
            // "None listed" must stay true; when aws-native adds some, map them.
            expect(listed, `${type} has create-only properties now: map them`).toEqual([]);
        }
    });

    it.each(entries)("%s: every mapped input exists on the @pulumi/aws type", (type: string, entry: ReplacementEntry) => {
        const inputs: Set<string> = awsInputs(type);
        expect(entry.createOnly.map((m: CreateOnlyMapping) => m.aws.split(".")[0]).filter((p: string) => !inputs.has(p)), type).toEqual([]);
    });

    it("names the physical name of every type whose name is its identity, once", () => {
        for (const [type, entry] of entries) {
            expect(entry.createOnly.filter((m) => m.identity).length, type).toBeLessThanOrEqual(1);
        }
        for (const type of ["aws:dynamodb/table:Table", "aws:s3/bucket:Bucket", "aws:rds/cluster:Cluster", "aws:sqs/queue:Queue", "aws:cloudwatch/logGroup:LogGroup", "aws:secretsmanager/secret:Secret", "aws:ecr/repository:Repository", "aws:eks/cluster:Cluster", "aws:backup/vault:Vault"]) {
            expect(REPLACEMENT_DATA[type].createOnly.some((m) => m.identity), type).toBe(true);
        }
    });

    it("covers the stateful types the platform registers", () => {
        const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "preview", "__snapshots__", "prod.json"), "utf8")) as { resources: { type: string }[] };
        const types = new Set(recorded.resources.map((r) => r.type));
        for (const type of ["aws:rds/cluster:Cluster", "aws:dynamodb/table:Table", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:efs/fileSystem:FileSystem", "aws:s3/bucket:Bucket", "aws:kms/key:Key", "aws:backup/vault:Vault", "aws:secretsmanager/secret:Secret", "aws:cloudwatch/logGroup:LogGroup", "aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:ecr/repository:Repository", "aws:sqs/queue:Queue", "aws:sns/topic:Topic", "aws:cognito/userPool:UserPool"]) {
            expect(types.has(type), `prod registers ${type}`).toBe(true);
            expect(REPLACEMENT_DATA[type], type).toBeDefined();
        }
    });

    it("masks secrets with the engine's placeholder", () => {
        expect(SECRET_PLACEHOLDER).toBe(ENGINE_SECRET);
    });
});

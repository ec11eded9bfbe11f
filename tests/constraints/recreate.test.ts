import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";

/**
 * Destroy, then create again (issue 18 §4). Some names outlive their resource: a deleted secret keeps
 * its name for the recovery window (30 days unless 0), a final snapshot stays after its database, a
 * repository or bucket with content refuses to be deleted at all. In a disposable stack (protection
 * off, as dev) `pulumi destroy && pulumi up` must work; in every stack a final snapshot must never be
 * asked for under a name an earlier deletion already used.
 */

type Rule = (r: RecordedResource) => string | undefined;

/** What a disposable stack needs of each type whose name or content outlives a destroy. */
const DISPOSABLE_RULES: Readonly<Record<string, Rule>> = {
    // https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html: the name stays taken for the window.
    "aws:secretsmanager/secret:Secret": (r) => r.inputs.recoveryWindowInDays === 0 ? undefined
        : `recoveryWindowInDays ${JSON.stringify(r.inputs.recoveryWindowInDays ?? "30 (default)")}: the name ${JSON.stringify(r.inputs.name)} stays taken after destroy`,
    // DeleteRepository fails with RepositoryNotEmptyException unless forced.
    "aws:ecr/repository:Repository": (r) => r.inputs.forceDelete === true ? undefined : "forceDelete is not true: destroy fails while the repository holds images",
    "aws:s3/bucket:Bucket": (r) => r.inputs.forceDestroy === true ? undefined : "forceDestroy is not true: destroy fails while the bucket holds objects",
    "aws:s3/bucketV2:BucketV2": (r) => r.inputs.forceDestroy === true ? undefined : "forceDestroy is not true: destroy fails while the bucket holds objects",
    "aws:backup/vault:Vault": (r) => r.inputs.forceDestroy === true ? undefined : "forceDestroy is not true: destroy fails while the vault holds recovery points",
    "aws:rds/cluster:Cluster": (r) => r.inputs.skipFinalSnapshot === true ? undefined : "takes a final snapshot: a disposable stack keeps nothing",
    "aws:elasticache/replicationGroup:ReplicationGroup": (r) => r.inputs.finalSnapshotIdentifier === undefined ? undefined : "takes a final snapshot: a disposable stack keeps nothing",
    "aws:cloudwatch/logGroup:LogGroup": (r) => r.inputs.skipDestroy === true ? "skipDestroy: the group stays and the next create collides" : undefined,
};

/** Inputs naming the snapshot a store writes when it is deleted (when it writes one). */
function finalSnapshotName(r: RecordedResource): string | undefined {
    if (r.type === "aws:rds/cluster:Cluster" && r.inputs.skipFinalSnapshot !== true) {
        return `${r.inputs.finalSnapshotIdentifier as string}`;
    }
    if (r.type === "aws:elasticache/replicationGroup:ReplicationGroup" && r.inputs.finalSnapshotIdentifier !== undefined) {
        return r.inputs.finalSnapshotIdentifier as string;
    }
    return undefined;
}

for (const stack of ["dev", "prod"] as const) {
    const protection = JSON.parse(stackConfiguration(stack).config["platform:protection"]) as Record<string, boolean>;
    const disposable: boolean = !protection.protectStatefulResources && !protection.deletionProtection && !protection.retainOnDelete;

    describe(`destroy and create again (${stack}${disposable ? ", disposable" : ", protected"})`, () => {
        let result: StackRunResult;

        it("records the stack", async () => {
            result = await runStack(stack);
            expect(result.resources.length).toBeGreaterThan(100);
        });

        it("every final snapshot name is new for each creation of its store (suffix from a RandomId created with it)", () => {
            const suffixes: string[] = result.ofType("random:index/randomId:RandomId").map((r) => String(r.outputs.hex));
            const stores: RecordedResource[] = result.resources.filter((r) => finalSnapshotName(r) !== undefined);
            if (protection.finalSnapshots) {
                expect(stores.length).toBeGreaterThan(0);
            }
            for (const store of stores) {
                const name = finalSnapshotName(store)!;
                expect(suffixes.some((hex: string) => name.endsWith(`-${hex}`)), `${store.type} ${store.name}: ${name} is the same name on every creation`).toBe(true);
            }
        });

        if (disposable) {
            it("nothing outlives destroy or blocks it", () => {
                const problems: string[] = result.resources.flatMap((r) => {
                    const rule: Rule | undefined = DISPOSABLE_RULES[r.type];
                    const found: string[] = [];
                    const problem: string | undefined = rule?.(r);
                    if (problem) {
                        found.push(`${r.type} ${r.name}: ${problem}`);
                    }
                    if (r.retainOnDelete || r.protect) {
                        found.push(`${r.type} ${r.name}: ${r.retainOnDelete ? "retainOnDelete" : "protect"} in a disposable stack`);
                    }
                    return found;
                });
                expect(problems).toEqual([]);
                // The walk saw the types it is about.
                for (const type of ["aws:secretsmanager/secret:Secret", "aws:ecr/repository:Repository", "aws:rds/cluster:Cluster"]) {
                    expect(result.all(type).length, type).toBeGreaterThan(0);
                }
            });
        } else {
            it("a protected stack keeps the 30-day recovery window on its secrets", () => {
                for (const secret of result.all("aws:secretsmanager/secret:Secret")) {
                    expect(secret.inputs.recoveryWindowInDays ?? 30, secret.name).toBe(30);
                }
            });
        }
    });
}

import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PreviewResult } from "../../tools/preview/preview";
import { aliasUrns, createUrn } from "../../tools/offline/aliases";
import { comparePreviews, Comparison } from "../../tools/review/compare";
import { ResourceChange } from "../../tools/review/model";
import { preview } from "./support/variants";

const FIXTURES: string = path.resolve(__dirname, "..", "preview", "fixtures");
const PROGRAM: string = path.join(__dirname, "fixtures", "renames.ts");
const options = (program: string) => ({
    stack: "ok",
    projectDir: path.join(FIXTURES, "project"),
    program: `${PROGRAM}#${program}`,
    policies: path.join(FIXTURES, "policies.ts"),
});
const URN = (typeChain: string, name: string): string => `urn:pulumi:ok::fixture::${typeChain}::${name}`;

describe("alias URNs as the engine computes them", () => {
    it("defaults a spec from the resource, and multiplies out the parent's aliases (a child named after its parent takes the old name)", () => {
        const parent = URN("platform:fixture:Storage", "archive");
        expect(aliasUrns([{ spec: { name: "tasks", type: "", stack: "", project: "", noParent: false } }], { name: "work", type: "aws:sqs/queue:Queue" }, undefined, "ok", "fixture"))
            .toEqual([URN("aws:sqs/queue:Queue", "tasks")]);
        expect(aliasUrns([], { name: "archive-logs", type: "aws:s3/bucket:Bucket", parent }, { name: "archive", aliases: [URN("platform:fixture:Store", "store")] }, "ok", "fixture"))
            .toEqual([URN("platform:fixture:Store$aws:s3/bucket:Bucket", "store-logs")]);
        expect(createUrn("ok", "fixture", URN("a:b:C$d:e:F", "x"), "g:h:I", "y")).toBe(URN("a:b:C$d:e:F$g:h:I", "y"));
    });
});

describe("renames through the real mock engine (fixture program, base and head)", () => {
    let base: PreviewResult;
    let head: PreviewResult;
    let comparison: Comparison;
    const find = (name: string): ResourceChange | undefined => comparison.changes.find((c: ResourceChange) => c.name === name);

    beforeAll(async () => {
        base = await preview(options("base"));
        head = await preview(options("head"));
        comparison = comparePreviews(base, head);
    });

    it("records alias URNs, inherited ones included, and only where there are aliases", () => {
        const bucket = head.resources.find((r) => r.name === "archive-logs")!;
        expect(bucket.aliases).toContain(URN("platform:fixture:Store$aws:s3/bucket:Bucket", "store-logs"));
        expect(head.resources.find((r) => r.name === "mail-v2")!.aliases).toBeUndefined();
        // @pulumi/aws gives some types aliases of their own (Bucket: the former BucketV2).
        expect(head.resources.find((r) => r.name === "work")!.aliases).toEqual([URN("aws:sqs/queue:Queue", "tasks")]);
    });

    it("a component renamed and retyped with an alias moves with its children: renamed, not deleted", () => {
        expect(find("archive")).toMatchObject({ kind: "renamed", baseUrn: URN("platform:fixture:Store", "store"), changes: [] });
        expect(comparison.changes.find((c) => c.type === "aws:s3/bucket:Bucket")).toMatchObject({ kind: "renamed", baseUrn: URN("platform:fixture:Store$aws:s3/bucket:Bucket", "store-logs"), changes: [] });
        expect(find("jobs")).toMatchObject({ kind: "renamed", changes: [] });
        // The versioning's bucket id is a fake id derived from the bucket's URN: the rename does not show as a diff.
        expect(comparison.changes.filter((c) => c.type === "aws:s3/bucketVersioning:BucketVersioning")).toEqual([
            expect.objectContaining({ kind: "renamed", changes: [] }),
        ]);
        expect(comparison.dangers.filter((d) => d.urn.includes("Store") || d.urn.includes("Storage"))).toEqual([]);
    });

    it("a queue renamed with an alias is renamed; one renamed without is deleted and created, with the alias to add", () => {
        expect(find("work")).toMatchObject({ kind: "renamed", baseUrn: URN("aws:sqs/queue:Queue", "tasks") });
        expect(find("mail")).toMatchObject({ kind: "deleted" });
        expect(find("mail")!.notes.join("\n")).toContain('give it aliases: [{ name: "mail" }]');
        expect(find("mail-v2")).toMatchObject({ kind: "created" });
        expect(comparison.dangers).toContainEqual(expect.objectContaining({ kind: "delete", urn: URN("aws:sqs/queue:Queue", "mail") }));
    });

    it("a table found through its alias whose physical name changes is replaced, and says why", () => {
        const table = find("orders-table")!;
        expect(table).toMatchObject({ kind: "replaced", baseUrn: URN("aws:dynamodb/table:Table", "orders") });
        expect(table.replacement).toEqual([{ property: "name", because: "physical name (AWS::DynamoDB::Table tableName): AWS cannot rename it" }]);
        expect(comparison.dangers).toContainEqual(expect.objectContaining({ kind: "replace", urn: URN("aws:dynamodb/table:Table", "orders-table") }));
    });

    it("a finding on a renamed resource is the same finding, not a new one", () => {
        const onBucket = (result: PreviewResult) => result.policies.violations.filter((v) => v.urn?.endsWith("-logs") && v.enforcementLevel === "mandatory");
        expect(onBucket(base).length).toBeGreaterThan(0);
        expect(onBucket(head).length).toBe(onBucket(base).length);
        expect(comparison.dangers.filter((d) => d.kind === "policy-finding")).toEqual([]);
    });
});

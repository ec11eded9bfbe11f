import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PreviewResource, PreviewResult } from "../../tools/preview/preview";
import { aliasUrns } from "../../tools/offline/aliases";
import { Comparison, comparePreviews } from "../../tools/review/compare";
import { Danger, ResourceChange } from "../../tools/review/model";
import { reviewPreviews } from "../../tools/review/review";
import { renderText } from "../../tools/review/render";
import { StackConfig, copy, preview, variantProject } from "./support/variants";

/**
 * prod: the committed stack as base; a head through the real program with configuration changes
 * (Aurora's database name, a bigger node group); and heads built from the base's JSON for what the
 * program or its configuration refuses to do in prod (protection off, a world-open rule) or a
 * refactoring of the program itself (a component's type changed, with and without an alias).
 */
let base: PreviewResult;
let head: PreviewResult;

beforeAll(async () => {
    base = await preview({ stack: "prod" });
    head = await preview({
        stack: "prod",
        projectDir: variantProject("prod", (config: StackConfig) => {
            config["platform:data"].aurora.databaseName = "orders_v2";
            config["platform:compute"].nodeGroups[0].desiredSize = 4;
        }),
    });
});

const AURORA = "urn:pulumi:prod::platform::platform:data:DataTier$aws:rds/cluster:Cluster::aurora";
const TABLE = "urn:pulumi:prod::platform::platform:data:DataTier$aws:dynamodb/table:Table::table-orders";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function edited(edit: (resources: Map<string, Writable<PreviewResource>>, result: Writable<PreviewResult>) => void): PreviewResult {
    const result = copy(base) as Writable<PreviewResult>;
    const byUrn = new Map(result.resources.map((r) => [r.urn, r as Writable<PreviewResource>]));
    edit(byUrn, result);
    return result;
}

const dangers = (comparison: Comparison, kind: Danger["kind"]): Danger[] => comparison.dangers.filter((d: Danger) => d.kind === kind);

describe("offline review of prod (real program)", () => {
    it("the same program twice: nothing changes, nothing is dangerous, exit 0", () => {
        const review = reviewPreviews(base, copy(base), { baseLabel: "a", headLabel: "b", acknowledgements: [] });
        expect(review.changes).toEqual([]);
        expect(review.counts.unchanged).toBe(base.resources.length);
        expect(review.exitCode).toBe(0);
    });

    it("Aurora's database name (configuration): replaced, and protected, so the engine refuses until protect is removed", () => {
        const comparison = comparePreviews(base, head);
        const aurora = comparison.changes.find((c: ResourceChange) => c.urn === AURORA)!;
        expect(aurora.kind).toBe("replaced");
        expect(aurora.replacement.map((r) => r.property)).toEqual(["databaseName"]);
        expect(dangers(comparison, "replace")).toEqual([expect.objectContaining({ urn: AURORA, message: expect.stringContaining("it is protected") })]);
        expect(comparison.affected.map((a) => a.name)).toEqual(expect.arrayContaining(["aurora-writer", "aurora-reader-1"]));
        // The node group: an update that costs more, nothing else changes.
        expect(comparison.changes.map((c) => `${c.kind} ${c.name}`)).toEqual(["updated nodes-system", "replaced aurora"]);
        // A fourth system node costs its instance hours (compute) and the vCPUs GuardDuty Runtime Monitoring watches (account).
        expect(comparison.cost.byComponent.map((c) => c.component)).toEqual(["account", "compute"]);
        expect(comparison.cost.byComponent.every((c) => c.deltaUsd > 0)).toBe(true);
    });

    it("is the README's sample: the same counts, cost line and cost by layer (a change that moves them fails here)", () => {
        const readme: string = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
        const text: string = renderText(reviewPreviews(base, head, { baseLabel: "base.json", headLabel: "head.json", acknowledgements: [] }));
        const sample: string[] = text.split("\n").filter((line: string) => /^\d+ created, |^ {2}\S+ +\$[\d.]+ -> /.test(line));
        expect(sample.length).toBeGreaterThanOrEqual(2);
        for (const line of sample) {
            expect(readme.includes(line), `README's review sample lacks: ${line}`).toBe(true);
        }
    });

    it("protect, retainOnDelete and deletion protection removed are each flagged", () => {
        const comparison = comparePreviews(base, edited((byUrn) => {
            const aurora = byUrn.get(AURORA)!;
            aurora.protect = false;
            [...byUrn.values()].find((r) => r.type === "aws:kms/key:Key" && r.retainOnDelete)!.retainOnDelete = false;
            aurora.inputs.deletionProtection = false;
            byUrn.get(TABLE)!.inputs.deletionProtectionEnabled = false;
        }));
        expect(comparison.changes.find((c) => c.urn === AURORA)).toMatchObject({ kind: "updated" });
        expect(dangers(comparison, "unprotect").map((d) => d.urn)).toEqual([AURORA]);
        expect(dangers(comparison, "retain-removed").map((d) => d.type)).toEqual(["aws:kms/key:Key"]);
        expect(dangers(comparison, "deletion-protection-removed").map((d) => d.message).sort()).toEqual([
            "aws:dynamodb/table:Table table-orders: deletionProtectionEnabled true -> false",
            "aws:rds/cluster:Cluster aurora: deletionProtection true -> false",
        ]);
    });

    it("a table's physical name changed under the same logical name: replaced, its name being its identity", () => {
        const comparison = comparePreviews(base, edited((byUrn) => {
            byUrn.get(TABLE)!.inputs.name = "platform-prod-orders-2";
        }));
        const table = comparison.changes.find((c) => c.urn === TABLE)!;
        expect(table.kind).toBe("replaced");
        expect(table.replacement).toEqual([{ property: "name", because: "physical name (AWS::DynamoDB::Table tableName): AWS cannot rename it" }]);
        expect(dangers(comparison, "replace").map((d) => d.urn)).toEqual([TABLE]);
    });

    it("new paths in: ingress from 0.0.0.0/0 (rule resource and inline) and an unconditioned public principal; not a narrowed one", () => {
        const rule = base.resources.find((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")!;
        const comparison = comparePreviews(base, edited((byUrn, result) => {
            result.resources.push({ ...copy(rule), urn: rule.urn.replace(/::[^:]+$/, "::from-anywhere"), name: "from-anywhere", inputs: { ...rule.inputs, cidrIpv4: "0.0.0.0/0" } });
            const group = [...byUrn.values()].find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
            group.inputs.ingress = [{ protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }];
            const bucketPolicy = [...byUrn.values()].find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy")!;
            const document = JSON.parse(bucketPolicy.inputs.policy as string);
            document.Statement.push({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" });
            document.Statement.push({ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:PutObject", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } });
            bucketPolicy.inputs.policy = JSON.stringify(document);
        }));
        expect(dangers(comparison, "internet-ingress").map((d) => d.message)).toEqual(expect.arrayContaining([
            expect.stringContaining("from-anywhere: new ingress from 0.0.0.0/0 on tcp/443"),
            expect.stringContaining("new ingress from ::/0 on tcp/22"),
        ]));
        expect(dangers(comparison, "public-principal").map((d) => d.message)).toEqual([expect.stringContaining("Allow s3:GetObject to principal *")]);
    });

    it("a new mandatory finding is flagged; one the base had already is not", () => {
        const comparison = comparePreviews(base, edited((_, result) => {
            result.policies.violations.push({ policy: "sec-example", enforcementLevel: "mandatory", urn: AURORA, message: "example finding\nwith detail" });
        }));
        expect(dangers(comparison, "policy-finding")).toEqual([expect.objectContaining({ urn: AURORA, message: "new mandatory finding sec-example: example finding" })]);
        const withBoth = edited((_, result) => result.policies.violations.push({ policy: "sec-example", enforcementLevel: "mandatory", urn: AURORA, message: "x" }));
        expect(dangers(comparePreviews(withBoth, copy(withBoth)), "policy-finding")).toEqual([]);
    });

    it("a component's type changed: without an alias every child is deleted and created (stateful ones dangerous); with one, renamed and safe", () => {
        const retyped = (withAlias: boolean): PreviewResult => edited((_, result) => {
            const aliasesOf = new Map<string, string[]>();
            result.resources = result.resources.map((r) => {
                if (!r.urn.includes("platform:data:DataTier")) {
                    return r;
                }
                const moved = { ...r, urn: r.urn.replace("platform:data:DataTier", "platform:data:Data"), type: r.type.replace("platform:data:DataTier", "platform:data:Data"), parent: r.parent?.replace("platform:data:DataTier", "platform:data:Data") };
                return moved;
            });
            if (!withAlias) {
                return;
            }
            // The engine's aliases for { aliases: [{ type: "platform:data:DataTier" }] } on the component, inherited by
            // its children and theirs (parents first).
            const byUrn = new Map(result.resources.map((r) => [r.urn, r]));
            const resolve = (urn: string): string[] => {
                if (!aliasesOf.has(urn)) {
                    const r = byUrn.get(urn)!;
                    const own = r.type === "platform:data:Data" ? [{ spec: { name: "", type: "platform:data:DataTier", stack: "", project: "", noParent: false } }] : [];
                    const parent = r.parent && byUrn.has(r.parent) ? { name: byUrn.get(r.parent)!.name, aliases: resolve(r.parent) } : undefined;
                    aliasesOf.set(urn, aliasUrns(own, { name: r.name, type: r.type, parent: r.parent }, parent, "prod", "platform"));
                }
                return aliasesOf.get(urn)!;
            };
            result.resources = result.resources.map((r) => (r.urn.includes("platform:data:Data") ? { ...r, aliases: resolve(r.urn) } : r));
        });
        const without = comparePreviews(base, retyped(false));
        expect(without.counts.deleted).toBe(without.counts.created);
        expect(without.counts.deleted).toBeGreaterThan(30);
        expect(dangers(without, "delete").map((d) => d.type)).toEqual(expect.arrayContaining(["aws:rds/cluster:Cluster", "aws:dynamodb/table:Table", "aws:s3/bucket:Bucket", "aws:efs/fileSystem:FileSystem"]));
        const withAlias = comparePreviews(base, retyped(true));
        expect(withAlias.counts).toMatchObject({ created: 0, deleted: 0, replaced: 0, updated: 0 });
        expect(withAlias.counts.renamed).toBe(without.counts.deleted);
        expect(withAlias.dangers).toEqual([]);
    });

    it("secrets are compared as placeholders and never printed", () => {
        const secretHolder = base.resources.find((r) => r.secretInputs.length > 0)!;
        const key = secretHolder.secretInputs[0];
        const comparison = comparePreviews(base, edited((byUrn) => {
            const r = byUrn.get(secretHolder.urn)!;
            r.secretInputs = r.secretInputs.filter((k) => k !== key);
            r.inputs[key] = "hunter2-plaintext";
        }));
        const change = comparison.changes.find((c) => c.urn === secretHolder.urn)!;
        expect(change.changes).toEqual([{ path: key, before: "[secret]", after: "[secret]", secret: true }]);
        expect(JSON.stringify(comparison)).not.toContain("hunter2");
    });
});

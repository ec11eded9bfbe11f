import { beforeAll, describe, expect, it } from "vitest";
import type { PreviewResult } from "../../tools/preview/preview";
import { Danger, ResourceChange, Review } from "../../tools/review/model";
import { renderMarkdown, renderText } from "../../tools/review/render";
import { reviewPreviews } from "../../tools/review/review";
import { StackConfig, preview, variantProject } from "./support/variants";

/**
 * dev through the real program, both sides from configuration: the base with the stateful
 * resources protected (as prod has them), the head with the committed dev settings (protection
 * off) and a pull request's worth of changes: the Aurora database renamed (create-only), the orders
 * table renamed in config (its logical name changes with it), a bigger node group, a public ALB origin.
 */
let review: Review;
let base: PreviewResult;
let head: PreviewResult;

beforeAll(async () => {
    base = await preview({
        stack: "dev",
        projectDir: variantProject("dev", (config: StackConfig) => {
            config["platform:protection"] = { protectStatefulResources: true, deletionProtection: true, finalSnapshots: true, retainOnDelete: true };
        }),
    });
    head = await preview({
        stack: "dev",
        projectDir: variantProject("dev", (config: StackConfig) => {
            config["platform:data"].aurora.databaseName = "orders_v2";
            config["platform:data"].dynamodb.tables[0].name = "orders-v2";
            config["platform:data"].access[0].tables = ["orders-v2"];
            config["platform:compute"].nodeGroups[1].desiredSize = 3;
            config["platform:edge"].apiOrigin = { enabled: true, kind: "publicAlb", domainName: "api.dev.example.com" };
        }),
    });
    review = reviewPreviews(base, head, { baseLabel: "protected dev", headLabel: "dev with changes", acknowledgements: [] });
});

const changeOf = (type: string, name: string): ResourceChange | undefined => review.changes.find((c: ResourceChange) => c.type === type && c.name === name);
const dangersOf = (kind: Danger["kind"]): Danger[] => review.dangers.filter((d: Danger) => d.kind === kind);

describe("offline review of dev (real program, configuration changes)", () => {
    it("a changed create-only property replaces the Aurora cluster, naming the property; a stateful replacement is dangerous", () => {
        const aurora = changeOf("aws:rds/cluster:Cluster", "aurora")!;
        expect(aurora.kind).toBe("replaced");
        expect(aurora.replacement).toEqual([{ property: "databaseName", because: "create-only in AWS::RDS::DBCluster (databaseName)" }]);
        expect(aurora.changes).toContainEqual({ path: "databaseName", before: "app", after: "orders_v2" });
        expect(dangersOf("replace").map((d) => d.urn)).toContain(aurora.urn);
        // Its instance holds the cluster: the note says the real preview may change it too.
        expect(changeOf("aws:rds/clusterInstance:ClusterInstance", "aurora-writer")?.notes.join("\n")).toContain("depends on aurora, which is replaced");
    });

    it("renaming the table in config changes its logical name: the old table is deleted (dangerous) and a new one created", () => {
        expect(changeOf("aws:dynamodb/table:Table", "table-orders")?.kind).toBe("deleted");
        expect(changeOf("aws:dynamodb/table:Table", "table-orders-v2")?.kind).toBe("created");
        const deletion = dangersOf("delete").find((d) => d.urn.endsWith("::table-orders"))!;
        expect(deletion.message).toContain("loses the table's items");
        expect(deletion.message).toContain("protected");
        expect(deletion.message).toContain('aliases: [{ name: "table-orders" }]');
    });

    it("protection switched off is flagged per resource: protect, retainOnDelete and deletion protection", () => {
        const unprotected: string[] = dangersOf("unprotect").map((d) => d.urn);
        expect(unprotected.some((u) => u.endsWith("aws:rds/cluster:Cluster::aurora"))).toBe(true);
        expect(unprotected.some((u) => u.includes("aws:kms/key:Key"))).toBe(true);
        expect(dangersOf("retain-removed").length).toBeGreaterThan(0);
        const weakened: string[] = dangersOf("deletion-protection-removed").map((d) => d.message);
        expect(weakened.some((m) => m.includes("aws:rds/cluster:Cluster aurora: deletionProtection true -> false"))).toBe(true);
        expect(weakened.some((m) => m.includes("skipFinalSnapshot"))).toBe(true);
    });

    it("a bigger node group is an update with its cost delta on the compute layer", () => {
        expect(changeOf("aws:eks/nodeGroup:NodeGroup", "nodes-workers")).toMatchObject({ kind: "updated", changes: [{ path: "scalingConfig.desiredSize", before: 1, after: 3 }] });
        const compute = review.cost.byComponent.find((c) => c.component === "compute")!;
        expect(compute.deltaUsd).toBeGreaterThan(0);
        expect(review.cost.deltaUsd).toBeCloseTo(review.cost.headTotalUsd - review.cost.baseTotalUsd, 2);
    });

    it("a new ingress rule from CloudFront's prefix list is created but is no internet path", () => {
        expect(changeOf("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "api-origin-cloudfront-https")?.kind).toBe("created");
        expect(dangersOf("internet-ingress")).toEqual([]);
    });

    it("exits 1 and says so in every format; the Markdown carries the stack's marker", () => {
        expect(review.exitCode).toBe(1);
        expect(renderText(review)).toMatch(/^DANGEROUS: \d+ unacknowledged changes$/m);
        const markdown: string = renderMarkdown(review);
        expect(markdown.split("\n")[0]).toBe("<!-- platform-offline-review:dev -->");
        expect(markdown).toContain("| compute |");
        expect(markdown.length).toBeLessThan(65_536);
    });
});

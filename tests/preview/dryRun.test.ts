import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { CostItem } from "../../tools/preview/cost";
import { PreviewResult, runOfflinePreview } from "../../tools/preview/preview";
import { renderReport, usd4 } from "../../tools/preview/report";

let dryRun: PreviewResult;
/** The same stack with fake-cloud ids (the golden the stack-dev suite keeps current). */
const update: PreviewResult = JSON.parse(fs.readFileSync(path.join(__dirname, "__snapshots__", "dev.json"), "utf8")) as PreviewResult;

beforeAll(async () => {
    const outcome = await runOfflinePreview({ stack: "dev", dryRun: true });
    if (!outcome.result) {
        throw new Error(outcome.failure?.message);
    }
    dryRun = outcome.result;
});

const lines = (items: readonly CostItem[]): string[] => items.map((i: CostItem) => `${i.urn} ${i.rate} ${i.quantity}`).sort();

describe("a dry run (first pulumi preview: ids and ARNs unknown) costs what the update costs", () => {
    it("prices the same lines, node-group volumes and queue requests included", () => {
        expect(lines(dryRun.cost.items)).toEqual(lines(update.cost.items));
        expect(dryRun.cost.items.some((i: CostItem) => i.rate === "ebsGp3GbMonth" && i.type === "aws:eks/nodeGroup:NodeGroup")).toBe(true);
        expect(dryRun.cost.items.some((i: CostItem) => i.rate === "sqsStandardRequestsMillion")).toBe(true);
        expect(dryRun.cost.totalMonthlyUsd).toBe(update.cost.totalMonthlyUsd);
    });
});

describe("cost lines say what they are", () => {
    it("labels Spot node groups as Spot, not on-demand", () => {
        const spot: CostItem[] = update.cost.items.filter((i: CostItem) => i.type === "aws:eks/nodeGroup:NodeGroup" && i.name.includes("workers") && i.rate.startsWith("ec2."));
        expect(spot.length).toBeGreaterThan(0);
        for (const item of spot) {
            expect(item.description).toMatch(/Spot/);
            expect(item.description).not.toMatch(/on-demand\)/);
        }
    });

    it("prints sub-cent unit prices with their digits (Lambda per GB-second)", () => {
        expect(usd4(0.0000166667)).toBe("$0.0000167");
        expect(renderReport(update)).not.toMatch(/lambdaGbSecond\w*: \$0 per/);
    });

    it("names the price table's region in the cost header", () => {
        expect(renderReport(update)).toContain("Estimated monthly cost (USD, us-east-1 list prices)");
        expect(renderReport({ ...update, cost: { ...update.cost, region: "eu-central-1" } })).toContain("us-east-1 list prices; the stack's region eu-central-1 may differ");
    });
});

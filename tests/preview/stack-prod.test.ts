import { beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../tools/preview/report";
import { StackPreview, expectStablePublicResult, previewStack } from "./support/stackSnapshot";

let prod: StackPreview;

beforeAll(async () => {
    prod = await previewStack("prod");
});

describe("offline preview of the prod stack (real program and policy pack)", () => {
    it("fits a 120-column terminal and puts the verdict and cost total first (and the verdict last)", () => {
        const lines: string[] = renderReport(prod.result, { width: 120 }).trimEnd().split("\n");
        expect(lines.filter((line: string) => [...line].length > 120)).toEqual([]);
        expect(lines.slice(0, 4).join("\n")).toMatch(/^(OK: no mandatory policy violations|FAILED: \d+ mandatory)/m);
        expect(lines.slice(0, 4).join("\n")).toMatch(/estimated \$\d+\.\d\d a month/);
        expect(lines[lines.length - 1]).toMatch(/^(OK: no mandatory policy violations|FAILED: \d+ mandatory)/);
    });

    it("matches the golden JSON", async () => {
        await expect(prod.json).toMatchFileSnapshot("__snapshots__/prod.json");
    });

    it("keeps the README's Mermaid diagram current", async () => {
        await expect(prod.result.graph).toMatchFileSnapshot("../../docs/preview/prod.mmd");
    });

    it("has stable ordering and no secrets", () => {
        expectStablePublicResult(prod);
    });

    it("estimates prod with a NAT gateway per zone and protects its keys", () => {
        expect(prod.result.cost.items.filter((i) => i.rate === "natGatewayHour")).toHaveLength(3);
        const keys = prod.result.resources.filter((r) => r.type === "aws:kms/key:Key");
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.every((k) => k.protect && k.retainOnDelete)).toBe(true);
        expect(prod.report).toMatch(/aws:kms\/key:Key\s+\S+\s+\[protected\] \[retainOnDelete\]/);
        expect(prod.result.cost.byComponent.map((c) => c.component)).toEqual(["access-logs", "access-logs-replica", "account", "compute", "data", "delivery", "edge", "integration", "network", "observability", "security"]);
        // Delivery: the registries' key and ECR storage; the Argo CD capability fee is listed as unpriced, with why.
        expect(new Set(prod.result.cost.items.filter((i) => i.component === "delivery").map((i) => i.type))).toEqual(new Set([
            "aws:kms/key:Key", "aws:ecr/repository:Repository", "aws:cloudwatch/logGroup:LogGroup",
        ]));
        expect(prod.result.cost.unpriced.find((u) => u.type === "aws:eks/capability:Capability")?.note).toContain("not in the price table");
        expect(prod.result.cost.items.filter((i) => i.rate === "sqsFifoRequestsMillion")).toHaveLength(1);
        // The cluster, its node groups (EC2 + EBS) and Fargate are priced, not left at $0.
        // Edge and operations are priced: CloudFront requests, WAF ACLs, rules and requests, alarms, filters, the dashboard.
        const rates = new Set(prod.result.cost.items.map((i) => i.rate));
        for (const rate of ["cloudFrontHttpsRequestsMillion", "wafWebAclMonth", "wafRuleMonth", "wafRequestsMillion", "cloudWatchAlarmMonth", "cloudWatchCustomMetricMonth", "cloudWatchDashboardMonth"]) {
            expect(rates.has(rate as never), rate).toBe(true);
        }
        expect(rates.has("shieldAdvancedMonth")).toBe(false);
        expect(rates.has("prometheusIngestTenMillionSamples")).toBe(true);
        expect(new Set(prod.result.cost.items.filter((i) => i.component === "compute").map((i) => i.type))).toEqual(new Set([
            "aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:eks/fargateProfile:FargateProfile", "aws:cloudwatch/logGroup:LogGroup",
        ]));
    });

    it("prices with prod's own assumptions and prices the account's detectors, dev's nodes included", () => {
        const items = prod.result.cost.items;
        expect(prod.result.cost.assumptionSources).toEqual(["cost/prod.yaml"]);
        // 3 x m6i.large (2 vCPUs) + 3 x m6i.xlarge + 3 x m6i.xlarge Spot (4 vCPUs) + dev's 4 vCPUs.
        expect(items.find((i) => i.name === "runtime-monitoring")).toMatchObject({ rate: "guardDutyRuntimeVcpuMonth", quantity: 34 });
        // The CLOUDFRONT web ACL inspects every CloudFront request; no free tier is claimed.
        const requests: number = prod.result.cost.assumptions.cloudFrontRequestsMillionPerMonth;
        expect(items.find((i) => i.name === "cloudfront" && i.rate === "wafRequestsMillion")!.quantity).toBe(requests);
        expect(items.find((i) => i.name === "edge" && i.rate === "cloudFrontHttpsRequestsMillion")!.quantity).toBe(requests);
        // Traced functions pay for their traces.
        expect(items.filter((i) => i.rate === "xRayTracesRecordedMillion").length).toBeGreaterThan(0);
        // The levers reviewers asked for, each priced.
        expect(prod.result.cost.levers.map((l) => l.id)).toEqual(expect.arrayContaining(["interface-endpoints", "graviton-nodes-general", "regional-web-acl", "dynamodb-daily-backups", "dynamodb-backup-copies"]));
    });

    it("prices the prod data tier: two provisioned instances, two cache nodes, replicas and backup copies", () => {
        const items = prod.result.cost.items;
        expect(items.filter((i) => i.rate === "auroraR6gLargeHour")).toHaveLength(2);
        expect(items.filter((i) => i.rate === "elastiCacheValkeyR7gLargeHour").map((i) => i.quantity)).toEqual([1460]);
        expect(items.find((i) => i.type === "aws:dynamodb/table:Table" && i.rate === "dynamoDbWriteMillion")!.quantity).toBe(2);
        // Backups are priced per resource kind at AWS Backup's rate for it, again in the copy Region.
        expect(items.filter((i) => i.type === "aws:backup/plan:Plan" && i.rate === "backupAuroraSnapshotGbMonth")).toHaveLength(4);
        expect(items.filter((i) => i.type === "aws:backup/plan:Plan" && i.rate === "backupDynamoDbGbMonth")).toHaveLength(4);
        expect(items.some((i) => i.type === "aws:s3/bucketReplicationConfig:BucketReplicationConfig")).toBe(true);
    });
});

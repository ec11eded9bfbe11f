import { beforeAll, describe, expect, it } from "vitest";
import { StackPreview, expectStablePublicResult, previewStack } from "./support/stackSnapshot";

let dev: StackPreview;

beforeAll(async () => {
    dev = await previewStack("dev");
});

describe("offline preview of the dev stack (real program and policy pack)", () => {
    it("matches the golden JSON", async () => {
        await expect(dev.json).toMatchFileSnapshot("__snapshots__/dev.json");
    });

    it("keeps the README's Mermaid diagram current", async () => {
        await expect(dev.result.graph).toMatchFileSnapshot("../../docs/preview/dev.mmd");
    });

    it("lists what the stack expects to exist before the first pulumi up, with a check for each", () => {
        expect(dev.result.externalReferences.map((r) => r.key)).toContain("platform:edge.domain.hostedZoneId");
        expect(dev.report).toMatch(/External references: \d+ the configuration names but this stack does not create/);
        expect(dev.report).toContain("check: aws route53 get-hosted-zone --id Z0DEV456789ABCDEFGHIJ");
    });

    it("applies the repository's policy config by default, as CI and the real preview do", () => {
        expect(dev.result.policies.notApplicable.some((n) => n.reason.startsWith("exempt:"))).toBe(true);
    });

    it("has stable ordering and no secrets", () => {
        expectStablePublicResult(dev);
    });

    it("estimates dev with one NAT gateway and nothing protected", () => {
        expect(dev.result.cost.items.filter((i) => i.rate === "natGatewayHour")).toHaveLength(1);
        expect(dev.result.resources.filter((r) => r.protect)).toEqual([]);
        expect(dev.result.cost.byComponent.map((c) => c.component)).toEqual(["access-logs", "compute", "data", "delivery", "edge", "integration", "network", "observability", "security"]);
        // The request-priced integration services are estimated from the printed assumptions, not left at $0.
        expect(new Set(dev.result.cost.items.filter((i) => i.component === "integration").map((i) => i.type))).toEqual(new Set([
            "aws:kms/key:Key", "aws:sqs/queue:Queue", "aws:sns/topic:Topic", "aws:cloudwatch/eventBus:EventBus", "aws:cloudwatch/eventArchive:EventArchive",
            "aws:lambda/function:Function", "aws:sfn/stateMachine:StateMachine", "aws:apigatewayv2/api:Api", "aws:cognito/userPool:UserPool", "aws:cloudwatch/logGroup:LogGroup",
        ]));
        // The cluster, its node groups (EC2 + EBS) and Fargate are priced, not left at $0.
        // Edge and operations are priced: CloudFront requests, WAF ACLs, rules and requests, alarms, filters, the dashboard.
        const rates = new Set(dev.result.cost.items.map((i) => i.rate));
        for (const rate of ["cloudFrontHttpsRequestsMillion", "wafWebAclMonth", "wafRuleMonth", "wafRequestsMillion", "cloudWatchAlarmMonth", "cloudWatchCustomMetricMonth", "cloudWatchDashboardMonth"]) {
            expect(rates.has(rate as never), rate).toBe(true);
        }
        expect(rates.has("shieldAdvancedMonth")).toBe(false);
        expect(rates.has("prometheusIngestTenMillionSamples")).toBe(false);
        expect(new Set(dev.result.cost.items.filter((i) => i.component === "compute").map((i) => i.type))).toEqual(new Set([
            "aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:eks/fargateProfile:FargateProfile", "aws:cloudwatch/logGroup:LogGroup",
        ]));
    });

    it("costs at most $300 a month with every layer on, at dev's own assumptions (cost/dev.yaml), with dev's levers taken", () => {
        expect(dev.result.cost.assumptionSources).toEqual(["cost/dev.yaml"]);
        expect(dev.result.cost.totalMonthlyUsd).toBeLessThanOrEqual(300);
        expect(dev.report).toContain("Assumptions (cost/dev.yaml):");
        // The choices dev made: no REGIONAL web ACL, the system pool on Graviton, weekly table backups.
        const levers: string[] = dev.result.cost.levers.map((l) => l.id);
        expect(levers).not.toContain("regional-web-acl");
        expect(levers).not.toContain("graviton-nodes-system");
        expect(levers).not.toContain("dynamodb-daily-backups");
        expect(dev.result.cost.items.find((i) => i.name === "nodes-system" && i.rate.startsWith("ec2."))?.rate).toBe("ec2.t4g.medium");
        // Restores are tested once a month: weekly would cost more, and the preview says how much.
        expect(dev.result.cost.levers.find((l) => l.id === "restore-testing")).toMatchObject({ choice: "cron(0 10 ? * SAT#1 *), 1 run a month" });
        expect(dev.result.cost.levers.find((l) => l.id === "restore-testing")!.savingMonthlyUsd).toBeLessThan(0);
        // What is left to choose is shown with its price, the endpoint break-even included.
        expect(dev.report).toMatch(/platform:network\.interfaceEndpoints: none: .* each endpoint pays for itself above 418 GB a month/s);
    });

    it("keeps the dev data tier cheap: an auto-pausing Serverless v2 writer, one small cache node, under $60 a month", () => {
        const data = dev.result.cost.byComponent.find((c) => c.component === "data")!;
        expect(data.monthlyUsd).toBeLessThan(60);
        const writer = dev.result.cost.items.find((i) => i.name === "aurora-writer")!;
        expect(writer).toMatchObject({ rate: "auroraAcuHour", quantity: 160 });
        expect(dev.result.cost.items.filter((i) => i.type === "aws:elasticache/replicationGroup:ReplicationGroup").map((i) => [i.rate, i.quantity]))
            .toEqual([["elastiCacheValkeyT4gMicroHour", 730]]);
        for (const type of ["aws:dynamodb/table:Table", "aws:efs/fileSystem:FileSystem", "aws:s3/bucket:Bucket", "aws:backup/plan:Plan", "aws:rds/cluster:Cluster"]) {
            expect(dev.result.cost.items.some((i) => i.type === type), type).toBe(true);
        }
        expect(dev.result.cost.items.some((i) => i.type === "aws:rds/cluster:Cluster" && i.rate === "secretMonth")).toBe(true);
    });
});

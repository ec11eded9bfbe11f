import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { CostEstimate, CostItem, estimateCost } from "../../tools/preview/cost";
import { Assumptions, DEFAULT_ASSUMPTIONS } from "../../tools/preview/assumptions";
import { runsPerDayOf } from "../../infra/config/scheduleFrequency";
import { RATES } from "../../tools/preview/pricing";

/**
 * Each corrected cost line priced on a fixture resource: the rate, the quantity and why. Resources are
 * linked the way the engine records them (property dependencies), with the ARN-only link checked too.
 */
function resource(type: string, name: string, inputs: Record<string, unknown>, links: Record<string, RecordedResource[]> = {}): RecordedResource {
    const urn = `urn:pulumi:test::platform::${type}::${name}`;
    const arn = `arn:aws:test:us-east-1:123456789012:${name}`;
    return {
        urn, type, name, custom: true, protect: false, retainOnDelete: false, ignoreChanges: [],
        dependencies: Object.values(links).flat().map((r: RecordedResource) => r.urn),
        propertyDependencies: Object.fromEntries(Object.entries(links).map(([property, targets]) => [property, targets.map((t: RecordedResource) => t.urn)])),
        inputs, outputs: { ...inputs, id: `${name}-id`, arn }, secretInputs: [],
    };
}

function estimate(resources: RecordedResource[], assumptions: Partial<Assumptions> = {}): CostEstimate {
    return estimateCost(resources, () => "test", { ...DEFAULT_ASSUMPTIONS, ...assumptions }, "us-east-1");
}

const itemsOf = (e: CostEstimate, name: string, rate?: string): CostItem[] => e.items.filter((i: CostItem) => i.name === name && (rate === undefined || i.rate === rate));
const quantity = (e: CostEstimate, name: string, rate: string): number => itemsOf(e, name, rate).reduce((sum: number, i: CostItem) => sum + i.quantity, 0);

describe("WAF: each web ACL is charged for the requests it inspects", () => {
    const rules = [{ name: "common" }, { name: "rate-limit" }];
    it("a CLOUDFRONT ACL inspects every request of the distributions that name it", () => {
        const acl = resource("aws:wafv2/webAcl:WebAcl", "cloudfront", { scope: "CLOUDFRONT", rules });
        const distribution = resource("aws:cloudfront/distribution:Distribution", "edge", { webAclId: "(unknown)" }, { webAclId: [acl] });
        const e = estimate([acl, distribution], { cloudFrontRequestsMillionPerMonth: 20 });
        expect(quantity(e, "cloudfront", "wafRequestsMillion")).toBe(20);
        expect(quantity(e, "cloudfront", "wafWebAclMonth")).toBe(1);
        expect(quantity(e, "cloudfront", "wafRuleMonth")).toBe(2);
        expect(itemsOf(e, "cloudfront", "wafRequestsMillion")[0].monthlyUsd).toBe(12);
    });
    it("found by ARN too (an update's known values), and twice for two distributions", () => {
        const acl = resource("aws:wafv2/webAcl:WebAcl", "cloudfront", { scope: "CLOUDFRONT", rules });
        const one = resource("aws:cloudfront/distribution:Distribution", "one", { webAclId: acl.outputs.arn });
        const two = resource("aws:cloudfront/distribution:Distribution", "two", { webAclId: acl.outputs.arn });
        expect(quantity(estimate([acl, one, two], { cloudFrontRequestsMillionPerMonth: 3 }), "cloudfront", "wafRequestsMillion")).toBe(6);
    });
    it("a CLOUDFRONT ACL no distribution uses inspects nothing; a REGIONAL one what its load balancers receive", () => {
        const unused = resource("aws:wafv2/webAcl:WebAcl", "unused", { scope: "CLOUDFRONT", rules });
        const regional = resource("aws:wafv2/webAcl:WebAcl", "regional", { scope: "REGIONAL", rules: [...rules, { statement: { managedRuleGroupStatement: { name: "AWSManagedRulesBotControlRuleSet" } } }] });
        const e = estimate([unused, regional], { regionalWafRequestsMillionPerMonth: 4 });
        expect(quantity(e, "unused", "wafRequestsMillion")).toBe(0);
        expect(quantity(e, "regional", "wafRequestsMillion")).toBe(4);
        expect(quantity(e, "regional", "wafBotControlRequestsMillion")).toBe(4);
        expect(quantity(e, "regional", "wafBotControlMonth")).toBe(1);
    });
});

describe("CloudFront: the always-free allowance is one per payer account, claimed only by assumption", () => {
    const distribution = resource("aws:cloudfront/distribution:Distribution", "edge", {});
    it("by default nothing is free: every GB and every request is priced", () => {
        const e = estimate([distribution], { cloudFrontGbPerMonth: 500, cloudFrontRequestsMillionPerMonth: 20 });
        expect(quantity(e, "edge", "cloudFrontGb")).toBe(500);
        expect(quantity(e, "edge", "cloudFrontHttpsRequestsMillion")).toBe(20);
        expect(e.totalMonthlyUsd).toBe(62.5);
    });
    it("a stack that claims the allowance deducts it, never below zero", () => {
        const e = estimate([distribution], { cloudFrontGbPerMonth: 500, cloudFrontRequestsMillionPerMonth: 20, cloudFrontFreeTierGbPerMonth: 1024, cloudFrontFreeTierRequestsMillionPerMonth: 10 });
        expect(quantity(e, "edge", "cloudFrontGb")).toBe(0);
        expect(quantity(e, "edge", "cloudFrontHttpsRequestsMillion")).toBe(10);
    });
});

describe("GuardDuty: every ENABLED protection plan on its own data source", () => {
    const feature = (name: string, status = "ENABLED"): RecordedResource => resource("aws:guardduty/detectorFeature:DetectorFeature", name.toLowerCase(), { name, status });
    const nodes = (name: string, desiredSize: number, instanceTypes: string[]): RecordedResource =>
        resource("aws:eks/nodeGroup:NodeGroup", name, { instanceTypes, scalingConfig: { desiredSize } });
    it("a DISABLED plan costs nothing", () => {
        const e = estimate([feature("S3_DATA_EVENTS", "DISABLED")]);
        expect(e.items).toEqual([]);
        expect(e.unpriced[0].note).toContain("DISABLED");
    });
    it("S3 data events, EKS audit logs and malware scans are priced on their assumptions", () => {
        const e = estimate([feature("S3_DATA_EVENTS"), feature("EKS_AUDIT_LOGS"), feature("EBS_MALWARE_PROTECTION")],
            { guardDutyS3DataEventsMillionPerMonth: 3, guardDutyEksAuditEventsMillionPerMonth: 2, guardDutyMalwareScanGbPerMonth: 100 });
        expect(itemsOf(e, "s3_data_events")[0]).toMatchObject({ rate: "guardDutyS3DataEventsMillion", quantity: 3, monthlyUsd: 2.4 });
        expect(itemsOf(e, "eks_audit_logs")[0]).toMatchObject({ rate: "guardDutyEksAuditEventsMillion", quantity: 2, monthlyUsd: 3.2 });
        expect(itemsOf(e, "ebs_malware_protection")[0]).toMatchObject({ rate: "guardDutyMalwareScanGb", quantity: 100, monthlyUsd: 3 });
    });
    it("Runtime Monitoring bills the vCPUs of the stack's nodes, plus those the assumptions put beside them", () => {
        const e = estimate([feature("RUNTIME_MONITORING"), nodes("system", 3, ["m6i.large"]), nodes("general", 3, ["m6i.xlarge"])], { guardDutyRuntimeVcpusOutsideStack: 4 });
        // 3 x 2 + 3 x 4 + 4
        expect(itemsOf(e, "runtime_monitoring")[0]).toMatchObject({ rate: "guardDutyRuntimeVcpuMonth", quantity: 22, monthlyUsd: 33 });
    });
    it("RDS Protection bills provisioned vCPUs and Serverless v2 ACUs at their own rates", () => {
        const cluster = resource("aws:rds/cluster:Cluster", "aurora", { serverlessv2ScalingConfiguration: { minCapacity: 0.5 } });
        const writer = resource("aws:rds/clusterInstance:ClusterInstance", "writer", { instanceClass: "db.r6g.large" });
        const reader = resource("aws:rds/clusterInstance:ClusterInstance", "reader", { instanceClass: "db.serverless" });
        const e = estimate([feature("RDS_LOGIN_EVENTS"), cluster, writer, reader], { guardDutyRdsAcusOutsideStack: 0.5 });
        expect(quantity(e, "rds_login_events", "guardDutyRdsVcpuMonth")).toBe(2);
        // The reader never goes below its 0.5 ACU minimum, plus 0.5 elsewhere in the account.
        expect(quantity(e, "rds_login_events", "guardDutyRdsAcuMonth")).toBe(1);
    });
});

describe("AWS Backup: storage per kind of resource, copies and restore tests", () => {
    const table = resource("aws:dynamodb/table:Table", "orders", {});
    const cluster = resource("aws:rds/cluster:Cluster", "aurora", {});
    const plan = (copy: boolean): RecordedResource => resource("aws:backup/plan:Plan", "plan", {
        rules: [
            { ruleName: "daily", schedule: "cron(0 7 * * ? *)", lifecycle: { deleteAfter: 35 }, copyActions: copy ? [{ lifecycle: { deleteAfter: 35 } }] : undefined },
            { ruleName: "weekly", schedule: "cron(0 8 ? * SUN *)", lifecycle: { deleteAfter: 91 } },
        ],
    });
    const selection = (p: RecordedResource, resources: RecordedResource[]): RecordedResource =>
        resource("aws:backup/selection:Selection", "data", { planId: "(unknown)", resources: resources.map(() => "(unknown)") }, { planId: [p], resources });

    it("DynamoDB backups are full copies: table size x recovery points kept, at DynamoDB's backup rate", () => {
        const p = plan(false);
        const e = estimate([p, selection(p, [table]), table], { dynamoDbStorageGbPerTable: 5 });
        const stored = itemsOf(e, "plan", "backupDynamoDbGbMonth").map((i: CostItem) => i.quantity);
        // 35 daily points and 13 weekly points of 5 GB each.
        expect(stored).toEqual([175, 65]);
        expect(RATES.backupDynamoDbGbMonth.usd).toBe(0.1);
        expect(itemsOf(e, "plan").every((i: CostItem) => i.lever === "dynamodb-backups")).toBe(true);
    });
    it("Aurora snapshots are incremental: one full copy plus each day's changes, at Aurora's snapshot rate", () => {
        const p = plan(false);
        const e = estimate([p, selection(p, [cluster]), cluster], { auroraStorageGb: 100, backupDailyChangeFraction: 0.02 });
        // Daily: 100 + 34 x 2 GB; weekly: 100 + 12 x 14 GB.
        expect(itemsOf(e, "plan", "backupAuroraSnapshotGbMonth").map((i: CostItem) => i.quantity)).toEqual([168, 268]);
        expect(RATES.backupAuroraSnapshotGbMonth.usd).toBe(0.021);
        expect(itemsOf(e, "plan").some((i: CostItem) => i.lever !== undefined)).toBe(false);
    });
    it("a rule that copies to another Region stores it again there and pays the transfer of each run", () => {
        const p = plan(true);
        const e = estimate([p, selection(p, [table]), table], { dynamoDbStorageGbPerTable: 5 });
        expect(itemsOf(e, "plan", "backupDynamoDbGbMonth").map((i: CostItem) => i.quantity)).toEqual([175, 175, 65]);
        // A full 5 GB copy every day of the month.
        expect(quantity(e, "plan", "interRegionTransferGb")).toBeCloseTo(5 * 365 / 12, 6);
    });
    it("EFS automatic backups: AWS Backup's EFS rate, daily points kept 35 days", () => {
        const policy = resource("aws:efs/backupPolicy:BackupPolicy", "shared", { backupPolicy: { status: "ENABLED" } });
        const e = estimate([policy], { efsStandardGb: 5, efsInfrequentAccessGb: 20, backupDailyChangeFraction: 0.02 });
        expect(itemsOf(e, "shared")[0]).toMatchObject({ rate: "backupEfsWarmGbMonth", quantity: 42, unitPriceUsd: 0.05 });
        expect(estimate([resource("aws:efs/backupPolicy:BackupPolicy", "off", { backupPolicy: { status: "DISABLED" } })]).items).toEqual([]);
    });
    it("restore testing: a job per protected resource per scheduled run, and DynamoDB's restore charge per GB", () => {
        const testingPlan = resource("aws:backup/restoreTestingPlan:RestoreTestingPlan", "restore-testing", { name: "platform_restore_testing", scheduleExpression: "cron(0 10 ? * SAT *)" });
        const testing = resource("aws:backup/restoreTestingSelection:RestoreTestingSelection", "restore-testing-dynamodb",
            { restoreTestingPlanName: "platform_restore_testing", protectedResourceArns: ["(unknown)"] }, { protectedResourceArns: [table] });
        const e = estimate([testingPlan, testing, table], { dynamoDbStorageGbPerTable: 5 });
        const weeklyRuns = 365 / 12 / 7;
        expect(quantity(e, "restore-testing-dynamodb", "backupRestoreTestingJob")).toBeCloseTo(weeklyRuns, 6);
        expect(quantity(e, "restore-testing-dynamodb", "backupDynamoDbRestoreGb")).toBeCloseTo(5 * weeklyRuns, 6);
    });
    it("reads how often a schedule runs from its cron or rate expression", () => {
        expect(runsPerDayOf("cron(0 7 * * ? *)")).toBe(1);
        expect(runsPerDayOf("cron(0 8 ? * SUN *)")).toBeCloseTo(1 / 7, 9);
        expect(runsPerDayOf("cron(0 8 ? * MON,THU *)")).toBeCloseTo(2 / 7, 9);
        expect(runsPerDayOf("cron(0 5 1 * ? *)")).toBeCloseTo(12 / 365, 9);
        expect(runsPerDayOf("cron(0 0,12 * * ? *)")).toBe(2);
        expect(runsPerDayOf("rate(12 hours)")).toBe(2);
        expect(runsPerDayOf("rate(7 days)")).toBeCloseTo(1 / 7, 9);
        expect(runsPerDayOf("not a schedule")).toBe(1);
        // The first Saturday, the last Friday: once a month each.
        expect(runsPerDayOf("cron(0 10 ? * SAT#1 *)")).toBeCloseTo(12 / 365, 9);
        expect(runsPerDayOf("cron(0 10 ? * 6L *)")).toBeCloseTo(12 / 365, 9);
    });
});

describe("X-Ray: traced functions and state machines pay for the traces the default sampling rule records", () => {
    const fn = (mode: string | undefined): RecordedResource => resource("aws:lambda/function:Function", `fn-${mode ?? "none"}`, { memorySize: 128, ...(mode ? { tracingConfig: { mode } } : {}) });
    it("1 million evenly spread invocations fit the one-a-second reservoir: every one is traced", () => {
        const e = estimate([fn("Active")], { lambdaInvocationsMillionPerFunction: 1 });
        expect(itemsOf(e, "fn-Active", "xRayTracesRecordedMillion")[0]).toMatchObject({ quantity: 1, monthlyUsd: 5 });
    });
    it("beyond the reservoir, 5 % of the rest", () => {
        const e = estimate([fn("Active")], { lambdaInvocationsMillionPerFunction: 12.628 });
        // 2.628 million seconds in 730 hours, then 5 % of 10 million.
        expect(quantity(e, "fn-Active", "xRayTracesRecordedMillion")).toBeCloseTo(2.628 + 0.5, 6);
    });
    it("PassThrough or no tracing: no X-Ray line", () => {
        expect(itemsOf(estimate([fn("PassThrough"), fn(undefined)]), "fn-PassThrough", "xRayTracesRecordedMillion")).toEqual([]);
        expect(itemsOf(estimate([fn(undefined)]), "fn-none", "xRayTracesRecordedMillion")).toEqual([]);
    });
    it("a traced Standard state machine: one trace per execution (transitions / states)", () => {
        const machine = resource("aws:sfn/stateMachine:StateMachine", "report", {
            type: "STANDARD", tracingConfiguration: { enabled: true }, definition: JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" } } }),
        });
        const e = estimate([machine], { stepFunctionsTransitionsThousandPerStandardMachine: 100 });
        expect(quantity(e, "report", "xRayTracesRecordedMillion")).toBeCloseTo(0.05, 9);
    });
});

describe("levers: each configuration choice priced both ways", () => {
    it("restore testing: its jobs and restores at the plan's frequency, against monthly", () => {
        const table = resource("aws:dynamodb/table:Table", "orders", {});
        const testingPlan = resource("aws:backup/restoreTestingPlan:RestoreTestingPlan", "restore-testing", { name: "p", scheduleExpression: "cron(0 10 ? * SAT *)" });
        const testing = resource("aws:backup/restoreTestingSelection:RestoreTestingSelection", "restore-testing-dynamodb", { restoreTestingPlanName: "p" }, { protectedResourceArns: [table] });
        const e = estimate([testingPlan, testing, table], { dynamoDbStorageGbPerTable: 10 });
        const lever = e.levers.find((l) => l.id === "restore-testing")!;
        // 4.345 runs a month x ($1.50 + 10 GB x $0.15)
        expect(lever).toMatchObject({ configKey: "platform:data.backup.restoreTesting.scheduleExpression", choice: "cron(0 10 ? * SAT *), 4.35 runs a month", monthlyUsd: 13.04 });
        expect(lever.savingMonthlyUsd).toBeCloseTo(13.04 - 3, 1);
    });

    const subnet = (zone: string): RecordedResource => resource("aws:ec2/subnet:Subnet", `private-${zone}`, { availabilityZoneId: zone });
    const nat = resource("aws:ec2/natGateway:NatGateway", "nat", {});
    it("interface endpoints: the break-even is the fixed cost over the per-GB saving on NAT", () => {
        const endpoint = resource("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-sts", { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.sts", subnetIds: ["a", "b", "c"] });
        const lever = estimate([nat, endpoint], { interfaceEndpointGbPerMonth: 10 }).levers.find((l) => l.id === "interface-endpoints")!;
        // 3 zones x 730 h x $0.01 = $21.90 against $0.045 - $0.01 per GB: 626 GB.
        expect(lever.breakEven).toContain("above 626 GB a month");
        expect(lever.monthlyUsd).toBe(22);
        expect(lever.savingMonthlyUsd).toBe(21.55);
        expect(lever.configKey).toBe("platform:network.interfaceEndpoints");
    });
    it("no endpoints: what one would cost, for the stack's zones", () => {
        const lever = estimate([nat, subnet("use1-az1"), subnet("use1-az2")]).levers.find((l) => l.id === "interface-endpoints")!;
        expect(lever).toMatchObject({ monthlyUsd: 0, savingMonthlyUsd: -14.6 });
        expect(lever.breakEven).toContain("above 418 GB a month");
    });
    it("Graviton: an x86 node group's saving at its size, Spot discount applied", () => {
        const spot = resource("aws:eks/nodeGroup:NodeGroup", "nodes-spot", { capacityType: "SPOT", instanceTypes: ["m6i.xlarge"], scalingConfig: { desiredSize: 3 } });
        const arm = resource("aws:eks/nodeGroup:NodeGroup", "nodes-arm", { instanceTypes: ["t4g.medium"], scalingConfig: { desiredSize: 1 } });
        const levers = estimate([spot, arm], { spotDiscount: 0.6 }).levers;
        expect(levers.map((l) => l.id)).toEqual(["graviton-nodes-spot"]);
        // 3 x 730 x 0.4 x ($0.192 - $0.1632)
        expect(levers[0]).toMatchObject({ configKey: "platform:compute.nodeGroups[spot].instanceTypes and amiType", savingMonthlyUsd: 25.23 });
    });
    it("the REGIONAL web ACL and its log group: saved whole when switched off", () => {
        const acl = resource("aws:wafv2/webAcl:WebAcl", "regional", { scope: "REGIONAL", rules: [{}, {}] });
        const group = resource("aws:cloudwatch/logGroup:LogGroup", "waf-regional", {});
        const logging = resource("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "waf-regional", {}, { resourceArn: [acl], logDestinationConfigs: [group] });
        const lever = estimate([acl, group, logging], { regionalWafRequestsMillionPerMonth: 1, logGroupGbPerMonth: 1 }).levers.find((l) => l.id === "regional-web-acl")!;
        // $5 + 2 x $1 + $0.60, and the group's $0.50 ingestion.
        expect(lever).toMatchObject({ configKey: "platform:edge.waf.regionalWebAcl", monthlyUsd: 8.1, savingMonthlyUsd: 8.1 });
    });
});

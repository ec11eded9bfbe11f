import { RecordedResource } from "../offline/mockEngine";
import { RATES } from "./pricing";
import { EC2_INSTANCE_RATES, InstanceRateId, instanceRateId } from "./ec2Pricing";
import type { CostItem } from "./cost";
import { PricingContext, hours, nodeGroupShape, textOf } from "./pricers/context";
import { DAYS_PER_MONTH, runsPerDayOf } from "../../infra/config/scheduleFrequency";

/**
 * A configuration choice that moves the estimate, priced both ways: what this stack's choice costs,
 * what the alternative would save (negative: cost more), and where the choice pays for itself.
 * Shown under the estimate so that a reviewer sees the price of each choice without re-running.
 */
export interface CostLever {
    readonly id: string;
    /** The stack configuration key that makes the choice. */
    readonly configKey: string;
    readonly choice: string;
    readonly monthlyUsd: number;
    readonly alternative: string;
    readonly savingMonthlyUsd: number;
    readonly breakEven?: string;
}

/** Graviton types of the same size and family class, where the table prices both (EC2 User Guide, instance families). */
const GRAVITON_EQUIVALENT: Readonly<Record<string, string>> = {
    "t3.medium": "t4g.medium",
    "m5.large": "m7g.large", "m5a.large": "m7g.large", "m6i.large": "m7g.large", "m6a.large": "m7g.large", "m7i.large": "m7g.large",
    "m5.xlarge": "m7g.xlarge", "m5a.xlarge": "m7g.xlarge", "m6i.xlarge": "m7g.xlarge", "m6a.xlarge": "m7g.xlarge",
};

const cents = (usd: number): number => Math.round(usd * 100) / 100;

const sumOf = (items: readonly CostItem[], urns: ReadonlySet<string>, predicate: (i: CostItem) => boolean = () => true): number =>
    cents(items.filter((i: CostItem) => urns.has(i.urn) && predicate(i)).reduce((sum: number, i: CostItem) => sum + i.monthlyUsd, 0));

export function costLevers(ctx: PricingContext, items: readonly CostItem[]): CostLever[] {
    return [...interfaceEndpointLevers(ctx, items), ...gravitonLevers(ctx), ...regionalWebAclLevers(ctx, items), ...tableBackupLevers(items), ...restoreTestingLevers(ctx, items)];
}

/**
 * An interface endpoint costs its zones' hours whatever it carries and saves the difference between
 * NAT processing and endpoint processing on each GB it takes off the NAT gateways: it pays for itself
 * above (zones x hours x hourly rate) / (NAT $/GB - endpoint $/GB).
 */
function interfaceEndpointLevers(ctx: PricingContext, items: readonly CostItem[]): CostLever[] {
    const endpoints: RecordedResource[] = ctx.all.filter((r: RecordedResource) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && r.inputs.vpcEndpointType === "Interface");
    const zones: number = endpoints.length > 0
        ? Math.max(...endpoints.map((e: RecordedResource) => (Array.isArray(e.inputs.subnetIds) ? e.inputs.subnetIds.length : 1)))
        : new Set(ctx.all.filter((r: RecordedResource) => r.type === "aws:ec2/subnet:Subnet").map((s: RecordedResource) => s.inputs.availabilityZoneId ?? s.inputs.availabilityZone)).size;
    const hasNat: boolean = ctx.all.some((r: RecordedResource) => r.type === "aws:ec2/natGateway:NatGateway");
    if (zones === 0 || (!hasNat && endpoints.length === 0)) {
        return [];
    }
    const fixed: number = zones * hours(ctx) * RATES.interfaceEndpointAzHour.usd;
    const savedPerGb: number = RATES.natGatewayGb.usd - RATES.interfaceEndpointGb.usd;
    const breakEvenGb: number = Math.ceil(fixed / savedPerGb);
    const breakEven = `each endpoint pays for itself above ${breakEvenGb} GB a month taken off the NAT gateways (${zones} zones x ${usdText(RATES.interfaceEndpointAzHour.usd)}/h = ${usdText(fixed)} fixed; saves ${usdText(savedPerGb)}/GB)`;
    if (endpoints.length === 0) {
        return [{
            id: "interface-endpoints", configKey: "platform:network.interfaceEndpoints", choice: "none: AWS API traffic takes the NAT gateways",
            monthlyUsd: 0, alternative: "one interface endpoint per service", savingMonthlyUsd: cents(-fixed), breakEven,
        }];
    }
    const urns = new Set<string>(endpoints.map((e: RecordedResource) => e.urn));
    const monthly: number = sumOf(items, urns);
    // Without the endpoints their traffic would be processed by NAT instead.
    const natInstead: number = endpoints.length * ctx.assumptions.interfaceEndpointGbPerMonth * RATES.natGatewayGb.usd;
    return [{
        id: "interface-endpoints", configKey: "platform:network.interfaceEndpoints",
        choice: `${endpoints.length} interface endpoints (${endpoints.map((e: RecordedResource) => serviceOf(e)).join(", ")}), ${ctx.assumptions.interfaceEndpointGbPerMonth} GB each a month`,
        monthlyUsd: monthly, alternative: "none (their traffic through NAT)", savingMonthlyUsd: cents(monthly - natInstead), breakEven,
    }];
}

function serviceOf(endpoint: RecordedResource): string {
    return textOf(endpoint.inputs.serviceName, endpoint.name).split(".").pop() ?? endpoint.name;
}

/** A node group on x86 whose Graviton equivalent the table prices: the saving at its desired size. */
function gravitonLevers(ctx: PricingContext): CostLever[] {
    const levers: CostLever[] = [];
    for (const group of ctx.all.filter((r: RecordedResource) => r.type === "aws:eks/nodeGroup:NodeGroup")) {
        const { nodes, instanceType: current, spot } = nodeGroupShape(group);
        const currentRate: InstanceRateId | undefined = instanceRateId(current);
        const graviton: string | undefined = GRAVITON_EQUIVALENT[current];
        const gravitonRate: InstanceRateId | undefined = graviton ? instanceRateId(graviton) : undefined;
        if (!currentRate || !gravitonRate || !graviton) {
            continue;
        }
        const spotShare: number = spot ? 1 - ctx.assumptions.spotDiscount : 1;
        const monthlyOf = (rate: InstanceRateId): number => nodes * hours(ctx) * spotShare * EC2_INSTANCE_RATES[rate].usd;
        levers.push({
            id: `graviton-${group.name}`, configKey: `platform:compute.nodeGroups[${group.name.replace(/^nodes-/, "")}].instanceTypes and amiType`,
            choice: `${nodes} x ${current}${spotShare < 1 ? " (Spot)" : ""}`, monthlyUsd: cents(monthlyOf(currentRate)),
            alternative: `${graviton} with an ARM_64 amiType, where every image on the pool supports arm64`,
            savingMonthlyUsd: cents(monthlyOf(currentRate) - monthlyOf(gravitonRate)),
        });
    }
    return levers;
}

/**
 * A REGIONAL web ACL bills its fee and rules whether or not a load balancer uses it; the program does
 * not attach it (ingresses do, by annotation), so it is worth its price only with an internet-facing ALB.
 */
function regionalWebAclLevers(ctx: PricingContext, items: readonly CostItem[]): CostLever[] {
    const acls: RecordedResource[] = ctx.all.filter((r: RecordedResource) => r.type === "aws:wafv2/webAcl:WebAcl" && textOf(r.inputs.scope, "REGIONAL") === "REGIONAL");
    if (acls.length === 0) {
        return [];
    }
    const urns = new Set<string>(acls.map((a: RecordedResource) => a.urn));
    // Its log group goes with it.
    for (const config of ctx.all.filter((r: RecordedResource) => r.type === "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration" && r.dependencies.some((d: string) => urns.has(d)))) {
        for (const group of ctx.all.filter((g: RecordedResource) => g.type === "aws:cloudwatch/logGroup:LogGroup" && config.dependencies.includes(g.urn))) {
            urns.add(group.urn);
        }
    }
    const monthly: number = sumOf(items, urns);
    return [{
        id: "regional-web-acl", configKey: "platform:edge.waf.regionalWebAcl", choice: "on: a REGIONAL web ACL for the load balancer controller's ALBs",
        monthlyUsd: monthly, alternative: "off, while no internet-facing load balancer uses it", savingMonthlyUsd: monthly,
    }];
}

/** DynamoDB backups in AWS Backup are full copies each time, on top of the tables' point-in-time recovery. */
function tableBackupLevers(items: readonly CostItem[]): CostLever[] {
    const tableBackups: CostItem[] = items.filter((i: CostItem) => i.lever === "dynamodb-backups");
    if (tableBackups.length === 0) {
        return [];
    }
    const all: number = cents(tableBackups.reduce((sum: number, i: CostItem) => sum + i.monthlyUsd, 0));
    const daily: number = cents(tableBackups.filter((i: CostItem) => i.description.includes("daily")).reduce((sum: number, i: CostItem) => sum + i.monthlyUsd, 0));
    const copies: number = cents(tableBackups.filter((i: CostItem) => /copy Region|cross-Region/.test(i.description)).reduce((sum: number, i: CostItem) => sum + i.monthlyUsd, 0));
    const levers: CostLever[] = [];
    if (daily > 0) {
        levers.push({
            id: "dynamodb-daily-backups", configKey: "platform:data.backup.tables.rules", choice: "daily-and-weekly",
            monthlyUsd: all, alternative: "weekly (point-in-time recovery covers the last 35 days)", savingMonthlyUsd: daily,
        });
    }
    if (copies > 0) {
        levers.push({
            id: "dynamodb-backup-copies", configKey: "platform:data.backup.tables.copyToReplicaRegion", choice: "copied to the replica Region",
            monthlyUsd: all, alternative: "not copied (the tables' own replicas, if any, stay in that Region)", savingMonthlyUsd: copies,
        });
    }
    return levers;
}

/**
 * Restore tests cost a restore job per protected resource per run (and the restore's per-GB charge):
 * the pack requires that restores are tested, not how often, so the frequency is a per-stack choice.
 */
function restoreTestingLevers(ctx: PricingContext, items: readonly CostItem[]): CostLever[] {
    const plan: RecordedResource | undefined = ctx.all.find((r: RecordedResource) => r.type === "aws:backup/restoreTestingPlan:RestoreTestingPlan");
    const tests: CostItem[] = items.filter((i: CostItem) => i.lever === "restore-testing");
    if (!plan || tests.length === 0) {
        return [];
    }
    const runsPerMonth: number = runsPerDayOf(textOf(plan.inputs.scheduleExpression, "")) * DAYS_PER_MONTH;
    const monthly: number = cents(tests.reduce((sum: number, i: CostItem) => sum + i.monthlyUsd, 0));
    const runs: number = Number(runsPerMonth.toFixed(2));
    const choice = `${textOf(plan.inputs.scheduleExpression, "(unknown)")}, ${runs} run${runs === 1 ? "" : "s"} a month`;
    return [runsPerMonth > 1.01
        ? { id: "restore-testing", configKey: "platform:data.backup.restoreTesting.scheduleExpression", choice, monthlyUsd: monthly, alternative: "monthly (cron(0 10 ? * SAT#1 *))", savingMonthlyUsd: cents(monthly - monthly / runsPerMonth) }
        : { id: "restore-testing", configKey: "platform:data.backup.restoreTesting.scheduleExpression", choice, monthlyUsd: monthly, alternative: "weekly (cron(0 10 ? * SAT *))", savingMonthlyUsd: cents(monthly - monthly * (DAYS_PER_MONTH / 7) / runsPerMonth) }];
}

function usdText(n: number): string {
    return `$${n < 1 ? n.toFixed(3).replace(/0$/, "") : n.toFixed(2)}`;
}

import { RecordedResource } from "../../offline/mockEngine";
import { RateId } from "../pricing";
import { Charge, Pricer, PricingContext, referencedBy, referencing, textOf } from "./context";
import { DAYS_PER_MONTH, runsPerDayOf } from "../../../infra/config/scheduleFrequency";


/**
 * How AWS Backup stores each kind of resource it backs up. DynamoDB backups are full copies of the
 * table every time; Aurora cluster snapshots and EFS backups are incremental (the first is full, each
 * later one stores what changed). Sources: AWS Backup Developer Guide, "Feature availability by
 * resource" / "Creating a backup" (incremental backups), and aws.amazon.com/backup/pricing/ (the rates).
 */
interface BackedUpKind {
    readonly storageRate: RateId;
    readonly incremental: boolean;
    readonly sizeGb: (ctx: PricingContext) => number;
    readonly restoreRate?: RateId;
}

const KINDS: Readonly<Record<string, BackedUpKind>> = {
    "aws:rds/cluster:Cluster": { storageRate: "backupAuroraSnapshotGbMonth", incremental: true, sizeGb: (ctx) => ctx.assumptions.auroraStorageGb },
    "aws:dynamodb/table:Table": { storageRate: "backupDynamoDbGbMonth", incremental: false, sizeGb: (ctx) => ctx.assumptions.dynamoDbStorageGbPerTable, restoreRate: "backupDynamoDbRestoreGb" },
    "aws:efs/fileSystem:FileSystem": { storageRate: "backupEfsWarmGbMonth", incremental: true, sizeGb: (ctx) => ctx.assumptions.efsStandardGb + ctx.assumptions.efsInfrequentAccessGb, restoreRate: "backupEfsRestoreGb" },
};

/** Recovery points a schedule keeps: runs a day x the days each is retained. */
interface Chain {
    readonly runsPerDay: number;
    readonly retentionDays: number;
}

/** The storage one rule's recovery points of one resource occupy, and the data each run adds. */
function chainStorage(kind: BackedUpKind, chain: Chain, ctx: PricingContext): { storedGb: number; newGbPerRun: number } {
    const size: number = kind.sizeGb(ctx);
    const points: number = Math.max(1, Math.round(chain.retentionDays * chain.runsPerDay));
    if (!kind.incremental) {
        return { storedGb: size * points, newGbPerRun: size };
    }
    const changed: number = size * Math.min(1, ctx.assumptions.backupDailyChangeFraction / chain.runsPerDay);
    return { storedGb: size + changed * (points - 1), newGbPerRun: changed };
}

interface PlanRule {
    readonly ruleName?: unknown;
    readonly schedule?: unknown;
    readonly lifecycle?: { readonly deleteAfter?: unknown };
    readonly copyActions?: readonly { readonly lifecycle?: { readonly deleteAfter?: unknown } }[];
}

/**
 * A backup plan's storage: for every rule and every resource its selections name, the recovery points
 * the rule retains, again in the copy Region for a rule with copy actions, plus the cross-Region
 * transfer of what each copy carries.
 */
export const priceBackupPlan: Pricer = (plan, ctx) => {
    const selected: RecordedResource[] = referencing(plan, "aws:backup/selection:Selection", "planId", ctx)
        .flatMap((selection: RecordedResource) => referencedBy(selection, "resources", ctx));
    const rules: PlanRule[] = Array.isArray(plan.inputs.rules) ? plan.inputs.rules as PlanRule[] : [];
    const charges: Charge[] = [];
    for (const resource of selected) {
        const kind: BackedUpKind | undefined = KINDS[resource.type];
        if (!kind) {
            continue;
        }
        const lever: string | undefined = resource.type === "aws:dynamodb/table:Table" ? "dynamodb-backups" : undefined;
        for (const rule of rules) {
            const runsPerDay: number = runsPerDayOf(textOf(rule.schedule, ""));
            const name = `${textOf(rule.ruleName, "rule")} backups of ${resource.name}`;
            const local = chainStorage(kind, { runsPerDay, retentionDays: Number(rule.lifecycle?.deleteAfter ?? 35) }, ctx);
            charges.push({ rate: kind.storageRate, quantity: local.storedGb, description: `AWS Backup: ${name}`, lever });
            for (const copy of rule.copyActions ?? []) {
                const copied = chainStorage(kind, { runsPerDay, retentionDays: Number(copy.lifecycle?.deleteAfter ?? rule.lifecycle?.deleteAfter ?? 35) }, ctx);
                charges.push({ rate: kind.storageRate, quantity: copied.storedGb, description: `AWS Backup: copies of ${name} in the copy Region`, lever });
                charges.push({ rate: "interRegionTransferGb", quantity: copied.newGbPerRun * runsPerDay * DAYS_PER_MONTH, description: `AWS Backup: cross-Region transfer of ${name}`, lever });
            }
        }
    }
    return charges.length > 0 ? charges : "no priced resource selected";
};

/**
 * EFS automatic backups (backup policy ENABLED) run in AWS Backup's default plan for EFS: daily,
 * kept 35 days (Amazon EFS User Guide, "Automatic backups").
 */
export const priceEfsBackupPolicy: Pricer = (r, ctx) => {
    const status: string = textOf((r.inputs.backupPolicy as { status?: unknown } | undefined)?.status, "DISABLED");
    if (status !== "ENABLED") {
        return "automatic backups off: no charge";
    }
    const chain = chainStorage(KINDS["aws:efs/fileSystem:FileSystem"], { runsPerDay: 1, retentionDays: 35 }, ctx);
    return [{ rate: "backupEfsWarmGbMonth", quantity: chain.storedGb, description: "AWS Backup: EFS automatic backups (daily, kept 35 days)" }];
};

/**
 * A restore test restores the latest recovery point of each protected resource on the plan's
 * schedule: each job is charged as a restore (per GB for the resource types AWS bills restores of)
 * and the restored copy is deleted after the validation window.
 */
export const priceRestoreTestingSelection: Pricer = (selection, ctx) => {
    const plans: RecordedResource[] = ctx.all.filter((p: RecordedResource) => p.type === "aws:backup/restoreTestingPlan:RestoreTestingPlan"
        && (referencedBy(selection, "restoreTestingPlanName", ctx).some((t: RecordedResource) => t.urn === p.urn) || p.inputs.name === selection.inputs.restoreTestingPlanName));
    const jobsPerMonth: number = plans.reduce((sum: number, p: RecordedResource) => sum + runsPerDayOf(textOf(p.inputs.scheduleExpression, "")) * DAYS_PER_MONTH, 0);
    const resources: RecordedResource[] = referencedBy(selection, "protectedResourceArns", ctx);
    const lever = "restore-testing";
    const charges: Charge[] = [{ rate: "backupRestoreTestingJob", quantity: jobsPerMonth * resources.length, lever }];
    for (const resource of resources) {
        const kind: BackedUpKind | undefined = KINDS[resource.type];
        if (kind?.restoreRate) {
            charges.push({ rate: kind.restoreRate, quantity: jobsPerMonth * kind.sizeGb(ctx), description: `AWS Backup: restores of ${resource.name} by restore testing`, lever });
        }
    }
    return charges;
};

import { beforeAll, describe, expect, it } from "vitest";
import { policies } from "../../policy/policies";
import { PolicyReport, evaluatePack } from "../../tools/preview/policy";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { REPOSITORY_POLICY_CONFIG } from "../policy/programCompliance";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";
import { parsePlatformConfig } from "../../infra/config/load";
import { T, platformConfigOf } from "./dataAssertions";

type Data = Record<string, any>;
type Rule = Record<string, any>;

/** The stack file's platform:data without backup.tables: the default, today's resources. */
function defaultData(stack: string): Data {
    const data = JSON.parse(stackConfiguration(stack).config["platform:data"]) as Data;
    delete data.backup.tables;
    return data;
}

/** The stack file's platform:data with backup.tables set (and optionally a second table). */
function dataWith(stack: string, tables: Data, extraTable = false): string {
    const data = defaultData(stack);
    data.backup = { ...data.backup, tables };
    if (extraTable) {
        data.dynamodb.tables = [...data.dynamodb.tables, { name: "audit-events", hashKey: "id", attributes: [{ name: "id", type: "S" }] }];
    }
    return JSON.stringify(data);
}

const BACKUP_TYPES: readonly string[] = [T.vault, T.vaultLock, T.plan, T.selection, T.restorePlan, T.restoreSelection];

/** What a backup change could alter: every backup resource's URN with its inputs and options. */
function backupResources(result: StackRunResult): Record<string, unknown> {
    return Object.fromEntries(result.resources.filter((r: RecordedResource) => BACKUP_TYPES.includes(r.type))
        .map((r: RecordedResource) => [r.urn, { inputs: r.inputs, protect: r.protect, provider: r.provider, dependencies: r.dependencies }]));
}

async function packOf(result: StackRunResult): Promise<PolicyReport> {
    return evaluatePack(policies, result.resources, new Map(result.resources.map((r: RecordedResource) => [r.urn, r])), REPOSITORY_POLICY_CONFIG);
}

/** Policies with findings, and the backup findings in full (there should be none). */
function findings(report: PolicyReport): { policies: string[]; backup: unknown[] } {
    return {
        policies: [...new Set(report.violations.map((v) => v.policy))].sort(),
        backup: report.violations.filter((v) => v.policy.startsWith("res-backup")),
    };
}

/**
 * backup.tables (issue 22) for one committed stack: the default and an explicit equal choice keep
 * today's resources; "weekly" and a different copy setting give the tables their own plan and selection.
 */
export function describeTableBackup(stack: string): void {
    const committed = platformConfigOf(stack).data.backup.tables;
    const defaults = { "platform:data": JSON.stringify(defaultData(stack)) };
    const config = parsePlatformConfig({ ...stackConfiguration(stack).config, ...defaults }, "platform", stack);
    const backup = config.data.backup;
    const prefix = `platform-${stack}`;

    describe(`DynamoDB backup choice, backup.tables (${stack})`, () => {
        let baseline: StackRunResult;
        let baselinePack: PolicyReport;
        beforeAll(async () => {
            baseline = await runStack(stack, { overrides: defaults });
            baselinePack = await packOf(baseline);
        }, 120_000);

        const rulesOf = (result: StackRunResult, plan: string): Rule[] => result.get(T.plan, plan).inputs.rules as Rule[];
        const tableArns = (result: StackRunResult): string[] => result.all(T.table).map((t: RecordedResource) => String(t.outputs.arn)).sort();
        const clusterArn = (result: StackRunResult): string => String(result.get(T.cluster, "aurora").outputs.arn);
        const selected = (result: StackRunResult, name: string): string[] => [...(result.get(T.selection, name).inputs.resources as string[])].map(String).sort();
        const copyActions = (result: StackRunResult): unknown[] | undefined => backup.copyToReplicaRegion
            ? [{ destinationVaultArn: result.get(T.vault, "vault-replica").outputs.arn }]
            : undefined;

        /** Every cluster and table is in exactly one selection: no double backups, no gaps. */
        const expectEachCoveredOnce = (result: StackRunResult): void => {
            const all: string[] = result.all(T.selection).flatMap((s: RecordedResource) => (s.inputs.resources as string[]).map(String)).sort();
            expect(all).toEqual([clusterArn(result), ...tableArns(result)].sort());
        };

        /** Same types as today (the deploy role's resourceTypeActions need nothing new), same pack findings, none on backup. */
        const expectGuaranteesKept = async (result: StackRunResult): Promise<void> => {
            expect([...new Set(result.resources.map((r: RecordedResource) => r.type))].sort())
                .toEqual([...new Set(baseline.resources.map((r: RecordedResource) => r.type))].sort());
            expect(findings(await packOf(result))).toEqual(findings(baselinePack));
            expect(findings(baselinePack).backup).toEqual([]);
            // The vaults, their locks and the restore testing plan are untouched by the choice...
            const ofTypes = (resources: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(resources)
                .filter(([urn]) => [T.vault, T.vaultLock, T.restorePlan].some((type: string) => urn.includes(`$${type}::`))));
            expect(Object.keys(ofTypes(backupResources(baseline))).length).toBeGreaterThanOrEqual(2);
            expect(ofTypes(backupResources(result))).toEqual(ofTypes(backupResources(baseline)));
            // ...and the restore tests still restore the cluster and every table.
            expect(result.get(T.restoreSelection, "restore-testing-aurora").inputs).toEqual(baseline.get(T.restoreSelection, "restore-testing-aurora").inputs);
            expect([...(result.get(T.restoreSelection, "restore-testing-dynamodb").inputs.protectedResourceArns as string[])].map(String).sort()).toEqual(tableArns(result));
        };

        it("is resolved from the plan when unset: both rules, the plan's copy setting", () => {
            expect(backup.tables).toEqual({ rules: "daily-and-weekly", copyToReplicaRegion: backup.copyToReplicaRegion });
        });

        it("the stack file's choice (the cost lever it takes)", async () => {
            expect(committed).toEqual(stack === "dev"
                ? { rules: "weekly", copyToReplicaRegion: false }
                : { rules: "daily-and-weekly", copyToReplicaRegion: true });
            const result = await runStack(stack);
            expect(result.ofType(T.plan).map((p: RecordedResource) => p.name).sort()).toEqual(stack === "dev" ? ["plan", "plan-tables"] : ["plan"]);
            expectEachCoveredOnce(result);
        }, 120_000);

        it("default configuration: exactly today's resources (one plan, selection \"data\" with the cluster and every table)", () => {
            expect(baseline.ofType(T.plan).map((p: RecordedResource) => p.name)).toEqual(["plan"]);
            expect(baseline.ofType(T.selection).map((s: RecordedResource) => s.name)).toEqual(["data"]);
            expect(selected(baseline, "data")).toEqual([clusterArn(baseline), ...tableArns(baseline)].sort());
            expect(rulesOf(baseline, "plan").map((r: Rule) => [r.ruleName, r.copyActions?.map((c: Rule) => ({ destinationVaultArn: c.destinationVaultArn }))]))
                .toEqual([["daily", copyActions(baseline)], ["weekly", copyActions(baseline)]]);
        });

        it("an explicit choice equal to the plan's registers the same backup resources as the default", async () => {
            const explicit = await runStack(stack, { overrides: { "platform:data": dataWith(stack, { rules: "daily-and-weekly", copyToReplicaRegion: backup.copyToReplicaRegion }) } });
            expect(explicit.resources.map((r: RecordedResource) => r.urn).sort()).toEqual(baseline.resources.map((r: RecordedResource) => r.urn).sort());
            expect(backupResources(explicit)).toEqual(backupResources(baseline));
        }, 120_000);

        it("\"weekly\": a second plan with only the weekly rule and a \"tables\" selection of only the tables; the cluster keeps both rules", async () => {
            const weekly = await runStack(stack, { overrides: { "platform:data": dataWith(stack, { rules: "weekly" }, true) } });
            expect(weekly.all(T.table).length).toBe(baseline.all(T.table).length + 1);

            const tablesPlan: RecordedResource = weekly.get(T.plan, "plan-tables");
            const plan: RecordedResource = weekly.get(T.plan, "plan");
            expect(tablesPlan.inputs.name).toBe(`${prefix}-tables`);
            expect(tablesPlan.inputs.tags).toMatchObject({ Name: `${prefix}-backup-plan-tables` });
            expect(tablesPlan.parent).toBe(plan.parent);
            expect(tablesPlan.protect).toBe(plan.protect);
            const vaultName = weekly.get(T.vault, "vault").outputs.name;
            expect((tablesPlan.inputs.rules as Rule[]).map((r: Rule) => [r.ruleName, r.schedule, r.lifecycle.deleteAfter, r.targetVaultName])).toEqual([
                ["weekly", backup.weeklySchedule, backup.weeklyRetentionDays, vaultName],
            ]);
            // Unset, the tables' copy setting follows the plan's.
            expect((tablesPlan.inputs.rules as Rule[])[0].copyActions).toEqual(backup.copyToReplicaRegion
                ? [{ destinationVaultArn: weekly.get(T.vault, "vault-replica").outputs.arn, lifecycle: { deleteAfter: backup.weeklyRetentionDays } }]
                : undefined);

            const tables: RecordedResource = weekly.get(T.selection, "tables");
            expect(tables.inputs).toMatchObject({ name: `${prefix}-tables`, planId: tablesPlan.outputs.id, iamRoleArn: weekly.get(T.role, "backup").outputs.arn });
            expect(selected(weekly, "tables")).toEqual(tableArns(weekly));
            const data: RecordedResource = weekly.get(T.selection, "data");
            expect(data.inputs).toMatchObject({ name: `${prefix}-data`, planId: plan.outputs.id });
            expect(selected(weekly, "data")).toEqual([clusterArn(weekly)]);
            expect(rulesOf(weekly, "plan")).toEqual(rulesOf(baseline, "plan"));
            expect(rulesOf(weekly, "plan").map((r: Rule) => r.ruleName)).toEqual(["daily", "weekly"]);
            // Both selections need the role's managed policies in place first, as "data" always did.
            const attachments: string[] = weekly.ofType(T.attachment).filter((a: RecordedResource) => a.name.startsWith("backup-")).map((a: RecordedResource) => a.urn);
            expect(attachments.length).toBe(2);
            expect(tables.dependencies).toEqual(expect.arrayContaining(attachments));
            expectEachCoveredOnce(weekly);
            await expectGuaranteesKept(weekly);
        }, 120_000);

        if (backup.copyToReplicaRegion) {
            it("copyToReplicaRegion false for the tables: no copy action on the tables' plan, the cluster's plan keeps its copies", async () => {
                const local = await runStack(stack, { overrides: { "platform:data": dataWith(stack, { copyToReplicaRegion: false }) } });
                const tablesRules: Rule[] = rulesOf(local, "plan-tables");
                expect(tablesRules.map((r: Rule) => [r.ruleName, r.schedule, r.lifecycle.deleteAfter])).toEqual([
                    ["daily", backup.dailySchedule, backup.dailyRetentionDays],
                    ["weekly", backup.weeklySchedule, backup.weeklyRetentionDays],
                ]);
                expect(tablesRules.map((r: Rule) => r.copyActions)).toEqual([undefined, undefined]);
                const replicaVault = local.get(T.vault, "vault-replica").outputs.arn;
                expect(rulesOf(local, "plan").map((r: Rule) => r.copyActions)).toEqual([
                    [{ destinationVaultArn: replicaVault, lifecycle: { deleteAfter: backup.dailyRetentionDays } }],
                    [{ destinationVaultArn: replicaVault, lifecycle: { deleteAfter: backup.weeklyRetentionDays } }],
                ]);
                expect(selected(local, "data")).toEqual([clusterArn(local)]);
                expect(selected(local, "tables")).toEqual(tableArns(local));
                expectEachCoveredOnce(local);
                await expectGuaranteesKept(local);
            }, 120_000);

            it("\"weekly\" without copies: one weekly rule without a copy action for the tables", async () => {
                const cheapest = await runStack(stack, { overrides: { "platform:data": dataWith(stack, { rules: "weekly", copyToReplicaRegion: false }) } });
                expect(rulesOf(cheapest, "plan-tables").map((r: Rule) => [r.ruleName, r.copyActions])).toEqual([["weekly", undefined]]);
                expect(rulesOf(cheapest, "plan")).toEqual(rulesOf(baseline, "plan"));
                expectEachCoveredOnce(cheapest);
            }, 120_000);
        } else {
            it("copyToReplicaRegion false for the tables equals the plan's setting here: no second plan", async () => {
                const same = await runStack(stack, { overrides: { "platform:data": dataWith(stack, { copyToReplicaRegion: false }) } });
                expect(same.ofType(T.plan).map((p: RecordedResource) => p.name)).toEqual(["plan"]);
                expect(backupResources(same)).toEqual(backupResources(baseline));
            }, 120_000);
        }
    });
}

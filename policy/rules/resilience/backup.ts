import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, childrenOf, num, ofType, peek } from "../../lib/stackJoins";
import { ENVIRONMENT_CONFIG, EnvironmentConfig, isProduction } from "./environment";

/** AWS Backup assurance: locked vaults in production, restores that are actually tested. */

const VAULT = "aws:backup/vault:Vault";
const VAULT_LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
const PLAN = "aws:backup/plan:Plan";
const RESTORE_TESTING_PLAN = "aws:backup/restoreTestingPlan:RestoreTestingPlan";
const RESTORE_TESTING_SELECTION = "aws:backup/restoreTestingSelection:RestoreTestingSelection";

export const backupVaultLock: StackRule<EnvironmentConfig> = {
    id: "res-backup-vault-lock",
    description: "Production AWS Backup vaults have a vault lock configuration (governance mode, or compliance mode with changeableForDays) with a minimum retention, so recovery points cannot be deleted early, even by administrators.",
    severity: "low",
    remediation: "Add aws.backup.VaultLockConfiguration { backupVaultName: vault.name, minRetentionDays: 7, maxRetentionDays: 365 } (add changeableForDays for compliance mode, which cannot be undone after the grace period).",
    config: ENVIRONMENT_CONFIG,
    check(resources, ctx) {
        for (const vault of ofType(resources, [VAULT])) {
            if (!isProduction(vault.props, ctx.stackTags, ctx.config.environments)) {
                continue;
            }
            const locks: PolicyResource[] = childrenOf(resources, vault, [VAULT_LOCK], "backupVaultName", ["name", "id"]);
            if (locks.length === 0) {
                ctx.report(vault, { property: "aws:backup/vaultLockConfiguration", value: ABSENT, expected: "a VaultLockConfiguration for this production vault" });
                continue;
            }
            for (const lock of locks) {
                const minimum = num(peek(lock.props, "minRetentionDays"));
                if (minimum !== UNKNOWN && (minimum === undefined || minimum < 1)) {
                    ctx.report(lock, { property: "minRetentionDays", value: minimum ?? ABSENT, expected: ">= 1 (without it the lock does not stop early deletion)" });
                }
            }
        }
    },
};

export const backupRestoreTesting: StackRule = {
    id: "res-backup-restore-testing",
    description: "A stack with AWS Backup plans also has a restore testing plan with at least one restore testing selection (a backup that is never restored is not known to work).",
    severity: "low",
    remediation: "Add aws.backup.RestoreTestingPlan { recoveryPointSelection: { algorithm: \"LATEST_WITHIN_WINDOW\", includeVaults: [vault.arn], recoveryPointTypes: [\"SNAPSHOT\"] }, scheduleExpression: \"cron(0 5 ? * SUN *)\" } and an aws.backup.RestoreTestingSelection for each protected resource type.",
    check(resources, ctx) {
        const plans: PolicyResource[] = ofType(resources, [PLAN]);
        if (plans.length === 0) {
            return;
        }
        const testingPlans: PolicyResource[] = ofType(resources, [RESTORE_TESTING_PLAN]);
        if (testingPlans.length === 0) {
            ctx.report(plans[0], { property: "aws:backup/restoreTestingPlan", value: ABSENT, expected: `a RestoreTestingPlan in a stack with ${plans.length} backup plan(s)` });
            return;
        }
        const tested: boolean = testingPlans.some((plan: PolicyResource) =>
            childrenOf(resources, plan, [RESTORE_TESTING_SELECTION], "restoreTestingPlanName", ["name", "id"]).length > 0);
        if (!tested) {
            ctx.report(testingPlans[0], { property: "aws:backup/restoreTestingSelection", value: ABSENT, expected: "at least one RestoreTestingSelection for a restore testing plan" });
        }
    },
};

export const backupResilienceStackPolicies: StackValidationPolicy[] = [stackPolicy(backupVaultLock), stackPolicy(backupRestoreTesting)];

import { physicalName } from "../../platform/naming";
import { RESTORE_TEST_SELECTION_WINDOW_DAYS } from "../../config/scheduleFrequency";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BackupConfig } from "../../config/dataConfig";
import { PolicyDocument } from "../security/policyDocument";
import { serviceTrustPolicy } from "../security/servicePrincipalStatements";
import { DataContext, ReplicaRegion, disposable, nameTag, statefulOptions } from "./context";

/** The only policies the backup role carries: AWS maintains what Backup needs per supported service. */
export const BACKUP_MANAGED_POLICIES = ["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"] as const;

export interface BackupArgs {
    readonly backup: BackupConfig;
    readonly replica: ReplicaRegion | undefined;
    readonly auroraClusterArn?: pulumi.Input<string>;
    readonly tableArns: readonly pulumi.Input<string>[];
    /** Where restore tests put a restored Aurora cluster (it is deleted after the validation window). */
    readonly restoreTarget?: { readonly dbSubnetGroupName: pulumi.Input<string>; readonly securityGroupId: pulumi.Input<string> };
}

export interface Backup {
    readonly vault: aws.backup.Vault;
    readonly vaultName: string;
    readonly plan: aws.backup.Plan;
    /** The tables' own plan, when backup.tables differs from the plan's rules or copy setting. */
    readonly tablesPlan: aws.backup.Plan | undefined;
    readonly role: aws.iam.Role;
}

/** Restore-testing and backup names allow only letters, digits and underscores. */
export function underscored(name: string): string {
    return name.replace(/[^A-Za-z0-9_]/g, "_");
}

/**
 * AWS Backup assumes its service role. AWS Backup's documented service role trust has no condition and
 * it documents no confused-deputy key for that role (only for vault access policies and SNS topics),
 * so none is written (SERVICE_PRINCIPALS).
 */
export function backupTrustPolicy(): PolicyDocument {
    return serviceTrustPolicy("AwsBackup", "backup.amazonaws.com");
}

/**
 * AWS Backup: a vault encrypted with the backup key (optionally locked), a plan with daily and
 * weekly rules (optionally copied to the replica region), a selection of the Aurora cluster and
 * the tables (or, when backup.tables chooses otherwise, a second plan and selection for the tables),
 * and a restore testing plan that restores the latest recovery points on a schedule.
 */
export function createBackup(ctx: DataContext, args: BackupArgs): Backup {
    const { backup, replica } = args;
    const { naming, protection, keys, account, parent } = ctx;
    const vaultName = `${naming.prefix}-vault`;

    const vault = new aws.backup.Vault("vault", {
        name: vaultName,
        kmsKeyArn: keys.backup.arn,
        forceDestroy: disposable(protection),
        tags: nameTag(naming, "vault"),
    }, statefulOptions(ctx));

    if (backup.vaultLock.enabled) {
        // Compliance mode cannot be removed or shortened by anyone, AWS included, once changeableForDays have passed;
        // governance mode can be lifted by a principal allowed backup:DeleteBackupVaultLockConfiguration.
        new aws.backup.VaultLockConfiguration("vault", {
            backupVaultName: vault.name,
            minRetentionDays: backup.vaultLock.minRetentionDays,
            maxRetentionDays: backup.vaultLock.maxRetentionDays,
            changeableForDays: backup.vaultLock.mode === "compliance" ? backup.vaultLock.changeableForDays : undefined,
        }, statefulOptions(ctx));
    }

    const copyVault: aws.backup.Vault | undefined = backup.copyToReplicaRegion && replica
        ? new aws.backup.Vault("vault-replica", {
            name: `${vaultName}-replica`,
            kmsKeyArn: replica.key.arn,
            forceDestroy: disposable(protection),
            tags: nameTag(naming, "vault-replica"),
        }, statefulOptions(ctx, { provider: replica.provider }))
        : undefined;
    if (copyVault && backup.vaultLock.enabled) {
        // The copies are the recovery path when the home region is lost: they get the same lock.
        new aws.backup.VaultLockConfiguration("vault-replica", {
            backupVaultName: copyVault.name,
            minRetentionDays: backup.vaultLock.minRetentionDays,
            maxRetentionDays: backup.vaultLock.maxRetentionDays,
            changeableForDays: backup.vaultLock.mode === "compliance" ? backup.vaultLock.changeableForDays : undefined,
        }, statefulOptions(ctx, { provider: replica!.provider }));
    }

    const rule = (ruleName: string, schedule: string, deleteAfter: number, copy: boolean): aws.types.input.backup.PlanRule => ({
        ruleName,
        targetVaultName: vault.name,
        schedule,
        startWindow: 60,
        completionWindow: 480,
        lifecycle: { deleteAfter },
        recoveryPointTags: { BackupRule: ruleName },
        copyActions: copy && copyVault ? [{ destinationVaultArn: copyVault.arn, lifecycle: { deleteAfter } }] : undefined,
    });
    const daily = (copy: boolean) => rule("daily", backup.dailySchedule, backup.dailyRetentionDays, copy);
    const weekly = (copy: boolean) => rule("weekly", backup.weeklySchedule, backup.weeklyRetentionDays, copy);
    const plan = new aws.backup.Plan("plan", {
        name: `${naming.prefix}-data`,
        rules: [daily(backup.copyToReplicaRegion), weekly(backup.copyToReplicaRegion)],
        tags: nameTag(naming, "backup-plan"),
    }, { parent });
    const tablesCopy: boolean = backup.tables.copyToReplicaRegion;
    const tablesPlan: aws.backup.Plan | undefined = args.tableArns.length > 0 && tablesHaveOwnPlan(backup)
        ? createTablesPlan(ctx, backup.tables.rules === "weekly" ? [weekly(tablesCopy)] : [daily(tablesCopy), weekly(tablesCopy)])
        : undefined;

    const role = new aws.iam.Role("backup", {
        // Stack-prefixed: the deploy role may manage only roles named <prefix>-* (deployPermissions.ts).
        name: physicalName(naming, "backup"),
        description: "AWS Backup: back up and restore the data tier",
        assumeRolePolicy: JSON.stringify(backupTrustPolicy()),
        tags: nameTag(naming, "backup"),
    }, { parent });
    const attachments: aws.iam.RolePolicyAttachment[] = BACKUP_MANAGED_POLICIES.map((policy: string) =>
        new aws.iam.RolePolicyAttachment(`backup-${policy}`, {
            role: role.name,
            policyArn: pulumi.interpolate`arn:${account.partition}:iam::aws:policy/service-role/${policy}`,
        }, { parent }));

    const resources: pulumi.Input<string>[] = [...(args.auroraClusterArn ? [args.auroraClusterArn] : []), ...args.tableArns];
    // A resource in two selections would be backed up by both plans: the tables leave "data" when they have their own.
    const onPlan: pulumi.Input<string>[] = tablesPlan ? (args.auroraClusterArn ? [args.auroraClusterArn] : []) : resources;
    if (onPlan.length > 0) {
        new aws.backup.Selection("data", {
            name: `${naming.prefix}-data`,
            planId: plan.id,
            iamRoleArn: role.arn,
            resources: onPlan,
        }, { parent, dependsOn: attachments });
    }
    if (tablesPlan) {
        new aws.backup.Selection("tables", {
            name: `${naming.prefix}-tables`,
            planId: tablesPlan.id,
            iamRoleArn: role.arn,
            resources: [...args.tableArns],
        }, { parent, dependsOn: attachments });
    }

    if (backup.restoreTesting.enabled && resources.length > 0) {
        createRestoreTesting(ctx, args, vault, role, attachments);
    }
    return { vault, vaultName, plan, tablesPlan, role };
}

/**
 * Whether the tables' choice (backup.tables) differs from the plan's. When it does not, the tables stay
 * on the plan and in the "data" selection, so a stack that does not opt in keeps exactly its resources.
 */
function tablesHaveOwnPlan(backup: BackupConfig): boolean {
    return backup.tables.rules !== "daily-and-weekly" || backup.tables.copyToReplicaRegion !== backup.copyToReplicaRegion;
}

/**
 * The tables' plan: DynamoDB backups are full copies each time and every table has PITR for the last
 * 35 days, so fewer rules or no copies cut the tables' backup storage without touching the cluster's.
 * Same vault as the plan, so the vault lock and the restore tests cover its recovery points too.
 */
function createTablesPlan(ctx: DataContext, rules: aws.types.input.backup.PlanRule[]): aws.backup.Plan {
    const { naming, parent } = ctx;
    return new aws.backup.Plan("plan-tables", {
        name: `${naming.prefix}-tables`,
        rules,
        tags: nameTag(naming, "backup-plan-tables"),
    }, { parent });
}

function createRestoreTesting(ctx: DataContext, args: BackupArgs, vault: aws.backup.Vault, role: aws.iam.Role, attachments: aws.iam.RolePolicyAttachment[]): void {
    const { naming, parent } = ctx;
    const testing = args.backup.restoreTesting;
    const plan = new aws.backup.RestoreTestingPlan("restore-testing", {
        name: underscored(`${naming.prefix}_restore_testing`),
        scheduleExpression: testing.scheduleExpression,
        startWindowHours: 24,
        recoveryPointSelection: {
            algorithm: "LATEST_WITHIN_WINDOW",
            includeVaults: [vault.arn],
            recoveryPointTypes: ["SNAPSHOT"],
            selectionWindowDays: RESTORE_TEST_SELECTION_WINDOW_DAYS,
        },
        tags: nameTag(naming, "restore-testing"),
    }, { parent });

    // Restored resources are deleted by AWS Backup after the validation window: nothing is left behind.
    if (args.auroraClusterArn) {
        new aws.backup.RestoreTestingSelection("restore-testing-aurora", {
            name: "aurora",
            restoreTestingPlanName: plan.name,
            protectedResourceType: "Aurora",
            protectedResourceArns: [args.auroraClusterArn],
            iamRoleArn: role.arn,
            validationWindowHours: testing.validationWindowHours,
            restoreMetadataOverrides: args.restoreTarget
                ? {
                    dbSubnetGroupName: args.restoreTarget.dbSubnetGroupName,
                    vpcSecurityGroupIds: pulumi.output(args.restoreTarget.securityGroupId).apply((id: string) => JSON.stringify([id])),
                }
                : undefined,
        }, { parent, dependsOn: attachments });
    }
    if (args.tableArns.length > 0) {
        new aws.backup.RestoreTestingSelection("restore-testing-dynamodb", {
            name: "dynamodb",
            restoreTestingPlanName: plan.name,
            protectedResourceType: "DynamoDB",
            protectedResourceArns: [...args.tableArns],
            iamRoleArn: role.arn,
            validationWindowHours: testing.validationWindowHours,
        }, { parent, dependsOn: attachments });
    }
}

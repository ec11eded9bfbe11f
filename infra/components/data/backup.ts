import { physicalName } from "../../platform/naming";
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
 * the tables, and a restore testing plan that restores the latest recovery points on a schedule.
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

    const rule = (ruleName: string, schedule: string, deleteAfter: number): aws.types.input.backup.PlanRule => ({
        ruleName,
        targetVaultName: vault.name,
        schedule,
        startWindow: 60,
        completionWindow: 480,
        lifecycle: { deleteAfter },
        recoveryPointTags: { BackupRule: ruleName },
        copyActions: copyVault ? [{ destinationVaultArn: copyVault.arn, lifecycle: { deleteAfter } }] : undefined,
    });
    const plan = new aws.backup.Plan("plan", {
        name: `${naming.prefix}-data`,
        rules: [
            rule("daily", backup.dailySchedule, backup.dailyRetentionDays),
            rule("weekly", backup.weeklySchedule, backup.weeklyRetentionDays),
        ],
        tags: nameTag(naming, "backup-plan"),
    }, { parent });

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
    if (resources.length > 0) {
        new aws.backup.Selection("data", {
            name: `${naming.prefix}-data`,
            planId: plan.id,
            iamRoleArn: role.arn,
            resources,
        }, { parent, dependsOn: attachments });
    }

    if (backup.restoreTesting.enabled && resources.length > 0) {
        createRestoreTesting(ctx, args, vault, role, attachments);
    }
    return { vault, vaultName, plan, role };
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
            selectionWindowDays: 7,
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

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, childrenOf, ofType, peekPath } from "../../lib/stackJoins";
import { coveredBy } from "./stack";

/** Amazon EFS: automatic backups. */

const FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
const BACKUP_POLICY = "aws:efs/backupPolicy:BackupPolicy";
const SELECTION = "aws:backup/selection:Selection";
const EFS_ARN_PATTERN = "arn:aws:elasticfilesystem:region:account:file-system/fs-id";

export const efsBackup: StackRule = {
    id: "res-efs-backup",
    description: "Every EFS file system is backed up: an aws.efs.BackupPolicy with status ENABLED (the EFS-managed daily plan), or an AWS Backup selection covering it (by ARN, wildcard or tag).",
    severity: "medium",
    remediation: "Add aws.efs.BackupPolicy { fileSystemId: fs.id, backupPolicy: { status: \"ENABLED\" } }, or select the file system in an aws.backup.Selection.",
    check(resources, ctx) {
        const selections: PolicyResource[] = ofType(resources, [SELECTION]);
        for (const fileSystem of ofType(resources, [FILE_SYSTEM])) {
            if (selections.some((s: PolicyResource) => coveredBy(s, fileSystem, EFS_ARN_PATTERN))) {
                continue;
            }
            const policies: PolicyResource[] = childrenOf(resources, fileSystem, [BACKUP_POLICY], "fileSystemId", ["id", "arn"]);
            if (policies.length === 0) {
                ctx.report(fileSystem, { property: "aws:efs/backupPolicy", value: ABSENT, expected: "a BackupPolicy with status \"ENABLED\" or an AWS Backup selection covering this file system" });
                continue;
            }
            for (const policy of policies) {
                const status: unknown = peekPath(policy.props, "backupPolicy.status");
                if (status !== UNKNOWN && status !== "ENABLED") {
                    ctx.report(policy, { property: "backupPolicy.status", value: status ?? ABSENT, expected: "\"ENABLED\" (or an AWS Backup selection covering the file system)" });
                }
            }
        }
    },
};

export const efsResilienceStackPolicies: StackValidationPolicy[] = [stackPolicy(efsBackup)];

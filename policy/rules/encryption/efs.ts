import type * as aws from "@pulumi/aws";
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { requireCmk, requireTrue } from "../../lib/checks";
import { ParsedDocument } from "../../lib/documents";
import { deniesInsecureTransport, parseDocument } from "../../lib/iamPolicies";
import { ABSENT, StackRule, resourcePolicy, stackPolicy } from "../../lib/rule";
import { UNKNOWN, childrenOf, ofType, peek } from "../../lib/stackJoins";

/** Amazon EFS: encryption at rest with a CMK, and in transit through the file system policy. */

export const EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
const FILE_SYSTEM_POLICY = "aws:efs/fileSystemPolicy:FileSystemPolicy";

export const efsCmk = resourcePolicy({
    id: "enc-efs-cmk",
    description: "EFS file systems are encrypted at rest with a customer-managed KMS key (encrypted defaults to false; without kmsKeyId EFS uses aws/elasticfilesystem).",
    severity: "high",
    resourceTypes: [EFS_FILE_SYSTEM],
    remediation: "Set encrypted: true and kmsKeyId to a customer-managed KMS key ARN (encryption cannot be turned on for an existing file system; create a new one and copy the data).",
    check(props, ctx) {
        requireTrue<aws.efs.FileSystemArgs>(props, ctx, "encrypted");
        requireCmk(props, ctx, "kmsKeyId");
    },
});

/** Any of the NFS client actions: a deny that covers mounting covers every access path. */
const MOUNT_ACTION = "elasticfilesystem:ClientMount";

export const efsTlsPolicy: StackRule = {
    id: "tls-efs-policy",
    description: "Every EFS file system has a file system policy that denies access when aws:SecureTransport is false (EFS only enforces TLS through that policy).",
    severity: "medium",
    remediation: "Add aws.efs.FileSystemPolicy { fileSystemId: fs.id, policy } with a Deny statement for Principal {AWS: \"*\"}, Action \"*\", Condition Bool aws:SecureTransport \"false\" (and mount with the amazon-efs-utils tls option).",
    check(resources, ctx) {
        for (const fileSystem of ofType(resources, [EFS_FILE_SYSTEM])) {
            const policies: PolicyResource[] = childrenOf(resources, fileSystem, [FILE_SYSTEM_POLICY], "fileSystemId", ["id", "arn"]);
            if (policies.length === 0) {
                ctx.report(fileSystem, { property: "aws:efs/fileSystemPolicy", value: ABSENT, expected: "a FileSystemPolicy for this file system that denies aws:SecureTransport false" });
                continue;
            }
            const judged = policies.map((p: PolicyResource) => ({ policy: p, document: parseDocument(peek(p.props, "policy")) }));
            if (judged.some(({ document }) => document === UNKNOWN || (document !== undefined && deniesInsecureTransport(document as ParsedDocument, MOUNT_ACTION)))) {
                continue;
            }
            for (const { policy, document } of judged) {
                ctx.report(policy, {
                    property: "policy",
                    value: document === undefined ? "(missing or unparseable policy document)" : "no Deny on aws:SecureTransport false",
                    expected: "a Deny statement for Principal \"*\" covering elasticfilesystem:ClientMount with Bool aws:SecureTransport \"false\"",
                });
            }
        }
    },
};

export const efsEncryptionPolicies = [efsCmk];
export const efsTransitStackPolicies: StackValidationPolicy[] = [stackPolicy(efsTlsPolicy)];

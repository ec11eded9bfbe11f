import { str } from "../documents";
import type { RecordedResource } from "../../offline/mockEngine";
import { allow } from "./common";
import type { AccessContract, ContractInputs } from "./types";
import { RunIndex, role, service } from "./wiring";

/**
 * Security layer: the audit trail can deliver (CloudTrail User Guide, "Amazon S3 bucket policy for
 * CloudTrail", "Configure AWS KMS key policies for CloudTrail", "Sending events to CloudWatch Logs").
 * Generated per trail in the run.
 */
export function securityContracts(inputs: ContractInputs, index: RunIndex): AccessContract[] {
    const out: AccessContract[] = [];
    // Every key stays manageable through IAM: the key policy trusts the account (AWS KMS Developer
    // Guide, "Default key policy": without it only AWS Support can recover a key). In every stack,
    // including one whose trail is the account baseline owner's.
    for (const key of index.of("aws:kms/key:Key")) {
        const keyArn: unknown = key.outputs.arn;
        if (typeof keyArn === "string" && keyArn.startsWith("arn:")) {
            out.push(allow("security", `account-administers-key/${key.name}`, "the account (IAM policies) can administer the key", { kind: "external", arn: `arn:aws:iam::${inputs.account}:root` },
                "kms:PutKeyPolicy", keyArn, `${key.type} ${key.name}`));
        }
    }
    for (const trail of index.of("aws:cloudtrail/trail:Trail")) {
        const trailArn = String(trail.outputs.arn);
        const name = str(trail.outputs.name, trail.name);
        const source = `${trail.type} ${trail.name}`;
        const ct = service("cloudtrail.amazonaws.com");
        const sourceContext = { "aws:SourceArn": trailArn, "aws:SourceAccount": inputs.account };
        const bucket = `arn:aws:s3:::${String(trail.inputs.s3BucketName)}`;
        out.push(allow("security", `cloudtrail-checks-bucket-acl/${name}`, "CloudTrail reads the bucket ACL before delivering", ct, "s3:GetBucketAcl", bucket, source, sourceContext));
        out.push(allow("security", `cloudtrail-writes-log-files/${name}`, "CloudTrail writes its log files under AWSLogs/<account>/", ct, "s3:PutObject",
            `${bucket}/AWSLogs/${inputs.account}/CloudTrail/${inputs.region}/2026/01/01/${inputs.account}_CloudTrail_${inputs.region}_20260101T0000Z_example.json.gz`, source,
            { ...sourceContext, "s3:x-amz-acl": "bucket-owner-full-control" }));
        const key: unknown = trail.inputs.kmsKeyId;
        if (typeof key === "string" && key.startsWith("arn:aws:kms:")) {
            const kmsContext = { ...sourceContext, "kms:EncryptionContext:aws:cloudtrail:arn": trailArn };
            out.push(allow("security", `cloudtrail-encrypts-with-logs-key/${name}`, "CloudTrail generates data keys for its log files", ct, "kms:GenerateDataKey", key, source, kmsContext));
            // "If you are using an existing S3 bucket with an S3 Bucket Key, kms:Decrypt permissions are required" (CloudTrail User Guide, KMS key policy).
            out.push(allow("security", `cloudtrail-decrypts-with-logs-key/${name}`, "CloudTrail needs kms:Decrypt on a bucket with an S3 Bucket Key", ct, "kms:Decrypt", key, source, kmsContext));
            out.push(allow("security", `cloudtrail-describes-logs-key/${name}`, "CloudTrail describes the key when creating or updating the trail", ct, "kms:DescribeKey", key, source, sourceContext));
        }
        const logsRole: unknown = trail.inputs.cloudWatchLogsRoleArn;
        if (typeof logsRole === "string") {
            // CloudTrail User Guide ("Sending events to CloudWatch Logs"): confused-deputy conditions are
            // not applicable to the CloudWatch Logs delivery role; CloudTrail sends no source context here.
            out.push(allow("security", `cloudtrail-assumes-logs-role/${name}`, "CloudTrail assumes its CloudWatch Logs delivery role (no source context)", ct, "sts:AssumeRole", logsRole, source));
            const group: unknown = trail.inputs.cloudWatchLogsGroupArn;
            if (typeof group === "string") {
                const stream = `${group.replace(/:\*$/, "")}:log-stream:${inputs.account}_CloudTrail_${inputs.region}`;
                out.push(allow("security", `cloudtrail-role-writes-log-group/${name}`, "The delivery role writes the trail's log stream", role(logsRole), "logs:PutLogEvents", stream, source));
            }
        }
    }
    return out;
}

export type { RecordedResource };

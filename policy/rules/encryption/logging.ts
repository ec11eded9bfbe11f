import { resourcePolicy } from "../../lib/rule";
import { list, read, UNKNOWN } from "../../lib/values";
import { requireCmk } from "../../lib/checks";

export const secretsCmk = resourcePolicy({
    id: "enc-secrets-cmk",
    description: "Secrets Manager secrets (and their replicas) are encrypted with a customer-managed KMS key, not aws/secretsmanager.",
    severity: "medium",
    resourceTypes: ["aws:secretsmanager/secret:Secret"],
    remediation: "Set kmsKeyId (and replicas[].kmsKeyId) to customer-managed KMS key ARNs.",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsKeyId");
        const replicas = list(props, "replicas");
        if (replicas === UNKNOWN) {
            return;
        }
        replicas.forEach((replica: unknown, i: number) => {
            if (replica === UNKNOWN) {
                return;
            }
            const key: unknown = read(replica, "kmsKeyId");
            if (key !== UNKNOWN) {
                requireCmk({ kmsKeyId: key }, { ...ctx, report: (v) => ctx.report({ ...v, property: `replicas[${i}].kmsKeyId` }) }, "kmsKeyId");
            }
        });
    },
});

export const cloudtrailCmk = resourcePolicy({
    id: "enc-cloudtrail",
    description: "CloudTrail trails encrypt log files with a customer-managed KMS key (SSE-KMS).",
    severity: "high",
    resourceTypes: ["aws:cloudtrail/trail:Trail"],
    remediation: "Set kmsKeyId to a customer-managed KMS key ARN whose key policy allows cloudtrail.amazonaws.com to GenerateDataKey*.",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsKeyId");
    },
});

export const logGroupCmk = resourcePolicy({
    id: "enc-log-group",
    description: "CloudWatch log groups (incl. the pre-created /aws/eks/<cluster>/cluster group) are encrypted with a customer-managed KMS key.",
    severity: "medium",
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    remediation: "Set kmsKeyId to a customer-managed KMS key ARN whose key policy allows logs.<region>.amazonaws.com.",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsKeyId");
    },
});

export const loggingEncryptionPolicies = [secretsCmk, cloudtrailCmk, logGroupCmk];

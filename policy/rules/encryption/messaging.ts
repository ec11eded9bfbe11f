import { ABSENT, resourcePolicy } from "../../lib/rule";
import { isTrue } from "../../lib/props";
import { read, UNKNOWN } from "../../lib/values";
import { requireCmk } from "../../lib/checks";

export const sqsEncryption = resourcePolicy({
    id: "enc-sqs",
    description: "SQS queues are encrypted at rest (SSE-KMS or SQS-managed SSE).",
    severity: "high",
    resourceTypes: ["aws:sqs/queue:Queue"],
    remediation: "Set kmsMasterKeyId to a customer-managed KMS key (preferred) or sqsManagedSseEnabled: true.",
    check(props, ctx) {
        const key: unknown = read(props, "kmsMasterKeyId");
        const managed: unknown = read(props, "sqsManagedSseEnabled");
        if (key === UNKNOWN || managed === UNKNOWN || (typeof key === "string" && key.length > 0) || isTrue(managed)) {
            return;
        }
        ctx.report({ property: "kmsMasterKeyId", value: ABSENT, expected: `a KMS key, or sqsManagedSseEnabled true (sqsManagedSseEnabled is ${managed === undefined ? "not set" : JSON.stringify(managed)})` });
    },
});

export const sqsCmk = resourcePolicy({
    id: "enc-sqs-cmk",
    description: "SQS queues are encrypted with a customer-managed KMS key (not alias/aws/sqs or SQS-managed SSE).",
    severity: "medium",
    resourceTypes: ["aws:sqs/queue:Queue"],
    remediation: "Set kmsMasterKeyId to a customer-managed KMS key ARN whose key policy lets the producing services use it.",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsMasterKeyId");
    },
});

export const snsEncryption = resourcePolicy({
    id: "enc-sns",
    description: "SNS topics are encrypted with a customer-managed KMS key (alias/aws/sns cannot be used by EventBridge/CloudWatch publishers).",
    severity: "high",
    resourceTypes: ["aws:sns/topic:Topic"],
    remediation: "Set kmsMasterKeyId to a customer-managed KMS key ARN whose key policy allows the publishing services.",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsMasterKeyId");
    },
});

export const messagingEncryptionPolicies = [sqsEncryption, sqsCmk, snsEncryption];

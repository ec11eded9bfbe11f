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

export const eventBusCmk = resourcePolicy({
    id: "enc-event-bus",
    description: "Custom EventBridge event buses encrypt events with a customer-managed KMS key (kmsKeyIdentifier), not the AWS-owned default.",
    severity: "low",
    resourceTypes: ["aws:cloudwatch/eventBus:EventBus"],
    remediation: "Set kmsKeyIdentifier to a customer-managed KMS key (ARN, key id or alias) whose key policy lets events.amazonaws.com use it (kms:DescribeKey; kms:GenerateDataKey and kms:Decrypt scoped by kms:EncryptionContext:aws:events:event-bus:arn = the bus ARN).",
    check(props, ctx) {
        // The catalogue row covers custom buses; a partner bus (eventSourceName set) belongs to the SaaS integration.
        const source: unknown = read(props, "eventSourceName");
        if (typeof source === "string" && source.length > 0) {
            ctx.notApplicable("partner event bus (eventSourceName set); the row covers custom buses");
        }
        requireCmk(props, ctx, "kmsKeyIdentifier", undefined, "a customer-managed KMS key (omitted = an AWS-owned key the account cannot control or audit)");
    },
});

export const messagingEncryptionPolicies = [sqsEncryption, sqsCmk, snsEncryption, eventBusCmk];

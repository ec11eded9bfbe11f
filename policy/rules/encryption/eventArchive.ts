import { resourcePolicy } from "../../lib/rule";
import { requireCmk } from "../../lib/checks";

/** Amazon EventBridge archives: replayable events at rest. */

export const eventArchiveCmk = resourcePolicy({
    id: "enc-event-archive-cmk",
    description: "EventBridge archives encrypt the events they keep for replay with a customer-managed KMS key (the default is an AWS-owned key, whatever the bus uses).",
    severity: "low",
    resourceTypes: ["aws:cloudwatch/eventArchive:EventArchive"],
    remediation: "Set kmsKeyIdentifier to the customer-managed key of the archived bus; its key policy must let events.amazonaws.com use it for the archive (kms:GenerateDataKey, kms:Decrypt, kms:ReEncrypt* scoped by kms:EncryptionContext:aws:events:event-bus:arn = the bus ARN, as EventBridge documents).",
    check(props, ctx) {
        requireCmk(props, ctx, "kmsKeyIdentifier");
    },
});

export const eventArchiveEncryptionPolicies = [eventArchiveCmk];

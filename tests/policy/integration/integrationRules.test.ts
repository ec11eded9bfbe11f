import { UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy } from "../encryption/table";
import { snsSubscriptionHttps } from "../../../policy/rules/encryption/snsSubscriptions";
import { eventArchiveCmk } from "../../../policy/rules/encryption/eventArchive";
import { snsSubscriptionDlq } from "../../../policy/rules/resilience/snsSubscriptions";

/** Rules for resource types the integration layer added: SNS subscriptions and EventBridge archives. */

const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const TOPIC = "arn:aws:sns:eu-west-1:111122223333:orders";
const DLQ = "arn:aws:sqs:eu-west-1:111122223333:orders-sns-dlq";
const CMK = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describeResourcePolicy({
    policy: snsSubscriptionHttps, id: "tls-sns-subscription-https", severity: "medium", type: SUBSCRIPTION,
    baseline: { topic: TOPIC, protocol: "https", endpoint: "https://hooks.example.com/orders", redrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ }) },
    violations: [
        { name: "plain http", patch: { protocol: "http", endpoint: "http://hooks.example.com/orders" }, property: "protocol" },
        { name: "https protocol with an http:// endpoint", patch: { endpoint: "http://hooks.example.com/orders" }, property: "endpoint" },
    ],
    unknowns: [
        { name: "protocol unknown", patch: { protocol: UNKNOWN_STRING } },
        { name: "endpoint unknown", patch: { endpoint: UNKNOWN_STRING } },
    ],
    compliant: [
        { name: "an SQS subscription", patch: { protocol: "sqs", endpoint: DLQ } },
        { name: "an e-mail subscription", patch: { protocol: "email", endpoint: "ops@example.com" } },
    ],
});

describeResourcePolicy({
    policy: snsSubscriptionDlq, id: "res-sns-subscription-dlq", severity: "low", type: SUBSCRIPTION,
    baseline: { topic: TOPIC, protocol: "sqs", endpoint: "arn:aws:sqs:eu-west-1:111122223333:orders", redrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ }) },
    violations: [
        { name: "no redrive policy", patch: { redrivePolicy: undefined }, property: "redrivePolicy" },
        { name: "a redrive policy without a target", patch: { redrivePolicy: "{}" }, property: "redrivePolicy.deadLetterTargetArn" },
        { name: "unparsable redrive policy", patch: { redrivePolicy: "not json" }, property: "redrivePolicy.deadLetterTargetArn" },
    ],
    unknowns: [{ name: "redrive policy unknown", patch: { redrivePolicy: UNKNOWN_STRING } }],
    compliant: [{ name: "an e-mail subscription with a DLQ", patch: { protocol: "email", endpoint: "ops@example.com" } }],
});

describeResourcePolicy({
    policy: eventArchiveCmk, id: "enc-event-archive-cmk", severity: "low", type: "aws:cloudwatch/eventArchive:EventArchive",
    baseline: { eventSourceArn: "arn:aws:events:eu-west-1:111122223333:event-bus/orders", retentionDays: 30, kmsKeyIdentifier: CMK },
    violations: [
        { name: "no key (AWS-owned)", patch: { kmsKeyIdentifier: undefined }, property: "kmsKeyIdentifier" },
        { name: "an AWS-managed alias", patch: { kmsKeyIdentifier: "alias/aws/events" }, property: "kmsKeyIdentifier" },
    ],
    unknowns: [{ name: "key unknown", patch: { kmsKeyIdentifier: UNKNOWN_STRING } }],
});

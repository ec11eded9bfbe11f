import { PolicyResource } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, childrenOf, ofType, peek } from "../../lib/stackJoins";

const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";

/**
 * Subscription protocols SNS logs delivery status for, and the topic attribute prefix of each
 * (Amazon SNS Developer Guide, "Amazon SNS message delivery status": HTTP/S, Amazon SQS, AWS Lambda,
 * Amazon Data Firehose and platform application endpoints; email and SMS have no topic attributes).
 */
const PROTOCOL_PREFIX: Readonly<Record<string, string>> = {
    http: "http", https: "http", sqs: "sqs", lambda: "lambda", firehose: "firehose", application: "application",
};

/**
 * SNS delivery status logging (catalogue log-sns-delivery-status, Low; FSBP SNS.2). For every
 * protocol the topic's subscriptions use, the topic names a failure feedback role
 * (<protocol>FailureFeedbackRoleArn), so failed deliveries reach CloudWatch Logs; success logging
 * (and its sample rate) is left to the team. A stack policy: it joins subscriptions to their topic.
 */
export const snsDeliveryStatus: StackRule = {
    id: "log-sns-delivery-status",
    description: "SNS topics log delivery failures to CloudWatch Logs for every subscription protocol in use that supports it (HTTP/S, SQS, Lambda, Firehose, application): <protocol>FailureFeedbackRoleArn is set (FSBP SNS.2).",
    severity: "low",
    remediation: "Set <protocol>FailureFeedbackRoleArn (and optionally the success role and sample rate) on the topic to a role sns.amazonaws.com can assume with logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents.",
    check(resources, ctx) {
        for (const topic of ofType(resources, [TOPIC])) {
            const protocols = new Set<string>();
            childrenOf(resources, topic, [SUBSCRIPTION], "topic", ["arn", "id"]).forEach((s: PolicyResource) => {
                const protocol: unknown = peek(s.props, "protocol");
                if (typeof protocol === "string" && PROTOCOL_PREFIX[protocol.toLowerCase()]) {
                    protocols.add(PROTOCOL_PREFIX[protocol.toLowerCase()]);
                }
            });
            for (const prefix of [...protocols].sort()) {
                const property = `${prefix}FailureFeedbackRoleArn`;
                const role: unknown = peek(topic.props, property);
                if (role !== UNKNOWN && (typeof role !== "string" || role.length === 0)) {
                    ctx.report(topic, { property, value: role ?? ABSENT, expected: `a role ARN SNS uses to log failed ${prefix} deliveries to CloudWatch Logs` });
                }
            }
        }
    },
};

export const snsDeliveryStatusPolicies = [stackPolicy(snsDeliveryStatus)];

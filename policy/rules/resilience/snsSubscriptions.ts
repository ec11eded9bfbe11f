import { ABSENT, resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";
import { parseArn } from "../../lib/arns";

/** Amazon SNS subscriptions: messages SNS could not deliver. */

export const snsSubscriptionDlq = resourcePolicy({
    id: "res-sns-subscription-dlq",
    description: "SNS subscriptions have a redrive policy: after SNS's retries a message that could not be delivered goes to an SQS dead-letter queue instead of being dropped.",
    severity: "low",
    resourceTypes: ["aws:sns/topicSubscription:TopicSubscription"],
    remediation: "Set redrivePolicy: JSON.stringify({ deadLetterTargetArn: <SQS queue ARN> }) and let sns.amazonaws.com send to that queue (aws:SourceArn = the topic).",
    check(props, ctx) {
        const policy: unknown = read(props, "redrivePolicy");
        if (policy === UNKNOWN) {
            return;
        }
        if (typeof policy !== "string" || policy.length === 0) {
            ctx.report({ property: "redrivePolicy", value: ABSENT, expected: "{ \"deadLetterTargetArn\": <SQS queue ARN> }" });
            return;
        }
        let target: unknown;
        try {
            target = (JSON.parse(policy) as Record<string, unknown>).deadLetterTargetArn;
        } catch {
            target = undefined;
        }
        if (typeof target !== "string" || parseArn(target)?.service !== "sqs") {
            ctx.report({ property: "redrivePolicy.deadLetterTargetArn", value: target ?? ABSENT, expected: "an SQS queue ARN" });
        }
    },
});

export const snsSubscriptionResiliencePolicies = [snsSubscriptionDlq];

import { ABSENT, resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

/** Amazon SNS subscriptions: delivery in transit. */

export const snsSubscriptionHttps = resourcePolicy({
    id: "tls-sns-subscription-https",
    description: "SNS subscriptions never deliver over plain HTTP (protocol http sends every message, and the subscription confirmation token, in clear text).",
    severity: "medium",
    resourceTypes: ["aws:sns/topicSubscription:TopicSubscription"],
    remediation: "Use protocol \"https\" with an https:// endpoint (or an SQS/Lambda subscription).",
    check(props, ctx) {
        const protocol: unknown = read(props, "protocol");
        const endpoint: unknown = read(props, "endpoint");
        if (protocol === UNKNOWN) {
            return;
        }
        if (protocol === "http") {
            ctx.report({ property: "protocol", value: protocol, expected: "\"https\" (never \"http\")" });
            return;
        }
        if (protocol === "https" && endpoint !== UNKNOWN && (typeof endpoint !== "string" || !endpoint.startsWith("https://"))) {
            ctx.report({ property: "endpoint", value: endpoint ?? ABSENT, expected: "an https:// URL" });
        }
    },
});

export const snsSubscriptionTransitPolicies = [snsSubscriptionHttps];

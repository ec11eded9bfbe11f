import { describe, expect, it } from "vitest";
import { StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policy/policies";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata } from "../network/cases";

/** Issue 21: log-sns-delivery-status, left out until now. */

const policy = policies.find((p) => p.name === "log-sns-delivery-status") as StackValidationPolicy;
const TOPIC_ARN = "arn:aws:sns:eu-west-1:111122223333:orders";
const ROLE = "arn:aws:iam::111122223333:role/sns-delivery-status";
const topic = (props: Record<string, unknown>) => resource("aws:sns/topic:Topic", { name: "orders", ...props }, { name: "orders", outputs: { name: "orders", arn: TOPIC_ARN, id: TOPIC_ARN, ...props } });
const subscription = (name: string, protocol: string, topicArn: string = TOPIC_ARN) => resource("aws:sns/topicSubscription:TopicSubscription", { topic: topicArn, protocol, endpoint: "x" }, { name });

describe("log-sns-delivery-status", () => {
    it("metadata: low, advisory, a stack policy", () => {
        expectMetadata(policy, "log-sns-delivery-status", "low");
        expect(typeof policy.validateStack).toBe("function");
    });
    it("passes when every protocol in use has a failure feedback role; email needs none", async () => {
        expectClean(await runPolicy(policy, [topic({ sqsFailureFeedbackRoleArn: ROLE, httpFailureFeedbackRoleArn: ROLE }), subscription("a", "sqs"), subscription("b", "https"), subscription("c", "email")]));
        expectClean(await runPolicy(policy, [topic({}), subscription("c", "email")]));
    });
    it("fires for each protocol in use without its failure feedback role", async () => {
        expectFired(await runPolicy(policy, [topic({}), subscription("a", "sqs")]), policy, "sqsFailureFeedbackRoleArn is not set");
        expectFired(await runPolicy(policy, [topic({ sqsFailureFeedbackRoleArn: ROLE }), subscription("a", "sqs"), subscription("b", "lambda")]), policy, "lambdaFailureFeedbackRoleArn");
        expectFired(await runPolicy(policy, [topic({}), subscription("b", "http")]), policy, "httpFailureFeedbackRoleArn");
    });
    it("joins subscriptions by the topic's real ARN (GovCloud partition too) and ignores other topics' subscriptions", async () => {
        const gov = "arn:aws-us-gov:sns:us-gov-west-1:111122223333:orders";
        const govTopic = resource("aws:sns/topic:Topic", { name: "orders" }, { name: "orders", outputs: { name: "orders", arn: gov, id: gov } });
        expectFired(await runPolicy(policy, [govTopic, subscription("a", "sqs", gov)]), policy, "sqsFailureFeedbackRoleArn");
        expectClean(await runPolicy(policy, [topic({}), subscription("a", "sqs", "arn:aws:sns:eu-west-1:111122223333:other")]));
    });
    it("passes an unknown role during preview", async () => {
        expectClean(await runPolicy(policy, [topic({ sqsFailureFeedbackRoleArn: UNKNOWN_STRING }), subscription("a", "sqs")]));
    });
});

import { devObject } from "../config/configFixtures";
import { describeWiring } from "./wiring";

// Neither committed stack runs Karpenter: dev with it on, so its interruption rules -> queue and DLQ are walked too.
describeWiring("dev", {
    overrides: { "platform:compute": JSON.stringify({ ...devObject("platform:compute"), karpenter: { enabled: true } }) },
    // Dev is a baseline consumer: no trail, Config delivery or anomaly subscription of its own.
    minimumCalls: 32,
    origins: [
        "aws:lambda/function:Function", "aws:sfn/stateMachine:StateMachine", "aws:cloudwatch/eventTarget:EventTarget", "aws:sns/topicSubscription:TopicSubscription",
        "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:budgets/budget:Budget",
        "aws:s3/bucketLogging:BucketLogging", "aws:cloudfront/distribution:Distribution",
    ],
});

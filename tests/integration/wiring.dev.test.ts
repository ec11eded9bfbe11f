import { describeWiring } from "./wiring";

// Dev uses the account baseline prod owns (platform:account.baseline consumer): the trail, AWS Config's
// delivery channel and the anomaly subscription are prod's, and the prod suite walks them.
describeWiring("dev", {
    minimumCalls: 24,
    origins: [
        "aws:lambda/function:Function", "aws:sfn/stateMachine:StateMachine", "aws:cloudwatch/eventTarget:EventTarget", "aws:sns/topicSubscription:TopicSubscription",
        "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:budgets/budget:Budget",
        "aws:s3/bucketLogging:BucketLogging", "aws:cloudfront/distribution:Distribution",
    ],
});

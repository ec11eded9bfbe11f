import { describeWiring } from "./wiring";

describeWiring("prod", {
    minimumCalls: 50,
    origins: [
        "aws:lambda/function:Function", "aws:sfn/stateMachine:StateMachine", "aws:cloudwatch/eventTarget:EventTarget", "aws:sns/topicSubscription:TopicSubscription",
        "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:budgets/budget:Budget", "aws:costexplorer/anomalySubscription:AnomalySubscription",
        "aws:s3/bucketLogging:BucketLogging", "aws:cloudfront/distribution:Distribution", "aws:cloudtrail/trail:Trail", "aws:cfg/deliveryChannel:DeliveryChannel",
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    ],
});

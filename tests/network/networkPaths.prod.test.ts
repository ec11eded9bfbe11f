import { describeNetworkPaths } from "./networkPaths";

// Prod's interface endpoints (ECR, STS, logs, KMS, SSM, Secrets Manager, ...) serve none of what the
// functions call, so SQS and X-Ray go through NAT here too; networkPaths.endpoints.test.ts covers the endpoint route.
describeNetworkPaths("prod", {
    dependencies: [
        "function:orders-api -> aurora:5432",
        "function:orders-api -> cache:6379",
        "function:orders-api -> dynamodb:gatewayEndpoint",
        "function:orders-api -> sqs:nat",
        "function:orders-api -> xray:nat",
        "function:payment-processor -> aurora:5432",
        "function:payment-processor -> cache:6379",
        "function:payment-processor -> xray:nat",
    ],
});

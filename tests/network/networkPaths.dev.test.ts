import { describeNetworkPaths } from "./networkPaths";

// Dev has no interface endpoints: SQS and X-Ray go through the NAT gateway, DynamoDB through its gateway endpoint.
describeNetworkPaths("dev", {
    dependencies: [
        "function:orders-api -> aurora:5432",
        "function:orders-api -> cache:6379",
        "function:orders-api -> dynamodb:gatewayEndpoint",
        "function:orders-api -> sqs:nat",
        "function:orders-api -> xray:nat",
    ],
});

import { stackConfiguration } from "../support/stackRun";
import { describeNetworkPaths } from "./networkPaths";

// Prod with interface endpoints for SQS and X-Ray: the functions' group reaches them through the
// endpoints' security group (private DNS), and no longer needs the NAT rule at all.
const network = JSON.parse(stackConfiguration("prod").config["platform:network"]) as { interfaceEndpoints: string[] };

describeNetworkPaths("prod", {
    overrides: { "platform:network": JSON.stringify({ ...network, interfaceEndpoints: [...network.interfaceEndpoints, "sqs", "xray"] }) },
    dependencies: [
        "function:orders-api -> aurora:5432",
        "function:orders-api -> cache:6379",
        "function:orders-api -> dynamodb:gatewayEndpoint",
        "function:orders-api -> sqs:interfaceEndpoint",
        "function:orders-api -> xray:interfaceEndpoint",
        "function:payment-processor -> aurora:5432",
        "function:payment-processor -> cache:6379",
        "function:payment-processor -> xray:interfaceEndpoint",
    ],
});

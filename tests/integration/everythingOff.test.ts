import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";

/** Types only the integration and delivery layers create. */
const LAYER_TYPES: readonly string[] = [
    "aws:apigatewayv2/api:Api", "aws:apigatewayv2/stage:Stage", "aws:apigatewayv2/route:Route", "aws:apigatewayv2/vpcLink:VpcLink",
    "aws:cognito/userPool:UserPool", "aws:cognito/userPoolClient:UserPoolClient",
    "aws:lambda/function:Function", "aws:lambda/eventSourceMapping:EventSourceMapping", "aws:lambda/permission:Permission",
    "aws:sfn/stateMachine:StateMachine", "aws:sns/topic:Topic", "aws:sns/topicSubscription:TopicSubscription",
    "aws:cloudwatch/eventBus:EventBus", "aws:cloudwatch/eventArchive:EventArchive",
    "aws:ecr/repository:Repository", "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "aws:eks/capability:Capability",
    "aws:cloudwatch/logDeliverySource:LogDeliverySource",
];

describe("a stack with every integration and delivery part switched off (dev)", () => {
    let result: StackRunResult;
    beforeAll(async () => {
        result = await runStack("dev", { overrides: { "platform:integration": "{}", "platform:delivery": "{}" } });
    });

    it("registers neither component", () => {
        expect(result.ofType("platform:integration:Integration")).toEqual([]);
        expect(result.ofType("platform:delivery:Delivery")).toEqual([]);
    });

    it("registers no resource of these layers: no key, queue, function, API, registry or CI role", () => {
        for (const type of LAYER_TYPES) {
            expect(result.ofType(type), type).toEqual([]);
        }
        const keys: string[] = result.ofType("aws:kms/key:Key").map((k: RecordedResource) => k.name).sort();
        expect(keys).toEqual(["cluster-secrets", "data", "logs"]);
        expect(result.ofType("aws:sqs/queue:Queue").map((q) => q.name).filter((n) => !n.startsWith("karpenter"))).toEqual([]);
        expect(result.ofType("aws:iam/role:Role").map((r) => r.name).filter((n) => n.startsWith("github") || n.startsWith("fn-") || n.startsWith("sfn-"))).toEqual([]);
    });

    it("exports no integration or delivery outputs", () => {
        expect(result.run.stackOutputs.integration).toBeUndefined();
        expect(result.run.stackOutputs.delivery).toBeUndefined();
    });
});

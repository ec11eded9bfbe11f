import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";

/** Types the integration and delivery layers create (others, such as the alarm topic, live in other components). */
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
        const ofLayers = (r: RecordedResource): boolean => /platform:(integration|delivery):/.test(r.urn);
        for (const type of LAYER_TYPES) {
            expect(result.ofType(type).filter(ofLayers), type).toEqual([]);
        }
        expect(result.resources.filter(ofLayers)).toEqual([]);
        // Only the other layers' keys remain: the baseline's, the edge's and the alarm topic's.
        const keys: string[] = result.ofType("aws:kms/key:Key").filter((k) => !/platform:(security|edge|operations):/.test(k.urn)).map((k: RecordedResource) => k.name);
        expect(keys).toEqual([]);
        expect(result.ofType("aws:iam/role:Role").map((r) => r.name).filter((n) => n.startsWith("github") || n.startsWith("fn-") || n.startsWith("sfn-"))).toEqual([]);
    });

    it("exports no integration or delivery outputs", () => {
        expect(result.run.stackOutputs.integration).toBeUndefined();
        expect(result.run.stackOutputs.delivery).toBeUndefined();
    });
});

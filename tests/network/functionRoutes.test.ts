import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { parsePlatformConfig } from "../../infra/config/load";
import { stackConfiguration } from "../support/stackRun";

/** Dev's config with its network changed. */
function devWithNetwork(change: Record<string, unknown>): Record<string, string> {
    const configuration = stackConfiguration("dev");
    const network = JSON.parse(configuration.config["platform:network"]) as Record<string, unknown>;
    return { ...configuration.config, "platform:network": JSON.stringify({ ...network, ...change }) };
}

function problems(raw: Record<string, string>): string[] {
    try {
        parsePlatformConfig(raw, "platform", "dev");
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigValidationError);
        return (error as Error).message.split("\n").slice(1);
    }
    return [];
}

describe("a function in the VPC needs a route to every AWS API its code calls (config check)", () => {
    it("rejects natStrategy none while orders-api calls SQS and X-Ray without endpoints, naming each", () => {
        const found: string[] = problems(devWithNetwork({ natStrategy: "none", interfaceEndpoints: [] })).filter((p) => p.includes("platform:network.natStrategy"));
        expect(found).toHaveLength(2);
        expect(found.join("\n")).toContain("function orders-api runs in the VPC (reachesDataTier) and calls sqs (sqs:SendMessage on order-events (platform:integration.queues[0].producerFunctions))");
        expect(found.join("\n")).toContain("calls xray");
        // DynamoDB goes through its gateway endpoint, which every stack has.
        expect(found.join("\n")).not.toContain("dynamodb");
    });

    it("accepts natStrategy none when interface endpoints serve SQS and X-Ray", () => {
        expect(problems(devWithNetwork({ natStrategy: "none", interfaceEndpoints: ["sqs", "xray"] })).filter((p) => p.includes("platform:network.natStrategy"))).toEqual([]);
    });
});

import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError } from "../../infra/config/errors";
import { runPlatform } from "../../infra/program";
import { runUnderMocks } from "../../tools/offline/mockEngine";
import { stackConfiguration } from "../support/stackRun";

describe("invalid configuration under the mock runtime", () => {
    it("fails with the validation message before any resource is registered", async () => {
        const configuration = stackConfiguration("dev");
        let failure: unknown;
        const run = await runUnderMocks({
            project: configuration.project,
            stack: "dev",
            config: { ...configuration.config, "platform:network": JSON.stringify({ vpcCidr: "10.0.0.0/33", availabilityZoneIds: ["use1-az1", "use1-az3"] }) },
            program: () => {
                try {
                    return runPlatform();
                } catch (error) {
                    failure = error;
                    return {};
                }
            },
        });
        expect(failure).toBeInstanceOf(ConfigValidationError);
        // A RunError: the Pulumi CLI prints its message without a stack trace.
        expect(pulumi.RunError.isInstance(failure)).toBe(true);
        expect((failure as Error).message).toContain("platform:network.vpcCidr: got \"10.0.0.0/33\"");
        expect((failure as Error).message).toContain("platform:network.availabilityZoneIds[1]: got \"use1-az3\"; allowed: a zone id EKS supports for cluster subnets");
        expect(run.resources).toEqual([]);
    });

    it("lists integration and delivery problems together, and still registers nothing", async () => {
        const configuration = stackConfiguration("dev");
        const integration = JSON.parse(configuration.config["platform:integration"]) as Record<string, unknown>;
        const delivery = JSON.parse(configuration.config["platform:delivery"]) as Record<string, unknown>;
        let failure: unknown;
        const run = await runUnderMocks({
            project: configuration.project,
            stack: "dev",
            config: {
                ...configuration.config,
                "platform:integration": JSON.stringify({ ...integration, queues: [{ name: "payments", fifo: true, maxReceiveCount: 0 }] }),
                "platform:delivery": JSON.stringify({ ...delivery, ecr: { repositories: [{ name: "Orders" }] } }),
            },
            program: () => {
                try {
                    return runPlatform();
                } catch (error) {
                    failure = error;
                    return {};
                }
            },
        });
        expect(failure).toBeInstanceOf(ConfigValidationError);
        const message: string = (failure as Error).message;
        expect(message).toContain("platform:integration.queues[0].maxReceiveCount: got 0; allowed: an integer from 1 to 1000");
        expect(message).toContain("platform:delivery.ecr.repositories[0].name: got \"Orders\"");
        expect(run.resources).toEqual([]);
    });
});

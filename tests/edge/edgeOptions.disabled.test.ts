import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";
import { devObject } from "../config/configFixtures";
import { E } from "./edgeAssertions";

/** edge.enabled false: no edge at all, and its alarms are skipped rather than broken. */
describe("edge disabled", () => {
    let result: StackRunResult;
    beforeAll(async () => {
        // As the account's baseline owner, so the account trail's CIS alarms and access logs are there to keep.
        result = await runStack("dev", { overrides: {
            "platform:edge": JSON.stringify({ ...devObject("platform:edge"), enabled: false }),
            "platform:account": JSON.stringify({ id: "123456789012", baseline: "owner" }),
        } });
    });

    it("registers no edge resources and no edge output", () => {
        expect(result.ofType(E.component)).toEqual([]);
        expect(result.ofType(E.distribution)).toEqual([]);
        expect(result.ofType(E.webAcl)).toEqual([]);
        expect(result.run.stackOutputs.edge).toBeUndefined();
    });
    it("skips the CloudFront and WAF alarms and keeps the others", () => {
        const alarms: string[] = result.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a: RecordedResource) => a.name);
        expect(alarms.filter((n: string) => /^(cloudfront|waf)-/.test(n))).toEqual([]);
        expect(alarms).toContain("eks-control-plane-errors");
        expect(alarms).toContain("cis-root-account-usage");
    });
    it("the access-log bucket still receives the CloudTrail and application buckets' logs, and no static-assets logs", () => {
        expect(result.ofType(E.bucketLogging).map((l: RecordedResource) => l.inputs.targetPrefix).sort()).toEqual(["s3/cloudtrail/", "s3/data/uploads/"]);
    });
});

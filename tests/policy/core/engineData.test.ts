import * as aws from "@pulumi/aws/s3";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { AnalyzedResource, evaluatePolicies, isTypeOf } from "../../../policy/lib/evaluate";
import { stackPolicy as toStackPolicy } from "../../../policy/lib/rule";
import { s3Bpa as s3BpaRule } from "../../../policy/rules/network/stack";
import { UNKNOWN_STRING, resource } from "../support/policyHarness";

/** The offline evaluator hands policies the same data @pulumi/policy's server builds from the engine's requests. */
const s3Bpa: StackValidationPolicy = toStackPolicy(s3BpaRule);

describe("engine data offline, as the real analyzer server has it", () => {
    const BUCKET = "aws:s3/bucket:Bucket";
    const BPA = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    const dryRunBucket = (name: string): AnalyzedResource => resource(BUCKET, {}, { name, outputs: { bucket: UNKNOWN_STRING, id: UNKNOWN_STRING, arn: UNKNOWN_STRING } });

    it("per-property dependencies: a public access block naming one of the two buckets it depends on covers only that bucket", async () => {
        const logs: AnalyzedResource = dryRunBucket("logs");
        const site: AnalyzedResource = dryRunBucket("site");
        const blockInputs = { bucket: UNKNOWN_STRING, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
        // Depends on both buckets (e.g. through dependsOn), but its `bucket` input comes from logs only.
        const block: AnalyzedResource = { ...resource(BPA, blockInputs, { name: "guard", dependencies: [logs.urn, site.urn] }), propertyDependencies: { bucket: [logs.urn] } };
        const run = await evaluatePolicies([s3Bpa], [logs, site, block], {});
        expect(run.violations.map((v) => v.urn)).toEqual([site.urn]);
        // Without property dependencies only the coarse resource dependencies remain, and both buckets look covered.
        const coarse = await evaluatePolicies([s3Bpa], [logs, site, { ...block, propertyDependencies: undefined }], {});
        expect(coarse.violations).toEqual([]);
    });

    it("isType/asType on resources and in stack policies behave as the server's isTypeOf", async () => {
        expect(isTypeOf(BUCKET, aws.Bucket)).toBe(true);
        expect(isTypeOf(BPA, aws.Bucket)).toBe(false);
        expect(isTypeOf(BUCKET, { isInstance: (o: { __pulumiType: string }) => o.__pulumiType === BUCKET })).toBe(true);
        const seen: string[] = [];
        const resourcePolicy: ResourceValidationPolicy = {
            name: "probe-resource", description: "records isType/asType", enforcementLevel: "advisory",
            validateResource: (args) => { seen.push(`${args.name}:${args.isType(aws.Bucket)}:${args.asType(aws.Bucket) === undefined ? "none" : "props"}`); },
        };
        const stackPolicy: StackValidationPolicy = {
            name: "probe-stack", description: "records isType in stack policies", enforcementLevel: "advisory",
            validateStack: (args) => { seen.push(`stack:${args.resources.filter((r: PolicyResource) => r.isType(aws.Bucket)).map((r) => r.name).join(",")}`); },
        };
        await evaluatePolicies([resourcePolicy, stackPolicy], [resource(BUCKET, { bucket: "b" }, { name: "b" }), resource(BPA, { bucket: "b" }, { name: "p" })], {});
        expect(seen).toEqual(["b:true:props", "p:false:none", "stack:b"]);
    });
});

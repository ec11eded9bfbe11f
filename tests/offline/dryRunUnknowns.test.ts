import { describe, expect, it } from "vitest";
import { isUnknownValue } from "../../tools/preview/unknown";
import { runStack } from "../support/stackRun";

/**
 * A dry run behaves like a first `pulumi preview`: what the provider computes (ids, ARNs, names it
 * generates) is unknown to analyzers and stack policies, not absent, while inputs stay known.
 */
describe("a dry run leaves computed outputs unknown", () => {
    it("gives every KMS key and bucket an unknown ARN and keeps their inputs", async () => {
        const result = await runStack("dev", { preview: true });
        const keys = result.all("aws:kms/key:Key");
        for (const key of keys) {
            expect(isUnknownValue(key.outputs.arn), key.urn).toBe(true);
            expect(key.outputs.enableKeyRotation).toBe(true);
        }
        for (const bucket of result.all("aws:s3/bucket:Bucket")) {
            expect(isUnknownValue(bucket.outputs.arn), bucket.urn).toBe(true);
        }
    });
});

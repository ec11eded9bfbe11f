import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../policy/lib/evaluate";
import { ABSENT, Props, ResourceRuleContext, StackRuleContext, resourcePolicy, stackPolicy } from "../../../policy/lib/rule";
import { isSet } from "../../../policy/lib/values";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";

/** A tiny rule used only to exercise the pack-wide behaviour every real rule inherits. */
const bucketNamed = resourcePolicy<{ prefix: string }>({
    id: "test-bucket-prefix",
    description: "Buckets are named with the configured prefix.",
    severity: "high",
    remediation: "Rename the bucket.",
    resourceTypes: ["aws:s3/bucket:Bucket"],
    config: { schema: { prefix: { type: "string" } }, defaults: { prefix: "acme-" } },
    check: (props: Props, ctx: ResourceRuleContext<{ prefix: string }>) => {
        if (!isSet(props, "bucket")) {
            ctx.report({ property: "bucket", value: ABSENT, expected: `a name starting with ${ctx.config.prefix}` });
            return;
        }
        if (!String(props.bucket).startsWith(ctx.config.prefix)) {
            ctx.report({ property: "bucket", value: props.bucket, expected: `a name starting with ${ctx.config.prefix}` });
        }
    },
});

const advisoryRule = resourcePolicy({
    id: "test-advisory",
    description: "Medium rules advise by default.",
    severity: "medium",
    remediation: "n/a",
    resourceTypes: "all",
    check: (_props: Props, ctx: ResourceRuleContext<object>) => ctx.report({ property: "x", value: 1, expected: "2", fix: "Set x to 2." }),
});

const oneBucketOnly = stackPolicy({
    id: "test-one-bucket",
    description: "At most one bucket per stack.",
    severity: "low",
    remediation: "Remove a bucket.",
    check: (resources, ctx: StackRuleContext<object>) => {
        const buckets = resources.filter((r) => r.type === "aws:s3/bucket:Bucket");
        if (buckets.length > 1) {
            ctx.report(buckets[1], { property: "(stack)", value: buckets.length, expected: "at most one bucket" });
        }
    },
});

describe("policy core: resourcePolicy", () => {
    it("derives the default enforcement level from severity", () => {
        expect(bucketNamed.enforcementLevel).toBe("mandatory");
        expect(advisoryRule.enforcementLevel).toBe("advisory");
        expect(oneBucketOnly.enforcementLevel).toBe("advisory");
        expect(bucketNamed.severity).toBe("high");
    });

    it("publishes its config schema with defaults and an exemptions list", () => {
        expect(bucketNamed.configSchema?.properties.prefix).toMatchObject({ type: "string", default: "acme-" });
        expect(bucketNamed.configSchema?.properties.exemptions).toMatchObject({ type: "array", items: { required: ["reason"] } });
    });

    it("formats violations with the resource, property, bad value, expectation and fix", async () => {
        const run = await runPolicy(bucketNamed, resource("aws:s3/bucket:Bucket", { bucket: "logs" }, { name: "audit" }));
        expect(run.messages).toEqual(['aws:s3/bucket:Bucket "audit": bucket is "logs"; expected a name starting with acme-. Fix: Rename the bucket.']);
        expect(run.violations[0].enforcementLevel).toBe("mandatory");
    });

    it("reports absent values as not set and passes unknown (preview) values", async () => {
        expect((await runPolicy(bucketNamed, resource("aws:s3/bucket:Bucket", {}))).messages[0]).toContain("bucket is not set;");
        const unknown = await runPolicy(bucketNamed, resource("aws:s3/bucket:Bucket", { bucket: UNKNOWN_STRING }));
        expect(unknown.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
        expect(unknown.violations.map((v) => v.message)).toEqual([expect.stringContaining("can't run policy 'test-bucket-prefix' during preview")]);
    });

    it("applies pack config: rule config overrides defaults, enforcement level overrides severity", async () => {
        const run = await runPolicy(bucketNamed, resource("aws:s3/bucket:Bucket", { bucket: "acme-logs" }), { prefix: "corp-", enforcementLevel: "advisory" });
        expect(run.violations).toHaveLength(1);
        expect(run.violations[0].enforcementLevel).toBe("advisory");
        expect(run.messages[0]).toContain("expected a name starting with corp-");
        expect((await runPolicy(bucketNamed, resource("aws:s3/bucket:Bucket", { bucket: "x" }), { enforcementLevel: "disabled" })).violations).toEqual([]);
    });

    it("skips exempt resources and reports the exemption's reason", async () => {
        const exemptions = [{ namePattern: "^legacy-", reason: "migrated in Q3 (JIRA-12)" }];
        const run = await runPolicy(bucketNamed, resource("aws:s3/bucket:Bucket", { bucket: "old" }, { name: "legacy-reports" }), { exemptions });
        expect(run.violations).toEqual([]);
        expect(run.notApplicable).toEqual([{ policy: "test-bucket-prefix", urn: expect.stringContaining("legacy-reports"), reason: "exempt: migrated in Q3 (JIRA-12)" }]);
        const byUrn = await runPolicy(bucketNamed, resource("aws:s3/bucket:Bucket", { bucket: "old" }, { name: "x" }), { exemptions: [{ urnPattern: "::x$", reason: "r" }] });
        expect(byUrn.notApplicable.map((n) => n.reason)).toEqual(["exempt: r"]);
    });

    it("is not applicable to other types", async () => {
        const analyzer = await runPolicy(bucketNamed, resource("aws:sqs/queue:Queue", {}));
        expect(analyzer.resourceEvaluations).toBe(0);
        // The analyzer host calls every policy for every resource; the policy itself must decline.
        let reason = "";
        const validate = bucketNamed.validateResource as (args: unknown, report: () => void) => void;
        expect(() => validate({
            type: "aws:sqs/queue:Queue", props: {}, urn: "u", name: "n", getConfig: () => ({}),
            notApplicable: (r: string) => { reason = r; throw new Error("not applicable"); },
        }, () => undefined)).toThrow("not applicable");
        expect(reason).toBe("applies only to aws:s3/bucket:Bucket");
    });
});

describe("policy core: stackPolicy and evaluation", () => {
    it("sees outputs, reports against a resource's URN, and honours exemptions", async () => {
        const two = [resource("aws:s3/bucket:Bucket", {}, { name: "a" }), resource("aws:s3/bucket:Bucket", {}, { name: "b" })];
        const run = await runPolicy(oneBucketOnly, two);
        expect(run.violations).toEqual([expect.objectContaining({ policy: "test-one-bucket", enforcementLevel: "advisory", urn: two[1].urn })]);
        expect((await runPolicy(oneBucketOnly, two, { exemptions: [{ namePattern: "^b$", reason: "temporary" }] })).violations).toEqual([]);
    });

    it("downgrades remediate to mandatory, as the analyzer host does", async () => {
        const evaluation = await evaluatePolicies([bucketNamed], [resource("aws:s3/bucket:Bucket", { bucket: "x" })], { "test-bucket-prefix": { enforcementLevel: "remediate" } });
        expect(evaluation.violations[0].enforcementLevel).toBe("mandatory");
    });
});

describe("policy core: pack-wide enforcement", () => {
    it("applies the 'all' entry to policies without their own level, as Pulumi's policy config does", async () => {
        const bucket = resource("aws:s3/bucket:Bucket", { bucket: "x" });
        const all = await evaluatePolicies([bucketNamed, advisoryRule], [bucket], { all: "mandatory" });
        expect(all.violations.map((v) => [v.policy, v.enforcementLevel])).toEqual([["test-bucket-prefix", "mandatory"], ["test-advisory", "mandatory"]]);
        const own = await evaluatePolicies([bucketNamed], [bucket], { all: { enforcementLevel: "disabled" }, "test-bucket-prefix": "advisory" });
        expect(own.violations.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
        expect((await evaluatePolicies([bucketNamed], [bucket], { all: "disabled" })).violations).toEqual([]);
    });
});

import { Policies } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../policy/lib/evaluate";
import { stackPolicy } from "../../../policy/lib/rule";
import { resiliencePolicies } from "../../../policy/rules/resilience";
import { auroraMultiAz, backupPlan, s3Lifecycle, s3Versioning, sqsDlq } from "../../../policy/rules/resilience/stack";
import { UNKNOWN_OBJECT, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata, expectNoMandatory } from "../network/cases";

const multiAz = stackPolicy(auroraMultiAz);
const backup = stackPolicy(backupPlan);
const versioning = stackPolicy(s3Versioning);
const lifecycle = stackPolicy(s3Lifecycle);
const dlq = stackPolicy(sqsDlq);

describe("resilience pillar index", () => {
    it("exports every policy once with res- ids and catalogue metadata", () => {
        const names = resiliencePolicies.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.every((n) => n.startsWith("res-"))).toBe(true);
        expectMetadata(multiAz, "res-aurora-multi-az", "high");
        expectMetadata(backup, "res-backup-plan", "medium");
        expectMetadata(versioning, "res-s3-versioning", "medium");
        expectMetadata(lifecycle, "res-s3-lifecycle", "low");
        expectMetadata(dlq, "res-sqs-dlq", "medium");
    });
});

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const cluster = (env: unknown = "prod", id: unknown = "platform-db", extra: Record<string, unknown> = {}) => {
    const outputs = { engine: "aurora-postgresql", clusterIdentifier: id, id, arn: typeof id === "string" ? `arn:aws:rds:us-east-1:1:cluster:${id}` : UNKNOWN_STRING, tagsAll: env === UNKNOWN_OBJECT ? env : { Environment: env }, ...extra };
    return resource(CLUSTER, { engine: "aurora-postgresql" }, { name: "db", outputs });
};
const instance = (c: ReturnType<typeof cluster>, name: string, az: unknown, ref: unknown = c.outputs.clusterIdentifier) =>
    resource(INSTANCE, { clusterIdentifier: ref, instanceClass: "db.r6g.large" }, { name, outputs: { clusterIdentifier: ref, availabilityZone: az }, dependencies: [c.urn] });

describe("res-aurora-multi-az", () => {
    it("passes a prod cluster with writer + reader in two AZs", async () => {
        const c = cluster();
        expectClean(await runPolicy(multiAz, [c, instance(c, "w", "us-east-1a"), instance(c, "r", "us-east-1b")]));
    });
    it("fires for a single-instance prod cluster", async () => {
        const c = cluster();
        const run = await runPolicy(multiAz, [c, instance(c, "w", "us-east-1a")]);
        expectFired(run, multiAz, "aws:rds/clusterInstance");
        expect(run.violations[0].enforcementLevel).toBe("mandatory");
    });
    it("fires when both instances share an AZ, or the cluster pins one AZ", async () => {
        const c = cluster();
        expectFired(await runPolicy(multiAz, [c, instance(c, "w", "us-east-1a"), instance(c, "r", "us-east-1a")]), multiAz, "availabilityZone");
        const pinned = cluster("prod", "platform-db", { availabilityZones: ["us-east-1a"] });
        expectFired(await runPolicy(multiAz, [pinned, instance(pinned, "w", "us-east-1a"), instance(pinned, "r", "us-east-1b")]), multiAz, "availabilityZones");
    });
    it("does not apply to dev (single writer is fine)", async () => {
        const c = cluster("dev");
        expectClean(await runPolicy(multiAz, [c, instance(c, "w", "us-east-1a")]));
    });
    it("stack tag decides the environment; config environments are honoured", async () => {
        const c = cluster("whatever");
        const result = await evaluatePolicies([multiAz] as Policies, [c, instance(c, "w", "us-east-1a")], {}, new Map([["environment", "prod"]]));
        expect(result.violations.map((v) => v.policy)).toEqual(["res-aurora-multi-az"]);
        expectFired(await runPolicy(multiAz, [cluster("production")], { environments: ["production"] }), multiAz, "aws:rds/clusterInstance");
    });
    it("joins instances via dependency when the cluster id is unknown; AZ unknown passes", async () => {
        const c = cluster("prod", UNKNOWN_STRING);
        expectClean(await runPolicy(multiAz, [c, instance(c, "w", UNKNOWN_STRING), instance(c, "r", UNKNOWN_STRING)]));
        expectFired(await runPolicy(multiAz, [c, instance(c, "w", UNKNOWN_STRING)]), multiAz, "aws:rds/clusterInstance");
    });
    it("unknown tags: environment undecidable, no mandatory finding", async () => {
        const c = cluster(UNKNOWN_OBJECT);
        expectNoMandatory(await runPolicy(multiAz, [c, instance(c, "w", "us-east-1a")]));
    });
    it("instances of another cluster do not count", async () => {
        const a = cluster("prod", "a");
        const b = resource(CLUSTER, { engine: "aurora-postgresql" }, { name: "b", outputs: { engine: "aurora-postgresql", clusterIdentifier: "b", id: "b", tagsAll: { Environment: "prod" } } });
        const run = await runPolicy(multiAz, [a, b, instance(a, "w", "us-east-1a"), instance(a, "r", "us-east-1b")]);
        expect(run.violations.map((v) => v.urn)).toEqual([b.urn]);
    });
    it("exempt cluster is skipped", async () => {
        const c = cluster();
        expectClean(await runPolicy(multiAz, [c], { exemptions: [{ namePattern: "^db$", reason: "analytics replica, single AZ by design" }] }));
    });
});

describe("res-backup-plan", () => {
    const table = (tags: Record<string, string> = {}, arn: unknown = "arn:aws:dynamodb:us-east-1:1:table/orders") => resource("aws:dynamodb/table:Table", { hashKey: "pk" }, { name: "orders", outputs: { arn, tagsAll: tags } });
    const selection = (props: Record<string, unknown>, deps: string[] = []) => resource("aws:backup/selection:Selection", { planId: "p", iamRoleArn: "r", ...props }, { name: "sel", dependencies: deps });
    it("passes by ARN, by wildcard, by tag and by dependency (unknown ARN)", async () => {
        const c = cluster();
        const t = table({ Backup: "daily" });
        expectClean(await runPolicy(backup, [c, t, selection({ resources: [c.outputs.arn, t.outputs.arn] })]));
        expectClean(await runPolicy(backup, [c, t, selection({ resources: ["arn:aws:rds:*:*:cluster:*", "arn:aws:dynamodb:*:*:table/*"] })]));
        expectClean(await runPolicy(backup, [t, selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Backup", value: "daily" }] })]));
        expectClean(await runPolicy(backup, [t, selection({ conditions: { stringEquals: [{ key: "aws:ResourceTag/Backup", value: "daily" }] } })]));
        const u = table({}, UNKNOWN_STRING);
        expectClean(await runPolicy(backup, [u, selection({ resources: [UNKNOWN_STRING] }, [u.urn])]));
    });
    it("fires for an uncovered table / cluster", async () => {
        expectFired(await runPolicy(backup, [table()]), backup, "aws:backup/selection");
        expectFired(await runPolicy(backup, [cluster(), selection({ resources: ["arn:aws:dynamodb:*:*:table/*"] })]), backup, "aws:backup/selection");
    });
});

const BUCKET = "aws:s3/bucket:Bucket";
const bucket = (name = "assets", id: unknown = `${name}-1`, extra: Record<string, unknown> = {}) => resource(BUCKET, { bucket: `${name}-1` }, { name, outputs: { bucket: `${name}-1`, id, ...extra } });
const sub = (type: string, b: ReturnType<typeof bucket>, props: Record<string, unknown>, ref: unknown = b.outputs.id) => resource(type, { bucket: ref, ...props }, { name: `${b.name}-${type.split(":").pop()}`, dependencies: [b.urn] });

describe("res-s3-versioning", () => {
    const V = "aws:s3/bucketVersioning:BucketVersioning";
    it("passes with Enabled (BucketVersioning, V2 token, inline)", async () => {
        const b = bucket();
        expectClean(await runPolicy(versioning, [b, sub(V, b, { versioningConfiguration: { status: "Enabled" } })]));
        expectClean(await runPolicy(versioning, [b, sub("aws:s3/bucketVersioningV2:BucketVersioningV2", b, { versioningConfiguration: { status: "Enabled" } })]));
        expectClean(await runPolicy(versioning, [bucket("old", "old-1", { versioning: { enabled: true } })]));
    });
    it("fires when missing or Suspended", async () => {
        const b = bucket();
        expectFired(await runPolicy(versioning, [b]), versioning, "aws:s3/bucketVersioning");
        expectFired(await runPolicy(versioning, [b, sub(V, b, { versioningConfiguration: { status: "Suspended" } })]), versioning, "versioningConfiguration.status");
    });
    it("joins on unknown id; unknown status passes", async () => {
        const b = bucket("assets", UNKNOWN_STRING);
        expectClean(await runPolicy(versioning, [b, sub(V, b, { versioningConfiguration: { status: UNKNOWN_STRING } }, UNKNOWN_STRING)]));
    });
    it("config unversionedBucketNamePatterns", async () => {
        expectClean(await runPolicy(versioning, [bucket("scratch")], { unversionedBucketNamePatterns: ["^scratch"] }));
    });
});

describe("res-s3-lifecycle", () => {
    const L = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
    const good = { rules: [{ id: "abort", status: "Enabled", abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] };
    it("passes with an enabled abort rule", async () => {
        const b = bucket();
        expectClean(await runPolicy(lifecycle, [b, sub(L, b, good)]));
    });
    it("fires when missing, disabled, or without multipart abort", async () => {
        const b = bucket();
        expectFired(await runPolicy(lifecycle, [b]), lifecycle, "aws:s3/bucketLifecycleConfiguration");
        expectFired(await runPolicy(lifecycle, [b, sub(L, b, { rules: [{ id: "x", status: "Disabled", abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] })]), lifecycle, "rules[].status");
        expectFired(await runPolicy(lifecycle, [b, sub(L, b, { rules: [{ id: "x", status: "Enabled", expiration: { days: 30 } }] })]), lifecycle, "abortIncompleteMultipartUpload");
    });
    it("joins on unknown id", async () => {
        const b = bucket("assets", UNKNOWN_STRING);
        expectClean(await runPolicy(lifecycle, [b, sub(L, b, good, UNKNOWN_STRING)]));
    });
});

describe("res-sqs-dlq", () => {
    const queue = (name: string, props: Record<string, unknown> = {}, deps: string[] = []) => resource("aws:sqs/queue:Queue", props, { name, outputs: { arn: `arn:aws:sqs:us-east-1:1:${name}`, url: `https://sqs/${name}`, id: `https://sqs/${name}`, ...props }, dependencies: deps });
    it("passes a work queue with redrive to its DLQ (DLQ recognised by reference)", async () => {
        const target = queue("orders-failures");
        const work = queue("orders", { redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:us-east-1:1:orders-failures", maxReceiveCount: 5 }) }, [target.urn]);
        expectClean(await runPolicy(dlq, [target, work]));
    });
    it("DLQ by name, by redriveAllowPolicy, and via a RedrivePolicy resource", async () => {
        expectClean(await runPolicy(dlq, [queue("orders-dlq")]));
        expectClean(await runPolicy(dlq, [queue("parking", { redriveAllowPolicy: "{\"redrivePermission\":\"allowAll\"}" })]));
        const w = queue("work");
        const rp = resource("aws:sqs/redrivePolicy:RedrivePolicy", { queueUrl: "https://sqs/work", redrivePolicy: "{}" }, { name: "work-redrive" });
        expectClean(await runPolicy(dlq, [w, rp]));
    });
    it("fires for a queue without redrive", async () => {
        expectFired(await runPolicy(dlq, [queue("orders")]), dlq, "redrivePolicy");
    });
    it("unknown redrive policy passes; unknown DLQ ARN joins by dependency", async () => {
        expectNoMandatory(await runPolicy(dlq, [queue("orders", { redrivePolicy: UNKNOWN_STRING })]));
        const target = resource("aws:sqs/queue:Queue", {}, { name: "failures", outputs: { arn: UNKNOWN_STRING } });
        const work = resource("aws:sqs/queue:Queue", {}, { name: "work", outputs: { redrivePolicy: UNKNOWN_STRING }, dependencies: [target.urn] });
        expectClean(await runPolicy(dlq, [target, work]));
    });
});

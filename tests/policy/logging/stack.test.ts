import { describe, expect, it } from "vitest";
import { stackPolicy } from "../../../policy/lib/rule";
import { loggingPolicies } from "../../../policy/rules/logging";
import {
    cloudfrontAccessLogging, cloudtrailMultiRegion, guardDutyData, guardDutyEks, guardDutyEnabled, s3AccessLogging, vpcFlowLogs, wafDestinationName, wafLogging,
} from "../../../policy/rules/logging/stack";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata, expectNoMandatory } from "../network/cases";

const multiRegion = stackPolicy(cloudtrailMultiRegion);
const accessLogging = stackPolicy(s3AccessLogging);
const cfLogging = stackPolicy(cloudfrontAccessLogging);
const wafLog = stackPolicy(wafLogging);
const flowLogs = stackPolicy(vpcFlowLogs);
const gd = stackPolicy(guardDutyEnabled);
const gdEks = stackPolicy(guardDutyEks);
const gdData = stackPolicy(guardDutyData);

describe("logging pillar index", () => {
    it("exports every policy once with log- ids and catalogue metadata", () => {
        const names = loggingPolicies.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.every((n) => n.startsWith("log-"))).toBe(true);
        expectMetadata(multiRegion, "log-cloudtrail-multi-region", "high");
        expectMetadata(accessLogging, "log-s3-access-logging", "medium");
        expectMetadata(cfLogging, "log-cloudfront-access-logging", "medium");
        expectMetadata(wafLog, "log-waf-logging", "medium");
        expectMetadata(flowLogs, "log-vpc-flow-logs", "high");
        expectMetadata(gd, "log-guardduty-enabled", "high");
        expectMetadata(gdEks, "log-guardduty-eks", "medium");
        expectMetadata(gdData, "log-guardduty-data", "medium");
    });
});

const TRAIL = "aws:cloudtrail/trail:Trail";
describe("log-cloudtrail-multi-region", () => {
    const trail = (extra: Record<string, unknown> = {}) => resource(TRAIL, { s3BucketName: "b", isMultiRegionTrail: true, ...extra }, { name: "org-trail" });
    it("passes a multi-region trail and an empty stack (baseline elsewhere)", async () => {
        expectClean(await runPolicy(multiRegion, [trail()]));
        expectClean(await runPolicy(multiRegion, []));
    });
    it("fires for single-region, global events off, logging off", async () => {
        expectFired(await runPolicy(multiRegion, [trail({ isMultiRegionTrail: false })]), multiRegion, "isMultiRegionTrail");
        expectFired(await runPolicy(multiRegion, [trail({ includeGlobalServiceEvents: false })]), multiRegion, "includeGlobalServiceEvents");
        expectFired(await runPolicy(multiRegion, [trail({ enableLogging: false })]), multiRegion, "enableLogging");
    });
    it("requireInStack reports a stack without a trail, unless the stack's account baseline is owned elsewhere", async () => {
        expectFired(await runPolicy(multiRegion, [resource("aws:s3/bucket:Bucket", {})], { requireInStack: true }), multiRegion, "aws:cloudtrail/trail");
        const baseline = (role: string) => resource("platform:account:AccountBaseline", { role }, { name: "account" });
        expectFired(await runPolicy(multiRegion, [resource("aws:s3/bucket:Bucket", {}), baseline("owner")], { requireInStack: true }), multiRegion, "aws:cloudtrail/trail");
        for (const role of ["consumer", "organization"]) {
            expectClean(await runPolicy(multiRegion, [resource("aws:s3/bucket:Bucket", {}), baseline(role)], { requireInStack: true }));
            expectClean(await runPolicy(gd, [resource("aws:s3/bucket:Bucket", {}), baseline(role)], { requireInStack: true }));
        }
    });
    it("unknown flag passes", async () => {
        expectNoMandatory(await runPolicy(multiRegion, [trail({ isMultiRegionTrail: UNKNOWN_STRING })]));
    });
});

const BUCKET = "aws:s3/bucket:Bucket";
const bucket = (name: string, id: unknown = `${name}-1`) => resource(BUCKET, { bucket: `${name}-1` }, { name, outputs: { bucket: `${name}-1`, id } });
const loggingFor = (b: ReturnType<typeof bucket>, target: ReturnType<typeof bucket>, type = "aws:s3/bucketLogging:BucketLogging", ref: unknown = b.outputs.id, targetRef: unknown = target.outputs.id) =>
    resource(type, { bucket: ref, targetBucket: targetRef, targetPrefix: `${b.name}/` }, { name: `${b.name}-logging`, dependencies: [b.urn, target.urn] });

describe("log-s3-access-logging", () => {
    it("passes: assets bucket logs to the access-log bucket; the sink needs none", async () => {
        const assets = bucket("assets");
        const sink = bucket("server-logs-store");
        expectClean(await runPolicy(accessLogging, [assets, sink, loggingFor(assets, sink)]));
        expectClean(await runPolicy(accessLogging, [assets, sink, loggingFor(assets, sink, "aws:s3/bucketLoggingV2:BucketLoggingV2")]));
    });
    it("the CloudTrail bucket is not a log sink: CIS wants its access logged (a trail delivering into it exempts nothing)", async () => {
        const ct = bucket("security-baseline-bkt", UNKNOWN_STRING);
        const trail = resource(TRAIL, { s3BucketName: UNKNOWN_STRING, isMultiRegionTrail: true }, { name: "org-trail", dependencies: [ct.urn] });
        expectFired(await runPolicy(accessLogging, [ct, trail]), accessLogging, "aws:s3/bucketLogging");
        const sink = bucket("server-logs-store");
        expectClean(await runPolicy(accessLogging, [ct, trail, sink, loggingFor(ct, sink, undefined, UNKNOWN_STRING)]));
    });
    it("a name proves nothing: cloudtrail/logs buckets need access logging unless logs are delivered into them", async () => {
        expectFired(await runPolicy(accessLogging, [bucket("cloudtrail-logs")]), accessLogging, "aws:s3/bucketLogging");
        expectFired(await runPolicy(accessLogging, [bucket("access-logs")]), accessLogging, "aws:s3/bucketLogging");
        const source = bucket("assets");
        const sink = bucket("access-logs");
        expectClean(await runPolicy(accessLogging, [source, sink, loggingFor(source, sink)]));
    });
    it("a bucket logging into itself is not a sink", async () => {
        const self = bucket("assets");
        expectClean(await runPolicy(accessLogging, [self, loggingFor(self, self)]));
        const other = bucket("other");
        expectFired(await runPolicy(accessLogging, [self, other, loggingFor(self, self)]), accessLogging, "aws:s3/bucketLogging");
    });
    it("log-sink name patterns still exempt when configured (sinks fed from another stack); the default is none", async () => {
        expectClean(await runPolicy(accessLogging, [bucket("special")], { logSinkBucketNamePatterns: ["^special$"] }));
        expect(s3AccessLogging.config?.defaults.logSinkBucketNamePatterns).toEqual([]);
    });
    it("fires for a bucket without logging", async () => {
        const run = await runPolicy(accessLogging, [bucket("assets")]);
        expectFired(run, accessLogging, "aws:s3/bucketLogging");
    });
    it("fires for an empty target bucket", async () => {
        const assets = bucket("assets");
        const l = resource("aws:s3/bucketLogging:BucketLogging", { bucket: "assets-1", targetBucket: "", targetPrefix: "x" }, { name: "l" });
        expectFired(await runPolicy(accessLogging, [assets, l]), accessLogging, "targetBucket");
    });
    it("unknown ids join through dependencies", async () => {
        const assets = bucket("assets", UNKNOWN_STRING);
        const sink = bucket("server-logs-store", UNKNOWN_STRING);
        expectClean(await runPolicy(accessLogging, [assets, sink, loggingFor(assets, sink, undefined, UNKNOWN_STRING, UNKNOWN_STRING)]));
    });
    it("exempt bucket is skipped", async () => {
        expectClean(await runPolicy(accessLogging, [bucket("tmp")], { exemptions: [{ namePattern: "^tmp$", reason: "scratch bucket, deleted nightly" }] }));
    });
});

const CF = "aws:cloudfront/distribution:Distribution";
describe("log-cloudfront-access-logging", () => {
    const dist = (extra: Record<string, unknown> = {}, arn: unknown = "arn:aws:cloudfront::1:distribution/E1") => resource(CF, { enabled: true, ...extra }, { name: "cdn", outputs: { enabled: true, arn, ...extra } });
    it("passes with legacy loggingConfig or a v2 delivery source", async () => {
        expectClean(await runPolicy(cfLogging, [dist({ loggingConfig: { bucket: "cf-logs.s3.amazonaws.com" } })]));
        const d = dist({}, UNKNOWN_STRING);
        const source = resource("aws:cloudwatch/logDeliverySource:LogDeliverySource", { resourceArn: UNKNOWN_STRING, logType: "ACCESS_LOGS", name: "cdn" }, { dependencies: [d.urn] });
        expectClean(await runPolicy(cfLogging, [d, source]));
    });
    it("fires without logging, or with a source of another log type", async () => {
        expectFired(await runPolicy(cfLogging, [dist()]), cfLogging, "loggingConfig.bucket");
        const d = dist();
        const source = resource("aws:cloudwatch/logDeliverySource:LogDeliverySource", { resourceArn: "arn:aws:cloudfront::1:distribution/E1", logType: "CONNECTION_LOGS", name: "cdn" });
        expectFired(await runPolicy(cfLogging, [d, source]), cfLogging, "loggingConfig.bucket");
    });
});

describe("log-waf-logging", () => {
    const acl = (arn: unknown = "arn:aws:wafv2:us-east-1:1:regional/webacl/web/1") => resource("aws:wafv2/webAcl:WebAcl", { scope: "REGIONAL" }, { name: "web", outputs: { arn, id: "1" } });
    const cfg = (a: ReturnType<typeof acl>, dest: unknown, ref: unknown = a.outputs.arn) => resource("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", { resourceArn: ref, logDestinationConfigs: [dest] }, { name: "web-logging", dependencies: [a.urn] });
    it("passes with an aws-waf-logs- log group", async () => {
        const a = acl();
        expectClean(await runPolicy(wafLog, [a, cfg(a, "arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-web:*")]));
    });
    it("fires without a logging configuration", async () => {
        expectFired(await runPolicy(wafLog, [acl()]), wafLog, "aws:wafv2/webAclLoggingConfiguration");
    });
    it("fires for a destination not named aws-waf-logs-*", async () => {
        const a = acl();
        expectFired(await runPolicy(wafLog, [a, cfg(a, "arn:aws:logs:us-east-1:1:log-group:/platform/waf")]), wafLog, "logDestinationConfigs[0]");
    });
    it("joins via dependency with unknown ARNs", async () => {
        const a = acl(UNKNOWN_STRING);
        expectClean(await runPolicy(wafLog, [a, cfg(a, UNKNOWN_STRING, UNKNOWN_STRING)]));
    });
    it("parses destination names", () => {
        expect(wafDestinationName("arn:aws:s3:::aws-waf-logs-b")).toBe("aws-waf-logs-b");
        expect(wafDestinationName("arn:aws:firehose:us-east-1:1:deliverystream/aws-waf-logs-s")).toBe("aws-waf-logs-s");
    });
});

describe("log-vpc-flow-logs", () => {
    const vpc = (id: unknown = "vpc-1") => resource("aws:ec2/vpc:Vpc", { cidrBlock: "10.20.0.0/16" }, { name: "main", outputs: { id, cidrBlock: "10.20.0.0/16" } });
    const flow = (v: ReturnType<typeof vpc>, trafficType: unknown = "ALL", ref: unknown = v.outputs.id) => resource("aws:ec2/flowLog:FlowLog", { vpcId: ref, trafficType, logDestinationType: "cloud-watch-logs" }, { name: "main-flow", dependencies: [v.urn] });
    it("passes for the Network component's flow log", async () => {
        const v = vpc();
        expectClean(await runPolicy(flowLogs, [v, flow(v)]));
    });
    it("fires for a VPC without a flow log", async () => {
        const run = await runPolicy(flowLogs, [vpc()]);
        expectFired(run, flowLogs, "aws:ec2/flowLog");
    });
    it("fires for REJECT-only flow logs", async () => {
        const v = vpc();
        expectFired(await runPolicy(flowLogs, [v, flow(v, "REJECT")]), flowLogs, "trafficType");
        expectClean(await runPolicy(flowLogs, [v, flow(v, "REJECT")], { requiredTrafficType: "REJECT" }));
    });
    it("joins on unknown vpc id through the dependency; unknown traffic type passes", async () => {
        const v = vpc(UNKNOWN_STRING);
        expectClean(await runPolicy(flowLogs, [v, flow(v, UNKNOWN_STRING, UNKNOWN_STRING)]));
    });
    it("a flow log of another VPC does not count", async () => {
        const a = vpc("vpc-a");
        const b = resource("aws:ec2/vpc:Vpc", {}, { name: "other", outputs: { id: "vpc-b" } });
        const run = await runPolicy(flowLogs, [a, b, flow(a)]);
        expectFired(run, flowLogs, "aws:ec2/flowLog");
        expect(run.violations).toHaveLength(1);
    });
});

describe("GuardDuty", () => {
    const detector = (enable: unknown = true, id: unknown = "det-1") => resource("aws:guardduty/detector:Detector", { enable }, { name: "gd", outputs: { enable, id } });
    const feature = (d: ReturnType<typeof detector>, name: string, status = "ENABLED", additional?: unknown[], ref: unknown = d.outputs.id) => resource("aws:guardduty/detectorFeature:DetectorFeature",
        { detectorId: ref, name, status, ...(additional ? { additionalConfigurations: additional } : {}) }, { name: `gd-${name}`, dependencies: [d.urn] });
    const allFeatures = (d: ReturnType<typeof detector>, ref?: unknown) => [
        feature(d, "EKS_AUDIT_LOGS", "ENABLED", undefined, ref ?? d.outputs.id),
        feature(d, "RUNTIME_MONITORING", "ENABLED", [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }], ref ?? d.outputs.id),
        feature(d, "S3_DATA_EVENTS", "ENABLED", undefined, ref ?? d.outputs.id),
        feature(d, "RDS_LOGIN_EVENTS", "ENABLED", undefined, ref ?? d.outputs.id),
        feature(d, "EBS_MALWARE_PROTECTION", "ENABLED", undefined, ref ?? d.outputs.id),
    ];
    it("log-guardduty-enabled: passes enabled detector, fires for enable false, requireInStack", async () => {
        expectClean(await runPolicy(gd, [detector()]));
        expectFired(await runPolicy(gd, [detector(false)]), gd, "enable");
        expectClean(await runPolicy(gd, []));
        expectFired(await runPolicy(gd, [resource("aws:s3/bucket:Bucket", {})], { requireInStack: true }), gd, "aws:guardduty/detector");
        expectNoMandatory(await runPolicy(gd, [detector(UNKNOWN_STRING)]));
    });
    it("feature policies pass the full baseline (known and unknown detector id)", async () => {
        const d = detector();
        expectClean(await runPolicy(gdEks, [d, ...allFeatures(d)]));
        expectClean(await runPolicy(gdData, [d, ...allFeatures(d)]));
        const u = detector(true, UNKNOWN_STRING);
        expectClean(await runPolicy(gdEks, [u, ...allFeatures(u, UNKNOWN_STRING)]));
        expectClean(await runPolicy(gdData, [u, ...allFeatures(u, UNKNOWN_STRING)]));
    });
    it("log-guardduty-eks fires for missing audit logs, disabled runtime monitoring, missing add-on management", async () => {
        const d = detector();
        const [audit, runtime, ...rest] = allFeatures(d);
        expectFired(await runPolicy(gdEks, [d, runtime, ...rest]), gdEks, "EKS_AUDIT_LOGS");
        expectFired(await runPolicy(gdEks, [d, audit, feature(d, "RUNTIME_MONITORING", "DISABLED")]), gdEks, "status");
        expectFired(await runPolicy(gdEks, [d, audit, feature(d, "RUNTIME_MONITORING", "ENABLED", [])]), gdEks, "EKS_ADDON_MANAGEMENT");
    });
    it("log-guardduty-data fires for a missing or disabled data feature", async () => {
        const d = detector();
        const features = allFeatures(d).filter((f) => f.name !== "gd-EBS_MALWARE_PROTECTION");
        expectFired(await runPolicy(gdData, [d, ...features]), gdData, "EBS_MALWARE_PROTECTION");
        expectFired(await runPolicy(gdData, [d, ...features, feature(d, "EBS_MALWARE_PROTECTION", "DISABLED")]), gdData, "status");
    });
});

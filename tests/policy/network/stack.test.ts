import { PolicyResource } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { stackPolicy } from "../../../policy/lib/rule";
import { joinedTo } from "../../../policy/lib/stackJoins";
import { toPolicyResources } from "../../../policy/lib/evaluate";
import { defaultSgClosed, lbWaf, rdsSgNoWorld, s3AclsDisabled, s3Bpa, sgWorldIngressCombined } from "../../../policy/rules/network/stack";
import { networkPolicies } from "../../../policy/rules/network";
import { UNKNOWN_ARRAY, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata, expectNoMandatory } from "./cases";

const bpa = stackPolicy(s3Bpa);
const acls = stackPolicy(s3AclsDisabled);
const defaultSg = stackPolicy(defaultSgClosed);
const waf = stackPolicy(lbWaf);
const rdsSg = stackPolicy(rdsSgNoWorld);
const combined = stackPolicy(sgWorldIngressCombined);

const BUCKET = "aws:s3/bucket:Bucket";
const bucket = (name = "assets", outputs?: Record<string, unknown>) => resource(BUCKET, { bucket: `${name}-123` }, { name, outputs: outputs ?? { bucket: `${name}-123`, id: `${name}-123`, arn: `arn:aws:s3:::${name}-123` } });
const bpaFor = (b: ReturnType<typeof bucket>, overrides: Record<string, unknown> = {}, opts: { ref?: unknown; deps?: boolean } = {}) => resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    { bucket: "ref" in opts ? opts.ref : b.outputs.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, ...overrides },
    { name: `${b.name}-bpa`, dependencies: opts.deps === false ? [] : [b.urn] });
const ownershipFor = (b: ReturnType<typeof bucket>, objectOwnership: unknown = "BucketOwnerEnforced", ref: unknown = b.outputs.id) => resource("aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    { bucket: ref, rule: { objectOwnership } }, { name: `${b.name}-ownership`, dependencies: [b.urn] });

describe("network pillar index", () => {
    it("exports every policy once, named by catalogue id", () => {
        const names = networkPolicies.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.every((n) => n.startsWith("net-"))).toBe(true);
    });
});

describe("net-s3-bpa", () => {
    it("metadata", () => expectMetadata(bpa, "net-s3-bpa", "high"));
    it("passes when every bucket has a full block (known id)", async () => {
        const a = bucket("a");
        const b = bucket("b");
        expectClean(await runPolicy(bpa, [a, b, bpaFor(a), bpaFor(b)]));
    });
    it("fires on the bucket when its block is missing", async () => {
        const a = bucket("a");
        const b = bucket("b");
        const run = await runPolicy(bpa, [a, b, bpaFor(a)]);
        expectFired(run, bpa, "aws:s3/bucketPublicAccessBlock");
        expect(run.violations[0].urn).toBe(b.urn);
    });
    for (const key of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
        it(`fires when ${key} is false`, async () => {
            const a = bucket("a");
            expectFired(await runPolicy(bpa, [a, bpaFor(a, { [key]: false })]), bpa, key);
        });
    }
    it("joins on an unknown bucket id through the dependency (first preview)", async () => {
        const a = bucket("a", { bucket: "a-123", id: UNKNOWN_STRING, arn: UNKNOWN_STRING });
        expectClean(await runPolicy(bpa, [a, bpaFor(a, {}, { ref: UNKNOWN_STRING })]));
    });
    it("joins on the bucket name when the id is unknown", async () => {
        const a = bucket("a", { bucket: "a-123", id: UNKNOWN_STRING });
        expectClean(await runPolicy(bpa, [a, bpaFor(a, {}, { ref: "a-123", deps: false })]));
    });
    it("does not credit a block that references a different bucket", async () => {
        const a = bucket("a");
        const b = bucket("b");
        const run = await runPolicy(bpa, [a, b, bpaFor(a), resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "a-123", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { name: "dup", dependencies: [b.urn] })]);
        expectFired(run, bpa, "aws:s3/bucketPublicAccessBlock");
    });
    it("unknown settings are not violations", async () => {
        const a = bucket("a");
        expectNoMandatory(await runPolicy(bpa, [a, bpaFor(a, { blockPublicAcls: UNKNOWN_STRING })]));
    });
    it("exempt buckets are skipped (with reason)", async () => {
        const a = bucket("legacy-site");
        expectClean(await runPolicy(bpa, [a], { exemptions: [{ namePattern: "^legacy-", reason: "public website until PLAT-7" }] }));
    });
    it("also checks deprecated BucketV2 tokens", async () => {
        const v2 = resource("aws:s3/bucketV2:BucketV2", { bucket: "old" }, { name: "old", outputs: { bucket: "old", id: "old" } });
        expectFired(await runPolicy(bpa, [v2]), bpa, "aws:s3/bucketPublicAccessBlock");
    });
});

describe("net-s3-acls-disabled", () => {
    it("metadata", () => expectMetadata(acls, "net-s3-acls-disabled", "medium"));
    it("passes with BucketOwnerEnforced", async () => {
        const a = bucket("a");
        expectClean(await runPolicy(acls, [a, ownershipFor(a)]));
    });
    it("fires when missing", async () => {
        expectFired(await runPolicy(acls, [bucket("a")]), acls, "aws:s3/bucketOwnershipControls");
    });
    it("fires for ObjectWriter", async () => {
        const a = bucket("a");
        expectFired(await runPolicy(acls, [a, ownershipFor(a, "ObjectWriter")]), acls, "rule.objectOwnership");
    });
    it("tolerates unknown ownership and unknown references", async () => {
        const a = bucket("a", { bucket: "a-123", id: UNKNOWN_STRING });
        expectNoMandatory(await runPolicy(acls, [a, ownershipFor(a, UNKNOWN_STRING, UNKNOWN_STRING)]));
        expectClean(await runPolicy(acls, [a, ownershipFor(a, "BucketOwnerEnforced", UNKNOWN_STRING)]));
    });
    it("honours aclBucketNamePatterns (CloudFront legacy logging bucket)", async () => {
        expectClean(await runPolicy(acls, [bucket("cf-logs")], { aclBucketNamePatterns: ["^cf-logs"] }));
    });
});

const VPC = "aws:ec2/vpc:Vpc";
const vpc = (id: unknown = "vpc-1") => resource(VPC, { cidrBlock: "10.20.0.0/16" }, { name: "main", outputs: { cidrBlock: "10.20.0.0/16", id } });
const dsg = (v: ReturnType<typeof vpc>, extra: Record<string, unknown> = {}, ref: unknown = v.outputs.id) => resource("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", { vpcId: ref, ...extra }, { name: "main-default", dependencies: [v.urn] });

describe("net-default-sg-closed", () => {
    it("metadata", () => expectMetadata(defaultSg, "net-default-sg-closed", "medium"));
    it("passes for the Network component's adopted, empty default SG", async () => {
        const v = vpc();
        expectClean(await runPolicy(defaultSg, [v, dsg(v)]));
        expectClean(await runPolicy(defaultSg, [v, dsg(v, { ingress: [], egress: [] })]));
    });
    it("fires on the VPC when the default SG is not adopted", async () => {
        expectFired(await runPolicy(defaultSg, [vpc()]), defaultSg, "aws:ec2/defaultSecurityGroup");
    });
    it("fires when the default SG keeps rules", async () => {
        const v = vpc();
        expectFired(await runPolicy(defaultSg, [v, dsg(v, { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] })]), defaultSg, "ingress");
        expectFired(await runPolicy(defaultSg, [v, dsg(v, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })]), defaultSg, "egress");
    });
    it("joins through the dependency when the VPC id is unknown, and tolerates unknown rule lists", async () => {
        const v = vpc(UNKNOWN_STRING);
        expectClean(await runPolicy(defaultSg, [v, dsg(v, { ingress: UNKNOWN_ARRAY }, UNKNOWN_STRING)]));
    });
});

const lb = (internal: unknown, type = "aws:lb/loadBalancer:LoadBalancer", arn: unknown = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/1") =>
    resource(type, { internal, loadBalancerType: "application" }, { name: "web", outputs: { internal, loadBalancerType: "application", arn, id: arn } });
const assoc = (l: ReturnType<typeof lb>, ref: unknown = l.outputs.arn) => resource("aws:wafv2/webAclAssociation:WebAclAssociation", { resourceArn: ref, webAclArn: "arn:acl" }, { name: "web-waf", dependencies: [l.urn] });

describe("net-lb-waf", () => {
    it("metadata", () => expectMetadata(waf, "net-lb-waf", "high"));
    it("passes with an association (lb and alb tokens) and for internal LBs", async () => {
        const a = lb(false);
        expectClean(await runPolicy(waf, [a, assoc(a)]));
        const b = lb(false, "aws:alb/loadBalancer:LoadBalancer");
        expectClean(await runPolicy(waf, [b, assoc(b)]));
        expectClean(await runPolicy(waf, [lb(true)]));
    });
    it("fires for an internet-facing ALB without WAF", async () => {
        expectFired(await runPolicy(waf, [lb(false)]), waf, "aws:wafv2/webAclAssociation");
        expectFired(await runPolicy(waf, [lb(undefined, "aws:alb/loadBalancer:LoadBalancer")]), waf, "aws:wafv2/webAclAssociation");
    });
    it("joins via dependency when the ARN is unknown; unknown internal is skipped", async () => {
        const a = lb(false, undefined, UNKNOWN_STRING);
        expectClean(await runPolicy(waf, [a, assoc(a, UNKNOWN_STRING)]));
        expectNoMandatory(await runPolicy(waf, [lb(UNKNOWN_STRING)]));
    });
});

const SG = "aws:ec2/securityGroup:SecurityGroup";
const dbSg = (ingress: unknown[] = [], id: unknown = "sg-db") => resource(SG, { description: "db", ingress }, { name: "db-sg", outputs: { id, ingress } });
const cluster = (sg: ReturnType<typeof dbSg>, ids: unknown = [sg.outputs.id]) => resource("aws:rds/cluster:Cluster", { engine: "aurora-postgresql" }, { name: "db", outputs: { engine: "aurora-postgresql", vpcSecurityGroupIds: ids }, dependencies: [sg.urn] });

describe("net-rds-sg-no-world", () => {
    it("metadata", () => expectMetadata(rdsSg, "net-rds-sg-no-world", "high"));
    it("passes when sources are security groups", async () => {
        const sg = dbSg([{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["sg-nodes"] }]);
        const rule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { securityGroupId: "sg-db", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "sg-app" }, { name: "db-from-app" });
        expectClean(await runPolicy(rdsSg, [sg, rule, cluster(sg)]));
    });
    it("fires for inline IPv4 world ingress", async () => {
        const sg = dbSg([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }]);
        expectFired(await runPolicy(rdsSg, [sg, cluster(sg)]), rdsSg, "ingress[0].cidrBlocks[0]");
    });
    it("fires for a standalone IPv6 rule on the DB group (shapes 2 and 3)", async () => {
        const sg = dbSg();
        const legacy = resource("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "ingress", securityGroupId: "sg-db", protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }, { name: "db-any" });
        expectFired(await runPolicy(rdsSg, [sg, legacy, cluster(sg)]), rdsSg, "ipv6CidrBlocks[0]");
        const pf = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { securityGroupId: "sg-db", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv6: "::/0" }, { name: "db-v6" });
        expectFired(await runPolicy(rdsSg, [sg, pf, cluster(sg)]), rdsSg, "cidrIpv6");
    });
    it("joins through dependencies when SG ids are unknown", async () => {
        const sg = dbSg([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }], UNKNOWN_STRING);
        expectFired(await runPolicy(rdsSg, [sg, cluster(sg, [UNKNOWN_STRING])]), rdsSg, "cidrBlocks");
        const ok = dbSg([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [UNKNOWN_STRING] }], UNKNOWN_STRING);
        expectClean(await runPolicy(rdsSg, [ok, cluster(ok, UNKNOWN_ARRAY)]));
    });
    it("unites the CIDRs of separate rule resources of the DB group on the same port (0.0.0.0/1 + 128.0.0.0/1)", async () => {
        const sg = dbSg([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/1"] }]);
        const other = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { securityGroupId: "sg-db", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "128.0.0.0/1" }, { name: "db-other-half" });
        const run = await runPolicy(rdsSg, [sg, other, cluster(sg)]);
        expectFired(run, rdsSg, "ingress[0].cidrBlocks[0]");
        expect(run.violations.map((v) => v.urn)).toContain(other.urn);
        expect(run.messages[0]).toContain("whole address space");
        const otherPort = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { securityGroupId: "sg-db", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "128.0.0.0/1" }, { name: "db-other-port" });
        expectClean(await runPolicy(rdsSg, [sg, otherPort, cluster(sg)]));
    });
    it("ignores world ingress on groups no database uses", async () => {
        const web = resource(SG, { ingress: [] }, { name: "web", outputs: { id: "sg-web", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] } });
        const sg = dbSg();
        expectClean(await runPolicy(rdsSg, [web, sg, cluster(sg)]));
    });
});

describe("lib/stackJoins joinedTo", () => {
    it("prefers propertyDependencies over plain dependencies", () => {
        const [a, b, logging] = toPolicyResources([bucket("a", { id: UNKNOWN_STRING }), bucket("b", { id: UNKNOWN_STRING }), resource("aws:s3/bucketLogging:BucketLogging", { bucket: UNKNOWN_STRING, targetBucket: UNKNOWN_STRING }, { dependencies: [] })]);
        const withDeps = { ...logging, dependencies: [a, b], propertyDependencies: { bucket: [a], targetBucket: [b] } } as PolicyResource;
        expect(joinedTo(withDeps, "bucket", a, ["id"])).toBe(true);
        expect(joinedTo(withDeps, "bucket", b, ["id"])).toBe(false);
        expect(joinedTo(withDeps, "targetBucket", b, ["id"])).toBe(true);
    });
    it("matches URN references and component parents", () => {
        const [a, child] = toPolicyResources([bucket("a", { id: UNKNOWN_STRING }), resource("x:y:Z", { bucket: UNKNOWN_STRING }, { parent: "urn:pulumi:test::fixture::aws:s3/bucket:Bucket::a" })]);
        expect(joinedTo(child, "bucket", a, ["id"])).toBe(true);
    });
});

describe("net-sg-world-ingress-combined", () => {
    const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    const group = (name = "app-sg", id: unknown = "sg-app", ingress: unknown[] = []) => resource(SG, { description: "app", ingress }, { name, outputs: { id, ingress } });
    const pfRule = (name: string, cidr: string, port = 22, groupId: unknown = "sg-app", dependencies?: string[], family: "cidrIpv4" | "cidrIpv6" = "cidrIpv4") =>
        resource(INGRESS_RULE, { description: name, securityGroupId: groupId, ipProtocol: "tcp", fromPort: port, toPort: port, [family]: cidr }, { name, dependencies });

    it("metadata", () => expectMetadata(combined, "net-sg-world-ingress-combined", "high"));
    it("fires on each rule resource when two of them open port 22 to 0.0.0.0/1 and 128.0.0.0/1", async () => {
        const a = pfRule("ssh-low", "0.0.0.0/1");
        const b = pfRule("ssh-high", "128.0.0.0/1");
        const run = await runPolicy(combined, [group(), a, b]);
        expectFired(run, combined, "cidrIpv4");
        expect(run.violations.map((v) => v.urn).sort()).toEqual([a.urn, b.urn].sort());
        expect(run.messages[0]).toContain("whole address space");
    });
    it("unites an inline rule of the group with a standalone rule, and IPv6 halves", async () => {
        const inline = group("app-sg", "sg-app", [{ protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/1"] }]);
        expectFired(await runPolicy(combined, [inline, pfRule("rest", "128.0.0.0/1", 5432)]), combined, "ingress[0].cidrBlocks[0]");
        expectFired(await runPolicy(combined, [group(), pfRule("v6-low", "::/1", 22, "sg-app", undefined, "cidrIpv6"), pfRule("v6-high", "8000::/1", 22, "sg-app", undefined, "cidrIpv6")]), combined, "cidrIpv6");
    });
    it("groups rules of a group declared elsewhere by their securityGroupId", async () => {
        expectFired(await runPolicy(combined, [pfRule("a", "0.0.0.0/1", 22, "sg-eks"), pfRule("b", "128.0.0.0/1", 22, "sg-eks")]), combined, "cidrIpv4");
    });
    it("first preview: group id unknown, rules joined through dependencies", async () => {
        const g = group("app-sg", UNKNOWN_STRING);
        expectFired(await runPolicy(combined, [g, pfRule("a", "0.0.0.0/1", 22, UNKNOWN_STRING, [g.urn]), pfRule("b", "128.0.0.0/1", 22, UNKNOWN_STRING, [g.urn])]), combined, "cidrIpv4");
        expectNoMandatory(await runPolicy(combined, [g, pfRule("a", "0.0.0.0/1", 22, UNKNOWN_STRING), pfRule("b", "128.0.0.0/1", 22, UNKNOWN_STRING)]));
    });
    it("passes: halves on different ports or different groups, a gap, 443 on a load-balancer group, a single literal 0.0.0.0/0 (the resource rules report it)", async () => {
        expectClean(await runPolicy(combined, [group(), pfRule("a", "0.0.0.0/1", 22), pfRule("b", "128.0.0.0/1", 23)]));
        expectClean(await runPolicy(combined, [group(), pfRule("a", "0.0.0.0/1", 22), pfRule("b", "128.0.0.0/1", 22, "sg-other")]));
        expectClean(await runPolicy(combined, [group(), pfRule("a", "0.0.0.0/1", 22), pfRule("b", "128.0.0.0/2", 22)]));
        expectClean(await runPolicy(combined, [group("web-alb-sg", "sg-alb"), pfRule("a", "0.0.0.0/1", 443, "sg-alb"), pfRule("b", "128.0.0.0/1", 443, "sg-alb")]));
        expectClean(await runPolicy(combined, [group(), pfRule("world", "0.0.0.0/0", 22), pfRule("vpc", "10.0.0.0/16", 22)]));
    });
    it("exemption with a reason", async () => {
        const run = await runPolicy(combined, [group(), pfRule("a", "0.0.0.0/1"), pfRule("b", "128.0.0.0/1")], { exemptions: [{ namePattern: "^(a|b)$", reason: "temporary partner access, NET-77" }] });
        expect(run.violations).toEqual([]);
    });
});

import { describe, expect, it } from "vitest";
import { StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policy/policies";
import { AnalyzedResource } from "../../../policy/lib/evaluate";
import { endpointService } from "../../../policy/rules/network/endpoints";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata } from "./cases";

/** Issue 21: net-sg-egress, net-vpc-endpoints and net-nondefault-ports, left out until now. */

const byName = (name: string) => policies.find((p) => p.name === name) as StackValidationPolicy;
const out = (type: string, name: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}, dependencies?: string[]): AnalyzedResource =>
    resource(type, props, { name, outputs: { ...props, ...extra }, dependencies });

describe("net-sg-egress", () => {
    const policy = byName("net-sg-egress");
    const SG = "aws:ec2/securityGroup:SecurityGroup";
    const db = (groups: string[]) => out("aws:rds/cluster:Cluster", "aurora", { engine: "aurora-postgresql", vpcSecurityGroupIds: groups });
    const group = (name: string, props: Record<string, unknown> = {}) => out(SG, name, { vpcId: "vpc-1", description: name, ...props }, { id: `sg-${name}` });
    const allEgress = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };

    it("metadata: low, advisory, a stack policy", () => {
        expectMetadata(policy, "net-sg-egress", "low");
    });
    it("passes a data-tier group without egress, and a non-data group with all egress", async () => {
        expectClean(await runPolicy(policy, [db(["sg-aurora"]), group("aurora"), group("nodes", { egress: [allEgress] })]));
    });
    it("fires for all-traffic egress to the world from a data-tier group, in all three rule shapes and IPv6", async () => {
        expectFired(await runPolicy(policy, [db(["sg-aurora"]), group("aurora", { egress: [allEgress] })]), policy, "egress[0].cidrBlocks[0]");
        expectFired(await runPolicy(policy, [db(["sg-aurora"]), group("aurora"),
            out("aws:ec2/securityGroupRule:SecurityGroupRule", "aurora-all", { type: "egress", securityGroupId: "sg-aurora", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] })]), policy, "ipv6CidrBlocks[0]");
        expectFired(await runPolicy(policy, [out("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { description: "c", securityGroupIds: ["sg-cache"] }), group("cache"),
            out("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "cache-all", { securityGroupId: "sg-cache", ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" })]), policy, "cidrIpv4");
    });
    it("passes narrow egress (one port, or inside the VPC) from a data-tier group", async () => {
        expectClean(await runPolicy(policy, [db(["sg-aurora"]), group("aurora", { egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { ...allEgress, cidrBlocks: ["10.0.0.0/16"] }] })]));
    });
    it("joins an unknown group id through the dependency graph during preview", async () => {
        const sg = out(SG, "aurora", { vpcId: "vpc-1", description: "aurora", egress: [allEgress] });
        const cluster = resource("aws:rds/cluster:Cluster", { engine: "aurora-postgresql", vpcSecurityGroupIds: [UNKNOWN_STRING] }, { name: "aurora", dependencies: [sg.urn] });
        expectFired(await runPolicy(policy, [cluster, sg]), policy, "egress[0]");
    });
});

describe("net-vpc-endpoints", () => {
    const policy = byName("net-vpc-endpoints");
    const vpc = out("aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" });
    const endpoint = (service: string, type = "Interface", extra: Record<string, unknown> = {}) =>
        out("aws:ec2/vpcEndpoint:VpcEndpoint", `vpce-${service}`, { vpcId: "vpc-1", serviceName: `com.amazonaws.eu-west-1.${service}`, vpcEndpointType: type, ...(type === "Interface" ? { privateDnsEnabled: true } : {}), ...extra });
    const gateways = [endpoint("s3", "Gateway"), endpoint("dynamodb", "Gateway")];
    const subnet = out("aws:ec2/subnet:Subnet", "private-a", { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24" }, { id: "subnet-a" });
    const cluster = out("aws:eks/cluster:Cluster", "eks", { roleArn: "r", vpcConfig: { subnetIds: ["subnet-a"], endpointPublicAccess: false } }, { name: "eks" });
    const nat = out("aws:ec2/natGateway:NatGateway", "nat", { subnetId: "subnet-a" });
    const privateEks = ["ecr.api", "ecr.dkr", "sts", "logs", "kms", "secretsmanager"].map((s) => endpoint(s));

    it("metadata: low, advisory", () => {
        expectMetadata(policy, "net-vpc-endpoints", "low");
    });
    it("reads the service from real endpoint service names (commercial and China Regions)", () => {
        expect(endpointService("com.amazonaws.us-east-1.ecr.dkr")).toBe("ecr.dkr");
        expect(endpointService("cn.com.amazonaws.cn-north-1.ecr.api")).toBe("ecr.api");
        expect(endpointService("com.amazonaws.us-gov-west-1.s3")).toBe("s3");
    });
    it("passes a VPC with the gateway endpoints; an EKS VPC with a NAT gateway needs no interface endpoints", async () => {
        expectClean(await runPolicy(policy, [vpc, ...gateways]));
        expectClean(await runPolicy(policy, [vpc, ...gateways, subnet, cluster, nat]));
    });
    it("fires for a VPC without the S3 or DynamoDB gateway endpoint", async () => {
        expectFired(await runPolicy(policy, [vpc, endpoint("s3", "Gateway")]), policy, "aws:ec2/vpcEndpoint dynamodb");
        expectFired(await runPolicy(policy, [vpc]), policy, "aws:ec2/vpcEndpoint s3");
    });
    it("a private EKS cluster (no NAT gateway) needs the interface endpoints, with private DNS", async () => {
        expectFired(await runPolicy(policy, [vpc, ...gateways, subnet, cluster]), policy, "aws:ec2/vpcEndpoint ecr.dkr");
        expectClean(await runPolicy(policy, [vpc, ...gateways, subnet, cluster, ...privateEks]));
        expectFired(await runPolicy(policy, [vpc, ...gateways, subnet, cluster, ...privateEks.slice(1), endpoint("ecr.api", "Interface", { privateDnsEnabled: false })]), policy, "privateDnsEnabled");
    });
    it("passes while an endpoint's service name is unknown", async () => {
        expectClean(await runPolicy(policy, [vpc, endpoint("s3", "Gateway", { serviceName: UNKNOWN_STRING })]));
    });
});

describe("net-nondefault-ports", () => {
    const policy = byName("net-nondefault-ports");
    const cluster = (props: Record<string, unknown>) => out("aws:rds/cluster:Cluster", "db", { engine: "aurora-postgresql", ...props });
    const cache = (props: Record<string, unknown>) => out("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { description: "c", engine: "valkey", ...props });

    it("metadata: low, advisory", () => {
        expectMetadata(policy, "net-nondefault-ports", "low");
    });
    it("passes non-default ports and unknown ones", async () => {
        expectClean(await runPolicy(policy, [cluster({ port: 15432 }), cluster({ engine: "aurora-mysql", port: 13306 }), cache({ port: 16379 }), cache({ port: UNKNOWN_STRING })]));
    });
    it("fires for the engine default, written or omitted", async () => {
        expectFired(await runPolicy(policy, [cluster({ port: 5432 })]), policy, "port is 5432");
        expectFired(await runPolicy(policy, [cluster({})]), policy, "port is not set");
        expectFired(await runPolicy(policy, [cluster({ engine: "aurora-mysql", port: "3306" })]), policy, "port");
        expectFired(await runPolicy(policy, [cache({})]), policy, "engine default 6379");
        expectFired(await runPolicy(policy, [cache({ engine: "redis", port: 6379 })]), policy, "port is 6379");
    });
});

import { describe, expect, it } from "vitest";
import { StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policy/policies";
import { AnalyzedResource } from "../../../policy/lib/evaluate";
import { resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata } from "../network/cases";

/** Issue 21: tag-eks-subnet-roles, left out until now. */

const policy = policies.find((p) => p.name === "tag-eks-subnet-roles") as StackValidationPolicy;
const out = (type: string, name: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}): AnalyzedResource =>
    resource(type, props, { name, outputs: { ...props, ...extra } });
const vpc = out("aws:ec2/vpc:Vpc", "main", {}, { id: "vpc-1" });
const subnet = (name: string, tags: Record<string, string>, extra: Record<string, unknown> = {}) =>
    out("aws:ec2/subnet:Subnet", name, { vpcId: "vpc-1", tags, tagsAll: { Owner: "platform", ...tags }, ...extra }, { id: `subnet-${name}` });
const igwTable = [
    out("aws:ec2/routeTable:RouteTable", "public", { vpcId: "vpc-1", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] }, { id: "rtb-public" }),
    out("aws:ec2/routeTableAssociation:RouteTableAssociation", "public-a", { subnetId: "subnet-public-a", routeTableId: "rtb-public" }),
];
const cluster = out("aws:eks/cluster:Cluster", "eks", { roleArn: "r", vpcConfig: { subnetIds: ["subnet-private-a"] } }, { name: "eks" });
const ELB = "kubernetes.io/role/elb";
const INTERNAL = "kubernetes.io/role/internal-elb";

describe("tag-eks-subnet-roles", () => {
    it("metadata: low, advisory, a stack policy", () => {
        expectMetadata(policy, "tag-eks-subnet-roles", "low");
    });
    it("passes tagged public and cluster subnets; an untagged database subnet the cluster does not use is fine", async () => {
        expectClean(await runPolicy(policy, [vpc, cluster, subnet("private-a", { [INTERNAL]: "1" }), subnet("public-a", { [ELB]: "1" }), subnet("database-a", {}), ...igwTable]));
        expectClean(await runPolicy(policy, [vpc, cluster, subnet("private-a", { [INTERNAL]: "" }), subnet("public-a", { [ELB]: "" }), ...igwTable]));
    });
    it("fires for a cluster subnet without internal-elb, and a public subnet (IGW route or public IPs) without elb", async () => {
        expectFired(await runPolicy(policy, [vpc, cluster, subnet("private-a", {}), subnet("public-a", { [ELB]: "1" }), ...igwTable]), policy, INTERNAL);
        expectFired(await runPolicy(policy, [vpc, cluster, subnet("private-a", { [INTERNAL]: "1" }), subnet("public-a", {}), ...igwTable]), policy, ELB);
        expectFired(await runPolicy(policy, [vpc, cluster, subnet("private-a", { [INTERNAL]: "1" }), subnet("public-b", {}, { mapPublicIpOnLaunch: true })]), policy, ELB);
    });
    it("counts node groups' subnets as the cluster's", async () => {
        const nodes = out("aws:eks/nodeGroup:NodeGroup", "workers", { clusterName: "eks", subnetIds: ["subnet-private-b"], nodeRoleArn: "r", scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 } });
        expectFired(await runPolicy(policy, [vpc, cluster, nodes, subnet("private-a", { [INTERNAL]: "1" }), subnet("private-b", {})]), policy, INTERNAL);
    });
    it("does not apply to stacks without an EKS cluster", async () => {
        const run = await runPolicy(policy, [vpc, subnet("private-a", {})]);
        expectClean(run);
        expect(run.notApplicable.length).toBeGreaterThan(0);
    });
});

import { PolicyResource } from "@pulumi/policy";
import { UNKNOWN, joinedTo, knownStrings, ofType, peek, peekPath } from "./stackJoins";

/** Where an EKS cluster runs: its subnets (cluster and node groups) and their VPCs. Shared by net-vpc-endpoints and tag-eks-subnet-roles. */
export const EKS_CLUSTER = "aws:eks/cluster:Cluster";
export const SUBNET = "aws:ec2/subnet:Subnet";
export const VPC = "aws:ec2/vpc:Vpc";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const FARGATE_PROFILE = "aws:eks/fargateProfile:FargateProfile";
const NAT_GATEWAY = "aws:ec2/natGateway:NatGateway";

/** Subnets named by ids (known ids by value; unknown ones through the holder's dependencies). */
function subnetsNamedBy(resources: readonly PolicyResource[], holder: PolicyResource, ids: unknown): PolicyResource[] {
    const known: string[] = knownStrings(ids);
    const subnets: PolicyResource[] = ofType(resources, [SUBNET]);
    const byId = subnets.filter((s: PolicyResource) => known.includes(String(peek(s.props, "id"))));
    const unresolved = ids === UNKNOWN || (Array.isArray(ids) && knownStrings(ids).length < ids.length);
    const byDependency = unresolved ? subnets.filter((s: PolicyResource) => (holder.dependencies ?? []).some((d: PolicyResource) => d.urn === s.urn)) : [];
    return [...new Set([...byId, ...byDependency])];
}

/** Subnets an EKS cluster uses: the cluster's vpcConfig.subnetIds and its node groups' and Fargate profiles' subnetIds. */
export function clusterSubnets(resources: readonly PolicyResource[], cluster: PolicyResource): PolicyResource[] {
    const found = new Set<PolicyResource>(subnetsNamedBy(resources, cluster, peekPath(cluster.props, "vpcConfig.subnetIds")));
    for (const workers of ofType(resources, [NODE_GROUP, FARGATE_PROFILE])) {
        if (joinedTo(workers, "clusterName", cluster, ["name", "id"])) {
            subnetsNamedBy(resources, workers, peek(workers.props, "subnetIds")).forEach((s: PolicyResource) => found.add(s));
        }
    }
    return [...found];
}

/** The VPC a subnet belongs to. */
export function vpcOf(resources: readonly PolicyResource[], subnet: PolicyResource): PolicyResource | undefined {
    return ofType(resources, [VPC]).find((vpc: PolicyResource) => joinedTo(subnet, "vpcId", vpc, ["id"]));
}

/** VPCs that host an EKS cluster (through the cluster's subnets). */
export function eksVpcs(resources: readonly PolicyResource[]): Map<PolicyResource, PolicyResource[]> {
    const result = new Map<PolicyResource, PolicyResource[]>();
    for (const cluster of ofType(resources, [EKS_CLUSTER])) {
        for (const subnet of clusterSubnets(resources, cluster)) {
            const vpc = vpcOf(resources, subnet);
            if (vpc && !(result.get(vpc) ?? []).includes(cluster)) {
                result.set(vpc, [...(result.get(vpc) ?? []), cluster]);
            }
        }
    }
    return result;
}

/** A public NAT gateway in one of the VPC's subnets: the VPC's private subnets can reach the internet. */
export function hasInternetNat(resources: readonly PolicyResource[], vpc: PolicyResource): boolean {
    return ofType(resources, [NAT_GATEWAY]).some((nat: PolicyResource) => {
        if (peek(nat.props, "connectivityType") === "private") {
            return false;
        }
        return ofType(resources, [SUBNET]).some((subnet: PolicyResource) => joinedTo(nat, "subnetId", subnet, ["id"]) && joinedTo(subnet, "vpcId", vpc, ["id"]));
    });
}

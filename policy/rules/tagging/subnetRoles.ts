import { PolicyResource } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, ofType, peek } from "../../lib/stackJoins";
import { EKS_CLUSTER, SUBNET, clusterSubnets, vpcOf } from "../../lib/eksNetwork";
import { isPublicSubnet } from "../network/privateSubnets";

const PUBLIC_ROLE = "kubernetes.io/role/elb";
const INTERNAL_ROLE = "kubernetes.io/role/internal-elb";

/** Tag value, reading tagsAll (post-Check merge of default tags) then tags; UNKNOWN when the map is unknown. */
function tag(subnet: PolicyResource, key: string): unknown {
    for (const property of ["tagsAll", "tags"]) {
        const tags: unknown = peek(subnet.props, property);
        if (tags === UNKNOWN) {
            return UNKNOWN;
        }
        if (tags !== null && typeof tags === "object" && Object.keys(tags).includes(key)) {
            return peek(tags, key);
        }
    }
    return undefined;
}

/** The AWS Load Balancer Controller accepts "1" or an empty value (AWS LBC docs, "Subnet auto-discovery"). */
const carries = (value: unknown): boolean => value === UNKNOWN || value === "1" || value === "";

/**
 * Subnet role tags for EKS (catalogue tag-eks-subnet-roles, Low; functional: the AWS Load Balancer
 * Controller discovers subnets by them, Amazon EKS User Guide "Subnet requirements and
 * considerations"). Judged for the VPCs that host an EKS cluster: every public subnet there carries
 * kubernetes.io/role/elb (internet-facing load balancers), and every private subnet the cluster or
 * its node groups use carries kubernetes.io/role/internal-elb. Private subnets the cluster does not
 * use (database tiers) need neither. Public: maps public IPs or routes to an internet gateway.
 */
export const eksSubnetRoles: StackRule = {
    id: "tag-eks-subnet-roles",
    description: "In a VPC hosting an EKS cluster, public subnets carry kubernetes.io/role/elb and the private subnets the cluster uses carry kubernetes.io/role/internal-elb, so the AWS Load Balancer Controller can place load balancers.",
    severity: "low",
    remediation: "Tag public subnets { \"kubernetes.io/role/elb\": \"1\" } and the cluster's private subnets { \"kubernetes.io/role/internal-elb\": \"1\" }.",
    check(resources, ctx) {
        const clusters = ofType(resources, [EKS_CLUSTER]);
        if (clusters.length === 0) {
            ctx.notApplicable("no EKS cluster in the stack");
        }
        const used = new Set<PolicyResource>(clusters.flatMap((c: PolicyResource) => clusterSubnets(resources, c)));
        const vpcs = new Set<PolicyResource | undefined>([...used].map((s: PolicyResource) => vpcOf(resources, s)));
        for (const subnet of ofType(resources, [SUBNET])) {
            const inClusterVpc = used.has(subnet) || (vpcs.has(vpcOf(resources, subnet)) && vpcOf(resources, subnet) !== undefined);
            if (!inClusterVpc) {
                continue;
            }
            if (isPublicSubnet(resources, subnet)) {
                if (!carries(tag(subnet, PUBLIC_ROLE))) {
                    ctx.report(subnet, { property: `tags["${PUBLIC_ROLE}"]`, value: tag(subnet, PUBLIC_ROLE) ?? ABSENT, expected: "\"1\" on public subnets of an EKS VPC" });
                }
            } else if (used.has(subnet) && !carries(tag(subnet, INTERNAL_ROLE))) {
                ctx.report(subnet, { property: `tags["${INTERNAL_ROLE}"]`, value: tag(subnet, INTERNAL_ROLE) ?? ABSENT, expected: "\"1\" on the private subnets the EKS cluster uses" });
            }
        }
    },
};

export const subnetRolePolicies = [stackPolicy(eksSubnetRoles)];

/**
 * Zones where EKS does not place a cluster: CreateCluster fails with
 * UnsupportedAvailabilityZoneException when a control-plane subnet is in one of them, and the
 * program gives every zone of platform:network.availabilityZoneIds a private subnet that the
 * cluster, its node groups and Fargate profiles use. AWS lists them by zone id, per region.
 *
 * Source: Amazon EKS User Guide, "View Amazon EKS networking requirements for VPC and subnets" >
 * "Subnet requirements for clusters": "The subnets can't reside in the following Availability
 * Zones" (https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html; the page's source is
 * awsdocs/amazon-eks-user-guide latest/ug/networking/network-reqs.adoc). eksctl keeps the same
 * list (eksctl-io/eksctl#7870, "Avoid creating subnets in disallowed Availability Zone IDs").
 * Checked on EKS_UNSUPPORTED_ZONES_CHECKED_ON; when AWS adds a zone to that table, add it here.
 */
export const EKS_UNSUPPORTED_ZONES_CHECKED_ON = "2026-12-07";

export const EKS_UNSUPPORTED_ZONE_IDS: Readonly<Record<string, readonly string[]>> = {
    "us-east-1": ["use1-az3"],
    "us-west-1": ["usw1-az2"],
    "ca-central-1": ["cac1-az3"],
};

export function eksSupportsZone(region: string, zoneId: string): boolean {
    return !(EKS_UNSUPPORTED_ZONE_IDS[region] ?? []).includes(zoneId);
}

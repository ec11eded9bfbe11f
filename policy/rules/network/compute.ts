import type * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, arg, knownStrings, matchesAny, peek, peekArray } from "../../lib/stackJoins";
import { isWholeAddressSpace, worldCover } from "../../lib/cidr";

/** EKS, EC2 instances/launch templates, subnets: network exposure of compute. */

export const eksPublicEndpoint: ResourceRule = {
    id: "net-eks-public-endpoint",
    description: "The EKS API endpoint is private, or public only to an explicit CIDR allow-list that is not the whole internet (0.0.0.0/0, or CIDRs adding up to it).",
    severity: "high",
    remediation: "Set vpcConfig.endpointPublicAccess: false (reach the API over VPN/SSM), or restrict vpcConfig.publicAccessCidrs to known egress CIDRs. @pulumi/eks: endpointPublicAccess: false / publicAccessCidrs.",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    check(props, ctx) {
        const vpc = arg<aws.eks.ClusterArgs>(props, "vpcConfig");
        if (vpc === UNKNOWN) {
            return;
        }
        const publicAccess = peek(vpc, "endpointPublicAccess");
        // AWS (and @pulumi/eks) default: public endpoint on.
        if (publicAccess === UNKNOWN || publicAccess === false || publicAccess === "false") {
            return;
        }
        const cidrsRaw = peek(vpc, "publicAccessCidrs");
        if (cidrsRaw === UNKNOWN) {
            return;
        }
        const cidrs = knownStrings(cidrsRaw);
        if (cidrs.length === 0) {
            ctx.report({
                property: "vpcConfig.publicAccessCidrs", value: ABSENT,
                expected: "vpcConfig.endpointPublicAccess false, or publicAccessCidrs listing specific CIDRs (omitted means 0.0.0.0/0)",
            });
            return;
        }
        // Open to the internet is any list whose union is the whole address space (0.0.0.0/1 + 128.0.0.0/1 too).
        const items = peekArray(cidrsRaw);
        const written: string[] = items === UNKNOWN ? [] : items.map((v: unknown) => (typeof v === "string" ? v : ""));
        const cover: number[] = worldCover(written);
        const together: boolean = cover.length > 1 || (cover.length === 1 && !isWholeAddressSpace(written[cover[0]]));
        for (const index of cover) {
            ctx.report({
                property: `vpcConfig.publicAccessCidrs[${index}]`, value: written[index],
                expected: `specific CIDRs, never the whole address space${together ? ` (${cover.map((i) => written[i]).join(" + ")} together cover it)` : ""} (or set endpointPublicAccess false)`,
            });
        }
    },
};

export const eksPrivateEndpoint: ResourceRule = {
    id: "net-eks-private-endpoint",
    description: "The EKS private API endpoint is enabled so nodes and in-VPC tooling reach the API without leaving the VPC.",
    severity: "medium",
    remediation: "Set vpcConfig.endpointPrivateAccess: true (@pulumi/eks: endpointPrivateAccess: true).",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    check(props, ctx) {
        const vpc = arg<aws.eks.ClusterArgs>(props, "vpcConfig");
        const value = peek(vpc, "endpointPrivateAccess");
        if (vpc !== UNKNOWN && value !== UNKNOWN && !isTrue(value)) {
            ctx.report({ property: "vpcConfig.endpointPrivateAccess", value: value ?? ABSENT, expected: "true" });
        }
    },
};

export const eksNodegroupSsh: ResourceRule = {
    id: "net-eks-nodegroup-ssh",
    description: "Managed node groups with remote access restrict SSH to source security groups (an ec2SshKey alone opens port 22 to 0.0.0.0/0).",
    severity: "high",
    remediation: "Remove remoteAccess (use SSM Session Manager) or set remoteAccess.sourceSecurityGroupIds.",
    resourceTypes: ["aws:eks/nodeGroup:NodeGroup"],
    check(props, ctx) {
        const remote = arg<aws.eks.NodeGroupArgs>(props, "remoteAccess");
        if (remote === undefined || remote === null || remote === UNKNOWN) {
            return;
        }
        const key = peek(remote, "ec2SshKey");
        const sources = peek(remote, "sourceSecurityGroupIds");
        if (key === undefined || key === null || key === "" || sources === UNKNOWN) {
            return;
        }
        const list = peekArray(sources);
        if (list !== UNKNOWN && list.length === 0) {
            ctx.report({ property: "remoteAccess.sourceSecurityGroupIds", value: ABSENT, expected: "a non-empty list of source security groups when remoteAccess.ec2SshKey is set (otherwise SSH is open to 0.0.0.0/0)" });
        }
    },
};

export const launchTemplateNoPublicIp: ResourceRule = {
    id: "net-lt-no-public-ip",
    description: "Launch templates do not assign public IPs (v7 carries associatePublicIpAddress as the string \"true\"/\"false\").",
    severity: "high",
    remediation: "Set networkInterfaces[].associatePublicIpAddress to \"false\" (or omit it) and launch into private subnets.",
    resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate"],
    check(props, ctx) {
        const nics = peekArray(arg<aws.ec2.LaunchTemplateArgs>(props, "networkInterfaces"));
        if (nics === UNKNOWN) {
            return;
        }
        nics.forEach((nic: unknown, index: number) => {
            const value = peek(nic, "associatePublicIpAddress");
            if (isTrue(value)) {
                ctx.report({ property: `networkInterfaces[${index}].associatePublicIpAddress`, value, expected: "\"false\" or not set" });
            }
        });
    },
};

export const instanceNoPublicIp: ResourceRule = {
    id: "net-instance-no-public-ip",
    description: "EC2 instances do not get a public IP address.",
    severity: "high",
    remediation: "Set associatePublicIpAddress: false and place the instance in a private subnet; expose it through a load balancer.",
    resourceTypes: ["aws:ec2/instance:Instance"],
    check(props, ctx) {
        const value = arg<aws.ec2.InstanceArgs>(props, "associatePublicIpAddress");
        if (isTrue(value)) {
            ctx.report({ property: "associatePublicIpAddress", value, expected: "false" });
        }
    },
};

interface SubnetConfig { publicSubnetNamePatterns: string[] }

export const subnetNoAutoPublicIp: ResourceRule<SubnetConfig> = {
    id: "net-subnet-no-auto-public-ip",
    description: "Subnets do not auto-assign public IPs, except public (load-balancer/NAT) tiers.",
    severity: "medium",
    remediation: "Set mapPublicIpOnLaunch: false; only subnets hosting load balancers or NAT gateways may be public (name them to match publicSubnetNamePatterns).",
    resourceTypes: ["aws:ec2/subnet:Subnet"],
    config: {
        schema: { publicSubnetNamePatterns: { type: "array", items: { type: "string" }, description: "Regexes on logical subnet names that are public tiers (awsx public subnets)." } },
        defaults: { publicSubnetNamePatterns: ["(^|[-_])public([-_]|$)"] },
    },
    check(props, ctx) {
        const value = arg<aws.ec2.SubnetArgs>(props, "mapPublicIpOnLaunch");
        if (isTrue(value) && !matchesAny(ctx.config.publicSubnetNamePatterns, ctx.name)) {
            ctx.report({ property: "mapPublicIpOnLaunch", value, expected: "false (only subnets matching publicSubnetNamePatterns may be public)" });
        }
    },
};

export const noDefaultVpc: ResourceRule = {
    id: "net-no-default-vpc",
    description: "The default VPC and its default subnets are not adopted or used.",
    severity: "low",
    remediation: "Create a purpose-built VPC instead of aws.ec2.DefaultVpc / DefaultSubnet.",
    resourceTypes: ["aws:ec2/defaultVpc:DefaultVpc", "aws:ec2/defaultSubnet:DefaultSubnet"],
    check(_props, ctx) {
        ctx.report({ property: "(resource)", value: ctx.type, expected: "no default VPC or default subnet in the program" });
    },
};

export const computePolicies: ResourceValidationPolicy[] = [
    resourcePolicy(eksPublicEndpoint),
    resourcePolicy(eksPrivateEndpoint),
    resourcePolicy(eksNodegroupSsh),
    resourcePolicy(launchTemplateNoPublicIp),
    resourcePolicy(instanceNoPublicIp),
    resourcePolicy(subnetNoAutoPublicIp),
    resourcePolicy(noDefaultVpc),
];

import type * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, StackRule, resourcePolicy, stackPolicy } from "../../lib/rule";
import { UNKNOWN, arg, childrenOf, joinedTo, num, ofType, peek, peekArray } from "../../lib/stackJoins";
import { isWholeAddressSpace, worldCover } from "../../lib/cidr";

/** Subnet tiers and NACLs. */

const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
const ROUTE = "aws:ec2/route:Route";
const ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const IGW = "aws:ec2/internetGateway:InternetGateway";

function routesToInternet(resources: readonly PolicyResource[], table: PolicyResource): boolean {
    const gateways = ofType(resources, [IGW]);
    const viaGateway = (route: unknown, holder: PolicyResource): boolean => {
        const gw = peek(route, "gatewayId");
        if (typeof gw === "string" && gw.startsWith("igw-")) {
            return true;
        }
        return gw === UNKNOWN && gateways.some((g) => (holder.dependencies ?? []).some((d) => d.urn === g.urn));
    };
    const inline = peekArray(peek(table.props, "routes"));
    if (inline !== UNKNOWN && inline.some((r) => viaGateway(r, table))) {
        return true;
    }
    return childrenOf(resources, table, [ROUTE], "routeTableId", ["id"]).some((r) => viaGateway(r.props, r));
}

/** Public = auto-assigns public IPs, or its route table has a route to an internet gateway. */
export function isPublicSubnet(resources: readonly PolicyResource[], subnet: PolicyResource): boolean {
    if (isTrue(peek(subnet.props, "mapPublicIpOnLaunch"))) {
        return true;
    }
    return childrenOf(resources, subnet, [ASSOCIATION], "subnetId", ["id"]).some((association) =>
        ofType(resources, [ROUTE_TABLE]).some((table) => joinedTo(association, "routeTableId", table, ["id"]) && routesToInternet(resources, table)));
}

export const rdsPrivateSubnets: StackRule = {
    id: "net-rds-private-subnets",
    description: "RDS / Aurora use a DB subnet group made only of private subnets (no public IP mapping, no route to an internet gateway).",
    severity: "medium",
    remediation: "Set dbSubnetGroupName to an aws.rds.SubnetGroup over the private (database) subnets.",
    check(resources, ctx) {
        const groups = ofType(resources, ["aws:rds/subnetGroup:SubnetGroup"]);
        const subnets = ofType(resources, [SUBNET]);
        for (const db of ofType(resources, ["aws:rds/cluster:Cluster", "aws:rds/instance:Instance"])) {
            const groupName = peek(db.props, "dbSubnetGroupName");
            if (groupName === undefined || groupName === null || groupName === "" || groupName === "default") {
                ctx.report(db, { property: "dbSubnetGroupName", value: groupName ?? ABSENT, expected: "a custom DB subnet group of private subnets (omitted means the default VPC)" });
                continue;
            }
            for (const group of groups.filter((g) => joinedTo(db, "dbSubnetGroupName", g, ["name", "id"]))) {
                const members = subnets.filter((s) => joinedTo(group, "subnetIds", s, ["id"]));
                for (const subnet of members.filter((s) => isPublicSubnet(resources, s))) {
                    ctx.report(group, { property: "subnetIds", value: subnet.name, expected: `private subnets only (subnet "${subnet.name}" is public)` });
                }
            }
        }
    },
};

const ADMIN_PORTS: readonly number[] = [22, 3389];

interface NaclAllow {
    readonly prefix: string;
    readonly rule: unknown;
    readonly hit: number[] | "all";
    readonly cidrs: readonly string[];
}

function admitsAdmin(protocol: unknown, from: unknown, to: unknown): number[] | "all" | undefined {
    const p = typeof protocol === "string" || typeof protocol === "number" ? String(protocol).toLowerCase() : undefined;
    if (p === "-1" || p === "all") {
        return "all";
    }
    if (p !== "tcp" && p !== "6") {
        return undefined;
    }
    const f = num(from);
    const t = num(to);
    if (typeof f !== "number" || typeof t !== "number") {
        return undefined;
    }
    const hit = ADMIN_PORTS.filter((port) => f <= port && port <= t);
    return hit.length > 0 ? hit : undefined;
}

export const naclAdminPorts: ResourceRule = {
    id: "net-nacl-admin-ports",
    description: "Network ACLs do not allow ingress from the whole internet (0.0.0.0/0, ::/0, or entries adding up to it) to SSH/RDP or to all ports.",
    severity: "medium",
    remediation: "Deny (or do not allow) world ingress to 22/3389 and all-traffic in NACL ingress rules; scope admin access to known CIDRs.",
    resourceTypes: ["aws:ec2/networkAcl:NetworkAcl", "aws:ec2/networkAclRule:NetworkAclRule"],
    check(props, ctx) {
        const entries: [string, unknown][] = [];
        if (ctx.type === "aws:ec2/networkAcl:NetworkAcl") {
            const ingress = peekArray(arg<aws.ec2.NetworkAclArgs>(props, "ingress"));
            if (ingress !== UNKNOWN) {
                ingress.forEach((rule, index) => entries.push([`ingress[${index}].`, rule]));
            }
        } else if (!isTrue(peek(props, "egress"))) {
            entries.push(["", props]);
        }
        // Allow entries add up: 0.0.0.0/1 and 128.0.0.0/1 on port 22 in two entries is port 22 from the world.
        const allows: NaclAllow[] = [];
        for (const [prefix, rule] of entries) {
            const action = peek(rule, prefix ? "action" : "ruleAction");
            if (typeof action !== "string" || action.toLowerCase() !== "allow") {
                continue;
            }
            const hit = admitsAdmin(peek(rule, "protocol"), peek(rule, "fromPort"), peek(rule, "toPort"));
            const cidrs = ["cidrBlock", "ipv6CidrBlock"].map((k) => peek(rule, k)).filter((v): v is string => typeof v === "string" && v.length > 0);
            if (hit && cidrs.length > 0) {
                allows.push({ prefix, rule, hit, cidrs });
            }
        }
        const findings = new Map<NaclAllow, { world: Set<string>; targets: Set<string> }>();
        for (const target of [...ADMIN_PORTS, "all"] as const) {
            const admitting = allows.filter((a) => a.hit === "all" || (target !== "all" && a.hit.includes(target)));
            const pool = admitting.flatMap((allow) => allow.cidrs.map((cidr) => ({ allow, cidr })));
            for (const i of worldCover(pool.map((p) => p.cidr))) {
                const { allow, cidr } = pool[i];
                const finding = findings.get(allow) ?? { world: new Set<string>(), targets: new Set<string>() };
                finding.world.add(cidr);
                finding.targets.add(String(target));
                findings.set(allow, finding);
            }
        }
        for (const allow of allows) {
            const finding = findings.get(allow);
            if (!finding) {
                continue;
            }
            const { prefix, rule, hit } = allow;
            const together: boolean = [...finding.world].some((c) => !isWholeAddressSpace(c));
            ctx.report({
                property: `${prefix}${hit === "all" ? "protocol" : "fromPort..toPort"}`, value: hit === "all" ? peek(rule, "protocol") : hit.join(","),
                expected: `no allow from ${[...finding.world].join(", ")}${together ? " (with the ACL's other allow entries, the whole address space)" : ""} to ${hit === "all" ? "all traffic" : "SSH/RDP"}`,
            });
        }
    },
};

export const privateSubnetStackPolicies: StackValidationPolicy[] = [stackPolicy(rdsPrivateSubnets)];
export const naclPolicies: ResourceValidationPolicy[] = [resourcePolicy(naclAdminPorts)];

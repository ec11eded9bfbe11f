import { describe, expect, it } from "vitest";
import { resourcePolicy, stackPolicy } from "../../../policy/lib/rule";
import { naclAdminPorts, rdsPrivateSubnets } from "../../../policy/rules/network/privateSubnets";
import { UNKNOWN_ARRAY, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired, expectMetadata } from "./cases";

type P = Record<string, any>;  
const privateSubnets = stackPolicy(rdsPrivateSubnets);

const subnet = (name: string, id: unknown, mapPublic = false) => resource("aws:ec2/subnet:Subnet", { mapPublicIpOnLaunch: mapPublic }, { name, outputs: { id, mapPublicIpOnLaunch: mapPublic } });
const group = (members: ReturnType<typeof subnet>[], ids: unknown = members.map((m) => m.outputs.id)) =>
    resource("aws:rds/subnetGroup:SubnetGroup", { subnetIds: ids }, { name: "db", outputs: { name: "platform-db", id: "platform-db", subnetIds: ids }, dependencies: members.map((m) => m.urn) });
const cluster = (g?: ReturnType<typeof group>, ref: unknown = "platform-db") => resource("aws:rds/cluster:Cluster", {}, { name: "aurora", outputs: g ? { dbSubnetGroupName: ref } : {}, dependencies: g ? [g.urn] : [] });

describe("net-rds-private-subnets", () => {
    it("metadata", () => expectMetadata(privateSubnets, "net-rds-private-subnets", "medium"));
    it("passes with private database subnets (known and unknown ids)", async () => {
        const a = subnet("db-a", "subnet-a");
        const b = subnet("db-b", "subnet-b");
        const g = group([a, b]);
        expectClean(await runPolicy(privateSubnets, [a, b, g, cluster(g)]));
        const ua = subnet("db-a", UNKNOWN_STRING);
        const ug = group([ua], UNKNOWN_ARRAY);
        expectClean(await runPolicy(privateSubnets, [ua, ug, cluster(ug, UNKNOWN_STRING)]));
    });
    it("fires without a subnet group", async () => {
        expectFired(await runPolicy(privateSubnets, [cluster()]), privateSubnets, "dbSubnetGroupName");
    });
    it("fires for a subnet that maps public IPs", async () => {
        const a = subnet("public-a", "subnet-a", true);
        const g = group([a]);
        expectFired(await runPolicy(privateSubnets, [a, g, cluster(g)]), privateSubnets, "subnetIds");
    });
    it("fires for a subnet routed to an internet gateway", async () => {
        const a = subnet("db-a", "subnet-a");
        const g = group([a]);
        const table = resource("aws:ec2/routeTable:RouteTable", { vpcId: "vpc-1" }, { name: "rt", outputs: { id: "rtb-1" } });
        const route = resource("aws:ec2/route:Route", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }, { name: "r" });
        const association = resource("aws:ec2/routeTableAssociation:RouteTableAssociation", { subnetId: "subnet-a", routeTableId: "rtb-1" }, { name: "a" });
        const run = await runPolicy(privateSubnets, [a, g, cluster(g), table, route, association]);
        expectFired(run, privateSubnets, "subnetIds");
        expect(run.messages[0]).toContain("db-a");
    });
});

describeResourcePolicy({
    policy: resourcePolicy(naclAdminPorts), severity: "medium", types: ["aws:ec2/networkAcl:NetworkAcl"],
    baseline: { vpcId: "vpc-1", ingress: [{ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }, { ruleNo: 110, action: "deny", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" }] },
    violations: [
        { name: "allow 22 from the world", mutate: (p: P) => { p.ingress[1].action = "allow"; }, property: "ingress[1].fromPort..toPort" },
        { name: "allow all traffic from ::/0", mutate: (p: P) => { p.ingress.push({ ruleNo: 120, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlock: "::/0" }); }, property: "ingress[2].protocol" },
        {
            name: "allow 22 from 0.0.0.0/1 and 128.0.0.0/1 in two entries (the whole address space together)",
            mutate: (p: P) => { p.ingress.push({ ruleNo: 90, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/1" }, { ruleNo: 95, action: "allow", protocol: "6", fromPort: 0, toPort: 1024, cidrBlock: "128.0.0.0/1" }); },
            property: "ingress[3].fromPort..toPort",
        },
        {
            name: "all traffic from ::/1 and 8000::/1",
            mutate: (p: P) => { p.ingress.push({ ruleNo: 120, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlock: "::/1" }, { ruleNo: 121, action: "allow", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlock: "8000::/1" }); },
            property: "::/1",
        },
        { name: "standalone NetworkAclRule with a range over 3389", type: "aws:ec2/networkAclRule:NetworkAclRule", mutate: (p: P) => { Object.assign(p, { networkAclId: "acl-1", ruleNumber: 100, egress: false, ruleAction: "allow", protocol: "tcp", fromPort: 3000, toPort: 4000, cidrBlock: "0.0.0.0/0" }); }, property: "fromPort..toPort" },
    ],
    compliant: [
        {
            name: "halves of the address space on different ports (22 from 0.0.0.0/1, 443 from 128.0.0.0/1)",
            mutate: (p: P) => { p.ingress.push({ ruleNo: 90, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/1" }, { ruleNo: 95, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "128.0.0.0/1" }); },
        },
        { name: "22 from two CIDRs that leave a gap", mutate: (p: P) => { p.ingress.push({ ruleNo: 90, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/1" }, { ruleNo: 95, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "128.0.0.0/2" }); } },
    ],
    unknowns: [{ name: "ingress unknown", mutate: (p: P) => { p.ingress = UNKNOWN_ARRAY; } }, { name: "CIDR unknown", mutate: (p: P) => { p.ingress[1] = { ...p.ingress[1], action: "allow", cidrBlock: UNKNOWN_STRING }; } }],
});

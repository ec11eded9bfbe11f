import { describe, expect, it } from "vitest";
import { sgAllProtocols, sgDescriptions, sgHighRiskPorts, sgHttp80, sgWorldIngress, securityGroupPolicies } from "../../../policy/rules/network/securityGroups";
import { isWorldCidr, normaliseProtocol } from "../../../policy/lib/securityGroups";
import { resourcePolicy } from "../../../policy/lib/rule";
import { UNKNOWN_ARRAY, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata, expectNoMandatory } from "./cases";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

const worldIngress = resourcePolicy(sgWorldIngress);
const highRisk = resourcePolicy(sgHighRiskPorts);
const allProtocols = resourcePolicy(sgAllProtocols);
const http80 = resourcePolicy(sgHttp80);
const descriptions = resourcePolicy(sgDescriptions);

type Family = "ipv4" | "ipv6";
interface Spec { protocol: string; from: number; to: number; family: Family; cidr?: string }

/** The same rule in the three v7 shapes. Property names the message must carry are returned alongside. */
function shapes(spec: Spec): { shape: string; fixture: ReturnType<typeof resource>; cidrProperty: string; protocolProperty: string; portProperty: string }[] {
    const cidr = spec.cidr ?? (spec.family === "ipv4" ? "0.0.0.0/0" : "::/0");
    const listKey = spec.family === "ipv4" ? "cidrBlocks" : "ipv6CidrBlocks";
    const pfKey = spec.family === "ipv4" ? "cidrIpv4" : "cidrIpv6";
    return [
        {
            shape: "inline",
            fixture: resource(SG, {
                description: "app", vpcId: "vpc-1",
                ingress: [{ description: "r", protocol: spec.protocol, fromPort: spec.from, toPort: spec.to, [listKey]: [cidr] }],
            }, { name: "app-sg" }),
            cidrProperty: `ingress[0].${listKey}[0]`, protocolProperty: "ingress[0].protocol", portProperty: "ingress[0].fromPort..toPort",
        },
        {
            shape: "securityGroupRule",
            fixture: resource(RULE, { description: "r", type: "ingress", securityGroupId: "sg-1", protocol: spec.protocol, fromPort: spec.from, toPort: spec.to, [listKey]: [cidr] }, { name: "app-rule" }),
            cidrProperty: `${listKey}[0]`, protocolProperty: "protocol", portProperty: "fromPort..toPort",
        },
        {
            shape: "securityGroupIngressRule",
            fixture: resource(INGRESS, { description: "r", securityGroupId: "sg-1", ipProtocol: spec.protocol, fromPort: spec.from, toPort: spec.to, [pfKey]: cidr }, { name: "app-in" }),
            cidrProperty: pfKey, protocolProperty: "ipProtocol", portProperty: "fromPort..toPort",
        },
    ];
}

describe("security-group policies: metadata", () => {
    it("exports five policies with catalogue metadata", () => {
        expect(securityGroupPolicies.map((p) => p.name)).toEqual(["net-sg-world-ingress", "net-sg-high-risk-ports", "net-sg-all-protocols", "net-sg-http-80", "net-sg-descriptions"]);
        expectMetadata(worldIngress, "net-sg-world-ingress", "high");
        expectMetadata(highRisk, "net-sg-high-risk-ports", "high");
        expectMetadata(allProtocols, "net-sg-all-protocols", "high");
        expectMetadata(http80, "net-sg-http-80", "medium");
        expectMetadata(descriptions, "net-sg-descriptions", "low");
    });
});

describe("lib/securityGroups", () => {
    it("recognises every spelling of the world and of all protocols", () => {
        for (const cidr of ["0.0.0.0/0", "::/0", "0::/0", "0:0:0:0:0:0:0:0/0"]) {
            expect(isWorldCidr(cidr)).toBe(true);
        }
        expect(isWorldCidr("10.0.0.0/16")).toBe(false);
        expect(isWorldCidr("2001:db8::/32")).toBe(false);
        expect(normaliseProtocol("-1")).toBe("-1");
        expect(normaliseProtocol("all")).toBe("-1");
        expect(normaliseProtocol("ALL")).toBe("-1");
        expect(normaliseProtocol("6")).toBe("tcp");
        expect(normaliseProtocol(17)).toBe("udp");
    });
});

for (const family of ["ipv4", "ipv6"] as const) {
    describe(`world ingress (${family})`, () => {
        for (const s of shapes({ protocol: "tcp", from: 22, to: 22, family })) {
            it(`${s.shape}: tcp 22 from the world fires world-ingress and high-risk-ports`, async () => {
                expectFired(await runPolicy(worldIngress, s.fixture), worldIngress, s.cidrProperty);
                expectFired(await runPolicy(highRisk, s.fixture), highRisk, s.portProperty);
                expectClean(await runPolicy(allProtocols, s.fixture));
            });
        }
        for (const s of shapes({ protocol: "tcp", from: 1000, to: 4000, family })) {
            it(`${s.shape}: a port range spanning 3306/3389 fires high-risk-ports`, async () => {
                const run = await runPolicy(highRisk, s.fixture);
                expectFired(run, highRisk, s.portProperty);
                expect(run.messages[0]).toContain("3306");
            });
        }
        for (const s of shapes({ protocol: "6", from: 1000, to: 4000, family })) {
            it(`${s.shape}: numeric protocol "6" is tcp`, async () => {
                expectFired(await runPolicy(highRisk, s.fixture), highRisk, s.portProperty);
            });
        }
        for (const protocol of ["-1", "all"]) {
            for (const s of shapes({ protocol, from: 0, to: 0, family })) {
                it(`${s.shape}: protocol ${protocol} from the world fires all-protocols, high-risk and world-ingress`, async () => {
                    expectFired(await runPolicy(allProtocols, s.fixture), allProtocols, s.protocolProperty);
                    expectFired(await runPolicy(highRisk, s.fixture), highRisk, s.portProperty);
                    expectFired(await runPolicy(worldIngress, s.fixture), worldIngress, s.cidrProperty);
                });
            }
        }
        for (const s of shapes({ protocol: "tcp", from: 443, to: 443, family })) {
            it(`${s.shape}: tcp 443 from the world is not a high-risk port and passes on an ALB group`, async () => {
                expectClean(await runPolicy(highRisk, s.fixture));
                const alb = { ...s.fixture, name: "web-alb-sg", urn: s.fixture.urn.replace(/::[^:]+$/, "::web-alb-sg") };
                expectClean(await runPolicy(worldIngress, alb));
                // the same rule on a non-LB group is world ingress
                expectFired(await runPolicy(worldIngress, s.fixture), worldIngress, s.cidrProperty);
            });
        }
        for (const s of shapes({ protocol: "tcp", from: 80, to: 80, family })) {
            it(`${s.shape}: tcp 80 fires http-80 except on the ALB group`, async () => {
                expectFired(await runPolicy(http80, s.fixture), http80, s.portProperty);
                const alb = { ...s.fixture, name: "web-alb-sg" };
                expectClean(await runPolicy(http80, alb));
            });
        }
    });
}

describe("compliant and unknown security-group rules", () => {
    for (const s of shapes({ protocol: "tcp", from: 443, to: 443, family: "ipv4", cidr: "10.20.0.0/16" })) {
        it(`${s.shape}: 443 from the VPC CIDR (the endpoint SG) passes every SG policy`, async () => {
            for (const policy of [worldIngress, highRisk, allProtocols, http80, descriptions]) {
                expectClean(await runPolicy(policy, s.fixture));
            }
        });
    }
    it("an unknown CIDR (VPC cidrBlock output) is not treated as world", async () => {
        const inline = resource(SG, { description: "endpoints", ingress: [{ description: "https", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [UNKNOWN_STRING] }] });
        const list = resource(SG, { description: "endpoints", ingress: [{ description: "https", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: UNKNOWN_ARRAY }] });
        const pf = resource(INGRESS, { description: "https", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: UNKNOWN_STRING });
        for (const policy of [worldIngress, highRisk, allProtocols, http80]) {
            for (const fixture of [inline, list, pf]) {
                expectNoMandatory(await runPolicy(policy, fixture));
            }
        }
    });
    it("an unknown protocol or port still reports world ingress but no port/protocol finding", async () => {
        const fixture = resource(RULE, { description: "r", type: "ingress", protocol: UNKNOWN_STRING, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] });
        expectNoMandatory(await runPolicy(highRisk, fixture));
        expectNoMandatory(await runPolicy(allProtocols, fixture));
        expectFired(await runPolicy(worldIngress, fixture), worldIngress, "cidrBlocks[0]");
    });
    it("egress rules to the world are not ingress findings", async () => {
        const inline = resource(SG, { description: "x", egress: [{ description: "all", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] });
        const rule = resource(RULE, { description: "x", type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] });
        const pf = resource(EGRESS, { description: "x", ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
        for (const policy of [worldIngress, highRisk, allProtocols, http80]) {
            for (const fixture of [inline, rule, pf]) {
                expectClean(await runPolicy(policy, fixture));
            }
        }
    });
    it("source-security-group rules with protocol -1 (EKS node groups) pass", async () => {
        const rule = resource(RULE, { description: "cluster to nodes", type: "ingress", protocol: "-1", fromPort: 0, toPort: 0, sourceSecurityGroupId: "sg-cluster" });
        for (const policy of [worldIngress, highRisk, allProtocols, http80]) {
            expectClean(await runPolicy(policy, rule));
        }
    });
    it("exemptions with a reason make the resource notApplicable", async () => {
        const [s] = shapes({ protocol: "tcp", from: 22, to: 22, family: "ipv4" });
        const run = await runPolicy(highRisk, s.fixture, { exemptions: [{ namePattern: "^app-sg$", reason: "bastion until PLAT-9" }] });
        expect(run.violations).toEqual([]);
        expect(run.notApplicable[0].reason).toContain("PLAT-9");
    });
    it("custom high-risk port list from config", async () => {
        const [s] = shapes({ protocol: "tcp", from: 7000, to: 7000, family: "ipv4" });
        expectClean(await runPolicy(highRisk, s.fixture));
        expectFired(await runPolicy(highRisk, s.fixture, { ports: [7000] }), highRisk, s.portProperty);
    });
});

describe("net-sg-descriptions", () => {
    it("fires for a missing group description and the provider default", async () => {
        expectFired(await runPolicy(descriptions, resource(SG, { ingress: [] })), descriptions, "description");
        expectFired(await runPolicy(descriptions, resource(SG, { description: "Managed by Pulumi" })), descriptions, "description");
    });
    it("fires for inline rules and standalone rules without a description", async () => {
        expectFired(await runPolicy(descriptions, resource(SG, { description: "x", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }] })), descriptions, "egress[0].description");
        expectFired(await runPolicy(descriptions, resource(EGRESS, { ipProtocol: "-1", cidrIpv4: "10.0.0.0/8" })), descriptions, "description");
        expectFired(await runPolicy(descriptions, resource(RULE, { type: "ingress", protocol: "tcp", fromPort: 1, toPort: 1 })), descriptions, "description");
    });
    it("passes described groups and tolerates an unknown description", async () => {
        expectClean(await runPolicy(descriptions, resource(SG, { description: "db", ingress: [{ description: "pg", protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["sg-app"] }] })));
        expectNoMandatory(await runPolicy(descriptions, resource(SG, { description: UNKNOWN_STRING })));
    });
});

describe("world = any union of CIDRs that is the whole address space", () => {
    const group = (ingress: Record<string, unknown>[], name = "app-sg") =>
        resource(SG, { description: "app", vpcId: "vpc-1", ingress: ingress.map((r) => ({ description: "r", ...r })) }, { name });

    it("inline: tcp 22 from 0.0.0.0/1 in one rule and 128.0.0.0/1 in another fires world-ingress and high-risk-ports on both", async () => {
        const sg = group([
            { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1"] },
            { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["128.0.0.0/1"] },
        ]);
        const world = await runPolicy(worldIngress, sg);
        expectFired(world, worldIngress, "ingress[0].cidrBlocks[0]");
        expect(world.messages.some((m) => m.includes("ingress[1].cidrBlocks[0]"))).toBe(true);
        const risky = await runPolicy(highRisk, sg);
        expectFired(risky, highRisk, "ingress[1].fromPort..toPort");
        expect(risky.messages[0]).toContain("whole address space");
    });
    it("one rule listing both halves, and a range overlapping a single port, add up too", async () => {
        expectFired(await runPolicy(highRisk, group([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }])), highRisk, "ingress[0].fromPort..toPort");
        const overlap = group([
            { protocol: "tcp", fromPort: 0, toPort: 1024, cidrBlocks: ["0.0.0.0/1"] },
            { protocol: "6", fromPort: 22, toPort: 22, cidrBlocks: ["128.0.0.0/1"] },
        ]);
        const run = await runPolicy(highRisk, overlap);
        expectFired(run, highRisk, "ingress[0].fromPort..toPort");
        // Only the port both rules open is world-open: 22, not 21/23/25/110...
        expect(run.messages.every((m) => /port\(s\) 22\. /.test(m))).toBe(true);
    });
    it("standalone SecurityGroupRule with both halves, IPv6 ::/1 + 8000::/1 and quarters of the space", async () => {
        expectFired(await runPolicy(worldIngress, resource(RULE, { description: "r", type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] })), worldIngress, "cidrBlocks[1]");
        expectFired(await runPolicy(worldIngress, group([{ protocol: "tcp", fromPort: 8443, toPort: 8443, ipv6CidrBlocks: ["::/1"] }, { protocol: "tcp", fromPort: 8443, toPort: 8443, ipv6CidrBlocks: ["8000::/1"] }])), worldIngress, "ingress[1].ipv6CidrBlocks[0]");
        expectFired(await runPolicy(worldIngress, group([{ protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"] }])), worldIngress, "ingress[0].cidrBlocks[3]");
    });
    it("all protocols from two halves fires all-protocols; all protocols from one half plus tcp 22 from the other is only port 22", async () => {
        const allTraffic = group([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/1"] }, { protocol: "all", fromPort: 0, toPort: 0, cidrBlocks: ["128.0.0.0/1"] }]);
        expectFired(await runPolicy(allProtocols, allTraffic), allProtocols, "ingress[1].protocol");
        const mixed = group([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/1"] }, { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["128.0.0.0/1"] }]);
        expectClean(await runPolicy(allProtocols, mixed));
        const risky = await runPolicy(highRisk, mixed);
        expectFired(risky, highRisk, "ingress[0].fromPort..toPort");
        expect(risky.messages.every((m) => /port\(s\) 22\. /.test(m))).toBe(true);
    });
    it("halves on different ports, different protocols, or with a gap do not add up", async () => {
        for (const sg of [
            group([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1"] }, { protocol: "tcp", fromPort: 23, toPort: 23, cidrBlocks: ["128.0.0.0/1"] }]),
            group([{ protocol: "tcp", fromPort: 53, toPort: 53, cidrBlocks: ["0.0.0.0/1"] }, { protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["128.0.0.0/1"] }]),
            group([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/2"] }]),
            // IPv4 and IPv6 halves never make one family's whole space.
            group([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1"], ipv6CidrBlocks: ["8000::/1"] }]),
        ]) {
            for (const policy of [worldIngress, highRisk, allProtocols]) {
                expectClean(await runPolicy(policy, sg));
            }
        }
    });
    it("a narrow CIDR next to a world-making pair is not blamed", async () => {
        const sg = group([
            { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] },
            { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] },
        ]);
        const run = await runPolicy(worldIngress, sg);
        expect(run.messages.some((m) => m.includes("ingress[0]"))).toBe(false);
        expect(run.messages).toHaveLength(2);
    });
    it("on an ALB group the halves on 443 pass, on 22 they do not", async () => {
        const halves = (port: number) => group([{ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/1"] }, { protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["128.0.0.0/1"] }], "web-alb-sg");
        expectClean(await runPolicy(worldIngress, halves(443)));
        expectFired(await runPolicy(worldIngress, halves(22)), worldIngress, "ingress[0].cidrBlocks[0]");
    });
});

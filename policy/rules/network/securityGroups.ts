import { ResourceValidationPolicy } from "@pulumi/policy";
import { ResourceRule, RuleConfigSpec, resourcePolicy } from "../../lib/rule";
import {
    ALL_RULE_TYPES, INGRESS_RULE_TYPES, SgRule, coversPort, describeRule, describeWorldSource, ingressRules, isAllProtocols,
    openingAdmitsAllTraffic, openingCoversPort, portProperty, sgRules, worldOpenings,
} from "../../lib/securityGroups";
import { UNKNOWN, matchesAny, peek } from "../../lib/stackJoins";

/** FSBP EC2.19 high-risk ports (catalogue net-sg-high-risk-ports). */
export const HIGH_RISK_PORTS: readonly number[] = [
    20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 6379, 8080, 8088, 8888, 9200, 9300, 11211, 27017,
];

/** Logical names of internet-facing load-balancer security groups (and their standalone rules). */
export const DEFAULT_PUBLIC_SG_PATTERNS: readonly string[] = ["(^|[-_])(alb|elb|lb|edge|public-lb|ingress-lb)([-_]|$)"];

export interface PublicSgConfig {
    publicSecurityGroupNamePatterns: string[];
    allowedPublicPorts: number[];
}

export const publicSgConfig: RuleConfigSpec<PublicSgConfig> = {
    schema: {
        publicSecurityGroupNamePatterns: {
            type: "array", items: { type: "string" },
            description: "Regexes on the logical name of internet-facing load-balancer security groups (or their standalone rules), which may accept world ingress on allowedPublicPorts.",
        },
        allowedPublicPorts: { type: "array", items: { type: "number" }, description: "TCP ports such groups may open to 0.0.0.0/0 and ::/0." },
    },
    defaults: { publicSecurityGroupNamePatterns: [...DEFAULT_PUBLIC_SG_PATTERNS], allowedPublicPorts: [443, 80] },
};

/** A single TCP port (or a range made only of allowed ports) on a designated public LB group. */
export function allowedPublicRule(rule: SgRule, name: string, config: PublicSgConfig): boolean {
    if (!matchesAny(config.publicSecurityGroupNamePatterns, name) || rule.protocol !== "tcp") {
        return false;
    }
    if (typeof rule.fromPort !== "number" || typeof rule.toPort !== "number" || rule.toPort - rule.fromPort > 1024) {
        return false;
    }
    for (let p = rule.fromPort; p <= rule.toPort; p++) {
        if (!config.allowedPublicPorts.includes(p)) {
            return false;
        }
    }
    return true;
}

export const sgWorldIngress: ResourceRule<PublicSgConfig> = {
    id: "net-sg-world-ingress",
    description: "Security groups must not accept ingress from 0.0.0.0/0 or ::/0, except TCP 443/80 on internet-facing load-balancer groups.",
    severity: "high",
    remediation: "Restrict the source to a VPC CIDR, a prefix list or a source security group; put internet traffic behind an ALB.",
    resourceTypes: INGRESS_RULE_TYPES,
    config: publicSgConfig,
    check(props, ctx) {
        // "World" is any union of the group's CIDRs that is the whole address space, not only 0.0.0.0/0.
        for (const opening of worldOpenings(ingressRules(ctx.type, props))) {
            const rule: SgRule = opening.rule;
            if (allowedPublicRule(rule, ctx.name, ctx.config)) {
                continue;
            }
            for (const cidr of opening.cidrs) {
                ctx.report({
                    property: cidr.property, value: cidr.value,
                    expected: `no world source for ingress ${describeRule(rule)}${opening.combined ? " (with the group's other rules on the same port these CIDRs cover the whole address space)" : ""} (only TCP ${ctx.config.allowedPublicPorts.join("/")} on a load-balancer group matching publicSecurityGroupNamePatterns)`,
                });
            }
        }
    },
};

interface HighRiskConfig { ports: number[] }

export const sgHighRiskPorts: ResourceRule<HighRiskConfig> = {
    id: "net-sg-high-risk-ports",
    description: "No ingress from 0.0.0.0/0 or ::/0 to high-risk ports (SSH, RDP, databases, caches, admin UIs), including port ranges and all-protocol rules that cover them.",
    severity: "high",
    remediation: "Remove the world-open rule; reach admin ports via SSM Session Manager or a VPN, and databases from application security groups.",
    resourceTypes: INGRESS_RULE_TYPES,
    config: {
        schema: { ports: { type: "array", items: { type: "number" }, description: "Ports that must never be reachable from the internet." } },
        defaults: { ports: [...HIGH_RISK_PORTS] },
    },
    check(props, ctx) {
        for (const opening of worldOpenings(ingressRules(ctx.type, props))) {
            const hit: number[] = ctx.config.ports.filter((p: number) => openingCoversPort(opening, p));
            if (hit.length === 0) {
                continue;
            }
            ctx.report({
                property: portProperty(opening.rule), value: describeRule(opening.rule),
                expected: `no ingress from ${describeWorldSource(opening)} covering high-risk port(s) ${hit.slice(0, 6).join(", ")}${hit.length > 6 ? ", ..." : ""}`,
            });
        }
    },
};

export const sgAllProtocols: ResourceRule = {
    id: "net-sg-all-protocols",
    description: "No all-traffic (protocol -1 / all) ingress from 0.0.0.0/0 or ::/0.",
    severity: "high",
    remediation: "Replace the protocol -1 rule with tcp/udp rules for the specific ports the workload needs, from a narrower source.",
    resourceTypes: INGRESS_RULE_TYPES,
    check(props, ctx) {
        for (const opening of worldOpenings(ingressRules(ctx.type, props)).filter(openingAdmitsAllTraffic)) {
            const rule: SgRule = opening.rule;
            ctx.report({
                property: rule.protocolProperty, value: rule.rawProtocol ?? "-1",
                expected: `a specific protocol (tcp/udp/icmp) when the source is ${describeWorldSource(opening)}`,
            });
        }
    },
};

export const sgHttp80: ResourceRule<Pick<PublicSgConfig, "publicSecurityGroupNamePatterns">> = {
    id: "net-sg-http-80",
    description: "No plaintext HTTP (TCP 80) ingress from CIDR sources, except on the internet-facing ALB group whose :80 listener redirects to HTTPS.",
    severity: "medium",
    remediation: "Serve HTTPS on 443; keep :80 only on the ALB security group with a redirect listener.",
    resourceTypes: INGRESS_RULE_TYPES,
    config: {
        schema: { publicSecurityGroupNamePatterns: publicSgConfig.schema.publicSecurityGroupNamePatterns },
        defaults: { publicSecurityGroupNamePatterns: [...DEFAULT_PUBLIC_SG_PATTERNS] },
    },
    check(props, ctx) {
        if (matchesAny(ctx.config.publicSecurityGroupNamePatterns, ctx.name)) {
            return;
        }
        for (const rule of ingressRules(ctx.type, props)) {
            if (rule.cidrs.length > 0 && !isAllProtocols(rule) && coversPort(rule, 80)) {
                ctx.report({ property: portProperty(rule), value: describeRule(rule), expected: "no TCP 80 ingress (use 443)" });
            }
        }
    },
};

const DEFAULT_DESCRIPTION = "Managed by Pulumi";

function badDescription(value: unknown): boolean {
    if (value === UNKNOWN) {
        return false;
    }
    return typeof value !== "string" || value.trim().length === 0 || value.trim() === DEFAULT_DESCRIPTION;
}

export const sgDescriptions: ResourceRule = {
    id: "net-sg-descriptions",
    description: "Security groups and their rules carry a meaningful description.",
    severity: "low",
    remediation: "Describe what the group/rule is for (not the provider default \"Managed by Pulumi\").",
    resourceTypes: ALL_RULE_TYPES,
    check(props, ctx) {
        if (ctx.type === "aws:ec2/securityGroup:SecurityGroup" && badDescription(peek(props, "description"))) {
            ctx.report({ property: "description", value: peek(props, "description"), expected: "a non-empty description other than \"Managed by Pulumi\"" });
        }
        for (const rule of sgRules(ctx.type, props)) {
            if (badDescription(rule.description)) {
                ctx.report({ property: rule.descriptionProperty, value: rule.description, expected: "a non-empty rule description" });
            }
        }
    },
};

export const securityGroupPolicies: ResourceValidationPolicy[] = [
    resourcePolicy(sgWorldIngress),
    resourcePolicy(sgHighRiskPorts),
    resourcePolicy(sgAllProtocols),
    resourcePolicy(sgHttp80),
    resourcePolicy(sgDescriptions),
];

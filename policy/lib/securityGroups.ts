import { Props } from "./rule";
import { UNKNOWN, knownStrings, peek, peekArray } from "./stackJoins";

/**
 * Security-group rules in one shape, whichever of the three v7 shapes declared them:
 *  - inline ingress[] / egress[] on aws:ec2/securityGroup:SecurityGroup (and DefaultSecurityGroup),
 *  - aws:ec2/securityGroupRule:SecurityGroupRule (type "ingress" | "egress"),
 *  - aws:vpc/securityGroupIngressRule / SecurityGroupEgressRule (cidrIpv4, cidrIpv6, ipProtocol; Plugin Framework).
 * Unknown (preview) values are kept as UNKNOWN, never read through the throwing proxy.
 */
export const SG_TYPE = "aws:ec2/securityGroup:SecurityGroup";
export const DEFAULT_SG_TYPE = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
export const SG_RULE_TYPE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const SG_INGRESS_RULE_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const SG_EGRESS_RULE_TYPE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

export const INGRESS_RULE_TYPES: readonly string[] = [SG_TYPE, SG_RULE_TYPE, SG_INGRESS_RULE_TYPE];
export const ALL_RULE_TYPES: readonly string[] = [SG_TYPE, SG_RULE_TYPE, SG_INGRESS_RULE_TYPE, SG_EGRESS_RULE_TYPE];

export type Direction = "ingress" | "egress";

export interface CidrRef {
    /** Property path of the CIDR, e.g. ingress[0].ipv6CidrBlocks or cidrIpv4. */
    readonly property: string;
    readonly value: string;
}

export interface SgRule {
    readonly direction: Direction | typeof UNKNOWN;
    /** Path prefix: "ingress[0]." for inline rules, "" for standalone rule resources. */
    readonly prefix: string;
    /** Normalised protocol: "-1" (all), "tcp", "udp", "icmp", "icmpv6", another number, or UNKNOWN. */
    readonly protocol: string | typeof UNKNOWN;
    readonly protocolProperty: string;
    /** The protocol as written (for messages). */
    readonly rawProtocol: unknown;
    readonly fromPort: number | undefined | typeof UNKNOWN;
    readonly toPort: number | undefined | typeof UNKNOWN;
    /** Known CIDR sources/destinations (IPv4 and IPv6). */
    readonly cidrs: readonly CidrRef[];
    /** Rule references another SG, a prefix list or self (not a CIDR source). */
    readonly hasNonCidrSource: boolean;
    readonly description: unknown;
    readonly descriptionProperty: string;
}

const PROTOCOL_NUMBERS: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1", "-1": "-1" };

export function normaliseProtocol(value: unknown): string | typeof UNKNOWN {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return "-1";
    }
    const text: string = (typeof value === "string" ? value : JSON.stringify(value) ?? "").trim().toLowerCase();
    return PROTOCOL_NUMBERS[text] ?? text;
}

/** Any prefix length of 0 (0.0.0.0/0, ::/0, 0::/0, ...) admits the whole address space. */
export function isWorldCidr(cidr: string): boolean {
    return /\/0+$/.test(cidr.trim());
}

function port(value: unknown): number | undefined | typeof UNKNOWN {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null || value === "") {
        return undefined;
    }
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}

function cidrRefs(props: unknown, prefix: string, keys: readonly string[]): CidrRef[] {
    const refs: CidrRef[] = [];
    for (const key of keys) {
        knownStrings(peek(props, key)).forEach((value: string, index: number) => {
            const isList = Array.isArray(peek(props, key));
            refs.push({ property: `${prefix}${key}${isList ? `[${index}]` : ""}`, value });
        });
    }
    return refs;
}

function hasAny(props: unknown, keys: readonly string[]): boolean {
    return keys.some((key: string) => {
        const v = peek(props, key);
        if (v === UNKNOWN) {
            return true;
        }
        if (Array.isArray(v)) {
            return v.length > 0;
        }
        return v !== undefined && v !== null && v !== false && v !== "";
    });
}

function inlineRule(rule: unknown, direction: Direction, prefix: string): SgRule {
    const rawProtocol = peek(rule, "protocol");
    return {
        direction,
        prefix,
        protocol: normaliseProtocol(rawProtocol),
        protocolProperty: `${prefix}protocol`,
        rawProtocol,
        fromPort: port(peek(rule, "fromPort")),
        toPort: port(peek(rule, "toPort")),
        cidrs: cidrRefs(rule, prefix, ["cidrBlocks", "ipv6CidrBlocks"]),
        hasNonCidrSource: hasAny(rule, ["securityGroups", "prefixListIds", "self"]),
        description: peek(rule, "description"),
        descriptionProperty: `${prefix}description`,
    };
}

/** Every rule a resource declares, in one shape. Non-SG types yield []. */
export function sgRules(type: string, props: Props): SgRule[] {
    if (type === SG_TYPE || type === DEFAULT_SG_TYPE) {
        const rules: SgRule[] = [];
        for (const direction of ["ingress", "egress"] as const) {
            const list = peekArray(peek(props, direction));
            if (list === UNKNOWN) {
                continue;
            }
            list.forEach((rule: unknown, index: number) => {
                if (rule !== UNKNOWN && rule !== undefined && rule !== null) {
                    rules.push(inlineRule(rule, direction, `${direction}[${index}].`));
                }
            });
        }
        return rules;
    }
    if (type === SG_RULE_TYPE) {
        const rawType = peek(props, "type");
        const direction: Direction | typeof UNKNOWN = rawType === "ingress" || rawType === "egress" ? rawType : UNKNOWN;
        return [{ ...inlineRule(props, "ingress", ""), direction, hasNonCidrSource: hasAny(props, ["sourceSecurityGroupId", "prefixListIds", "self"]) }];
    }
    if (type === SG_INGRESS_RULE_TYPE || type === SG_EGRESS_RULE_TYPE) {
        const rawProtocol = peek(props, "ipProtocol");
        return [{
            direction: type === SG_INGRESS_RULE_TYPE ? "ingress" : "egress",
            prefix: "",
            protocol: normaliseProtocol(rawProtocol),
            protocolProperty: "ipProtocol",
            rawProtocol,
            fromPort: port(peek(props, "fromPort")),
            toPort: port(peek(props, "toPort")),
            cidrs: cidrRefs(props, "", ["cidrIpv4", "cidrIpv6"]),
            hasNonCidrSource: hasAny(props, ["referencedSecurityGroupId", "prefixListId"]),
            description: peek(props, "description"),
            descriptionProperty: "description",
        }];
    }
    return [];
}

export function ingressRules(type: string, props: Props): SgRule[] {
    return sgRules(type, props).filter((r: SgRule) => r.direction === "ingress");
}

export function worldCidrs(rule: SgRule): CidrRef[] {
    return rule.cidrs.filter((c: CidrRef) => isWorldCidr(c.value));
}

export function isAllProtocols(rule: SgRule): boolean {
    return rule.protocol === "-1";
}

/** Does the rule admit traffic to this port? All-protocol rules admit every port; ICMP none. */
export function coversPort(rule: SgRule, target: number): boolean {
    if (rule.protocol === UNKNOWN) {
        return false;
    }
    if (isAllProtocols(rule)) {
        return true;
    }
    if (rule.protocol !== "tcp" && rule.protocol !== "udp") {
        return false;
    }
    if (rule.fromPort === UNKNOWN || rule.toPort === UNKNOWN) {
        return false;
    }
    const from: number = rule.fromPort ?? 0;
    const to: number = rule.toPort ?? 65535;
    // fromPort/toPort -1 with a port protocol means "all ports" in the EC2 API.
    if (from === -1 || to === -1) {
        return true;
    }
    return from <= target && target <= to;
}

/** "tcp 0-65535", "all protocols", ... for messages. */
export function describeRule(rule: SgRule): string {
    if (isAllProtocols(rule)) {
        return "all protocols";
    }
    const from = rule.fromPort === UNKNOWN ? "?" : rule.fromPort;
    const to = rule.toPort === UNKNOWN ? "?" : rule.toPort;
    return `${String(rule.protocol === UNKNOWN ? "?" : rule.protocol)} ${from}${from === to ? "" : `-${to}`}`;
}

/** Path of the port range for messages: "ingress[0].fromPort..toPort" or "fromPort..toPort". */
export function portProperty(rule: SgRule): string {
    return `${rule.prefix}fromPort..toPort`;
}

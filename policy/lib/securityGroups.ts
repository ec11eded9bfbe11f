import { Props } from "./rule";
import { UNKNOWN, knownStrings, peek, peekArray } from "./stackJoins";
import { isWholeAddressSpace, worldCover } from "./cidr";

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

/** One CIDR that admits the whole address space (0.0.0.0/0, ::/0, 0::/0, ...). Unions of CIDRs: worldOpenings(). */
export function isWorldCidr(cidr: string): boolean {
    return /\/0+$/.test(cidr.trim()) || isWholeAddressSpace(cidr);
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

type PolicyResource = import("@pulumi/policy").PolicyResource;

/*
 * Stack-policy joins from a resource to the security groups it attaches (mount targets, functions,
 * ...). Built once per evaluation so each lookup costs only the holder's own references.
 */
export interface SecurityGroupIndex {
    readonly byId: ReadonlyMap<string, PolicyResource>;
    readonly byUrn: ReadonlyMap<string, PolicyResource>;
    /** Standalone ingress rules (SecurityGroupRule / SecurityGroupIngressRule) by their known securityGroupId. */
    readonly rulesByGroupId: ReadonlyMap<string, readonly PolicyResource[]>;
    /** Standalone ingress rules whose securityGroupId is not known yet (joined through dependencies). */
    readonly unresolvedRules: readonly PolicyResource[];
}

export function indexSecurityGroups(resources: readonly PolicyResource[]): SecurityGroupIndex {
    const byId = new Map<string, PolicyResource>();
    const byUrn = new Map<string, PolicyResource>();
    const rulesByGroupId = new Map<string, PolicyResource[]>();
    const unresolvedRules: PolicyResource[] = [];
    for (const resource of resources) {
        if (resource.type === SG_TYPE) {
            byUrn.set(resource.urn, resource);
            const id: unknown = peek(resource.props, "id");
            if (typeof id === "string" && id.length > 0) {
                byId.set(id, resource);
            }
        } else if (resource.type === SG_RULE_TYPE || resource.type === SG_INGRESS_RULE_TYPE) {
            const groupId: unknown = peek(resource.props, "securityGroupId");
            if (typeof groupId === "string" && groupId.length > 0) {
                rulesByGroupId.set(groupId, [...(rulesByGroupId.get(groupId) ?? []), resource]);
            } else {
                unresolvedRules.push(resource);
            }
        }
    }
    return { byId, byUrn, rulesByGroupId, unresolvedRules };
}

/** Groups named by holder[refKey] (a list of ids); unknown ids are resolved through the holder's dependencies. */
export function attachedSecurityGroups(index: SecurityGroupIndex, holder: PolicyResource, refKey: string): PolicyResource[] {
    const raw: unknown = peek(holder.props, refKey);
    const found = new Set<PolicyResource>();
    for (const id of knownStrings(raw)) {
        const group: PolicyResource | undefined = index.byId.get(id);
        if (group) {
            found.add(group);
        }
    }
    const items = peekArray(raw);
    if (items === UNKNOWN || items.some((v: unknown) => v === UNKNOWN)) {
        for (const dependency of holder.dependencies ?? []) {
            const group: PolicyResource | undefined = index.byUrn.get(dependency.urn);
            if (group) {
                found.add(group);
            }
        }
    }
    return [...found];
}

/** The group itself and every standalone ingress rule resource that adds to it. */
export function ingressRuleHolders(index: SecurityGroupIndex, group: PolicyResource): PolicyResource[] {
    const id: unknown = peek(group.props, "id");
    const known: readonly PolicyResource[] = typeof id === "string" ? index.rulesByGroupId.get(id) ?? [] : [];
    const viaDependencies: PolicyResource[] = index.unresolvedRules.filter((rule: PolicyResource) =>
        (rule.dependencies ?? []).some((d: PolicyResource) => d.urn === group.urn) || rule.parent?.urn === group.urn);
    return [group, ...known, ...viaDependencies];
}

/*
 * Openings to the internet across a group's rules. Rules that open the same port of the same group
 * add up: tcp 22 from 0.0.0.0/1 in one rule and from 128.0.0.0/1 in another is tcp 22 from the
 * world. The ports are cut into classes (elementary tcp/udp port intervals, each other protocol,
 * and "any other protocol", which only all-protocol rules admit); in each class the CIDRs of every
 * rule admitting it are united, and when the union is the whole IPv4 or IPv6 space the rules that
 * contribute a minimal covering subset are open to the world in that class.
 */

/** A set of traffic: a protocol and, for tcp/udp, an inclusive port interval. */
export interface PortClass {
    readonly protocol: string;
    readonly from: number;
    readonly to: number;
    /** A rule whose protocol or ports are unknown (preview) forms a class of its own: it is judged on its own CIDRs only. */
    readonly only?: SgRule;
}

/** The world-open part of one rule: the CIDRs it contributes and the traffic classes where the union is the world. */
export interface WorldOpening {
    readonly rule: SgRule;
    readonly cidrs: readonly CidrRef[];
    readonly classes: readonly PortClass[];
    /** True when the rule is world-open only together with other rules of the group. */
    readonly combined: boolean;
}

/** Protocol class only all-protocol (-1) rules admit (GRE, ESP, ... anything not written elsewhere). */
const OTHER_PROTOCOLS = "(other protocols)";
const PORT_PROTOCOLS: readonly string[] = ["tcp", "udp"];

function portRange(rule: SgRule): [number, number] | undefined {
    if (rule.fromPort === UNKNOWN || rule.toPort === UNKNOWN) {
        return undefined;
    }
    const from: number = rule.fromPort ?? 0;
    const to: number = rule.toPort ?? 65535;
    return from === -1 || to === -1 ? [0, 65535] : [Math.max(0, from), Math.min(65535, to)];
}

function admits(rule: SgRule, cls: PortClass): boolean {
    if (cls.only !== undefined) {
        return rule === cls.only;
    }
    if (rule.protocol === UNKNOWN) {
        return false;
    }
    if (isAllProtocols(rule)) {
        return true;
    }
    if (rule.protocol !== cls.protocol) {
        return false;
    }
    if (!PORT_PROTOCOLS.includes(cls.protocol)) {
        return true;
    }
    const range = portRange(rule);
    return range !== undefined && range[0] <= cls.from && cls.to <= range[1];
}

function portClasses(rules: readonly SgRule[]): PortClass[] {
    const classes: PortClass[] = [];
    for (const protocol of PORT_PROTOCOLS) {
        const cuts = new Set<number>([0, 65536]);
        for (const rule of rules) {
            const range = rule.protocol === protocol ? portRange(rule) : undefined;
            if (range) {
                cuts.add(range[0]);
                cuts.add(range[1] + 1);
            }
        }
        const sorted: number[] = [...cuts].sort((a, b) => a - b);
        for (let i = 0; i < sorted.length - 1; i++) {
            classes.push({ protocol, from: sorted[i], to: sorted[i + 1] - 1 });
        }
    }
    const others = new Set<string>();
    for (const rule of rules) {
        if (rule.protocol !== UNKNOWN && !isAllProtocols(rule) && !PORT_PROTOCOLS.includes(rule.protocol)) {
            others.add(rule.protocol);
        }
    }
    for (const protocol of [...others, OTHER_PROTOCOLS]) {
        classes.push({ protocol, from: -1, to: -1 });
    }
    for (const rule of rules) {
        if (rule.protocol === UNKNOWN || (PORT_PROTOCOLS.includes(rule.protocol) && portRange(rule) === undefined)) {
            classes.push({ protocol: "(not known yet)", from: -1, to: -1, only: rule });
        }
    }
    return classes;
}

/** Every world opening among these rules (pass all ingress rules of one group, from one resource or several). */
export function worldOpenings(rules: readonly SgRule[]): WorldOpening[] {
    const withCidrs: SgRule[] = rules.filter((r: SgRule) => r.cidrs.length > 0);
    // No traffic class can be world-open when all of the group's CIDRs together are not the world.
    if (withCidrs.length === 0 || worldCover(withCidrs.flatMap((r: SgRule) => r.cidrs.map((c: CidrRef) => c.value))).length === 0) {
        return [];
    }
    const found = new Map<SgRule, { cidrs: Map<string, CidrRef>; classes: PortClass[]; combined: boolean }>();
    // Classes admitted by the same rules have the same union: compute each distinct set once.
    const covers = new Map<string, number[]>();
    for (const cls of portClasses(withCidrs)) {
        const admitting: SgRule[] = withCidrs.filter((r: SgRule) => admits(r, cls));
        if (admitting.length === 0) {
            continue;
        }
        const pool: { rule: SgRule; ref: CidrRef }[] = admitting.flatMap((rule: SgRule) => rule.cidrs.map((ref: CidrRef) => ({ rule, ref })));
        const key: string = admitting.map((r: SgRule) => withCidrs.indexOf(r)).join(",");
        let cover: number[] | undefined = covers.get(key);
        if (cover === undefined) {
            cover = worldCover(pool.map((p) => p.ref.value));
            covers.set(key, cover);
        }
        if (cover.length === 0) {
            continue;
        }
        const owners = new Set<SgRule>(cover.map((i: number) => pool[i].rule));
        for (const i of cover) {
            const { rule, ref } = pool[i];
            const entry = found.get(rule) ?? { cidrs: new Map<string, CidrRef>(), classes: [], combined: false };
            entry.cidrs.set(ref.property, ref);
            if (!entry.classes.includes(cls)) {
                entry.classes.push(cls);
            }
            entry.combined = entry.combined || owners.size > 1;
            found.set(rule, entry);
        }
    }
    return rules.filter((r: SgRule) => found.has(r)).map((rule: SgRule) => {
        const entry = found.get(rule)!;
        return { rule, cidrs: [...entry.cidrs.values()], classes: entry.classes, combined: entry.combined };
    });
}

/** Does a world opening admit this port (tcp/udp) in one of its world classes? */
export function openingCoversPort(opening: WorldOpening, target: number): boolean {
    return coversPort(opening.rule, target)
        && opening.classes.some((c: PortClass) => (PORT_PROTOCOLS.includes(c.protocol) && c.from <= target && target <= c.to));
}

/** Is all traffic (every protocol) world-open through this rule, not just some ports? */
export function openingAdmitsAllTraffic(opening: WorldOpening): boolean {
    return isAllProtocols(opening.rule) && opening.classes.some((c: PortClass) => c.protocol === OTHER_PROTOCOLS);
}

/** "0.0.0.0/1 + 128.0.0.0/1 (together the whole address space)" for messages. */
export function describeWorldSource(opening: WorldOpening): string {
    const values: string = opening.cidrs.map((c: CidrRef) => c.value).join(", ");
    return opening.combined ? `${values} (with the group's other rules on the same port, the whole address space)` : values;
}

import { renderAccessSummary } from "../access/render";
import { CostItem, compare } from "./cost";
import type { CostLever } from "./levers";
import { REGION, Rate } from "./pricing";
import { ASSUMPTION_DESCRIPTIONS, ASSUMPTION_KEYS } from "./assumptions";
import { PreviewResource, PreviewResult } from "./preview";

/**
 * The human-readable report: the resource tree (like `pulumi preview`), counts by type, policy
 * findings grouped by enforcement level, and the itemised cost estimate with its assumptions.
 */

/** Settings worth seeing in the tree, in display order; shown for any type that has them. */
const KEY_SETTINGS: readonly string[] = [
    "region", "cidrBlock", "availabilityZone", "availabilityZoneId", "mapPublicIpOnLaunch", "connectivityType", "destinationCidrBlock",
    "vpcEndpointType", "serviceName", "subnetIds", "privateDnsEnabled", "trafficType", "logDestinationType",
    "maxAggregationInterval", "retentionInDays", "enableKeyRotation", "deletionWindowInDays", "multiRegion",
    "isMultiRegionTrail", "enableLogFileValidation", "includeGlobalServiceEvents", "enable", "findingPublishingFrequency",
    "engine", "engineVersion", "instanceClass", "nodeType", "version", "storageEncrypted", "deletionProtection",
    "billingMode", "forceDestroy", "ingress", "egress",
];

function formatSetting(key: string, value: unknown): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (Array.isArray(value)) {
        return `${key}=[${value.length}]`;
    }
    if (typeof value === "object") {
        return undefined;
    }
    const text: string = typeof value === "string" ? value : JSON.stringify(value) ?? typeof value;
    return `${key}=${text.length > 48 ? `${text.slice(0, 45)}...` : text}`;
}

export function keySettings(resource: PreviewResource): string {
    return KEY_SETTINGS
        .map((key: string) => formatSetting(key, resource.inputs[key]))
        .filter((s: string | undefined): s is string => s !== undefined)
        .join(" ");
}

export function renderTree(result: PreviewResult): string[] {
    const children = new Map<string, PreviewResource[]>();
    const known = new Set<string>(result.resources.map((r: PreviewResource) => r.urn));
    const ROOT = "";
    for (const r of result.resources) {
        const parent: string = r.parent && known.has(r.parent) ? r.parent : ROOT;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const rows: Array<{ label: string; name: string; settings: string; marks: string }> = [
        { label: "Type", name: "Name", settings: "Key settings", marks: "[Marks]" },
        { label: "pulumi:pulumi:Stack", name: `${result.project}-${result.stack}`, settings: "", marks: "" },
    ];
    const visit = (parent: string, indent: string): void => {
        const list: PreviewResource[] = [...(children.get(parent) ?? [])].sort((a, b) => Number(a.custom) - Number(b.custom) || compare(a.type, b.type) || compare(a.name, b.name));
        list.forEach((r: PreviewResource, i: number) => {
            const last: boolean = i === list.length - 1;
            const marks: string[] = [];
            if (r.protect) {
                marks.push("[protected]");
            }
            if (r.retainOnDelete) {
                marks.push("[retainOnDelete]");
            }
            if (r.secretInputs.length > 0) {
                marks.push(`[secret: ${r.secretInputs.join(", ")}]`);
            }
            rows.push({ label: `${indent}${last ? "└─ " : "├─ "}${r.type}`, name: r.name, settings: keySettings(r), marks: marks.join(" ") });
            visit(r.urn, `${indent}${last ? "   " : "│  "}`);
        });
    };
    visit(ROOT, "");
    const labelWidth: number = Math.max(...rows.map((r) => r.label.length));
    const nameWidth: number = Math.max(...rows.map((r) => r.name.length));
    return rows.map((r, i) => `${i === 0 ? "    " : " +  "} ${r.label.padEnd(labelWidth)}  ${r.name.padEnd(nameWidth)}  ${[r.marks, r.settings].filter(Boolean).join(" ")}`.trimEnd());
}

const usd = (n: number): string => (n < 0 ? `-$${(-n).toFixed(2)}` : `$${n.toFixed(2)}`);

export interface ReportOptions {
    /** Column limit: lines are wrapped (findings) or cut (the tree) to fit. Undefined: no limit. */
    readonly width?: number;
}

/** The terminal's width when writing to one, else COLUMNS, else no limit (files and pipes keep whole lines). */
export function terminalWidth(stream: NodeJS.WriteStream): number | undefined {
    const fromEnv: number = Number(process.env.COLUMNS);
    if (Number.isInteger(fromEnv) && fromEnv > 0) {
        return fromEnv;
    }
    return stream.isTTY && stream.columns > 0 ? stream.columns : undefined;
}

/**
 * Verdict first: what a reviewer needs (pass or fail, the mandatory findings, the cost total) comes
 * before the resource tree, and the verdict is repeated as the last line for `| tail`.
 */
export function renderReport(result: PreviewResult, options: ReportOptions = {}): string {
    const p = result.policies;
    const mandatory = p.violations.filter((v) => v.enforcementLevel === "mandatory");
    const out: string[] = [];
    out.push(`Previewing stack ${result.project}/${result.stack} offline (mock runtime, fake cloud; nothing is created; secure config values are placeholders)`);
    out.push(verdict(result));
    out.push(`    ${result.resources.filter((r) => r.custom).length} resources, ${p.violations.length - mandatory.length} advisory findings, estimated ${usd(result.cost.totalMonthlyUsd)} a month`
        + (result.externalReferences.length > 0 ? `, ${result.externalReferences.length} external references to check` : ""));
    for (const v of mandatory) {
        out.push(`    [${v.policy}] ${v.message}`);
    }
    out.push("");
    out.push(...renderTree(result));
    out.push("");
    const protectedCount: number = result.resources.filter((r) => r.protect).length;
    out.push(`Resources: ${result.resources.length} to create (${result.resources.filter((r) => r.custom).length} resources, ${result.resources.filter((r) => !r.custom).length} components; ${protectedCount} protected)`);
    const typeWidth: number = Math.max(0, ...Object.keys(result.countsByType).map((t) => t.length));
    for (const [type, count] of Object.entries(result.countsByType)) {
        out.push(`    ${type.padEnd(typeWidth)}  ${String(count).padStart(3)}`);
    }

    out.push("");
    out.push(`Policies: ${p.resourcePolicies} resource and ${p.stackPolicies} stack policies; ${p.resourceEvaluations} resource and ${p.stackEvaluations} stack evaluations`);
    if (p.violations.length === 0) {
        out.push("    no violations");
    }
    for (const level of ["mandatory", "advisory"]) {
        const violations = p.violations.filter((v) => v.enforcementLevel === level);
        if (violations.length === 0) {
            continue;
        }
        out.push(`    ${level} (${violations.length}):`);
        for (const v of violations) {
            const configKey: string | undefined = (v as { configKey?: string }).configKey;
            out.push(`      [${v.policy}]${v.severity ? ` (${v.severity})` : ""} ${v.message}${configKey ? ` Configure it with ${configKey}.` : ""}`);
            if (v.urn) {
                out.push(`          ${v.urn}`);
            }
        }
    }
    if (p.notApplicable.length > 0) {
        // Exemptions are listed one by one (their reasons matter); other not-applicable findings are counted per policy.
        const exemptions = p.notApplicable.filter((n) => n.reason.startsWith("exempt:"));
        const others = new Map<string, number>();
        for (const n of p.notApplicable.filter((x) => !x.reason.startsWith("exempt:"))) {
            others.set(n.policy, (others.get(n.policy) ?? 0) + 1);
        }
        out.push(`    not applicable (${p.notApplicable.length}; the JSON lists each with its reason):`);
        for (const n of exemptions) {
            out.push(`      [${n.policy}] ${n.reason}${n.urn ? ` (${n.urn})` : ""}`);
        }
        for (const [policy, count] of others) {
            out.push(`      [${policy}] ${count} resource${count === 1 ? "" : "s"} out of scope`);
        }
    }

    out.push("");
    out.push(...renderCost(result));
    out.push("");
    out.push(...renderExternalReferences(result));
    out.push("");
    out.push(renderAccess(result), "");
    out.push(verdict(result));
    const lines: string[] = options.width === undefined ? out : out.flatMap((line: string) => fitLine(line, options.width!));
    return `${lines.join("\n")}\n`;
}

function verdict(result: PreviewResult): string {
    const mandatory: number = result.policies.countsByLevel.mandatory ?? 0;
    return mandatory > 0
        ? `FAILED: ${mandatory} mandatory policy violation${mandatory === 1 ? "" : "s"} (exit code 1)`
        : "OK: no mandatory policy violations";
}

/**
 * Fits one line to the width. Tree rows (box-drawing prefix) and table rows are cut with an ellipsis:
 * their columns only make sense on one line. Prose (findings, reasons, rates) wraps at spaces, each
 * continuation indented two more than the line it continues.
 */
export function fitLine(line: string, width: number): string[] {
    if (line.length <= width) {
        return [line];
    }
    if (/^ \+ {2}| {4}(Type|pulumi:)/.test(line) || /[│├└]/.test(line.slice(0, 12))) {
        return [`${line.slice(0, width - 1)}…`];
    }
    const indent: string = `${/^\s*/.exec(line)?.[0] ?? ""}  `;
    const lines: string[] = [];
    let rest: string = line;
    let prefix = "";
    while ((prefix + rest).length > width) {
        const room: number = width - prefix.length;
        let cut: number = rest.lastIndexOf(" ", room);
        if (cut <= rest.search(/\S/)) {
            cut = room; // one long word (a URN): break it
        }
        lines.push(prefix + rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut).trimStart();
        prefix = indent.length < width / 2 ? indent : "";
    }
    lines.push(prefix + rest);
    return lines;
}

/** The README's pre-deployment checklist, for this stack's values. */
export function renderExternalReferences(result: PreviewResult): string[] {
    const refs = result.externalReferences;
    if (refs.length === 0) {
        return ["External references: none (the stack creates everything it names)"];
    }
    const out: string[] = [`External references: ${refs.length} the configuration names but this stack does not create (check each before pulumi up):`];
    for (const when of ["before-first-up", "after-first-up"] as const) {
        const group = refs.filter((r) => r.needed === when);
        if (group.length > 0) {
            out.push(when === "before-first-up" ? "    must exist before the first pulumi up:" : "    exist only once the platform runs (set them in a later update):");
        }
        for (const r of group) {
            out.push(`      ${r.key} = ${r.value}`);
            out.push(`          ${r.what}`);
            out.push(`          check: ${r.check}`);
        }
    }
    return out;
}

/** The access summary (tools/access): documents validated, contracts checked, violations. */
function renderAccess(result: PreviewResult): string {
    return renderAccessSummary(result.stack, { ...result.access, milliseconds: { validation: 0, simulation: 0 } });
}

function renderCost(result: PreviewResult): string[] {
    const c = result.cost;
    // The price table is us-east-1's; a stack elsewhere is priced at those rates and says so.
    const where: string = c.region === REGION ? `${REGION} list prices` : `${REGION} list prices; the stack's region ${c.region} may differ`;
    const out: string[] = [`Estimated monthly cost (${c.currency}, ${where}): ${usd(c.totalMonthlyUsd)}`];
    for (const component of c.byComponent) {
        out.push(`    ${component.component}: ${usd(component.monthlyUsd)}`);
        for (const item of c.items.filter((i: CostItem) => i.component === component.component)) {
            const amount: string = `${formatQuantity(item.quantity)} ${item.unit} x ${usd4(item.unitPriceUsd)}`;
            out.push(`      ${usd(item.monthlyUsd).padStart(9)}  ${item.type} ${item.name}: ${item.description} (${amount})${item.verify ? " [verify]" : ""}`);
        }
    }
    if (c.unpriced.length > 0) {
        out.push("    priced at $0:");
        for (const u of c.unpriced) {
            out.push(`      ${u.type} x${u.count}: ${u.note}`);
        }
    }
    out.push(...renderLevers(c.levers));
    out.push(`  Assumptions (${c.assumptionSources.length > 0 ? c.assumptionSources.join(", then ") : "the built-in defaults: no cost file for this stack"}):`);
    for (const key of ASSUMPTION_KEYS) {
        out.push(`    ${key} = ${c.assumptions[key]} (${ASSUMPTION_DESCRIPTIONS[key]})`);
    }
    out.push("  Rates used (source, as of; [verify] = third-party rate, re-check with the AWS Price List API):");
    for (const [id, rate] of Object.entries<Rate>(c.rates)) {
        out.push(`    ${id}: ${usd4(rate.usd)} per ${rate.unit}; ${rate.source}; ${rate.asOf}${rate.verify ? " [verify]" : ""}`);
    }
    return out;
}

/** Each configuration choice that moves the estimate, with what the alternative saves and where it breaks even. */
function renderLevers(levers: readonly CostLever[]): string[] {
    if (levers.length === 0) {
        return [];
    }
    const out: string[] = ["  Levers (configuration that moves this estimate, each priced both ways):"];
    for (const lever of levers) {
        out.push(`    ${lever.configKey}: ${lever.choice}: ${usd(lever.monthlyUsd)}; ${lever.alternative}: ${savingText(lever.savingMonthlyUsd, usd)} a month`);
        if (lever.breakEven) {
            out.push(`        ${lever.breakEven}`);
        }
    }
    return out;
}

/** "saves $10.40" or "costs $14.60 more": a lever's alternative, in words a reader does not have to negate. */
export function savingText(saving: number, format: (n: number) => string): string {
    return saving < 0 ? `costs ${format(-saving)} more` : `saves ${format(saving)}`;
}

/** Unit prices keep three significant digits below a cent (Lambda's $0.0000166667 per GB-second is not $0). */
export function usd4(n: number): string {
    if (n !== 0 && Math.abs(n) < 0.01) {
        return `$${Number(n.toPrecision(3))}`;
    }
    return `$${Number(n.toFixed(4))}`;
}

function formatQuantity(n: number): string {
    return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}

import { renderAccessSummary } from "../access/render";
import { CostItem, compare } from "./cost";
import { ASSUMPTION_DESCRIPTIONS, Assumptions, Rate } from "./pricing";
import { PreviewResource, PreviewResult } from "./preview";

/**
 * The human-readable report: the resource tree (like `pulumi preview`), counts by type, policy
 * findings grouped by enforcement level, and the itemised cost estimate with its assumptions.
 */

/** Settings worth seeing in the tree, in display order; shown for any type that has them. */
const KEY_SETTINGS: readonly string[] = [
    "region", "cidrBlock", "availabilityZone", "mapPublicIpOnLaunch", "connectivityType", "destinationCidrBlock",
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

const usd = (n: number): string => `$${n.toFixed(2)}`;

export function renderReport(result: PreviewResult): string {
    const out: string[] = [];
    out.push(`Previewing stack ${result.project}/${result.stack} offline (mock runtime, fake cloud; nothing is created; secure config values are placeholders)`);
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
    const p = result.policies;
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
            out.push(`      [${v.policy}]${v.severity ? ` (${v.severity})` : ""} ${v.message}`);
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
    out.push(renderAccess(result), "");
    const mandatory: number = p.countsByLevel.mandatory ?? 0;
    out.push(mandatory > 0
        ? `FAILED: ${mandatory} mandatory policy violation${mandatory === 1 ? "" : "s"} (exit code 1)`
        : "OK: no mandatory policy violations");
    return `${out.join("\n")}\n`;
}

/** The access summary (tools/access): documents validated, contracts checked, violations. */
function renderAccess(result: PreviewResult): string {
    return renderAccessSummary(result.stack, { ...result.access, milliseconds: { validation: 0, simulation: 0 } });
}

function renderCost(result: PreviewResult): string[] {
    const c = result.cost;
    const out: string[] = [`Estimated monthly cost (${c.currency}, ${c.region} on-demand list prices): ${usd(c.totalMonthlyUsd)}`];
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
    out.push("  Assumptions:");
    for (const key of Object.keys(ASSUMPTION_DESCRIPTIONS) as Array<keyof Assumptions>) {
        out.push(`    ${key} = ${c.assumptions[key]} (${ASSUMPTION_DESCRIPTIONS[key]})`);
    }
    out.push("  Rates used (source, as of; [verify] = third-party rate, re-check with the AWS Price List API):");
    for (const [id, rate] of Object.entries<Rate>(c.rates)) {
        out.push(`    ${id}: ${usd4(rate.usd)} per ${rate.unit}; ${rate.source}; ${rate.asOf}${rate.verify ? " [verify]" : ""}`);
    }
    return out;
}

function usd4(n: number): string {
    return `$${Number(n.toFixed(4))}`;
}

function formatQuantity(n: number): string {
    return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}

import { ChangeKind, Danger, PropertyChange, ResourceChange, Review } from "./model";
import { LIMITATIONS } from "./review";

/** The hidden line a workflow finds its own comment by (one comment per stack). */
export function commentMarker(stack: string): string {
    return `<!-- platform-offline-review:${stack} -->`;
}

const MAX_VALUE = 120;

function show(value: unknown): string {
    if (value === undefined) {
        return "(unset)";
    }
    const text: string = JSON.stringify(value) ?? "(not JSON)";
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function usd(n: number, signed = false): string {
    const sign: string = signed ? (n > 0 ? "+" : n < 0 ? "-" : "±") : n < 0 ? "-" : "";
    return `${sign}$${Math.abs(n).toFixed(2)}`;
}

function verdict(review: Review): string {
    const open: Danger[] = review.dangers.filter((d: Danger) => d.acknowledged === undefined);
    const accepted: number = review.dangers.length - open.length;
    if (open.length > 0) {
        return `DANGEROUS: ${open.length} unacknowledged ${open.length === 1 ? "change" : "changes"}${accepted > 0 ? ` (${accepted} acknowledged)` : ""}`;
    }
    return accepted > 0 ? `OK: ${accepted} dangerous ${accepted === 1 ? "change" : "changes"}, all acknowledged` : "OK: nothing dangerous";
}

function summary(review: Review): string {
    const kinds: ChangeKind[] = ["created", "deleted", "replaced", "renamed", "updated", "unchanged"];
    return kinds.map((k: ChangeKind) => `${review.counts[k]} ${k}`).join(", ");
}

function costLine(review: Review): string {
    return `monthly cost ${usd(review.cost.baseTotalUsd)} -> ${usd(review.cost.headTotalUsd)} (${usd(review.cost.deltaUsd, true)})`;
}

/** Lists show what left and what came (a long list cut at the end would hide the difference). */
function changeLines(change: PropertyChange): string {
    if (change.secret) {
        return `${change.path}: [secret] (changed)`;
    }
    if (Array.isArray(change.before) && Array.isArray(change.after)) {
        const key = (v: unknown): string => JSON.stringify(v);
        const before = new Set<string>(change.before.map(key));
        const after = new Set<string>(change.after.map(key));
        const removed: string[] = [...before].filter((v: string) => !after.has(v));
        const added: string[] = [...after].filter((v: string) => !before.has(v));
        if (removed.length === 0 && added.length === 0) {
            return `${change.path}: reordered`;
        }
        const cut = (v: string): string => (v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v);
        return `${change.path}: ${[...removed.map((v: string) => `- ${cut(v)}`), ...added.map((v: string) => `+ ${cut(v)}`)].join("  ")}`;
    }
    return `${change.path}: ${show(change.before)} -> ${show(change.after)}`;
}

function headline(change: ResourceChange): string {
    let was = "";
    if (change.baseUrn) {
        const prefix = (urn: string): string => urn.slice(0, urn.lastIndexOf("::"));
        was = prefix(change.baseUrn) === prefix(change.urn) ? ` (was ${change.baseUrn.slice(change.baseUrn.lastIndexOf("::") + 2)})` : ` (was ${change.baseUrn})`;
    }
    return `${change.kind.toUpperCase()} ${change.type} ${change.name}${was}`;
}

/** The readable report for a terminal. */
export function renderText(review: Review): string {
    const lines: string[] = [];
    lines.push(`Offline change review: ${review.project}/${review.stack} (${review.base} -> ${review.head})`);
    lines.push(verdict(review));
    lines.push(`${summary(review)}; ${costLine(review)}`);
    if (review.dangers.length > 0) {
        lines.push("", "Dangerous:");
        for (const danger of review.dangers) {
            lines.push(`  [${danger.kind}] ${danger.message}`);
            lines.push(`      ${danger.urn}`);
            if (danger.acknowledged !== undefined) {
                lines.push(`      acknowledged: ${danger.acknowledged}`);
            }
        }
    }
    if (review.staleAcknowledgements.length > 0) {
        lines.push("", "Stale acknowledgements (match nothing in this change; remove them):");
        for (const ack of review.staleAcknowledgements) {
            lines.push(`  [${ack.kind}] ${ack.urn}`);
        }
    }
    if (review.cost.byComponent.length > 0) {
        lines.push("", "Monthly cost by layer:");
        for (const c of review.cost.byComponent) {
            lines.push(`  ${c.component.padEnd(22)} ${usd(c.baseUsd).padStart(10)} -> ${usd(c.headUsd).padStart(10)}  ${usd(c.deltaUsd, true)}`);
        }
    }
    if (review.changes.length > 0) {
        lines.push("", "Changes:");
        for (const change of review.changes) {
            lines.push(`  ${headline(change)}`);
            for (const reason of change.replacement) {
                lines.push(`      forces replacement: ${reason.property}: ${reason.because}`);
            }
            for (const property of change.changes) {
                lines.push(`      ${changeLines(property)}`);
            }
            for (const note of change.notes) {
                lines.push(`      note: ${note}`);
            }
        }
    }
    if (review.affected.length > 0) {
        lines.push("", "Possibly affected (unchanged offline, but depend on a replaced resource):");
        for (const a of review.affected) {
            lines.push(`  ${a.type} ${a.name}`);
        }
    }
    lines.push("", "What this cannot know:", ...LIMITATIONS.map((l: string) => `  - ${l}`));
    lines.push("", verdict(review));
    return `${lines.join("\n")}\n`;
}

/** GitHub renders at most 65,536 characters in a comment; the details are cut first. */
const MAX_COMMENT = 60_000;

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Markdown for the pull-request comment, starting with the marker the workflow updates by. */
export function renderMarkdown(review: Review): string {
    const open: Danger[] = review.dangers.filter((d: Danger) => d.acknowledged === undefined);
    const head: string[] = [
        commentMarker(review.stack),
        `### ${open.length > 0 ? ":warning:" : ":white_check_mark:"} Offline change review: \`${review.stack}\``,
        "",
        `**${verdict(review)}** · ${summary(review)} · ${costLine(review)}`,
        "",
    ];
    if (review.dangers.length > 0) {
        head.push("| | Kind | Change | Resource |", "|---|---|---|---|");
        for (const danger of review.dangers) {
            head.push(`| ${danger.acknowledged !== undefined ? `acknowledged: ${cell(danger.acknowledged)}` : ":x:"} | ${danger.kind} | ${cell(danger.message)} | \`${cell(danger.urn)}\` |`);
        }
        head.push("", `To accept one, add an entry to \`review/acknowledgements.json\` with \`stack\`, \`urn\`, \`kind\` and \`reason\`.`, "");
    }
    if (review.staleAcknowledgements.length > 0) {
        head.push("**Stale acknowledgements** (match nothing; remove them):", "");
        for (const ack of review.staleAcknowledgements) {
            head.push(`- \`${ack.kind}\` \`${ack.urn}\``);
        }
        head.push("");
    }
    if (review.cost.byComponent.length > 0) {
        head.push("| Layer | Before | After | Monthly delta |", "|---|---:|---:|---:|");
        for (const c of review.cost.byComponent) {
            head.push(`| ${c.component} | ${usd(c.baseUsd)} | ${usd(c.headUsd)} | ${usd(c.deltaUsd, true)} |`);
        }
        head.push("");
    }
    const details: string[] = [];
    if (review.changes.length > 0) {
        details.push("<details><summary>Every change</summary>", "", "```text");
        for (const change of review.changes) {
            details.push(headline(change));
            details.push(...change.replacement.map((r) => `    forces replacement: ${r.property}: ${r.because}`));
            details.push(...change.changes.map((c) => `    ${changeLines(c)}`));
            details.push(...change.notes.map((n: string) => `    note: ${n}`));
        }
        details.push("```", "", "</details>", "");
    }
    if (review.affected.length > 0) {
        details.push("<details><summary>Possibly affected (unchanged offline, but depend on a replaced resource)</summary>", "", "```text");
        details.push(...review.affected.map((a) => `${a.type} ${a.name}`), "```", "", "</details>", "");
    }
    const tail: string[] = ["<sub>", ...LIMITATIONS.map((l: string) => `${l}<br>`), "</sub>", ""];
    let text: string = [...head, ...details, ...tail].join("\n");
    if (text.length > MAX_COMMENT) {
        text = [...head, `_${review.changes.length} changes: too many to list here; the job's artifact has the full report._`, "", ...tail].join("\n");
    }
    return text;
}

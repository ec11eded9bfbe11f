// The README's policy reference, generated from the pack itself: `npm run docs` (tools/docs/generate.ts)
// rewrites the section between "### The policies" and the next "### " heading.
import * as path from "path";
import type { Policies, Policy } from "@pulumi/policy";
import { encryptionPolicies } from "../../policy/rules/encryption";
import { iamPolicies } from "../../policy/rules/iam";
import { loggingPolicies } from "../../policy/rules/logging";
import { networkPolicies } from "../../policy/rules/network";
import { resiliencePolicies } from "../../policy/rules/resilience";
import { taggingPolicies } from "../../policy/rules/tagging";

export const README: string = path.resolve(__dirname, "..", "..", "README.md");
export const SECTION_HEADING = "### The policies";

const PILLARS: readonly { readonly title: string; readonly policies: Policies }[] = [
    { title: "Encryption at rest and in transit", policies: encryptionPolicies },
    { title: "Least privilege / IAM", policies: iamPolicies },
    { title: "Network and public exposure", policies: networkPolicies },
    { title: "Logging and audit", policies: loggingPolicies },
    { title: "Resilience and backup", policies: resiliencePolicies },
    { title: "Tagging", policies: taggingPolicies },
];

type Described = Policy & { severity?: string; __types?: ReadonlySet<string> };

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function row(policy: Described): string {
    const scope: string = "validateStack" in policy ? "stack" : "resource";
    const types: string = policy.__types ? [...policy.__types].map((t: string) => `\`${t}\``).join(", ") : scope === "stack" ? "the whole stack" : "every type";
    const config: string = Object.keys(policy.configSchema?.properties ?? {})
        .filter((key: string) => key !== "exemptions")
        .map((key: string) => `\`${key}\``)
        .join(", ");
    return `| \`${policy.name}\` | ${cell(policy.description)} | ${policy.severity ?? ""} | ${policy.enforcementLevel ?? "advisory"} | ${types} | ${config} |`;
}

/** The whole section, heading included, ending with a blank line. */
export function renderPolicyReference(): string {
    const total: number = PILLARS.reduce((sum: number, pillar) => sum + pillar.policies.length, 0);
    const out: string[] = [
        SECTION_HEADING,
        "",
        `Generated from the pack (\`npm run docs:policies\`, \`tools/docs/policyReference.ts\`): ${total} policies. `
            + "Severity high is mandatory by default, medium and low advisory; `policy/config/platform.json` or `--policy-pack-config` overrides either.",
        "",
    ];
    for (const pillar of PILLARS) {
        out.push(`#### ${pillar.title} (${pillar.policies.length})`, "");
        out.push("| Policy | What it checks | Severity | Default | Applies to | Config (besides `exemptions`) |");
        out.push("|---|---|---|---|---|---|");
        out.push(...pillar.policies.map((policy) => row(policy as Described)));
        out.push("");
    }
    return `${out.join("\n")}\n`;
}

/** The README with its policy section replaced by `section`. */
export function withPolicySection(readme: string, section: string): string {
    const start: number = readme.indexOf(`${SECTION_HEADING}\n`);
    const end: number = readme.indexOf("\n### ", start + SECTION_HEADING.length);
    if (start < 0 || end < 0) {
        throw new Error(`README.md has no "${SECTION_HEADING}" section followed by another ### heading`);
    }
    return readme.slice(0, start) + section + readme.slice(end + 1);
}

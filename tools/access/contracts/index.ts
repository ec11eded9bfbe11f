import { str } from "../documents";
import type { RecordedResource } from "../../offline/mockEngine";
import { extractDocuments, StackDocuments } from "../documents";
import { AccessDecision, AccessEvaluator, principalLabel } from "../simulate";
import { computeContracts } from "./compute";
import { dataContracts } from "./data";
import { deliveryContracts } from "./delivery";
import { edgeContracts } from "./edge";
import { edgeContracts as wiringContracts, keyUseContracts, layerOf } from "./common";
import { isolationContracts } from "./isolation";
import { networkContracts } from "./network";
import { operationsContracts } from "./operations";
import { securityContracts } from "./security";
import type { AccessContract, ContractInputs, KeyUse, Layer, WiringEdge } from "./types";
import { RunIndex, recordedKeyUses, recordedWiring } from "./wiring";

export type { AccessContract, ContractInputs, KeyUse, Layer, WiringEdge } from "./types";

export const LAYERS: readonly Layer[] = ["security", "network", "compute", "data", "integration", "delivery", "edge", "operations"];

export interface ContractSource {
    readonly stack: string;
    readonly resources: readonly RecordedResource[];
    /** platform:* configuration, parsed (the stack file's values). */
    readonly config: Readonly<Record<string, unknown>>;
    readonly account?: string;
    readonly region?: string;
    readonly documents?: StackDocuments;
    /** Adapters: replace the run-derived caller and key tables (e.g. with issue 18's tables once merged). */
    readonly wiring?: (index: RunIndex, derived: readonly WiringEdge[]) => readonly WiringEdge[];
    readonly keyUses?: (index: RunIndex, derived: readonly KeyUse[]) => readonly KeyUse[];
}

/** Resource-name prefix of the stack (platform-<environment>). */
function namePrefix(config: Readonly<Record<string, unknown>>, stack: string): string {
    return `platform-${str(config["platform:environment"], stack)}`;
}

export function contractInputs(source: ContractSource): { inputs: ContractInputs; index: RunIndex; prefix: string } {
    const index = new RunIndex(source.resources);
    const account: string = source.account ?? "123456789012";
    const region: string = source.region ?? str(source.config["aws:region"], "us-east-1");
    const prefix: string = namePrefix(source.config, source.stack);
    const derivedWiring: WiringEdge[] = recordedWiring(index, account, source.config, prefix);
    const wiring: readonly WiringEdge[] = source.wiring ? source.wiring(index, derivedWiring) : derivedWiring;
    const derivedKeys: KeyUse[] = recordedKeyUses(index, wiring, account, region);
    const keyUses: readonly KeyUse[] = source.keyUses ? source.keyUses(index, derivedKeys) : derivedKeys;
    const documents: StackDocuments = source.documents ?? extractDocuments(source.resources);
    return { inputs: { stack: source.stack, account, region, resources: source.resources, documents, config: source.config, wiring, keyUses }, index, prefix };
}

/** Every contract of the stack, one table per layer. */
export function contractTables(source: ContractSource): Map<Layer, AccessContract[]> {
    const { inputs, index, prefix } = contractInputs(source);
    const byUrn = new Map<string, RecordedResource>(source.resources.map((r) => [r.urn, r]));
    const tables = new Map<Layer, AccessContract[]>(LAYERS.map((l) => [l, []]));
    const add = (layer: Layer, contracts: readonly AccessContract[]): void => {
        tables.get(layer)!.push(...contracts);
    };
    // Wiring and key uses go to the layer of the resource they reach.
    const layerOfArn = (arn: string): Layer => {
        const target: RecordedResource | undefined = index.byArn(arn.replace(/:\*$/, ""));
        return (target && layerOf(target, byUrn)) ?? "integration";
    };
    for (const edge of inputs.wiring) {
        const layer: Layer = layerOfArn(edge.resource);
        add(layer, wiringContracts(layer, [edge]));
    }
    for (const use of inputs.keyUses) {
        const group: string | undefined = /^logs-encrypts-log-group\/(.+)\/kms:/.exec(use.id)?.[1];
        const target: string = group ? str(index.of("aws:cloudwatch/logGroup:LogGroup").find((g) => g.outputs.name === group)?.outputs.arn, use.keyArn) : use.keyArn;
        const layer: Layer = layerOfArn(target);
        add(layer, keyUseContracts(layer, [use]));
    }
    add("security", securityContracts(inputs, index));
    add("network", networkContracts(inputs, index));
    add("compute", computeContracts(inputs, index));
    add("data", dataContracts(inputs, index, prefix));
    add("delivery", deliveryContracts(inputs, index, prefix));
    add("edge", edgeContracts(inputs, index));
    add("operations", operationsContracts(inputs, index));
    for (const [layer, contracts] of isolationContracts(inputs)) {
        add(layer, contracts);
    }
    for (const [layer, contracts] of tables) {
        tables.set(layer, contracts.map((c) => (c.layer === layer ? c : { ...c, id: c.id.replace(/^[a-z]+\//, `${layer}/`), layer })));
    }
    return tables;
}

const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A value a dry run had not computed yet (an output), as it reaches a contract. */
function concrete(value: unknown): boolean {
    return typeof value === "string" && value.length > 0 && !value.includes(UNKNOWN_SENTINEL) && !/undefined|\[object /.test(value);
}

/**
 * Can the contract be evaluated: its principal, resource ARN and context are all known? In a dry
 * run (`--dry-run`, like `pulumi preview`) outputs such as ARNs are unknown; those contracts are
 * skipped and counted, never passed.
 */
export function isConcrete(contract: AccessContract): boolean {
    const r = contract.request;
    const principalKnown: boolean = r.principal.kind === "role" ? concrete(r.principal.roleArn) : r.principal.kind === "external" ? concrete(r.principal.arn) : r.principal.kind === "service" ? concrete(r.principal.service) : true;
    const contextKnown: boolean = Object.values(r.context ?? {}).every((v) => (Array.isArray(v) ? v.every(concrete) : concrete(v)));
    // "*": an action without resource types (Service Authorization Reference) is asked for on "*".
    return principalKnown && contextKnown && concrete(r.resource) && (r.resource.startsWith("arn:") || r.resource === "*");
}

export interface ContractOutcome {
    readonly contract: AccessContract;
    readonly decision: AccessDecision;
    /** The decision matches the contract's expectation. */
    readonly holds: boolean;
    /** One line: contract id, what was asked, what was answered and the statement that decided. */
    readonly message: string;
}

export function outcomeMessage(contract: AccessContract, decision: AccessDecision): string {
    const r = contract.request;
    return `${contract.id} [must ${contract.expect}] ${principalLabel(r.principal)} ${r.action} on ${r.resource}: ${decision.error ? `could not be evaluated (${decision.error})` : decision.summary}`;
}

/** Evaluates contracts; each outcome names the deciding statement. */
export async function checkContracts(evaluator: AccessEvaluator, contracts: readonly AccessContract[]): Promise<ContractOutcome[]> {
    return Promise.all(contracts.map(async (contract: AccessContract) => {
        const decision: AccessDecision = await evaluator.evaluate(contract.request);
        const allowed: boolean = decision.result === "Allowed";
        const holds: boolean = !decision.error && (contract.expect === "allow" ? allowed : !allowed);
        return { contract, decision, holds, message: outcomeMessage(contract, decision) };
    }));
}

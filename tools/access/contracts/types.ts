import type { RecordedResource } from "../../offline/mockEngine";
import type { StackDocuments } from "../documents";
import type { AccessRequest, RequestPrincipal } from "../simulate";

/** The layers of the platform, one contract table each (tools/access/contracts/<layer>.ts). */
export type Layer = "security" | "network" | "compute" | "data" | "integration" | "delivery" | "edge" | "operations";

/** One access contract: a request and the answer the platform needs (allow) or must never give (deny). */
export interface AccessContract {
    /** Stable id: <layer>/<what>/<subject>, e.g. integration/function-sends-to-dlq/platform-dev-orders-api. */
    readonly id: string;
    readonly layer: Layer;
    readonly expect: "allow" | "deny";
    readonly description: string;
    readonly request: AccessRequest;
    /** The table or resource that generated the contract (so a new wiring brings its contract). */
    readonly source: string;
}

/**
 * Who calls whom, as the contracts need it: a caller, the actions, the resource, and the context the
 * caller's service sends. recordedWiring() derives it from the recorded run (function dead-letter
 * queues, EventBridge targets, event source mappings, state machine definitions, SNS subscriptions,
 * configured producers and consumers). When the service-wiring table (issue 18 §2) lands, an adapter
 * from that table to WiringEdge[] replaces or extends it (ContractInputs.wiring).
 */
export interface WiringEdge {
    readonly id: string;
    readonly caller: RequestPrincipal;
    readonly actions: readonly string[];
    readonly resource: string;
    readonly context?: Readonly<Record<string, string>>;
    /** Where it comes from, e.g. "aws:cloudwatch/eventTarget:EventTarget order-placed-order-events". */
    readonly via: string;
}

/**
 * Who uses a customer-managed key and for what (issue 18 §1's table): derived from what each
 * resource is encrypted with (recordedKeyUses()); the key-policy table of the trustkeys work can
 * be adapted to this shape (ContractInputs.keyUses).
 */
export interface KeyUse {
    readonly id: string;
    readonly keyArn: string;
    readonly caller: RequestPrincipal;
    readonly actions: readonly string[];
    readonly context: Readonly<Record<string, string>>;
    readonly via: string;
}

/** Everything a contract generator reads. */
export interface ContractInputs {
    readonly stack: string;
    readonly account: string;
    readonly region: string;
    readonly resources: readonly RecordedResource[];
    readonly documents: StackDocuments;
    /** Parsed platform:* configuration of the stack (platform:integration, platform:data...). */
    readonly config: Readonly<Record<string, unknown>>;
    readonly wiring: readonly WiringEdge[];
    readonly keyUses: readonly KeyUse[];
}

import type { RecordedResource } from "../../offline/mockEngine";
import type { RequestPrincipal } from "../simulate";
import type { AccessContract, KeyUse, Layer, WiringEdge } from "./types";

const LAYER_NAMES: readonly Layer[] = ["security", "network", "compute", "data", "integration", "delivery", "edge", "operations"];

/** The top-level platform component (platform:<layer>:<Name>) a resource belongs to. */
export function layerOf(r: RecordedResource, byUrn: ReadonlyMap<string, RecordedResource>): Layer | undefined {
    let current: RecordedResource | undefined = r;
    while (current) {
        const m = /^platform:([a-z]+):/.exec(current.type);
        if (m && (LAYER_NAMES as readonly string[]).includes(m[1])) {
            return m[1] as Layer;
        }
        current = current.parent ? byUrn.get(current.parent) : undefined;
    }
    return undefined;
}

export function allow(layer: Layer, id: string, description: string, principal: RequestPrincipal, action: string, resource: string, source: string, context?: Record<string, string | string[]>): AccessContract {
    return { id: `${layer}/${id}`, layer, expect: "allow", description, request: { principal, action, resource, ...(context ? { context } : {}) }, source };
}

export function deny(layer: Layer, id: string, description: string, principal: RequestPrincipal, action: string, resource: string, source: string, context?: Record<string, string | string[]>): AccessContract {
    return { id: `${layer}/${id}`, layer, expect: "deny", description, request: { principal, action, resource, ...(context ? { context } : {}) }, source };
}

/** A must-allow contract per action of a wiring edge. */
export function edgeContracts(layer: Layer, edges: readonly WiringEdge[]): AccessContract[] {
    return edges.flatMap((e: WiringEdge) => e.actions.map((action: string) =>
        allow(layer, `${e.id}${e.actions.length > 1 ? `/${action}` : ""}`, `${e.via}: ${action} on ${e.resource}`, e.caller, action, e.resource, e.via, e.context)));
}

/** A must-allow contract per key use. */
export function keyUseContracts(layer: Layer, uses: readonly KeyUse[]): AccessContract[] {
    return uses.flatMap((u: KeyUse) => u.actions.map((action: string) =>
        allow(layer, `key-use/${u.id}`, `${u.via}: ${action} on ${u.keyArn}`, u.caller, action, u.keyArn, u.via, u.context)));
}

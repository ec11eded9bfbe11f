import { RecordedResource } from "../../offline/mockEngine";
import { Assumptions } from "../assumptions";
import { RateId } from "../pricing";

/** What every pricer may read: the assumptions and the whole recorded stack. */
export interface PricingContext {
    readonly assumptions: Assumptions;
    readonly all: readonly RecordedResource[];
    /** Log groups some flow log writes to (their ingestion is priced on the flow log). */
    readonly flowLogDestinations: ReadonlySet<string>;
}

/** A quantity of one rate; `description` replaces the rate's own where the charge differs from it (Spot). */
export interface Charge {
    readonly rate: RateId;
    readonly quantity: number;
    readonly description?: string;
    /** The cost lever (levers.ts) the charge belongs to, when a configuration choice can remove it. */
    readonly lever?: string;
}

/** The charges of one resource, or why it has none. */
export type Pricer = (r: RecordedResource, ctx: PricingContext) => Charge[] | string;

export const hours = (ctx: PricingContext): number => ctx.assumptions.hoursPerMonth;

/** A string input, or the provider's default when it is not set. */
export const textOf = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);

/** Whether the resource's input `property` was built from an output of the resource `urn`. */
export function dependsThrough(r: RecordedResource, property: string, urn: string): boolean {
    return (r.propertyDependencies[property] ?? []).includes(urn);
}

/**
 * The resources another resource's `property` names: by property dependency first (a dry run leaves
 * ids and ARNs unknown, as a first `pulumi preview` does), then by the id or ARN values it holds.
 */
export function referencedBy(r: RecordedResource, property: string, ctx: PricingContext): RecordedResource[] {
    const values: unknown = r.inputs[property];
    const named: string[] = (Array.isArray(values) ? values : [values]).filter((v: unknown): v is string => typeof v === "string");
    return ctx.all.filter((t: RecordedResource) => t.urn !== r.urn && (dependsThrough(r, property, t.urn)
        || named.some((value: string) => value === t.outputs.arn || value === t.outputs.id)));
}

/** The resources of `type` whose input `property` names `target` (the reverse of referencedBy). */
export function referencing(target: RecordedResource, type: string, property: string, ctx: PricingContext): RecordedResource[] {
    return ctx.all.filter((r: RecordedResource) => r.type === type && referencedBy(r, property, ctx).some((t: RecordedResource) => t.urn === target.urn));
}

/** What the estimate reads of a managed node group: its desired size, first instance type and capacity type. */
export interface NodeGroupShape {
    readonly nodes: number;
    readonly instanceType: string;
    readonly spot: boolean;
}

export function nodeGroupShape(group: RecordedResource): NodeGroupShape {
    const types: unknown[] = Array.isArray(group.inputs.instanceTypes) ? group.inputs.instanceTypes : [];
    return {
        nodes: Number((group.inputs.scalingConfig as { desiredSize?: unknown } | undefined)?.desiredSize ?? 0),
        instanceType: textOf(types[0], ""),
        spot: group.inputs.capacityType === "SPOT",
    };
}

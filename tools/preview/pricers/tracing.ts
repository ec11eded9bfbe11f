import { RecordedResource } from "../../offline/mockEngine";
import { Charge, PricingContext, hours } from "./context";

/**
 * X-Ray's default sampling rule: "the first request each second, and five percent of any additional
 * requests" (AWS X-Ray Developer Guide, "Configuring sampling rules"). Lambda active tracing and Step
 * Functions tracing use it unless a custom rule says otherwise.
 */
export const X_RAY_RESERVOIR_PER_SECOND = 1;
export const X_RAY_FIXED_RATE = 0.05;

/**
 * Traces recorded a month, in millions, for `millionRequests` spread evenly over the month. The
 * reservoir is applied per traced function or state machine: where several share one rule's
 * reservoir AWS records fewer, so this is the estimate's upper end (bursty traffic records fewer too).
 */
export function sampledTracesMillion(millionRequests: number, ctx: PricingContext): number {
    const requests: number = millionRequests * 1_000_000;
    const reservoir: number = Math.min(requests, X_RAY_RESERVOIR_PER_SECOND * hours(ctx) * 3600);
    return (reservoir + X_RAY_FIXED_RATE * (requests - reservoir)) / 1_000_000;
}

/** The X-Ray charge of a traced function or state machine, or nothing when tracing is off. */
export function tracingCharges(traced: boolean, millionRequests: number, ctx: PricingContext): Charge[] {
    return traced ? [{ rate: "xRayTracesRecordedMillion", quantity: sampledTracesMillion(millionRequests, ctx) }] : [];
}

/** Lambda active tracing (tracingConfig.mode Active); PassThrough records only what callers sampled. */
export const lambdaTraced = (r: RecordedResource): boolean => (r.inputs.tracingConfig as { mode?: unknown } | undefined)?.mode === "Active";

export const stateMachineTraced = (r: RecordedResource): boolean => (r.inputs.tracingConfiguration as { enabled?: unknown } | undefined)?.enabled === true;

/** States in a state machine's definition: a Standard execution of a straight path makes about one transition each. */
export function definitionStates(r: RecordedResource): number {
    const definition: unknown = r.inputs.definition;
    if (typeof definition !== "string") {
        return 1;
    }
    try {
        const states: unknown = (JSON.parse(definition) as { States?: unknown }).States;
        return states && typeof states === "object" ? Math.max(1, Object.keys(states).length) : 1;
    } catch {
        return 1;
    }
}

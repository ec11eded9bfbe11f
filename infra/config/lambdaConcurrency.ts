/**
 * Lambda reserved concurrency against the account's concurrency quota.
 *
 * Reserved concurrency is carved out of the account's regional quota ("Concurrent executions"), and
 * Lambda keeps 100 of it unreserved for every function without a reservation: "You can reserve up to
 * the Unreserved account concurrency value that is shown, minus 100 for functions that don't have
 * reserved concurrency" (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
 * PutFunctionConcurrency otherwise fails with "Specified ReservedConcurrentExecutions for function
 * decreases account's UnreservedConcurrentExecution below its minimum value". New accounts often
 * start with a quota of 10, where no reservation at all is possible; so the platform reserves
 * nothing unless a function's config asks for it, and a stack that reserves names the quota it needs.
 */

/** What Lambda keeps unreserved for the functions without a reservation. */
export const MINIMUM_UNRESERVED_CONCURRENCY = 100;

export interface ConcurrencyNeed {
    /** Sum of the functions' reservedConcurrency (0 when none reserves). */
    readonly reserved: number;
    /** The account concurrency quota the stack's reservations need; 0 when it reserves nothing (any quota will do). */
    readonly requiredAccountQuota: number;
    /** Function name -> its reservation, for the functions that reserve. */
    readonly byFunction: Readonly<Record<string, number>>;
}

/** The account concurrency quota a list of functions needs in its account and region. */
export function concurrencyNeed(functions: readonly { name: string; reservedConcurrency?: number }[]): ConcurrencyNeed {
    const byFunction: Record<string, number> = {};
    for (const fn of functions) {
        if (fn.reservedConcurrency !== undefined) {
            byFunction[fn.name] = fn.reservedConcurrency;
        }
    }
    const reserved: number = Object.values(byFunction).reduce((sum: number, n: number) => sum + n, 0);
    return { reserved, requiredAccountQuota: reserved > 0 ? reserved + MINIMUM_UNRESERVED_CONCURRENCY : 0, byFunction };
}

/** Undefined when the quota covers the reservations; otherwise what is wrong, for the config error. */
export function concurrencyQuotaProblem(need: ConcurrencyNeed, accountQuota: number | undefined): string | undefined {
    if (accountQuota === undefined || need.reserved === 0 || need.requiredAccountQuota <= accountQuota) {
        return undefined;
    }
    const list: string = Object.entries(need.byFunction).map(([name, n]: [string, number]) => `${name} ${n}`).join(", ");
    return `at least ${need.requiredAccountQuota}: the functions reserve ${need.reserved} (${list}) and Lambda keeps ${MINIMUM_UNRESERVED_CONCURRENCY} unreserved; `
        + `request a higher "Concurrent executions" quota in Service Quotas, or reserve less (omit reservedConcurrency to share the unreserved pool)`;
}

/**
 * The day configuration checks compare dates against (the Kubernetes version's end of standard
 * support). It is the real UTC date at preview time; tests replace it with setConfigClock so a
 * check can be exercised on either side of a date without waiting for the calendar.
 */
let clock: () => Date = (): Date => new Date();

/** Today as an ISO date (YYYY-MM-DD, UTC). */
export function configToday(): string {
    return clock().toISOString().slice(0, 10);
}

/** Replaces the clock and returns a function that restores the previous one. */
export function setConfigClock(next: () => Date): () => void {
    const previous = clock;
    clock = next;
    return (): void => {
        clock = previous;
    };
}

/**
 * "Did you mean ...?" for unknown keys and enum values. A suggestion is offered only when it is
 * close (a typo, a case slip), so an unrelated word never gets a misleading hint.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance: number = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance: number = editDistance(input.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    // One edit per three characters (at least one, at most three) is a typo; more is a different word.
    const tolerance: number = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
    return best !== undefined && bestDistance <= tolerance ? best : undefined;
}

/** "; did you mean X?" or "" — appended to an "allowed" description. */
export function didYouMean(input: unknown, candidates: readonly string[]): string {
    if (typeof input !== "string") {
        return "";
    }
    const match: string | undefined = closestMatch(input, candidates);
    return match !== undefined && match !== input ? `; did you mean ${match}?` : "";
}

/** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit. */
export function editDistance(a: string, b: string): number {
    const rows: number[][] = Array.from({ length: a.length + 1 }, (_: unknown, i: number) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) {
        rows[0][j] = j;
    }
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost: number = a[i - 1] === b[j - 1] ? 0 : 1;
            rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
            }
        }
    }
    return rows[a.length][b.length];
}

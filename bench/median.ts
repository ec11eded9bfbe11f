/** The median of a benchmark's samples (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
    const sorted: number[] = [...values].sort((a: number, b: number) => a - b);
    const mid: number = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

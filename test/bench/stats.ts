// What every bench reports of its runs: the median and the range, never the best run alone.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** "median 2.10 (range 1.90 to 2.60)". */
export function spread(values: readonly number[], digits: number): string {
  return `median ${median(values).toFixed(digits)} (range ${Math.min(...values).toFixed(digits)} to ${Math.max(...values).toFixed(digits)})`;
}

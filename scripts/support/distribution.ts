/** Order statistics of a sample: what the bench reports for CPU times and latencies. */
export interface Distribution {
  count: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile (the smallest value with at least `percent`% of the sample at or below it). */
function percentile(sorted: readonly number[], percent: number): number {
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function distributionOf(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

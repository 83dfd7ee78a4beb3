import type { CpuCost } from '../lib/cpu-per-request';

/** How a run offers its load. */
export type LoadShape =
  /** As many requests as `connections` keep in flight: the most it serves. */
  | 'saturation'
  /** A fixed offered rate below saturation (autocannon's overallRate), a set number of requests. */
  | 'rate'
  /** One connection, one request at a time. */
  | 'sequential';

/** What one load run measured. */
export interface LoadResult {
  shape?: LoadShape;
  /** For `rate`: the offered requests per second. */
  offeredRps?: number;
  requests: number;
  durationSec: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 200, carried GraphQL errors, or never came. */
  failures: number;
  /** Responses that contained the job's `countMatching` text. */
  matching?: number;
  /** CPU time per completed request of each process over the measured window (bench/lib/cpu-per-request.ts). */
  cpu?: CpuCost;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarize(latenciesMs: number[], durationSec: number, failures: number): LoadResult {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    durationSec,
    rps: sorted.length / durationSec,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    failures,
  };
}

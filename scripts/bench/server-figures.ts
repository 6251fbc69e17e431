import type { BuiltServer, MetricSamples } from '../support/built-server';
import { CONNECTIONS, failuresOf, type LoadResult, load } from '../support/load';

const RECOMMENDATIONS_ROUTE = 'route="/v1/recommendations"';
/** A short burst before the first measured run, so healthz is not measured on a cold JIT. */
const HEALTHZ_WARM_UP_SECONDS = 1;

/** GET /healthz under load, once the server has finished what earlier runs left it. */
export async function healthzRun(server: BuiltServer, seconds: number, warmUp: boolean): Promise<LoadResult> {
  await server.waitUntilIdle();
  if (warmUp) await load(server.base, HEALTHZ_WARM_UP_SECONDS, { get: '/healthz' });
  return load(server.base, seconds, { get: '/healthz' });
}

export function loadLine(label: string, result: LoadResult, expected: readonly number[]): string {
  const statuses = [...result.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  return `  ${label.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50 ${String(result.p50Ms).padStart(4)} ms   p99 ${String(result.p99Ms).padStart(4)} ms   failures ${failuresOf(result, expected)}   (${statuses || 'no answers'}; errors ${result.errors}, of them timeouts ${result.timeouts})`;
}

/** What the server counted: answers of POST /v1/recommendations, and evaluations by the engine. */
export interface ServerCounts {
  answers: number | undefined;
  evaluations: number | undefined;
}

export function countsOf(samples: MetricSamples): ServerCounts {
  const status = (code: number) =>
    samples.sum('berth_http_requests_total', [RECOMMENDATIONS_ROUTE, `status="${code}"`]) ?? 0;
  const total = samples.sum('berth_http_requests_total', [RECOMMENDATIONS_ROUTE]);
  return {
    answers: total === undefined ? undefined : status(200) + status(422),
    evaluations: samples.sum('berth_rule_engine_duration_seconds_count'),
  };
}

/**
 * The server's own account of a run, from its metrics before and after: answers that did not run the
 * engine came from the answer cache.
 */
export function cacheLine(
  before: ServerCounts,
  after: ServerCounts,
): { line: string; hits: number | undefined } {
  if (
    before.answers === undefined ||
    after.answers === undefined ||
    before.evaluations === undefined ||
    after.evaluations === undefined
  ) {
    return {
      line: '  server metrics: berth_http_requests_total or berth_rule_engine_duration_seconds missing; cache hits unknown',
      hits: undefined,
    };
  }
  const answers = after.answers - before.answers;
  const evaluations = after.evaluations - before.evaluations;
  const hits = answers - evaluations;
  return {
    line: `  server metrics over the run: ${answers} answers (200/422), ${evaluations} engine evaluations, so ${hits} answers from the cache`,
    hits,
  };
}

export const LOAD_NOTE = `  (autocannon, ${CONNECTIONS} connections over 127.0.0.1, on the same machine as the server: the load generator takes CPU from it; rate limiting off)`;

import autocannon from 'autocannon';

/** The load generator's connections: what the targets are stated at. */
export const CONNECTIONS = 32;

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  /** Answers by status code. */
  statuses: Map<number, number>;
  /** Connection errors and timeouts. */
  errors: number;
  /** Of the errors, requests unanswered after autocannon's 10 s. */
  timeouts: number;
}

/** Answers whose status is not one of `expected`, plus errors (autocannon counts a timeout as one too). */
export function failuresOf(result: LoadResult, expected: readonly number[]): number {
  let unexpected = 0;
  for (const [status, count] of result.statuses) if (!expected.includes(status)) unexpected += count;
  return unexpected + result.errors;
}

/**
 * autocannon over loopback for `seconds`: GET `path`, or POST /v1/recommendations (with `query`, e.g.
 * `?view=summary`) with each request's body from `nextBody` (called once per request sent).
 */
export async function load(
  base: string,
  seconds: number,
  target: { get: string } | { nextBody: () => string; query?: string },
): Promise<LoadResult> {
  const requests: autocannon.Request[] =
    'get' in target
      ? [{ method: 'GET', path: target.get }]
      : [
          {
            method: 'POST',
            path: `/v1/recommendations${target.query ?? ''}`,
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: target.nextBody() }),
          },
        ];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: base, connections: CONNECTIONS, duration: seconds, requests }, (error, outcome) =>
      error ? reject(error) : resolve(outcome),
    );
  });
  const statuses = new Map<number, number>();
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statuses.set(Number(status), stats.count ?? 0);
  }
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Throughput and latency of POST /v1/recommendations against the same server's GET /healthz, measured
 * with autocannon over loopback: 256 rotating distinct workloads at 32 connections. Runs the built
 * server (dist/) in its own process, so the load generator does not share its event loop. Run twice:
 * with the answer cache on (the service's default) and with it off (every request runs the engine).
 *
 *   npm run bench               # BENCH_SECONDS=10 by default
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from './support/free-port';
import { WORKLOAD_SHAPES } from './support/workload-shapes';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const DISTINCT_WORKLOADS = 256;

function workloads(): string[] {
  return Array.from({ length: DISTINCT_WORKLOADS }, (_, index) =>
    JSON.stringify({ ...WORKLOAD_SHAPES[index % WORKLOAD_SHAPES.length], name: `bench-${index}` }),
  );
}

async function startServer(port: number, cacheEntries: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'server.js')], {
    // The rate limit would answer most of the load with 429s: it is off here, the soak keeps it on.
    env: {
      ...process.env,
      PORT: String(port),
      BERTH_CACHE_ENTRIES: String(cacheEntries),
      BERTH_RATE_LIMIT_REQUESTS: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('the server did not become ready in 10 s');
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function summary(label: string, result: autocannon.Result): string {
  const failures = result.non2xx + result.errors + result.timeouts;
  return `${label.padEnd(34)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms   failures ${failures}`;
}

async function measure(
  cacheEntries: number,
  bodies: string[],
): Promise<{ healthz: autocannon.Result; recommendations: autocannon.Result }> {
  const port = await freePort();
  const server = await startServer(port, cacheEntries);
  try {
    const base = `http://127.0.0.1:${port}`;
    // Warm-up: every workload once (JIT, and the cache when it is on), then a short burst on each route.
    for (const body of bodies) {
      await fetch(`${base}/v1/recommendations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    }
    await load({ url: `${base}/healthz`, connections: CONNECTIONS, duration: 1 });
    const healthz = await load({ url: `${base}/healthz`, connections: CONNECTIONS, duration: SECONDS });
    let next = 0;
    const recommendationRequest: autocannon.Request = {
      method: 'POST',
      path: '/v1/recommendations',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        const body = bodies[next % bodies.length] ?? '{}';
        next += 1;
        return { ...request, body };
      },
    };
    const recommendations = await load({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [recommendationRequest],
    });
    return { healthz, recommendations };
  } finally {
    server.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const bodies = workloads();
  const lines = [
    `Berth benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run, ${bodies.length} rotating distinct workloads`,
  ];
  for (const [label, cacheEntries] of [
    ['answer cache on (default)', 1024],
    ['answer cache off', 0],
  ] as const) {
    const { healthz, recommendations } = await measure(cacheEntries, bodies);
    const ratio = recommendations.requests.average / healthz.requests.average;
    lines.push(
      '',
      `${label}:`,
      summary('  GET /healthz', healthz),
      summary('  POST /v1/recommendations', recommendations),
      `  recommendations/s ÷ healthz/s = ${ratio.toFixed(2)} (target ≥ 0.50); p99 ${recommendations.latency.p99} ms (target < 25 ms)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * Soak test: the built server (dist/) in its own process, configured as in production (an API key, a
 * rate limit in the path but set high enough never to trip, the answer cache at its default size), loaded
 * with autocannon for 60 s at 64 connections on rotating valid and invalid workloads: 8,000 distinct
 * bodies, whose answers take about twice the cache's default 32 MiB (BERTH_CACHE_BYTES) even stored
 * compressed, so the cache fills up, keeps evicting, and most requests run the engine. Every answer must have the status
 * and size the same body got at rest (answers are deterministic); there must be no server error and no
 * connection error; the server must then shut down cleanly. Prints requests served, errors and the
 * server's memory at start and end (from its own /metrics).
 *
 *   npm run soak                # SOAK_SECONDS=60, SOAK_CONNECTIONS=64 by default
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from './support/free-port';
import { WORKLOAD_SHAPES } from './support/workload-shapes';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 64);
const DISTINCT_BODIES = 8000;
const API_KEY = randomBytes(24).toString('hex');

/** Valid workloads: recommendations on every platform, and one no platform can run (a 422). */
const valid: readonly Record<string, unknown>[] = [
  ...WORKLOAD_SHAPES,
  { workloadType: 'web', persistence: { type: 'windows-file' } },
];

/** Invalid ones: each a 400 for a different reason. */
const invalid: ((name: string) => string)[] = [
  (name) => JSON.stringify({ name, workloadType: 'web', traffic: { protocol: 'carrier-pigeon' } }),
  (name) => JSON.stringify({ name, workloadType: 'daemon' }),
  (name) => JSON.stringify({ name, traffic: { protocol: 'https' } }),
  (name) => JSON.stringify({ name, workloadType: 'web', colour: 'blue' }),
  (name) => JSON.stringify({ name, workloadType: 'web', resources: { cpu: -1 } }),
  (name) => `{"name":"${name}","workloadType":"web",`,
];

function bodies(): string[] {
  const kinds = valid.length + invalid.length;
  return Array.from({ length: DISTINCT_BODIES }, (_, index) => {
    const name = `soak-${index}`;
    const kind = index % kinds;
    const make = invalid[kind - valid.length];
    return kind < valid.length ? JSON.stringify({ ...valid[kind], name }) : (make?.(name) ?? '{}');
  });
}

interface Server {
  child: ChildProcess;
  /** Log lines at level error or fatal. */
  errorLines: string[];
  exited: Promise<number | null>;
}

async function startServer(port: number): Promise<Server> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'server.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      BERTH_API_KEYS: API_KEY,
      BERTH_RATE_LIMIT_REQUESTS: '100000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errorLines: string[] = [];
  let pending = '';
  const scan = (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"level":"error"') || line.includes('"level":"fatal"') || !line.startsWith('{')) {
        errorLines.push(line);
      }
    }
  };
  child.stdout?.on('data', scan);
  child.stderr?.on('data', scan);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return { child, errorLines, exited };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`the server did not become ready in 10 s:\n${errorLines.join('\n')}`);
}

interface Memory {
  rss: number;
  heapUsed: number;
  cacheBytes: number;
  cacheEntries: number;
}

/** The server's memory and its answer cache's, as its own /metrics reports them. */
async function memoryOf(base: string): Promise<Memory> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) =>
    Number(/^(\S+) (\S+)$/m.exec(text.split('\n').find((line) => line.startsWith(`${name} `)) ?? '')?.[2]);
  return {
    rss: value('process_resident_memory_bytes'),
    heapUsed: value('nodejs_heap_size_used_bytes'),
    cacheBytes: value('berth_answer_cache_bytes'),
    cacheEntries: value('berth_answer_cache_entries'),
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const all = bodies();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };
  const atBoot = await memoryOf(base);

  // At rest, each body once: what every answer under load must match (and the JIT's warm-up).
  const atRest: { status: number; bytes: number }[] = [];
  for (const body of all) {
    const response = await fetch(`${base}/v1/recommendations`, { method: 'POST', headers, body });
    atRest.push({ status: response.status, bytes: (await response.arrayBuffer()).byteLength });
  }
  const restStatuses = new Map<number, number>();
  for (const { status } of atRest) restStatuses.set(status, (restStatuses.get(status) ?? 0) + 1);
  const atStart = await memoryOf(base);

  let next = 0;
  let mismatches = 0;
  const firstMismatches: string[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/v1/recommendations',
            headers,
            setupRequest: (request, context) => {
              const index = next % all.length;
              next += 1;
              (context as { index?: number }).index = index;
              return { ...request, body: all[index] ?? '{}' };
            },
            onResponse: (status, body, context) => {
              const index = (context as { index?: number }).index ?? -1;
              const want = atRest[index];
              if (want === undefined || want.status !== status || want.bytes !== Buffer.byteLength(body)) {
                mismatches += 1;
                if (firstMismatches.length < 5) {
                  firstMismatches.push(
                    `body ${index}: ${status} (${Buffer.byteLength(body)} bytes), at rest ${want?.status} (${want?.bytes} bytes)`,
                  );
                }
              }
            },
          },
        ],
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
  });
  const atEnd = await memoryOf(base);

  server.child.kill('SIGTERM');
  const exitCode = await server.exited;

  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([status, { count }]) => `${status}: ${count ?? 0}`)
    .join(', ');
  const serverErrors = result['5xx'];
  const lines = [
    `Berth soak: ${SECONDS} s, ${CONNECTIONS} connections, POST /v1/recommendations rotating ${all.length} distinct bodies (${valid.length} valid shapes, ${invalid.length} invalid), API key on, answer cache at its default size`,
    `  at rest, each body once:  ${[...restStatuses].map(([status, count]) => `${status}: ${count}`).join(', ')}`,
    `  requests served:          ${result.requests.total} (${result.requests.average.toFixed(0)} req/s; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms)`,
    `  statuses:                 ${statuses}`,
    `  server errors (5xx):      ${serverErrors}`,
    `  connection errors:        ${result.errors} (timeouts ${result.timeouts}, resets ${result.resets})`,
    `  answers unlike at rest:   ${mismatches}${firstMismatches.length > 0 ? ` (${firstMismatches.join('; ')})` : ''}`,
    `  server error log lines:   ${server.errorLines.length}${server.errorLines.length > 0 ? ` (first: ${server.errorLines[0]})` : ''}`,
    `  memory (RSS / heap used): at boot ${mib(atBoot.rss)} / ${mib(atBoot.heapUsed)}; at start ${mib(atStart.rss)} / ${mib(atStart.heapUsed)}; at end ${mib(atEnd.rss)} / ${mib(atEnd.heapUsed)}`,
    `  answer cache at end:      ${atEnd.cacheEntries} answers, ${mib(atEnd.cacheBytes)}`,
    `  shutdown on SIGTERM:      exit code ${exitCode}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const failed =
    serverErrors > 0 || result.errors > 0 || mismatches > 0 || server.errorLines.length > 0 || exitCode !== 0;
  if (failed) {
    process.stderr.write('soak FAILED\n');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

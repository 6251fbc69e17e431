import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from './free-port';

export const SERVER_ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'server.js');

/** How long a start may take before the bench gives up on it (a loaded machine is slow, not this slow). */
const READY_DEADLINE_MS = 30_000;
const READY_POLL_MS = 5;
const IDLE_DEADLINE_MS = 120_000;
const IDLE_POLL_MS = 50;
/** Server output kept for the error message when it fails to start or exits early. */
const KEPT_OUTPUT_CHARACTERS = 4000;

/**
 * The environment of a benchmarked server: the bench's own, without any BERTH_* variable (so every
 * setting is its default, whatever the shell exports), with the rate limit off (it would answer most of
 * the load with 429s; `npm run soak` keeps it in the path) and the port given.
 */
function serverEnvironment(port: number): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('BERTH_')) environment[name] = value;
  }
  return { ...environment, PORT: String(port), BERTH_RATE_LIMIT_REQUESTS: '0' };
}

/** `node dist/src/server.js` in its own process on a loopback port, and what the bench asks of it. */
export class BuiltServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly base: string,
    /** From spawning the process to its first 200 from /readyz. */
    readonly msToReady: number,
  ) {}

  static async start(): Promise<BuiltServer> {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const started = performance.now();
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: serverEnvironment(port),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Read stderr, or a chatty server would block on a full pipe; keep the tail for error messages.
    const output: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      while (output.join('').length > KEPT_OUTPUT_CHARACTERS) output.shift();
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    while (!exited && performance.now() - started < READY_DEADLINE_MS) {
      if (await isReady(base)) return new BuiltServer(child, base, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
    child.kill('SIGKILL');
    throw new Error(
      `the server did not answer 200 on /readyz within ${READY_DEADLINE_MS} ms${exited ? ' (it exited)' : ''}:\n${output.join('')}`,
    );
  }

  /** The resident set size of the server process, from the kernel (VmRSS), and its peak so far (VmHWM). */
  residentMemory(): { rssBytes: number; peakRssBytes: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kibibytes = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]);
    return { rssBytes: kibibytes('VmRSS') * 1024, peakRssBytes: kibibytes('VmHWM') * 1024 };
  }

  /** The server's own /metrics (Prometheus text), parsed into samples. */
  async metrics(): Promise<MetricSamples> {
    const response = await fetch(`${this.base}/metrics`);
    return new MetricSamples(await response.text());
  }

  /**
   * Waits until the server has answered every request a load run left it (autocannon stops sending at
   * the end of its duration, but the server still works through what it received), so the next run
   * measures the server, not the last one's backlog. Uses the in-flight gauge, the scrape itself counting
   * as one; without the gauge, one answered /healthz is the best sign there is.
   */
  async waitUntilIdle(): Promise<void> {
    const started = performance.now();
    while (performance.now() - started < IDLE_DEADLINE_MS) {
      const inFlight = await this.metrics().then(
        (samples) => samples.sum('berth_http_requests_in_flight'),
        // A scrape queued behind the backlog can outlast the request deadline and be cut: ask again.
        () => Number.POSITIVE_INFINITY,
      );
      if (inFlight === undefined) {
        await (await fetch(`${this.base}/healthz`)).arrayBuffer();
        return;
      }
      if (inFlight <= 1) return;
      await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
    throw new Error(`the server still had requests in flight after ${IDLE_DEADLINE_MS} ms`);
  }

  /** SIGTERM, then waits for the process to exit (SIGKILL after the bound). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), READY_DEADLINE_MS);
    await exited;
    clearTimeout(killer);
  }
}

async function isReady(base: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}/readyz`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Samples of a Prometheus text exposition: `name{labels} value` lines. */
export class MetricSamples {
  private readonly lines: { name: string; labels: string; value: number }[];
  /** The metric families the text declares (`# TYPE` lines); a labelled one has no sample until first used. */
  private readonly families = new Set<string>();

  constructor(text: string) {
    this.lines = [];
    for (const line of text.split('\n')) {
      const family = /^# TYPE (\S+) /.exec(line)?.[1];
      if (family !== undefined) this.families.add(family);
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
      if (match?.[1] !== undefined && match[3] !== undefined) {
        this.lines.push({ name: match[1], labels: match[2] ?? '', value: Number(match[3]) });
      }
    }
  }

  /**
   * The sum of every sample of `name` whose labels include each of `labels` (`key="value"`): 0 when the
   * family is declared but no sample matches, undefined when the server has no such metric.
   */
  sum(name: string, labels: readonly string[] = []): number | undefined {
    const matching = this.lines.filter(
      (line) => line.name === name && labels.every((label) => line.labels.includes(label)),
    );
    if (matching.length > 0) return matching.reduce((total, line) => total + line.value, 0);
    const family = name.replace(/_(count|sum|bucket)$/, '');
    return this.families.has(name) || this.families.has(family) ? 0 : undefined;
  }
}

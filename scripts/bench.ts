/**
 * The figures of issue 11's targets, uncached and cached side by side, each saying which it is:
 *
 *   1. advisor   the advisor in this process (Advisor.fromRulesDir), ≥ 2,000 distinct generated workloads
 *                after a JIT warm-up on others: CPU time per answer (advise + JSON), median/p90/p99/max
 *   2. unique    the built server (dist/, its own process), POST /v1/recommendations at 32 connections
 *                with every body new to it (no cache hit possible), against its GET /healthz right before
 *                and after: req/s, p50, p99, failures, the ratio
 *   3. repeated  the same with 256 bodies sent once first and then rotated (every answer a cache hit)
 *   4. memory    the server's RSS idle after start and after a 60 s soak of new bodies, default settings
 *   5. start     node dist/src/server.js to its first 200 from /readyz, several runs
 *
 * then a table: each target, the figure, met or not, cached or uncached. Every server runs with every
 * BERTH_* setting at its default except the rate limit, which is off (it would answer the load with 429s).
 * The load generator runs on the same machine as the server and takes CPU from it. About 3–4 minutes.
 *
 *   npm run bench                              # every section
 *   npm run bench -- --only advisor,start      # some sections (env BENCH_ONLY=advisor,start)
 *   npm run bench -- --quick                   # a short try-out run (env BENCH_QUICK=1)
 *   npm run bench -- --help                    # every flag and its environment variable
 */
import { cpus, loadavg } from 'node:os';
import { advisorSection } from './bench/advisor-section';
import { memorySection } from './bench/memory-section';
import { type BenchOptions, benchOptions, type Section, USAGE } from './bench/options';
import { repeatedBodiesSection } from './bench/repeated-bodies-section';
import { startSection } from './bench/start-section';
import type { SectionResult, TargetResult } from './bench/target';
import { uniqueBodiesSection } from './bench/unique-bodies-section';

const RUN: Record<Section, (options: BenchOptions) => Promise<SectionResult>> = {
  advisor: advisorSection,
  unique: uniqueBodiesSection,
  repeated: repeatedBodiesSection,
  memory: memorySection,
  start: startSection,
};

function write(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

function table(targets: readonly TargetResult[]): string[] {
  const headings = ['target', 'measured', 'met', 'figure is'];
  const rows = targets.map((row) => [row.target, row.measured, row.met ? 'met' : 'NOT MET', row.provenance]);
  const widths = headings.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd();
  return [format(headings), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format)];
}

const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  let options: BenchOptions | 'help';
  try {
    options = benchOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    write([USAGE]);
    return;
  }
  const started = Date.now();
  write([
    `Berth benchmark, ${new Date(started).toISOString()}: ${cpus().length} CPU(s), load average ${loadAverage()}, Node.js ${process.version}${options.quick ? ', QUICK mode (shorter runs: not the targets’ measure)' : ''}`,
    `sections: ${options.sections.join(', ')}; servers run with default settings and rate limiting off; the load generator shares the machine with the server`,
  ]);
  const targets: TargetResult[] = [];
  for (const section of options.sections) {
    const result = await RUN[section](options);
    write(['', ...result.lines]);
    targets.push(...result.targets);
  }
  write([
    '',
    `Targets of issue 11 (uncached = computed for a body the service had not seen; cached = served from the answer cache), load average now ${loadAverage()}, ${((Date.now() - started) / 1000).toFixed(0)} s in all:`,
    ...table(targets),
  ]);
}

/** An error and its causes (fetch's "fetch failed" says why only in its cause). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const own = error.stack ?? error.message;
  return error.cause === undefined ? own : `${own}\ncaused by: ${describeError(error.cause)}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeError(error)}\n`);
  process.exit(1);
});

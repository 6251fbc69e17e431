import { BuiltServer, type MetricSamples } from '../support/built-server';
import { generatedWorkloads } from '../support/generated-workloads';
import { failuresOf, load } from '../support/load';
import { UniqueBodies } from '../support/unique-bodies';
import type { BenchOptions } from './options';
import { cacheLine, countsOf, LOAD_NOTE, loadLine } from './server-figures';
import { megabytes, mib, type SectionResult } from './target';

const GENERATED_BODIES = 10_000;
const BODY_SEED = 3333;
/** Time after /readyz before the idle figure, so start-up's last allocations are in it. */
const SETTLE_MS = 1000;
/** 180 MB, read as decimal megabytes: the stricter reading of the target. */
const TARGET_RSS_BYTES = 180_000_000;

interface Memory {
  rssBytes: number;
  heapUsedBytes: number | undefined;
  /** What V8 has reserved for the heap: used, free and fragmented. */
  heapTotalBytes: number | undefined;
  /** Memory outside the heap that V8 knows of (Buffers: the answer cache's bodies among them). */
  externalBytes: number | undefined;
  cacheBytes: number | undefined;
  source: string;
}

/** RSS from the server's own /metrics (prom-client's process metrics), else from /proc. */
function memoryOf(samples: MetricSamples, server: BuiltServer): Memory {
  const rss = samples.sum('process_resident_memory_bytes');
  const parts = {
    heapUsedBytes: samples.sum('nodejs_heap_size_used_bytes'),
    heapTotalBytes: samples.sum('nodejs_heap_size_total_bytes'),
    externalBytes: samples.sum('nodejs_external_memory_bytes'),
    cacheBytes: samples.sum('berth_answer_cache_bytes'),
  };
  return rss === undefined
    ? { rssBytes: server.residentMemory().rssBytes, ...parts, source: '/proc VmRSS' }
    : { rssBytes: rss, ...parts, source: '/metrics' };
}

const mibOrUnknown = (bytes: number | undefined) => (bytes === undefined ? 'unknown' : mib(bytes));

const describe = (memory: Memory) =>
  `RSS ${mib(memory.rssBytes)} (${megabytes(memory.rssBytes)}, from ${memory.source}), heap used ${mibOrUnknown(memory.heapUsedBytes)} of ${mibOrUnknown(memory.heapTotalBytes)}, external ${mibOrUnknown(memory.externalBytes)} (answer cache ${mibOrUnknown(memory.cacheBytes)})`;

/**
 * Section 4: the server's memory at idle after start, and after a soak of bodies it was never sent, with
 * every setting at its default (the answer cache fills up to its bound and evicts) and the rate limit off.
 */
export async function memorySection(options: BenchOptions): Promise<SectionResult> {
  const bodies = new UniqueBodies(generatedWorkloads(GENERATED_BODIES, BODY_SEED).map(({ body }) => body));
  const server = await BuiltServer.start();
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const idleSamples = await server.metrics();
    const idle = memoryOf(idleSamples, server);
    const soak = await load(server.base, options.soakSeconds, { nextBody: () => bodies.take() });
    await server.waitUntilIdle();
    const afterSamples = await server.metrics();
    const after = memoryOf(afterSamples, server);
    const { peakRssBytes } = server.residentMemory();
    const cache = cacheLine(countsOf(idleSamples), countsOf(afterSamples));
    return {
      lines: [
        `4. Memory, UNCACHED load: default settings (no BERTH_* variable set; rate limiting off), a ${options.soakSeconds} s soak of new bodies${options.soakSeconds < 60 ? ' (shorter than the target’s 60 s)' : ''}`,
        LOAD_NOTE,
        `  idle, ${SETTLE_MS / 1000} s after /readyz: ${describe(idle)}`,
        loadLine('POST /v1/recommendations, new', soak, [200, 422]),
        `  bodies: ${bodies.sent} sent, ${bodies.distinct} distinct`,
        cache.line,
        `  after the soak: ${describe(after)}; peak RSS during the run ${mib(peakRssBytes)} (/proc VmHWM)`,
        `  target: RSS ≤ ${megabytes(TARGET_RSS_BYTES)} (${mib(TARGET_RSS_BYTES)}) after a 60 s soak; failures ${failuresOf(soak, [200, 422])}`,
      ],
      targets: [
        {
          target: `RSS after a ${options.soakSeconds} s soak ≤ ${megabytes(TARGET_RSS_BYTES)}`,
          measured: `${megabytes(after.rssBytes)} (idle ${megabytes(idle.rssBytes)}, peak ${megabytes(peakRssBytes)})`,
          met: after.rssBytes <= TARGET_RSS_BYTES,
          provenance: 'uncached',
        },
      ],
    };
  } finally {
    await server.stop();
  }
}

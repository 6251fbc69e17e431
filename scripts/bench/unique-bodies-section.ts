import { BuiltServer } from '../support/built-server';
import { generatedWorkloads } from '../support/generated-workloads';
import { failuresOf, load } from '../support/load';
import { UniqueBodies } from '../support/unique-bodies';
import type { BenchOptions } from './options';
import { cacheLine, countsOf, healthzRun, LOAD_NOTE, loadLine } from './server-figures';
import type { SectionResult } from './target';

/** Generated workloads the bodies are drawn from; past them, the same workloads under new names. */
const GENERATED_BODIES = 10_000;
const BODY_SEED = 1111;
const WARM_UP_SECONDS = 2;
const TARGET_RATIO = 0.2;
/** Issue 12: the summary a portal or chatbot asks for, of a new workload. */
const SUMMARY_TARGET_RATIO = 0.35;
const TARGET_P99_MS = 100;
const ANSWERED = [200, 422];

/**
 * Section 2: POST /v1/recommendations where every request's body is one the server was never sent, so
 * the answer cache (on, at its default) never hits, for the full answer and then for `?view=summary`;
 * against GET /healthz of the same server right before and right after.
 */
export async function uniqueBodiesSection(options: BenchOptions): Promise<SectionResult> {
  const bodies = new UniqueBodies(generatedWorkloads(GENERATED_BODIES, BODY_SEED).map(({ body }) => body));
  const server = await BuiltServer.start();
  try {
    // JIT warm-up on bodies of the same supply: each is sent once, so none of the measured ones repeats it.
    await load(server.base, WARM_UP_SECONDS, { nextBody: () => bodies.take() });
    const healthzBefore = await healthzRun(server, options.loadSeconds, true);
    const countsBefore = countsOf(await server.metrics());
    const sentBefore = bodies.sent;
    const unique = await load(server.base, options.loadSeconds, { nextBody: () => bodies.take() });
    await server.waitUntilIdle();
    const summaries = await load(server.base, options.loadSeconds, {
      nextBody: () => bodies.take(),
      query: '?view=summary',
    });
    await server.waitUntilIdle();
    const countsAfter = countsOf(await server.metrics());
    const healthzAfter = await healthzRun(server, options.loadSeconds, false);
    const cache = cacheLine(countsBefore, countsAfter);

    const healthz = (healthzBefore.requestsPerSecond + healthzAfter.requestsPerSecond) / 2;
    const ratio = unique.requestsPerSecond / healthz;
    const failures = failuresOf(unique, ANSWERED);
    const summaryRatio = summaries.requestsPerSecond / healthz;
    const summaryFailures = failuresOf(summaries, ANSWERED);
    const lines = [
      `2. HTTP, every body new, UNCACHED (answer cache on at its default; no body is ever sent twice): ${options.loadSeconds} s per run`,
      LOAD_NOTE,
      loadLine('GET /healthz (before)', healthzBefore, [200]),
      loadLine('POST /v1/recommendations, new', unique, ANSWERED),
      loadLine('POST …?view=summary, new', summaries, ANSWERED),
      loadLine('GET /healthz (after)', healthzAfter, [200]),
      `  bodies: ${bodies.sent - sentBefore} sent in the run (${sentBefore} before it, warm-up included); ${bodies.distinct} of all ${bodies.sent} distinct; ${GENERATED_BODIES} generated workloads (seed ${BODY_SEED})${bodies.renamedPasses > 0 ? `, then ${bodies.renamedPasses} more pass(es) of them under new names` : ''}`,
      cache.line,
      `  recommendations/s ÷ healthz/s (mean of before and after, ${healthz.toFixed(0)}/s) = ${ratio.toFixed(3)} (target ≥ ${TARGET_RATIO}); p99 ${unique.p99Ms} ms (target ≤ ${TARGET_P99_MS} ms); failures ${failures} (anything but 200/422, errors, timeouts)`,
      `  summaries/s ÷ healthz/s = ${summaryRatio.toFixed(3)} (target ≥ ${SUMMARY_TARGET_RATIO}); p99 ${summaries.p99Ms} ms; failures ${summaryFailures}`,
    ];
    return {
      lines,
      targets: [
        {
          target: `HTTP new bodies ≥ ${TARGET_RATIO} × healthz/s`,
          measured: `${ratio.toFixed(3)} (${unique.requestsPerSecond.toFixed(0)} of ${healthz.toFixed(0)}/s)`,
          met: ratio >= TARGET_RATIO && failures === 0,
          provenance: cache.hits === 0 || cache.hits === undefined ? 'uncached' : 'mixed',
        },
        {
          target: `HTTP new bodies, view=summary ≥ ${SUMMARY_TARGET_RATIO} × healthz/s`,
          measured: `${summaryRatio.toFixed(3)} (${summaries.requestsPerSecond.toFixed(0)} of ${healthz.toFixed(0)}/s)`,
          met: summaryRatio >= SUMMARY_TARGET_RATIO && summaryFailures === 0,
          provenance: cache.hits === 0 || cache.hits === undefined ? 'uncached' : 'mixed',
        },
        {
          target: `HTTP new bodies p99 ≤ ${TARGET_P99_MS} ms`,
          measured: `${unique.p99Ms} ms`,
          met: unique.p99Ms <= TARGET_P99_MS && failures === 0,
          provenance: cache.hits === 0 || cache.hits === undefined ? 'uncached' : 'mixed',
        },
      ],
    };
  } finally {
    await server.stop();
  }
}

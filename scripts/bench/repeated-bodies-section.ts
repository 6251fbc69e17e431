import { BuiltServer } from '../support/built-server';
import { generatedWorkloads } from '../support/generated-workloads';
import { failuresOf, load } from '../support/load';
import type { BenchOptions } from './options';
import { cacheLine, countsOf, healthzRun, LOAD_NOTE, loadLine } from './server-figures';
import type { SectionResult } from './target';

/** Few enough that every answer stays in the default cache, many enough to span the platforms. */
const REPEATED_BODIES = 256;
const BODY_SEED = 2222;
const TARGET_RATIO = 0.8;
const ANSWERED = [200, 422];

/**
 * Section 3: POST /v1/recommendations rotating a small set of bodies, each sent once before measuring, so
 * every measured answer is a cache hit; against GET /healthz of the same server right before and after.
 */
export async function repeatedBodiesSection(options: BenchOptions): Promise<SectionResult> {
  const bodies = generatedWorkloads(REPEATED_BODIES, BODY_SEED).map(({ body }) => body);
  const server = await BuiltServer.start();
  try {
    for (const body of bodies) {
      const response = await fetch(`${server.base}/v1/recommendations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
    }
    let next = 0;
    const nextBody = () => {
      const body = bodies[next % bodies.length] ?? '{}';
      next += 1;
      return body;
    };
    // JIT warm-up of the cached path (and of healthz in the run below).
    await load(server.base, 1, { nextBody });
    const healthzBefore = await healthzRun(server, options.loadSeconds, true);
    const countsBefore = countsOf(await server.metrics());
    const repeated = await load(server.base, options.loadSeconds, { nextBody });
    await server.waitUntilIdle();
    const countsAfter = countsOf(await server.metrics());
    const healthzAfter = await healthzRun(server, options.loadSeconds, false);
    const cache = cacheLine(countsBefore, countsAfter);
    const evaluated =
      countsBefore.evaluations === undefined || countsAfter.evaluations === undefined
        ? undefined
        : countsAfter.evaluations - countsBefore.evaluations;

    const healthz = (healthzBefore.requestsPerSecond + healthzAfter.requestsPerSecond) / 2;
    const ratio = repeated.requestsPerSecond / healthz;
    const failures = failuresOf(repeated, ANSWERED);
    return {
      lines: [
        `3. HTTP, repeated bodies, CACHED: ${REPEATED_BODIES} distinct bodies (seed ${BODY_SEED}), each sent once before measuring, then rotated; ${options.loadSeconds} s per run`,
        LOAD_NOTE,
        loadLine('GET /healthz (before)', healthzBefore, [200]),
        loadLine('POST /v1/recommendations, seen', repeated, ANSWERED),
        loadLine('GET /healthz (after)', healthzAfter, [200]),
        cache.line,
        `  recommendations/s ÷ healthz/s (mean of before and after, ${healthz.toFixed(0)}/s) = ${ratio.toFixed(3)} (target ≥ ${TARGET_RATIO}); p99 ${repeated.p99Ms} ms; failures ${failures}`,
      ],
      targets: [
        {
          target: `HTTP repeated bodies ≥ ${TARGET_RATIO} × healthz/s`,
          measured: `${ratio.toFixed(3)} (${repeated.requestsPerSecond.toFixed(0)} of ${healthz.toFixed(0)}/s)`,
          met: ratio >= TARGET_RATIO && failures === 0,
          provenance: evaluated === 0 || evaluated === undefined ? 'cached' : 'mixed',
        },
      ],
    };
  } finally {
    await server.stop();
  }
}

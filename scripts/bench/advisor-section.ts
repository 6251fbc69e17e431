import { performance } from 'node:perf_hooks';
import { Advisor } from '../../src/advice/advisor';
import { NoEligiblePlatformProblem } from '../../src/http/problem';
import { RULES_DIR } from '../../src/project-paths';
import { type Distribution, distributionOf } from '../support/distribution';
import { type GeneratedWorkload, generatedWorkloads } from '../support/generated-workloads';
import type { BenchOptions } from './options';
import { ms, type SectionResult } from './target';

const MEASURED_SEED = 20261211;
const WARM_UP_SEED = 7;
/** Workloads run before measuring, so the JIT has compiled the hot paths; none of them is measured. */
const WARM_UP_WORKLOADS = 300;
const TARGET_MEDIAN_MS = 1.5;
const TARGET_P99_MS = 4;

interface Sample {
  cpuMs: number;
  wallMs: number;
  status: 200 | 422;
}

/**
 * One uncached answer, as the HTTP route computes it: advise, then the JSON of the recommendation (200)
 * or of the no-eligible-platform problem (422). CPU time is the process's user + system time across the
 * call (garbage collection included, whichever thread ran it), wall time the elapsed time.
 */
async function answer(advisor: Advisor, generated: GeneratedWorkload): Promise<Sample> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const advice = await advisor.advise(generated.workload);
  const json =
    advice.kind === 'recommendation'
      ? JSON.stringify(advice.recommendation)
      : JSON.stringify(
          new NoEligiblePlatformProblem({
            platforms: advice.platforms,
            suggestions: advice.suggestions,
            rulesVersion: advisor.ruleSet.version,
          }).toBody(),
        );
  const wallMs = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  if (json.length === 0) throw new Error('an empty answer');
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    status: advice.kind === 'recommendation' ? 200 : 422,
  };
}

function row(label: string, cpu: Distribution): string {
  return `  ${label.padEnd(26)} ${String(cpu.count).padStart(5)}   median ${ms(cpu.median)}   p90 ${ms(cpu.p90)}   p99 ${ms(cpu.p99)}   max ${ms(cpu.max)}`;
}

/** Section 1: the advisor in this process, every workload new to it (no cache exists at this level). */
export async function advisorSection(options: BenchOptions): Promise<SectionResult> {
  const loadStarted = performance.now();
  const advisor = Advisor.fromRulesDir(RULES_DIR);
  const loadMs = performance.now() - loadStarted;
  const measured = generatedWorkloads(options.advisorWorkloads, MEASURED_SEED);
  const warmUp = generatedWorkloads(
    Math.min(WARM_UP_WORKLOADS, options.advisorWorkloads),
    WARM_UP_SEED,
    new Set(measured.map(({ body }) => body)),
  );
  for (const generated of warmUp) await answer(advisor, generated);

  const samples: Sample[] = [];
  const wallStarted = performance.now();
  for (const generated of measured) samples.push(await answer(advisor, generated));
  const wallSeconds = (performance.now() - wallStarted) / 1000;

  const all = distributionOf(samples.map(({ cpuMs }) => cpuMs));
  const of = (status: number) =>
    distributionOf(samples.filter((sample) => sample.status === status).map(({ cpuMs }) => cpuMs));
  const wall = distributionOf(samples.map(({ wallMs }) => wallMs));
  return {
    lines: [
      `1. In-process advisor, UNCACHED: Advisor.fromRulesDir (${ms(loadMs, 0)} to load), ${measured.length} distinct generated workloads (fast-check seed ${MEASURED_SEED}), each once, after a JIT warm-up on ${warmUp.length} other workloads`,
      '   CPU time (user + system) of advise + JSON.stringify of the answer, per workload:',
      row('all answers', all),
      row('200 recommendations', of(200)),
      row('422 no eligible platform', of(422)),
      `   wall time: ${wallSeconds.toFixed(1)} s for all ${measured.length} (${(measured.length / wallSeconds).toFixed(0)} answers/s on one core); per workload median ${ms(wall.median)}, p99 ${ms(wall.p99)}`,
      `   targets: median ≤ ${TARGET_MEDIAN_MS} ms, p99 ≤ ${TARGET_P99_MS} ms`,
    ],
    targets: [
      {
        target: `in-process answer CPU median ≤ ${TARGET_MEDIAN_MS} ms`,
        measured: ms(all.median),
        met: all.median <= TARGET_MEDIAN_MS,
        provenance: 'uncached',
      },
      {
        target: `in-process answer CPU p99 ≤ ${TARGET_P99_MS} ms`,
        measured: ms(all.p99),
        met: all.p99 <= TARGET_P99_MS,
        provenance: 'uncached',
      },
    ],
  };
}

import fc from 'fast-check';
import { validateWorkload, type Workload } from '../../src/contract/workload';
import { workloadRequest } from '../../test/properties/arbitraries';

/** A generated request body, as sent, and the workload the API makes of it. */
export interface GeneratedWorkload {
  body: string;
  workload: Workload;
}

/**
 * Distinct valid request bodies drawn from the property tests' arbitrary (every enum value, every
 * optional field present or absent, and the small web services the managed platforms win), so the bench
 * measures the same spread of workloads the properties check. A fixed seed gives the same bodies on every
 * run; bodies the API would reject and repeats are dropped. Bodies whose JSON is in `exclude` are
 * skipped, so a warm-up set never overlaps the measured one.
 */
export function generatedWorkloads(
  count: number,
  seed: number,
  exclude: ReadonlySet<string> = new Set(),
): GeneratedWorkload[] {
  const seen = new Set(exclude);
  const result: GeneratedWorkload[] = [];
  // Each round samples more than the remainder: a few bodies are repeats; the round cap bounds the loop.
  for (let round = 0; round < 10 && result.length < count; round += 1) {
    const wanted = count - result.length;
    for (const request of fc.sample(workloadRequest, { seed: seed + round, numRuns: wanted + 16 })) {
      const body = JSON.stringify(request);
      if (seen.has(body)) continue;
      seen.add(body);
      const validation = validateWorkload(request);
      if (!validation.ok) continue;
      result.push({ body, workload: validation.workload });
      if (result.length === count) break;
    }
  }
  if (result.length < count) throw new Error(`only ${result.length} of ${count} distinct valid workloads`);
  return result;
}

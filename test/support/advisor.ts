import type { Advice, Recommendation } from '../../src/advice/advice';
import { Advisor } from '../../src/advice/advisor';
import { validateWorkload, type Workload } from '../../src/contract/workload';
import { RULES_DIR } from '../../src/project-paths';

/** One advisor for the whole test run, built from the real rules/ exactly as the service builds it. */
export const advisor = Advisor.fromRulesDir(RULES_DIR);

/** Validates a request body and fills its defaults, failing the test if the body is invalid. */
export function normalize(body: unknown): Workload {
  const validation = validateWorkload(body);
  if (!validation.ok) throw new Error(`invalid test workload: ${JSON.stringify(validation.errors)}`);
  return validation.workload;
}

export async function advise(body: unknown): Promise<Advice> {
  return advisor.advise(normalize(body));
}

/** The recommendation for a body, failing the test when no platform is eligible. */
export async function recommend(body: unknown): Promise<Recommendation> {
  const advice = await advise(body);
  if (advice.kind !== 'recommendation') {
    throw new Error(
      `expected a recommendation, got no eligible platform: ${JSON.stringify(advice.platforms)}`,
    );
  }
  return advice.recommendation;
}

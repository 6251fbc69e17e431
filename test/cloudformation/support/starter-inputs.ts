import type { StarterConfigInput } from '../../../src/generators/starter-config';
import { advisor, normalize } from '../../support/advisor';

/**
 * The generator input for a workload on every platform that can run it, not only the recommended one: the
 * evaluations and designs the advisor makes before it chooses, from the real rules.
 */
export async function inputsOnEveryEligiblePlatform(body: unknown): Promise<StarterConfigInput[]> {
  const workload = normalize(body);
  return (await advisor.designEveryEligiblePlatform(workload)).map(({ evaluation, design }) => ({
    // As the advisor designed it: secret-looking variables already moved to secrets.
    workload: evaluation.facts.workload,
    platform: evaluation.platform,
    facts: evaluation.facts,
    design,
    instances: advisor.ruleSet.instanceCatalogue,
  }));
}

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { generateStarterConfig } from '../../src/generators/starter-config';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { workloadRequest } from '../properties/arbitraries';
import { noEligibleScenarios, scenarios } from '../scenarios/all-scenarios';
import { advise } from '../support/advisor';
import { WORKLOAD_MATRIX } from '../support/workload-matrix';

/**
 * The workloads whose answers pin Berth's behaviour across refactors: every scenario, the matrix, and
 * generated workloads from a fixed seed. Each is answered in full (the advice as JSON) and has its starter
 * files generated on every platform that can run it, not only the recommended one.
 */
const RANDOM_SEED = 20261201;
const RANDOM_WORKLOADS = 150;

export function behaviourCorpus(): { label: string; body: unknown }[] {
  return [
    ...scenarios.map((scenario) => ({ label: `scenario: ${scenario.name}`, body: scenario.workload })),
    ...noEligibleScenarios.map((scenario) => ({
      label: `no platform: ${scenario.name}`,
      body: scenario.workload,
    })),
    ...WORKLOAD_MATRIX.map(({ label, body }) => ({ label: `matrix: ${label}`, body })),
    ...fc
      .sample(workloadRequest, { numRuns: RANDOM_WORKLOADS, seed: RANDOM_SEED })
      .map((body, index) => ({ label: `generated ${String(index).padStart(3, '0')}`, body })),
  ];
}

/** What one workload produced: the answer without its starter files, and every eligible platform's files. */
export interface BehaviourOutput {
  answer: string;
  starterFiles: Record<string, { path: string; content: string }[]>;
}

export async function behaviourOf(body: unknown): Promise<BehaviourOutput> {
  const advice = await advise(body);
  // The id and rulesVersion hash the rule files' bytes, so they change with any edit to rules/, even a
  // reworded source; everything else in the answer must not.
  const answer =
    advice.kind === 'recommendation'
      ? JSON.stringify({
          ...advice.recommendation,
          id: 'rec_*',
          rulesVersion: '*',
          starterConfig: undefined,
        })
      : JSON.stringify(advice);
  const starterFiles: BehaviourOutput['starterFiles'] = {};
  for (const input of await inputsOnEveryEligiblePlatform(body)) {
    starterFiles[input.platform.id] = generateStarterConfig(input).map(({ path, content }) => ({
      path,
      content,
    }));
  }
  return { answer, starterFiles };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/** The digests the test compares: one for the answer, one per eligible platform's whole set of files. */
export function digestsOf(output: BehaviourOutput): Record<string, string> {
  const digests: Record<string, string> = { answer: digest(output.answer) };
  for (const [platformId, files] of Object.entries(output.starterFiles)) {
    digests[platformId] = digest(files.map(({ path, content }) => `${path}\u0000${content}`).join('\u0001'));
  }
  return digests;
}

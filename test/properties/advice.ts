import type { Advice } from '../../src/advice/advice';
import { advise } from '../support/advisor';
import { RANDOM_SEED } from '../support/random-seed';

/**
 * One seed for every property in a test file, so they all run on the same bodies and each body is advised
 * once (the engine takes tens of milliseconds a workload under Jest). fast-check prints the seed and the
 * path of any failure, so a failing run can be replayed with BERTH_TEST_SEED (or { seed, path }).
 */
export const SEED = RANDOM_SEED;

const answers = new Map<string, Promise<Advice>>();

/** The advice for a request body, computed once per body and test file. Callers must not mutate it. */
export function adviceFor(body: unknown): Promise<Advice> {
  const key = JSON.stringify(body);
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = advise(body);
    answers.set(key, answer);
  }
  return answer;
}

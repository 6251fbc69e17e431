import fc from 'fast-check';
import { withChanges } from '../../src/advice/request-changes';
import { validateWorkload } from '../../src/contract/workload';
import { advisor } from '../support/advisor';
import { RANDOM_SEED } from '../support/random-seed';
import { validWorkload } from './valid-workloads';

/** Each run advises a workload and then every changed workload its suggestions name. */
const RUNS = { seed: RANDOM_SEED, numRuns: 120 };
const PROPERTY_TIMEOUT_MS = 600_000;

describe('the suggestions of a recommendation', () => {
  describe('when any suggestion is applied to the request', () => {
    it(
      'gives a valid request whose answer recommends the suggested platform',
      async () => {
        await fc.assert(
          fc.asyncProperty(validWorkload, async (workload) => {
            const advice = await advisor.advise(workload);
            if (advice.kind !== 'recommendation') return;
            for (const suggestion of advice.recommendation.suggestions) {
              const validation = validateWorkload(withChanges(workload, suggestion.changes));
              expect({ suggestion, valid: validation.ok }).toEqual({ suggestion, valid: true });
              if (!validation.ok) return;
              const changed = await advisor.advise(validation.workload);
              expect({
                suggestion,
                recommended: changed.kind === 'recommendation' ? changed.recommendation.platform.id : '422',
              }).toEqual({ suggestion, recommended: suggestion.platformId });
            }
          }),
          RUNS,
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });

  describe('for any request', () => {
    it(
      'names only the runner-up and blocked platforms, never the winner',
      async () => {
        await fc.assert(
          fc.asyncProperty(validWorkload, async (workload) => {
            const advice = await advisor.advise(workload);
            if (advice.kind !== 'recommendation') return;
            const { alternatives, platform, suggestions } = advice.recommendation;
            for (const suggestion of suggestions) {
              expect(suggestion.platformId).not.toBe(platform.id);
              const alternative = alternatives.find((entry) => entry.platformId === suggestion.platformId);
              expect(alternative?.rank === 2 || alternative?.eligible === false).toBe(true);
              expect(suggestion.changes.length).toBeGreaterThan(0);
            }
          }),
          { ...RUNS, numRuns: 60 },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });
});

import fc from 'fast-check';
import { Advisor } from '../../src/advice/advisor';
import { ApplicationDesigner } from '../../src/advice/application/application-designer';
import { validateWorkload } from '../../src/contract/workload';
import { RULES_DIR } from '../../src/project-paths';
import { RANDOM_SEED } from '../support/random-seed';
import { validWorkloadRequest } from './arbitraries';

const advisor = Advisor.fromRulesDir(RULES_DIR);
const designer = new ApplicationDesigner(advisor);

/** Two to four generated services, named apart, each a valid workload request. */
const application = fc.array(validWorkloadRequest, { minLength: 2, maxLength: 4 }).map((requests) => ({
  name: 'app',
  services: requests.map((request, index) => ({ ...request, name: `svc-${index}` })),
}));

describe('an application designed together', () => {
  it('answers every service, each on a platform that meets its hard requirements, or names the one no platform can run', async () => {
    await fc.assert(
      fc.asyncProperty(application, async (body) => {
        const design = await designer.design(body);
        expect(design.kind).not.toBe('invalid');
        if (design.kind === 'no-eligible-platform') {
          const service = body.services[design.index];
          expect(service?.name).toBe(design.service);
          // The 422 is that service's own: validated and answered alone, no platform can run it either.
          const alone = validateWorkload(service);
          expect(alone.ok).toBe(true);
          if (alone.ok) expect((await advisor.advise(alone.workload)).kind).toBe('no-eligible-platform');
          return;
        }
        if (design.kind !== 'architecture') return;
        const { answer } = design;
        expect(answer.services.map((service) => service.name)).toEqual(
          body.services.map((service) => service.name),
        );
        for (const { recommendation } of answer.services) {
          const standing = recommendation.alternatives.find(
            (alternative) => alternative.platformId === recommendation.platform.id,
          );
          expect(standing?.eligible).toBe(true);
          expect(standing?.blockers).toEqual([]);
        }
        const sum = answer.monthlyCost.lines.reduce((total, line) => total + line.monthly, 0);
        expect(answer.monthlyCost.total).toBeCloseTo(sum, 1);
      }),
      { seed: RANDOM_SEED, numRuns: 60 },
    );
  }, 300_000);
});

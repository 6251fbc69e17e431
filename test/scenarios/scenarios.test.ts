import type { Advice, Recommendation } from '../../src/advice/advice';
import { advise } from '../support/advisor';
import { CONTRACT_PLATFORM_IDS } from '../support/contract-platform-ids';
import { noEligibleScenarios, scenarios } from './all-scenarios';
import type { Scenario } from './scenarios.cases';

function expectBlockers(
  platforms: { platformId: string; blockers: string[] }[],
  want: Scenario['want']['blockers'],
): void {
  for (const [platformId, blocker] of Object.entries(want ?? {})) {
    const platform = platforms.find((candidate) => candidate.platformId === platformId);
    expect({ platformId, blockers: platform?.blockers }).toEqual({
      platformId,
      blockers: expect.arrayContaining([expect.stringMatching(blocker)]),
    });
  }
}

function loadBalancerTitle(loadBalancer: Scenario['want']['loadBalancer']): string {
  if (loadBalancer.type === 'none') return 'puts no load balancer in front of it';
  if (loadBalancer.type === 'built-in') return 'uses the platform’s own HTTPS endpoint';
  return `fronts it with ${loadBalancer.scheme === 'internal' ? 'an internal' : 'an'} ${loadBalancer.type?.toUpperCase()}`;
}

describe('recommendations for realistic workloads', () => {
  for (const scenario of scenarios) {
    describe(`when the workload is ${scenario.name}`, () => {
      const { want } = scenario;
      let recommendation: Recommendation;

      beforeAll(async () => {
        const advice = await advise(scenario.workload);
        if (advice.kind !== 'recommendation') throw new Error(`no platform is eligible for ${scenario.name}`);
        recommendation = advice.recommendation;
      });

      it(`recommends ${want.platform}`, () => {
        expect(recommendation.platform.id).toBe(want.platform);
      });

      it(loadBalancerTitle(want.loadBalancer), () => {
        expect(recommendation.loadBalancer).toMatchObject(want.loadBalancer);
      });

      it(
        want.storage.type === 'none'
          ? 'attaches no persistent storage'
          : `stores its data on ${want.storage.type}`,
        () => {
          expect(recommendation.storage).toMatchObject(want.storage);
        },
      );

      it(`scales it first with ${want.scalingPolicy}`, () => {
        expect(recommendation.scaling.policies[0]?.type).toBe(want.scalingPolicy);
      });

      it(
        want.triggers === undefined ? 'starts it without a trigger' : 'starts it with the right trigger',
        () => {
          expect(recommendation.triggers).toMatchObject(want.triggers ?? []);
        },
      );

      if (want.capacityProviders !== undefined) {
        it(`runs it on ${want.capacityProviders.join(' + ')}`, () => {
          const providers = recommendation.scaling.capacityProviderStrategy?.map(
            (item) => item.capacityProvider,
          );
          expect(providers).toEqual(want.capacityProviders);
        });
      }

      if (want.warnings !== undefined) {
        it('warns about what the caller must know', () => {
          expect(recommendation.warnings).toEqual(
            expect.arrayContaining((want.warnings ?? []).map((warning) => expect.stringContaining(warning))),
          );
        });
      }

      if (want.blockers !== undefined) {
        it('says why the platforms it could not use are out', () => {
          expectBlockers(recommendation.alternatives, want.blockers);
        });
      }

      if (want.taskRoleStatements !== undefined) {
        it('grants the task role exactly what the application calls', () => {
          expect(recommendation.iam.taskRole.statements).toEqual(want.taskRoleStatements);
        });
      }
    });
  }
});

describe('answers for workloads no platform can run', () => {
  for (const scenario of noEligibleScenarios) {
    describe(`when the workload is ${scenario.name}`, () => {
      const { want } = scenario;
      let advice: Extract<Advice, { kind: 'no-eligible-platform' }>;

      beforeAll(async () => {
        const result = await advise(scenario.workload);
        if (result.kind !== 'no-eligible-platform') throw new Error(`${scenario.name} got a recommendation`);
        advice = result;
      });

      it('recommends no platform and lists every platform with its blockers', () => {
        expect(advice.platforms).toHaveLength(CONTRACT_PLATFORM_IDS.length);
        for (const platform of advice.platforms) expect(platform.blockers.length).toBeGreaterThan(0);
        expectBlockers(advice.platforms, want.blockers);
      });

      const { firstSuggestion } = want;
      if (firstSuggestion !== undefined) {
        it(`suggests first: ${firstSuggestion.changes.map((change) => `${change.path} = ${JSON.stringify(change.to)}`).join(', ')} for ${firstSuggestion.platformId}`, () => {
          const [first] = advice.suggestions;
          expect({
            platformId: first?.platformId,
            changes: first?.changes.map(({ path, to }) => ({ path, to })),
          }).toEqual(firstSuggestion);
        });
      }

      for (const suggestion of want.alsoSuggests ?? []) {
        it(`also suggests ${suggestion.changes.map((change) => `${change.path} = ${JSON.stringify(change.to)}`).join(', ')} for ${suggestion.platformId}`, () => {
          const offered = advice.suggestions.map(({ platformId, changes }) => ({
            platformId,
            changes: changes.map(({ path, to }) => ({ path, to })),
          }));
          expect(offered).toContainEqual(suggestion);
        });
      }
    });
  }
});

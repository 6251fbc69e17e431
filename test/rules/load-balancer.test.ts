import { loadBalancerCases } from './load-balancer.cases';
import { byRule, designTitle, expectDesignRule, recommendationFor } from './rule-case';

describe('load-balancer rules', () => {
  for (const [rule, rows] of byRule(loadBalancerCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          it(designTitle(row, `fronts it with ${JSON.stringify(row.want)}`), async () => {
            const recommendation = await recommendationFor(row.workload);
            expectDesignRule(recommendation, row);
            expect(recommendation.loadBalancer).toMatchObject(row.want);
          });
        });
      }
    });
  }

  describe('when the workload is a queue worker', () => {
    it('gives the load balancer no scheme, since there is none', async () => {
      const recommendation = await recommendationFor({ workloadType: 'worker' });
      expect(recommendation.loadBalancer).not.toHaveProperty('scheme');
    });
  });
});

import { byRule, designTitle, expectDesignRule, recommendationFor } from './rule-case';
import { scalingCases } from './scaling.cases';

describe('scaling rules', () => {
  for (const [rule, rows] of byRule(scalingCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          it(designTitle(row, `scales with ${JSON.stringify(row.want)}`), async () => {
            const recommendation = await recommendationFor(row.workload);
            expectDesignRule(recommendation, row);
            const { policies, capacityProviderStrategy, minCapacity, maxCapacity } = recommendation.scaling;
            const { want } = row;
            if (want.policies !== undefined) {
              expect(policies).toEqual(
                expect.arrayContaining(want.policies.map((policy) => expect.objectContaining(policy))),
              );
            }
            if (want.capacityProviderStrategy === 'none') expect(capacityProviderStrategy).toBeUndefined();
            else if (want.capacityProviderStrategy !== undefined)
              expect(capacityProviderStrategy).toEqual(want.capacityProviderStrategy);
            if (want.instanceMarket !== undefined)
              expect(recommendation.scaling).toHaveProperty('instanceMarket', want.instanceMarket);
            if (want.computeEnvironment === 'none') expect(recommendation.computeEnvironment).toBeUndefined();
            else if (want.computeEnvironment !== undefined)
              expect(recommendation.computeEnvironment).toMatchObject(want.computeEnvironment);
            if (want.minCapacity !== undefined) expect(minCapacity).toBe(want.minCapacity);
            if (want.maxCapacity !== undefined) expect(maxCapacity).toBe(want.maxCapacity);
          });
        });
      }
    });
  }
});

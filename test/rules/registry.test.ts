import { registryCases } from './registry.cases';
import { byRule, designTitle, expectDesignRule, recommendationFor } from './rule-case';

describe('registry rules', () => {
  for (const [rule, rows] of byRule(registryCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          it(designTitle(row, `stores the image as ${JSON.stringify(row.want)}`), async () => {
            const recommendation = await recommendationFor(row.workload);
            expectDesignRule(recommendation, row);
            expect(recommendation.registry).toMatchObject(row.want);
          });
        });
      }
    });
  }
});

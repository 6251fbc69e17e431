import { byRule, designTitle, expectDesignRule, recommendationFor } from './rule-case';
import { triggersCases } from './triggers.cases';

describe('trigger rules', () => {
  for (const [rule, rows] of byRule(triggersCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          it(
            designTitle(row, `starts it with ${JSON.stringify(row.want.map((trigger) => trigger.type))}`),
            async () => {
              const recommendation = await recommendationFor(row.workload);
              expectDesignRule(recommendation, row);
              expect(recommendation.triggers).toMatchObject(row.want);
              row.want.forEach((trigger, index) => {
                if (trigger.pattern !== undefined)
                  expect(recommendation.triggers[index]?.pattern).toEqual(trigger.pattern);
              });
            },
          );
        });
      }
    });
  }
});

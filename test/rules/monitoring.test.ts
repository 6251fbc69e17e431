import { monitoringCases } from './monitoring.cases';
import { byRule, designTitle, expectDesignRule, recommendationFor } from './rule-case';

describe('monitoring rules', () => {
  for (const [rule, rows] of byRule(monitoringCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          const names = row.want.map((monitor) => monitor.name);
          it(designTitle(row, `watches it with ${JSON.stringify(names)}`), async () => {
            const recommendation = await recommendationFor(row.workload);
            expectDesignRule(recommendation, row);
            expect(recommendation.monitoring).toMatchObject(row.want);
            row.want.forEach((monitor, index) => {
              if (monitor.pattern !== undefined)
                expect(recommendation.monitoring[index]?.pattern).toEqual(monitor.pattern);
            });
          });
        });
      }
    });
  }
});

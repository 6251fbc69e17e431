import { costCases } from './cost.cases';
import {
  byRule,
  DOES_NOT_FIRE,
  expectNotFiredFor,
  expectScored,
  recommendationFor,
  signed,
} from './rule-case';

describe('cost rules', () => {
  for (const [rule, rows] of byRule(costCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          const { want } = row;
          if (want === DOES_NOT_FIRE) {
            it(`leaves ${row.platform}'s score alone`, async () => {
              expectNotFiredFor(await recommendationFor(row.workload), row);
            });
          } else {
            it(`moves ${row.platform}'s score by ${signed(want.points)}, naming both monthly figures`, async () => {
              const recommendation = await recommendationFor(row.workload);
              expectScored(recommendation, row, 'cost', want);
              const reason = recommendation.alternatives
                .find((alternative) => alternative.platformId === row.platform)
                ?.reasons.find((text) => text.startsWith(`${signed(want.points)}:`));
              expect(reason).toMatch(/About \$\d+(\.\d+)? a month.*\$\d+(\.\d+)?/);
            });
          }
        });
      }
    });
  }
});

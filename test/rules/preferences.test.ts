import { preferencesCases } from './preferences.cases';
import {
  byRule,
  DOES_NOT_FIRE,
  expectNotFiredFor,
  expectScored,
  recommendationFor,
  signed,
} from './rule-case';

describe('preference rules', () => {
  for (const [rule, rows] of byRule(preferencesCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          const { want } = row;
          if (want === DOES_NOT_FIRE) {
            it(`leaves ${row.platform}'s score alone`, async () => {
              expectNotFiredFor(await recommendationFor(row.workload), row);
            });
          } else {
            it(`moves ${row.platform}'s score by ${signed(want.points)}, with the reason`, async () => {
              expectScored(await recommendationFor(row.workload), row, 'preferences', want);
            });
          }
        });
      }
    });
  }
});

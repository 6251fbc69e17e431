import { lifecycleCases } from './lifecycle.cases';
import {
  byRule,
  DOES_NOT_FIRE,
  expectExcluded,
  expectNotFiredFor,
  expectScored,
  recommendationFor,
  signed,
} from './rule-case';

describe('lifecycle rules', () => {
  for (const [rule, rows] of byRule(lifecycleCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          const { want } = row;
          if (want === DOES_NOT_FIRE) {
            it(`does not fire for ${row.platform}`, async () => {
              expectNotFiredFor(await recommendationFor(row.workload), row);
            });
          } else if ('points' in want) {
            it(`moves ${row.platform}'s score by ${signed(want.points)}`, async () => {
              expectScored(await recommendationFor(row.workload), row, 'lifecycle', want);
            });
          } else {
            it(`excludes ${row.platform} with a blocker matching ${want.blockerMentions}`, async () => {
              expectExcluded(await recommendationFor(row.workload), row, 'lifecycle', want);
            });
          }
        });
      }
    });
  }
});

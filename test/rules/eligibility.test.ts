import { eligibilityCases } from './eligibility.cases';
import { byRule, DOES_NOT_FIRE, expectExcluded, expectNotFiredFor, recommendationFor } from './rule-case';

describe('eligibility rules', () => {
  for (const [rule, rows] of byRule(eligibilityCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          const { want } = row;
          if (want === DOES_NOT_FIRE) {
            it(`leaves ${row.platform} unblocked by this rule`, async () => {
              expectNotFiredFor(await recommendationFor(row.workload), row);
            });
          } else {
            it(`excludes ${row.platform} with a blocker matching ${want.blockerMentions}`, async () => {
              expectExcluded(await recommendationFor(row.workload), row, 'eligibility', want);
            });
          }
        });
      }
    });
  }
});

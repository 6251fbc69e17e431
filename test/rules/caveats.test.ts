import { caveatsCases } from './caveats.cases';
import { byRule, DOES_NOT_FIRE, expectNotFiredFor, expectWarned, recommendationFor } from './rule-case';

describe('caveat rules', () => {
  for (const [rule, rows] of byRule(caveatsCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          const { want } = row;
          if (want === DOES_NOT_FIRE) {
            it(`raises no such caveat about ${row.platform}`, async () => {
              expectNotFiredFor(await recommendationFor(row.workload), row);
            });
          } else {
            it(`chooses ${row.platform} and warns: "${want.warning}"`, async () => {
              expectWarned(await recommendationFor(row.workload), row, want);
            });
          }
        });
      }
    });
  }
});

import { webWorkload } from '../support/workloads';
import { byRule, designTitle, expectDesignRule, recommendationFor } from './rule-case';
import { storageCases } from './storage.cases';

describe('storage rules', () => {
  for (const [rule, rows] of byRule(storageCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          it(designTitle(row, `provides ${JSON.stringify(row.want)}`), async () => {
            const recommendation = await recommendationFor(row.workload);
            expectDesignRule(recommendation, row);
            expect(recommendation.storage).toMatchObject(row.want);
          });
        });
      }
    });
  }

  describe('when a requested size is raised to the service minimum', () => {
    it('says so in a warning', async () => {
      const recommendation = await recommendationFor(
        webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file', sizeGiB: 20 } }),
      );
      expect(recommendation.warnings).toContain(
        'fsx-windows volumes start at 32 GiB: the requested 20 GiB becomes 32 GiB.',
      );
    });
  });
});

import { type IamWant, iamCases } from './iam.cases';
import { byRule, designTitle, expectDesignRule, recommendationFor } from './rule-case';

/** "taskRole (pods.eks.amazonaws.com) with 1 statement", one clause per role the row specifies. */
function rolesTitle(roles: IamWant['roles']): string {
  return Object.entries(roles)
    .map(([slot, role]) => {
      const policies = role?.managedPolicyArns?.map((arn) => arn?.split('/').pop()).join(' + ');
      const trusted = role?.trustedService === undefined ? '' : ` (${role.trustedService})`;
      const granted =
        role?.statements !== undefined
          ? ` with ${role.statements.length} statement${role.statements.length === 1 ? '' : 's'}`
          : policies === undefined
            ? ''
            : ` with ${policies}`;
      return `${slot}${trusted}${granted}`;
    })
    .join(' and ');
}

describe('IAM rules', () => {
  for (const [rule, rows] of byRule(iamCases)) {
    describe(rule, () => {
      for (const row of rows) {
        describe(`when ${row.given}`, () => {
          it(designTitle(row, `gives it ${rolesTitle(row.want.roles)}`), async () => {
            const recommendation = await recommendationFor(row.workload);
            expectDesignRule(recommendation, row);
            expect(recommendation.iam).toMatchObject(row.want.roles);
            for (const slot of row.want.without ?? []) expect(recommendation.iam).not.toHaveProperty(slot);
          });
        });
      }
    });
  }
});

import { costCases } from './cost.cases';
import { describeScoreRules, signed } from './rule-case';

describeScoreRules('cost rules', 'cost', costCases, {
  what: 'naming both monthly figures',
  check: (recommendation, row, want) => {
    const reason = recommendation.alternatives
      .find((alternative) => alternative.platformId === row.platform)
      ?.reasons.find((text) => text.startsWith(`${signed(want.points)}:`));
    expect(reason).toMatch(/About \$\d+(\.\d+)? a month.*\$\d+(\.\d+)?/);
  },
});

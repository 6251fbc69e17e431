import {
  canonicalScheduleExpression,
  parseScheduleExpression,
  scheduleExpressionProblem,
} from '../../src/shared/schedule-expression';

describe('EventBridge schedule expressions', () => {
  describe('a rate unit agrees in number with its value, as EventBridge requires', () => {
    it.each([
      'rate(1 minute)',
      'rate(1 hour)',
      'rate(1 day)',
      'rate(5 minutes)',
      'rate(2 hours)',
      'rate(30 days)',
    ])('accepts %s', (expression) => {
      expect(scheduleExpressionProblem(expression)).toBeNull();
    });

    it.each([
      { given: 'rate(1 hours)', suggests: 'rate(1 hour)' },
      { given: 'rate(1 minutes)', suggests: 'rate(1 minute)' },
      { given: 'rate(2 hour)', suggests: 'rate(2 hours)' },
      { given: 'rate(10 day)', suggests: 'rate(10 days)' },
    ])('refuses $given and suggests $suggests', ({ given, suggests }) => {
      expect(scheduleExpressionProblem(given)).toContain(`"${suggests}"`);
    });
  });

  describe('a cron gives exactly one of day-of-month and day-of-week', () => {
    it.each(['cron(0 2 * * ? *)', 'cron(15 10 ? * MON-FRI *)', 'cron(0 12 1 * ? *)'])(
      'accepts %s',
      (expression) => {
        expect(scheduleExpressionProblem(expression)).toBeNull();
      },
    );

    it.each(['cron(0 2 * * * *)', 'cron(0 2 1 * MON *)', 'cron(0 2 ? * ? *)'])('refuses %s', (expression) => {
      expect(scheduleExpressionProblem(expression)).toMatch(/day-of-month.*day-of-week/);
    });
  });

  it('leaves to the schema pattern what it cannot read', () => {
    expect(parseScheduleExpression('every hour')).toBeNull();
    expect(scheduleExpressionProblem('every hour')).toBeNull();
  });

  it('writes an expression with single spaces and nothing inside the parentheses, as CloudFormation reads it', () => {
    expect(canonicalScheduleExpression('rate( 5   minutes )')).toBe('rate(5 minutes)');
    expect(canonicalScheduleExpression('cron( 30  6 ?\t* 2 * )')).toBe('cron(30 6 ? * 2 *)');
    expect(canonicalScheduleExpression('rate(1 hour)')).toBe('rate(1 hour)');
  });
});

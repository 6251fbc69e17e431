import { shortestIntervalMinutes } from '../../src/shared/schedule-interval';

describe('shortestIntervalMinutes', () => {
  const cases = [
    { given: 'rate(5 minutes)', want: 5 },
    { given: 'rate(2 hours)', want: 120 },
    { given: 'rate(1 day)', want: 1440 },
    { given: 'cron(0/15 * * * ? *)', want: 15 },
    { given: 'cron(*/5 9-17 ? * MON-FRI *)', want: 5 },
    { given: 'cron(0 9,17 * * ? *)', want: 480 },
    { given: 'cron(0 2 * * ? *)', want: 1440 },
    { given: 'cron(0 9 ? * MON,THU *)', want: 3 * 1440 },
    { given: 'cron(0 0 1 * ? *)', want: 28 * 1440 },
    { given: 'cron(0 0 1,15 * ? *)', want: 14 * 1440 },
    { given: 'cron(0 0 L * ? *)', want: 1440 },
  ];
  it.each(cases)('is $want minutes for $given', ({ given, want }) => {
    expect(shortestIntervalMinutes(given)).toBe(want);
  });

  it('is unknown for an expression it cannot read', () => {
    expect(shortestIntervalMinutes('cron(0 2 * *)')).toBeNull();
  });
});

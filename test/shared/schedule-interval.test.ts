import fc from 'fast-check';
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

describe('shortestIntervalMinutes of a cron that fires at set minutes of set hours every day', () => {
  /** The day's ticks listed one by one, the shortest gap between them, and round to the next day. */
  function byListingTicks(minutes: readonly number[], hours: readonly number[]): number {
    const ticks = hours.flatMap((hour) => minutes.map((minute) => hour * 60 + minute)).sort((a, b) => a - b);
    const gaps = ticks.slice(1).map((tick, index) => tick - (ticks[index] as number));
    gaps.push(1440 + (ticks[0] as number) - (ticks[ticks.length - 1] as number));
    return Math.min(...gaps);
  }
  const values = (max: number) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 12 })
      .map((list) => list.sort((a, b) => a - b));

  it('is the shortest gap between its ticks listed one by one', () => {
    fc.assert(
      fc.property(values(59), values(23), (minutes, hours) => {
        expect(shortestIntervalMinutes(`cron(${minutes.join(',')} ${hours.join(',')} * * ? *)`)).toBe(
          byListingTicks(minutes, hours),
        );
      }),
      { seed: 1204, numRuns: 500 },
    );
  });
});

import { toKubernetesSchedule } from '../../src/shared/kubernetes-schedule';

describe('EKS CronJob schedule', () => {
  describe('when the EventBridge expression has an exact cron equivalent', () => {
    it.each([
      { given: 'cron(0 2 * * ? *)', want: '0 2 * * *' },
      { given: 'cron(30 8 1 * ? *)', want: '30 8 1 * *' },
      { given: 'cron(0/15 * * * ? *)', want: '0/15 * * * *' },
      { given: 'cron(0 18 ? * MON-FRI *)', want: '0 18 * * MON-FRI' },
      { given: 'cron(0 9 ? * 2-6 *)', want: '0 9 * * 1-5' },
      { given: 'cron(0 0 ? * 1,7 *)', want: '0 0 * * 0,6' },
      { given: 'cron(0 12 ? JAN-MAR 2 *)', want: '0 12 * JAN-MAR 1' },
      { given: 'rate(1 minute)', want: '* * * * *' },
      { given: 'rate(5 minutes)', want: '*/5 * * * *' },
      { given: 'rate(30 minutes)', want: '*/30 * * * *' },
      { given: 'rate(60 minutes)', want: '0 * * * *' },
      { given: 'rate(1 hour)', want: '0 * * * *' },
      { given: 'rate(6 hours)', want: '0 */6 * * *' },
      { given: 'rate(24 hours)', want: '0 0 * * *' },
      { given: 'rate(1 day)', want: '0 0 * * *' },
      { given: 'rate(7 days)', want: '0 0 * * 0' },
      { given: 'rate( 2 hours )', want: '0 */2 * * *' },
    ])('converts $given to $want', ({ given, want }) => {
      expect(toKubernetesSchedule(given)).toEqual({ schedule: want, exact: true });
    });
  });

  describe('when the EventBridge expression has no exact cron equivalent', () => {
    it.each([
      { given: 'rate(7 minutes)', want: '*/7 * * * *', because: 'restarts its count every hour' },
      { given: 'rate(90 minutes)', want: '0 */2 * * *', because: 'cannot step by 90 minutes' },
      { given: 'rate(5 hours)', want: '0 */5 * * *', because: 'restarts its count every day' },
      { given: 'rate(3 days)', want: '0 0 */3 * *', because: 'restarts its count every month' },
      { given: 'cron(15 10 L * ? *)', want: '15 10 28 * *', because: 'last day of the month' },
      { given: 'cron(0 12 15W * ? *)', want: '0 12 15 * *', because: 'nearest weekday' },
      { given: 'cron(0 8 ? * 6#3 *)', want: '0 8 * * 5', because: 'nth weekday' },
      { given: 'cron(0 0 ? * 6L *)', want: '0 0 * * 5', because: 'last weekday' },
      { given: 'cron(0 2 * * ? 2030)', want: '0 2 * * *', because: 'no year field' },
    ])('uses the closest, $want, for $given and explains why', ({ given, want, because }) => {
      const converted = toKubernetesSchedule(given);
      expect(converted).toMatchObject({ schedule: want, exact: false });
      expect(converted.note).toContain(because);
      expect(converted.note).toContain(`\`${want}\``);
    });

    it('falls back to daily at midnight for an expression it cannot read, without repeating it', () => {
      const converted = toKubernetesSchedule('cron(0 2 * * ? `rm`\n)');
      expect(converted).toMatchObject({ schedule: '0 0 * * *', exact: false });
      expect(converted.note).not.toContain('rm');
    });
  });
});

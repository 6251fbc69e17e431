import { WarningThrottle } from '../../src/observability/warning-throttle';

describe('WarningThrottle', () => {
  it('logs the first occurrence, then at most once per interval with how many it held back', () => {
    let now = 0;
    const throttle = new WarningThrottle(60_000, () => now);
    const decisions = [0, 1_000, 30_000, 59_999, 60_000, 61_000, 130_000].map((at) => {
      now = at;
      return throttle.next();
    });
    expect(decisions).toEqual([
      { log: true, heldBack: 0 },
      { log: false },
      { log: false },
      { log: false },
      { log: true, heldBack: 3 },
      { log: false },
      { log: true, heldBack: 1 },
    ]);
  });

  describe('when reset (the trouble is over)', () => {
    it('logs the next occurrence at once', () => {
      let now = 0;
      const throttle = new WarningThrottle(60_000, () => now);
      throttle.next();
      now = 1_000;
      throttle.next();
      throttle.reset();
      now = 2_000;
      expect(throttle.next()).toEqual({ log: true, heldBack: 0 });
    });
  });
});

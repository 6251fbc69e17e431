const Sequencer = require('@jest/test-sequencer').default;

/**
 * The suites that take longest, slowest first, as measured with `npx jest --json` (each suite's endTime
 * minus startTime). Jest orders suites by the durations in its cache, and a clean clone (CI) has none, so
 * it falls back to file size, which starts the small, slow property suites last: one worker then runs the
 * longest suite alone at the end while the other idles. Starting these first keeps both workers busy.
 * A suite missing from the list only starts later; nothing is skipped.
 */
const SLOWEST_FIRST = [
  '/test/engine/shared-condition-rules.test.ts',
  '/test/cloudformation/cfn-lint.test.ts',
  '/test/production/dockerfile.test.ts',
  '/test/engine/restanding.test.ts',
  '/test/generators/architecture-diagrams.test.ts',
  '/test/production/graceful-shutdown.test.ts',
  '/test/behaviour/behaviour-unchanged.test.ts',
  '/test/browser/workbench.test.ts',
  '/test/properties/advice.test.ts',
  '/test/engine/fact-dependencies.test.ts',
];

function rankOf(path) {
  const rank = SLOWEST_FIRST.findIndex((suffix) => path.replaceAll('\\', '/').endsWith(suffix));
  return rank === -1 ? SLOWEST_FIRST.length : rank;
}

class SlowSuitesFirst extends Sequencer {
  sort(tests) {
    // Array.prototype.sort is stable: the rest keep jest's own order.
    return [...super.sort(tests)].sort((a, b) => rankOf(a.path) - rankOf(b.path));
  }
}

module.exports = SlowSuitesFirst;

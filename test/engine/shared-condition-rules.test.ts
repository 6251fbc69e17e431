import fc from 'fast-check';
import { Advisor } from '../../src/advice/advisor';
import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import { TaskSizer } from '../../src/catalogue/task-sizes';
import type { Workload } from '../../src/contract/workload';
import type { EngineName } from '../../src/design/events/rule-event';
import { type Architecture, buildFacts, type Facts } from '../../src/engine/facts';
import { PerPlatformRules } from '../../src/engine/per-platform-rules';
import { loadRuleSet } from '../../src/engine/rule-set';
import type { FiredRule } from '../../src/engine/rules-engine';
import { SharedConditionRules } from '../../src/engine/shared-condition-rules';
import { RULES_DIR } from '../../src/project-paths';
import { validWorkload as workload } from '../properties/valid-workloads';

/** Thousands of generated workloads take a minute on a quiet 2-core machine, several when it is busy. */
const PROPERTY_TIMEOUT_MS = 600_000;
/**
 * The shared evaluation (each distinct condition once for all platforms) is an optimization of the
 * per-platform one (one engine per platform): for any workload, both must fire the same rules with the
 * same params for every platform, and the advisor must give the same answer, byte for byte, on either.
 */

const ruleSet = loadRuleSet(RULES_DIR);
const sizer = new TaskSizer(ruleSet.taskSizes);
const SEED = 20261202;
/**
 * Workloads per check: every answer now carries suggestions, whose search evaluates more, so 1,000 answers
 * on both paths take about as long as 2,000 did; the bounds keep the suite inside CI's time with the rest.
 */
const FIRED_RULES_RUNS = 500;
const ANSWER_RUNS = 1000;

function everyPlatformsFacts(subject: Workload, costChoice?: Architecture): Map<PlatformId, Facts> {
  return new Map(
    ruleSet.platforms.map((platform) => [platform.id, buildFacts(subject, platform, sizer, costChoice)]),
  );
}

/** What fired, as data: rule names with their resolved params and event types, per platform. */
function firedAsData(fired: Map<string, FiredRule[]>): Record<string, unknown[]> {
  return Object.fromEntries(
    [...fired].map(([platformId, rules]) => [
      platformId,
      rules.map(({ rule, type, params }) => ({ rule: rule.name, type, params })),
    ]),
  );
}

describe.each<EngineName>(['platform-fit', 'design'])('the %s rules, shared across platforms', (phase) => {
  const rules = ruleSet.rules.filter((rule) => rule.engine === phase);
  const shared = new SharedConditionRules(rules, ruleSet.platforms);
  const perPlatform = new PerPlatformRules(rules, ruleSet.platforms);
  const everyPlatform = ruleSet.platforms.map((platform) => platform.id);

  it('evaluate fewer conditions than the platforms have rules', () => {
    const perPlatformRuleCount = everyPlatform.reduce(
      (sum, platformId) => sum + perPlatform.engineFor(platformId).ruleCount,
      0,
    );
    expect(shared.conditionCount).toBeLessThan(perPlatformRuleCount);
  });

  it(
    'fire, for every platform and any workload, the rules one engine per platform fires, with the same params',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          workload,
          fc.constantFrom<Architecture | undefined>(undefined, 'arm64'),
          async (subject, costChoice) => {
            const facts = everyPlatformsFacts(subject, costChoice);
            expect(firedAsData(await shared.run(facts, everyPlatform))).toEqual(
              firedAsData(await perPlatform.run(facts, everyPlatform)),
            );
          },
        ),
        { seed: SEED, numRuns: FIRED_RULES_RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('the advisor with shared conditions', () => {
  const sharedAdvisor = new Advisor(ruleSet);
  const referenceAdvisor = new Advisor(ruleSet, { evaluation: 'per-platform' });

  it(
    'gives the same answer bytes as the per-platform reference, for any workload',
    async () => {
      await fc.assert(
        fc.asyncProperty(workload, async (subject) => {
          expect(JSON.stringify(await sharedAdvisor.advise(subject))).toBe(
            JSON.stringify(await referenceAdvisor.advise(subject)),
          );
        }),
        { seed: SEED, numRuns: ANSWER_RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

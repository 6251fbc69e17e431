import fc from 'fast-check';
import { withChanges } from '../../src/advice/request-changes';
import { TaskSizer } from '../../src/catalogue/task-sizes';
import { validateWorkload, type Workload } from '../../src/contract/workload';
import {
  ARCHITECTURES,
  CONTROL_LEVELS,
  COST_SENSITIVITIES,
  EXPOSURES,
  KUBERNETES_STANCES,
  OPERATING_SYSTEMS,
  PERSISTENCE_TYPES,
  PROTOCOLS,
  TRAFFIC_PATTERNS,
} from '../../src/contract/workload-schema';
import { PerPlatformRules } from '../../src/engine/per-platform-rules';
import { PlatformEvaluator } from '../../src/engine/platform-evaluation';
import { loadRuleSet } from '../../src/engine/rule-set';
import { SharedConditionRules } from '../../src/engine/shared-condition-rules';
import { RULES_DIR } from '../../src/project-paths';
import { validWorkload } from '../properties/valid-workloads';
import { RANDOM_SEED } from '../support/random-seed';

const ruleSet = loadRuleSet(RULES_DIR);
const fit = ruleSet.rules.filter((rule) => rule.engine === 'platform-fit');
const evaluator = new PlatformEvaluator(
  new SharedConditionRules(fit, ruleSet.platforms),
  new PerPlatformRules(fit, ruleSet.platforms),
  new PerPlatformRules(
    fit.filter((rule) => rule.event.type === 'blocker'),
    ruleSet.platforms,
  ),
  ruleSet.platforms,
  new TaskSizer(ruleSet.taskSizes),
  ruleSet.manifest.scoring,
);

/** Changes of one or two fields, among those the what-if searches try. */
const change = fc.oneof(
  fc.record({ path: fc.constant('control.level'), to: fc.constantFrom(...CONTROL_LEVELS) }),
  fc.record({ path: fc.constant('control.kubernetes'), to: fc.constantFrom(...KUBERNETES_STANCES) }),
  fc.record({ path: fc.constant('control.architecture'), to: fc.constantFrom(...ARCHITECTURES) }),
  fc.record({ path: fc.constant('cost.sensitivity'), to: fc.constantFrom(...COST_SENSITIVITIES) }),
  fc.record({ path: fc.constant('traffic.pattern'), to: fc.constantFrom(...TRAFFIC_PATTERNS) }),
  fc.record({ path: fc.constant('traffic.protocol'), to: fc.constantFrom(...PROTOCOLS) }),
  fc.record({ path: fc.constant('persistence.type'), to: fc.constantFrom(...PERSISTENCE_TYPES) }),
  fc.record({ path: fc.constant('control.gpu'), to: fc.boolean() }),
  fc.record({ path: fc.constant('cost.interruptible'), to: fc.boolean() }),
  fc.record({ path: fc.constant('resources.cpu'), to: fc.constantFrom(0.25, 1, 4, 16, 64) }),
  fc.record({ path: fc.constant('traffic.exposure'), to: fc.constantFrom(...EXPOSURES) }),
  fc.record({ path: fc.constant('control.os'), to: fc.constantFrom(...OPERATING_SYSTEMS) }),
  fc.record({ path: fc.constant('control.privileged'), to: fc.boolean() }),
  fc.record({ path: fc.constant('control.daemons'), to: fc.boolean() }),
  fc.record({ path: fc.constant('region'), to: fc.constantFrom('us-east-1', 'eu-west-1') }),
);

/** The changes a what-if search makes to a request, as withChanges applies them. */
type Change = Parameters<typeof withChanges>[1][number];

/** Runs `check` on the changed workload when the changes leave it valid; other draws are discarded. */
async function withValidChanges(
  workload: Workload,
  changes: Change[],
  check: (changed: Workload) => Promise<void>,
): Promise<void> {
  const validation = validateWorkload(withChanges(workload, changes));
  fc.pre(validation.ok);
  if (validation.ok) await check(validation.workload);
}

describe('re-deciding only the rules a change touches', () => {
  it('gives every platform the standing that evaluating the changed workload gives it', async () => {
    await fc.assert(
      fc.asyncProperty(validWorkload, fc.array(change, { minLength: 1, maxLength: 2 }), (workload, changes) =>
        withValidChanges(workload, changes, async (changed) => {
          const restood = evaluator.restandAll(
            await evaluator.evaluateAll(workload),
            changed,
            changes.map(({ path }) => path),
          );
          const evaluated = await evaluator.evaluateAll(changed);
          expect(restood === undefined ? undefined : Object.fromEntries(restood)).toEqual(
            Object.fromEntries(
              evaluated.map((evaluation) => [
                evaluation.platform.id,
                {
                  eligible: evaluation.eligible,
                  rawScore: evaluation.scoreReasons.reduce(
                    (sum, reason) => sum + reason.points,
                    ruleSet.manifest.scoring.base,
                  ),
                },
              ]),
            ),
          );
        }),
      ),
      { seed: RANDOM_SEED, numRuns: 500 },
    );
  }, 600_000);

  it('gives one platform the eligibility and score that evaluating it alone gives (the 422 search)', async () => {
    await fc.assert(
      fc.asyncProperty(validWorkload, fc.array(change, { minLength: 1, maxLength: 2 }), (workload, changes) =>
        withValidChanges(workload, changes, async (changed) => {
          const paths = changes.map(({ path }) => path);
          for (const evaluation of await evaluator.evaluateAll(workload)) {
            const restood = evaluator.restand(evaluation, changed, paths);
            if (restood === undefined) continue;
            const evaluated = await evaluator.evaluate(changed, evaluation.platform);
            expect({ platform: evaluation.platform.id, ...restood }).toEqual({
              platform: evaluation.platform.id,
              eligible: evaluated.eligible,
              score: evaluated.score,
            });
          }
        }),
      ),
      { seed: RANDOM_SEED, numRuns: 300 },
    );
  }, 600_000);
});

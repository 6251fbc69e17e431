import { TaskSizer } from '../../../src/catalogue/task-sizes';
import { Designer } from '../../../src/engine/design';
import { PlatformEvaluator } from '../../../src/engine/platform-evaluation';
import { loadRuleSet } from '../../../src/engine/rule-set';
import { RulesEngine } from '../../../src/engine/rules-engine';
import type { StarterConfigInput } from '../../../src/generators/starter-config';
import { RULES_DIR } from '../../../src/project-paths';
import { normalize } from '../../support/advisor';

/**
 * The generator input for a workload on every platform that can run it, not only the recommended one: the
 * platform evaluation and design the advisor runs, from the real rules, for each eligible platform.
 */
const ruleSet = loadRuleSet(RULES_DIR);
const sizer = new TaskSizer(ruleSet.taskSizes);
const enginesFor = (phase: string) => {
  const rules = ruleSet.rules.filter((rule) => rule.engine === phase);
  return new Map(ruleSet.platforms.map((platform) => [platform.id, new RulesEngine(rules, { platform })]));
};
const evaluator = new PlatformEvaluator(
  enginesFor('platform-fit'),
  ruleSet.platforms,
  sizer,
  ruleSet.manifest.scoring,
);
const designer = new Designer(enginesFor('design'), ruleSet.awsAccessActions);

export async function inputsOnEveryEligiblePlatform(body: unknown): Promise<StarterConfigInput[]> {
  const workload = normalize(body);
  const inputs: StarterConfigInput[] = [];
  for (const evaluation of await evaluator.evaluateAll(workload)) {
    if (!evaluation.eligible) continue;
    const design = await designer.design(evaluation.facts);
    inputs.push({
      workload,
      platform: evaluation.platform,
      facts: evaluation.facts,
      design,
      instances: ruleSet.instanceCatalogue,
    });
  }
  return inputs;
}

import type { PlatformId } from '../catalogue/platform-catalogue';
import type { PriceTable } from '../catalogue/price-table';
import { TaskSizer } from '../catalogue/task-sizes';
import type { Workload } from '../contract/workload';
import { CostFit } from '../cost/cost-fit';
import { estimateMonthlyCost, type MonthlyCost } from '../cost/monthly-cost';
import type { Design } from '../design/design';
import type { EngineName } from '../design/events/rule-event';
import {
  type PlatformEvaluation,
  PlatformEvaluator,
  rankEvaluations,
  rescoredWith,
} from '../engine/platform-evaluation';
import { loadRuleSet, type RuleSet } from '../engine/rule-set';
import { type FiredRule, RulesEngine } from '../engine/rules-engine';
import { generateStarterConfig } from '../generators/starter-config';
import type { Advice, Recommendation } from './advice';
import { alternatives } from './alternatives';
import { Designer } from './designer';
import { noEligiblePlatform } from './no-eligible-platform';
import { rationale } from './rationale';
import { recommendationId } from './recommendation-id';
import { whatWouldChange } from './what-would-change';

/** An eligible platform with the design its design rules gave it, and those rules. */
export interface DesignedPlatform {
  evaluation: PlatformEvaluation;
  design: Design;
  designFired: FiredRule[];
}

/**
 * Berth's composition root: wires the rules engines, cost and the generators, evaluates every platform
 * against a workload, picks the best eligible one, designs the architecture around it and explains all of
 * it. Built once at start-up from the rule set; every recommendation reuses the same engines.
 */
export class Advisor {
  readonly ruleSet: RuleSet;
  private readonly evaluator: PlatformEvaluator;
  private readonly designer: Designer;
  private readonly costFit: CostFit;
  private readonly catalogueOrder: PlatformId[];

  constructor(ruleSet: RuleSet) {
    this.ruleSet = ruleSet;
    const sizer = new TaskSizer(ruleSet.taskSizes);
    // One engine per phase and platform, each specialized to its platform once, here.
    const enginesFor = (phase: EngineName) => {
      const rules = ruleSet.rules.filter((rule) => rule.engine === phase);
      return new Map(
        ruleSet.platforms.map((platform) => [platform.id, new RulesEngine(rules, { platform })]),
      );
    };
    this.evaluator = new PlatformEvaluator(
      enginesFor('platform-fit'),
      ruleSet.platforms,
      sizer,
      ruleSet.manifest.scoring,
    );
    this.designer = new Designer(enginesFor('design'), ruleSet.awsAccessActions);
    this.costFit = new CostFit(enginesFor('cost-fit'));
    this.catalogueOrder = ruleSet.platforms.map((platform) => platform.id);
  }

  static fromRulesDir(rulesDir: string): Advisor {
    return new Advisor(loadRuleSet(rulesDir));
  }

  async advise(workload: Workload): Promise<Advice> {
    const evaluations = await this.evaluator.evaluateAll(workload);
    const eligible = evaluations.filter((evaluation) => evaluation.eligible);
    if (eligible.length === 0) {
      return noEligiblePlatform(workload, rankEvaluations(evaluations, this.catalogueOrder), this.evaluator);
    }
    // Every eligible platform is designed and priced, so that costs compare like with like.
    const designs = new Map<PlatformId, DesignedPlatform>();
    const costs = new Map<PlatformId, MonthlyCost>();
    const prices = this.pricesFor(workload.region);
    for (const designed of await this.designAll(eligible)) {
      const { evaluation, design } = designed;
      designs.set(evaluation.platform.id, designed);
      costs.set(
        evaluation.platform.id,
        estimateMonthlyCost({
          workload,
          platform: evaluation.platform,
          facts: evaluation.facts,
          design,
          prices,
          model: this.ruleSet.costModel,
          instances: this.ruleSet.instanceCatalogue,
        }),
      );
    }
    const verdicts = await this.costFit.judge(eligible, costs);
    const rescored = evaluations.map((evaluation) => {
      const verdict = verdicts.get(evaluation.platform.id);
      return verdict === undefined
        ? evaluation
        : rescoredWith(evaluation, verdict, this.ruleSet.manifest.scoring);
    });
    const ranked = rankEvaluations(rescored, this.catalogueOrder);
    const [chosen] = ranked;
    const designed = chosen === undefined ? undefined : designs.get(chosen.platform.id);
    // An eligible platform ranks first, and every eligible platform was designed.
    if (chosen === undefined || designed === undefined) throw new Error('the best platform has no design');
    const { design, designFired } = designed;
    const priceWarnings =
      prices.region === workload.region
        ? []
        : [
            `Berth has no price table for ${workload.region}: the estimates use ${prices.region} prices (as of ${prices.asOf}).`,
          ];
    const recommendation: Recommendation = {
      id: recommendationId(workload, this.ruleSet.version),
      rulesVersion: this.ruleSet.version,
      workload,
      platform: {
        id: chosen.platform.id,
        service: chosen.platform.service,
        // A platform that runs jobs in a compute environment has the capacity its design chose.
        capacity: design.computeEnvironment?.capacity ?? chosen.platform.capacity,
        name: chosen.platform.name,
        summary: chosen.platform.summary,
        monthlyCost: costs.get(chosen.platform.id),
      },
      loadBalancer: design.loadBalancer,
      storage: design.storage,
      scaling: design.scaling,
      triggers: design.triggers,
      monitoring: design.monitoring,
      iam: design.iam,
      registry: design.registry,
      ...(design.computeEnvironment === undefined ? {} : { computeEnvironment: design.computeEnvironment }),
      alternatives: alternatives(ranked, costs),
      rationale: rationale(ranked, designFired),
      warnings: [...new Set([...chosen.warnings, ...design.warnings, ...priceWarnings])],
      whatWouldChange: whatWouldChange(ranked),
      starterConfig: {
        files: generateStarterConfig({
          workload,
          platform: chosen.platform,
          facts: chosen.facts,
          design,
          instances: this.ruleSet.instanceCatalogue,
        }),
      },
    };
    return { kind: 'recommendation', recommendation };
  }

  /**
   * Every platform that can run the workload, with its design: what the advisor designs and prices before
   * it chooses, so callers (and tests) see every eligible platform exactly as the advisor does.
   */
  async designEveryEligiblePlatform(workload: Workload): Promise<DesignedPlatform[]> {
    const evaluations = await this.evaluator.evaluateAll(workload);
    return this.designAll(evaluations.filter((evaluation) => evaluation.eligible));
  }

  private async designAll(eligible: readonly PlatformEvaluation[]): Promise<DesignedPlatform[]> {
    const designed: DesignedPlatform[] = [];
    for (const evaluation of eligible) {
      const { design, fired } = await this.designer.design(evaluation.facts);
      designed.push({ evaluation, design, designFired: fired });
    }
    return designed;
  }

  /** The price table for a region, or us-east-1's when Berth has none for it. */
  private pricesFor(region: string): PriceTable {
    return this.ruleSet.prices[region] ?? (this.ruleSet.prices['us-east-1'] as PriceTable);
  }
}

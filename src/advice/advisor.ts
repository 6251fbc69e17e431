import { chooseInstance, hostRequirements } from '../catalogue/instance-chooser';
import type { PlatformId } from '../catalogue/platform-catalogue';
import type { PriceTable } from '../catalogue/price-table';
import { TaskSizer } from '../catalogue/task-sizes';
import type { Workload } from '../contract/workload';
import { CostFit } from '../cost/cost-fit';
import { estimateMonthlyCost, type MonthlyCost } from '../cost/monthly-cost';
import { answeredCapacity, answeredDesign, type Design } from '../design/design';
import type { EngineName } from '../design/events/rule-event';
import { type Facts, runsOn } from '../engine/facts';
import { PerPlatformRules } from '../engine/per-platform-rules';
import {
  type PlatformEvaluation,
  PlatformEvaluator,
  rankEvaluations,
  rescoredWith,
} from '../engine/platform-evaluation';
import { loadRuleSet, type RuleSet } from '../engine/rule-set';
import type { FiredRule } from '../engine/rules-engine';
import { SharedConditionRules } from '../engine/shared-condition-rules';
import { starterConfig } from '../generators/starter-config';
import type { Advice, Recommendation } from './advice';
import { alternatives } from './alternatives';
import { Designer, type PlatformDesign } from './designer';
import { SecretKeeper } from './kept-secrets';
import { noEligiblePlatform } from './no-eligible-platform';
import { rationale } from './rationale';
import { recommendationId } from './recommendation-id';
import { type AnswerReevaluation, findAnswerChanges } from './suggestions';
import { whatWouldChange } from './what-would-change';

/** An eligible platform with the design its design rules gave it, and those rules. */
export interface DesignedPlatform {
  evaluation: PlatformEvaluation;
  design: Design;
  designFired: FiredRule[];
}

/** An advisor's choice: every platform ranked, with what the answer is made of. */
type Choice =
  | { kind: 'no-eligible-platform'; ranked: PlatformEvaluation[] }
  | {
      kind: 'ranked';
      /** The platform-fit evaluations, in catalogue order, before cost had its say. */
      evaluations: PlatformEvaluation[];
      ranked: PlatformEvaluation[];
      designs: Map<PlatformId, DesignedPlatform>;
      costs: Map<PlatformId, MonthlyCost>;
      prices: PriceTable;
    };

/** A designed platform with its estimate. */
interface PricedPlatform extends DesignedPlatform {
  cost: MonthlyCost;
}

/**
 * A platform the caller has chosen for the workload (an application places its services together), with the
 * sentence that says why, which the answer gives as what would change when it is not the workload's own best.
 */
export interface Placement {
  platformId: PlatformId;
  reason: string;
}

export interface AdvisorOptions {
  /**
   * How the platform-fit and design rules are run: 'shared' (the default) evaluates each distinct
   * condition once for all platforms (SharedConditionRules); 'per-platform' runs one engine per platform
   * (PerPlatformRules), the reference that the shared evaluation is tested against.
   */
  evaluation?: 'shared' | 'per-platform';
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
  /** The advisor's own evaluations, for the search of the changes that would make another platform the answer. */
  private readonly reevaluation: AnswerReevaluation;
  private readonly secretKeeper: SecretKeeper;

  constructor(ruleSet: RuleSet, options: AdvisorOptions = {}) {
    this.ruleSet = ruleSet;
    const sizer = new TaskSizer(ruleSet.taskSizes);
    const rulesOf = (phase: EngineName) => ruleSet.rules.filter((rule) => rule.engine === phase);
    // Every engine is built once, here, specialized to each platform.
    const perPlatform = (phase: EngineName) => new PerPlatformRules(rulesOf(phase), ruleSet.platforms);
    const shared = (phase: EngineName) => new SharedConditionRules(rulesOf(phase), ruleSet.platforms);
    const platformFit = perPlatform('platform-fit');
    this.evaluator = new PlatformEvaluator(
      options.evaluation === 'per-platform' ? platformFit : shared('platform-fit'),
      platformFit,
      new PerPlatformRules(
        rulesOf('platform-fit').filter((rule) => rule.event.type === 'blocker'),
        ruleSet.platforms,
      ),
      ruleSet.platforms,
      sizer,
      ruleSet.manifest.scoring,
    );
    this.designer = new Designer(
      options.evaluation === 'per-platform' ? perPlatform('design') : shared('design'),
      ruleSet.awsAccessActions,
    );
    this.costFit = new CostFit(rulesOf('cost-fit'), ruleSet.platforms);
    this.catalogueOrder = ruleSet.platforms.map((platform) => platform.id);
    this.secretKeeper = new SecretKeeper(ruleSet.secretNames);
    const { architectureByCost } = ruleSet.costModel;
    this.reevaluation = {
      evaluateAll: (changed) => this.evaluator.evaluateAll(changed),
      standingRules: (platformId) => this.evaluator.standingRules(platformId),
      restandAll: (evaluations, changed, paths) => this.evaluator.restandAll(evaluations, changed, paths),
      costPointsRange: (platformId, sensitivity) => this.costFit.pointsRange(platformId, sensitivity),
      costChoosesArchitecture: (changed) =>
        changed.control.architecture === 'any' &&
        architectureByCost.sensitivities.includes(changed.cost.sensitivity),
      chosenPlatform: async (changed) => {
        const choice = await this.choose(changed);
        return choice.kind === 'ranked' ? choice.ranked[0]?.platform.id : undefined;
      },
      scoring: ruleSet.manifest.scoring,
      catalogueOrder: this.catalogueOrder,
    };
  }

  static fromRulesDir(rulesDir: string, options: AdvisorOptions = {}): Advisor {
    return new Advisor(loadRuleSet(rulesDir), options);
  }

  /**
   * The recommendation for a workload: on its best platform, or, with a placement, on the platform placed
   * (which must be eligible for it). The ranking of every platform stays the workload's own either way.
   */
  async advise(requested: Workload, placement?: Placement): Promise<Advice> {
    const { workload, warnings: secretWarnings } = this.secretKeeper.keep(requested);
    const choice = await this.choose(workload);
    if (choice.kind === 'no-eligible-platform')
      return noEligiblePlatform(workload, choice.ranked, this.evaluator);
    const { evaluations, ranked, designs, costs, prices } = choice;
    const chosen =
      placement === undefined
        ? ranked[0]
        : ranked.find((evaluation) => evaluation.eligible && evaluation.platform.id === placement.platformId);
    if (chosen === undefined && placement !== undefined)
      throw new Error(`${placement.platformId} cannot run ${workload.name}: it was placed there`);
    const ownBest = chosen === ranked[0];
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
    // The searches look for changes that make another platform the workload's own answer, which says
    // nothing about a placement that is not that answer: it says instead why the workload runs elsewhere.
    const suggestions = ownBest
      ? await findAnswerChanges(workload, evaluations, ranked, this.reevaluation)
      : [];
    const starter = starterConfig({
      workload,
      platform: chosen.platform,
      facts: chosen.facts,
      design,
      instances: this.ruleSet.instanceCatalogue,
    });
    const recommendation: Recommendation = {
      id: recommendationId(workload, this.ruleSet.version, ownBest ? undefined : chosen.platform.id),
      rulesVersion: this.ruleSet.version,
      workload,
      platform: {
        id: chosen.platform.id,
        service: chosen.platform.service,
        capacity: answeredCapacity(chosen.platform, design),
        name: chosen.platform.name,
        summary: chosen.platform.summary,
        monthlyCost: costs.get(chosen.platform.id),
      },
      ...answeredDesign(design),
      alternatives: alternatives(ranked, costs),
      rationale: rationale(ranked, designFired),
      warnings: [...new Set([...chosen.warnings, ...design.warnings, ...priceWarnings, ...secretWarnings])],
      whatWouldChange:
        ownBest || placement === undefined ? whatWouldChange(ranked, suggestions) : [placement.reason],
      suggestions,
      starterConfig: { files: starter.files },
    };
    const scoreContributions = chosen.scoreReasons.map(({ points, reason, rule }) => ({
      points,
      reason,
      rule,
    }));
    return { kind: 'recommendation', recommendation, scoreContributions, template: starter.template };
  }

  /**
   * Every platform evaluated, the eligible ones designed, priced and judged on cost, and ranked: the
   * choice an answer is made of, and all a what-if search needs to know who would win.
   */
  private async choose(workload: Workload): Promise<Choice> {
    const evaluations = await this.evaluator.evaluateAll(workload);
    const eligible = evaluations.filter((evaluation) => evaluation.eligible);
    if (eligible.length === 0)
      return { kind: 'no-eligible-platform', ranked: rankEvaluations(evaluations, this.catalogueOrder) };
    // Every eligible platform is designed and priced, so that costs compare like with like.
    const prices = this.pricesFor(workload.region);
    const priced = await this.designAndPrice(workload, evaluations, prices);
    const designs = new Map<PlatformId, DesignedPlatform>();
    const costs = new Map<PlatformId, MonthlyCost>();
    for (const { cost, ...designed } of priced) {
      designs.set(designed.evaluation.platform.id, designed);
      costs.set(designed.evaluation.platform.id, cost);
    }
    // Where cost chose another architecture, the platform is judged on the evaluation of that one.
    const chosenEvaluations = evaluations.map(
      (evaluation) => designs.get(evaluation.platform.id)?.evaluation ?? evaluation,
    );
    const chosenEligible = chosenEvaluations.filter((evaluation) => evaluation.eligible);
    const verdicts = await this.costFit.judge(chosenEligible, costs);
    const rescored = chosenEvaluations.map((evaluation) => {
      const verdict = verdicts.get(evaluation.platform.id);
      return verdict === undefined
        ? evaluation
        : rescoredWith(evaluation, verdict, this.ruleSet.manifest.scoring);
    });
    const ranked = rankEvaluations(rescored, this.catalogueOrder);
    return { kind: 'ranked', evaluations, ranked, designs, costs, prices };
  }

  /**
   * Every platform that can run the workload, with its design: what the advisor designs and prices before
   * it chooses, so callers (and tests) see every eligible platform exactly as the advisor does.
   */
  async designEveryEligiblePlatform(requested: Workload): Promise<DesignedPlatform[]> {
    const { workload } = this.secretKeeper.keep(requested);
    const evaluations = await this.evaluator.evaluateAll(workload);
    const priced = await this.designAndPrice(workload, evaluations, this.pricesFor(workload.region));
    return priced.map(({ cost: _cost, ...designed }) => designed);
  }

  /**
   * Designs and prices every eligible platform. A workload that runs on "any" architecture is priced on
   * Arm64 too, at the cost sensitivities the cost model names, where the platform runs its OS on Arm64;
   * the cheaper evaluation (x86_64 on a tie) is the one the platform is judged, designed and deployed on.
   */
  private async designAndPrice(
    workload: Workload,
    evaluations: readonly PlatformEvaluation[],
    prices: PriceTable,
  ): Promise<PricedPlatform[]> {
    const eligible = evaluations.filter((evaluation) => evaluation.eligible);
    const designs = await this.designer.designAll(factsOf(evaluations), idsOf(eligible));
    const arm = await this.armCandidates(workload, eligible);
    const priced: PricedPlatform[] = [];
    for (const evaluation of eligible) {
      let best = this.priced(workload, evaluation, designs, prices);
      const onArmEvaluation = arm?.eligible.get(evaluation.platform.id);
      if (arm !== undefined && onArmEvaluation !== undefined) {
        const onArm = this.priced(workload, onArmEvaluation, arm.designs, prices);
        if (onArm.cost.total < best.cost.total && this.hostsHoldATask(workload, onArm)) best = onArm;
      }
      priced.push(best);
    }
    return priced;
  }

  private priced(
    workload: Workload,
    evaluation: PlatformEvaluation,
    designs: ReadonlyMap<PlatformId, PlatformDesign>,
    prices: PriceTable,
  ): PricedPlatform {
    const platformDesign = designs.get(evaluation.platform.id);
    if (platformDesign === undefined) throw new Error(`${evaluation.platform.id} was not designed`);
    const { design, fired } = platformDesign;
    const cost = estimateMonthlyCost({
      workload,
      platform: evaluation.platform,
      facts: evaluation.facts,
      design,
      prices,
      model: this.ruleSet.costModel,
      instances: this.ruleSet.instanceCatalogue,
    });
    return { evaluation, design, designFired: fired, cost };
  }

  /**
   * The eligible platforms evaluated and designed on Arm64, when cost may choose the architecture: those
   * that run the workload's OS on Arm64 and stay eligible there. Undefined when cost does not choose.
   */
  private async armCandidates(
    workload: Workload,
    eligible: readonly PlatformEvaluation[],
  ): Promise<
    { eligible: Map<PlatformId, PlatformEvaluation>; designs: Map<PlatformId, PlatformDesign> } | undefined
  > {
    const { architectureByCost } = this.ruleSet.costModel;
    if (
      workload.control.architecture !== 'any' ||
      !architectureByCost.sensitivities.includes(workload.cost.sensitivity)
    )
      return undefined;
    const candidates = eligible.filter(
      (evaluation) =>
        evaluation.facts.runtime.architecture !== 'arm64' &&
        runsOn(evaluation.platform, workload.control.os, 'arm64'),
    );
    if (candidates.length === 0) return undefined;
    const onArm = await this.evaluator.evaluateAll(workload, 'arm64');
    const wanted = new Set(idsOf(candidates));
    const armEligible = onArm.filter(
      (evaluation) => evaluation.eligible && wanted.has(evaluation.platform.id),
    );
    return {
      eligible: new Map(armEligible.map((evaluation) => [evaluation.platform.id, evaluation])),
      designs: await this.designer.designAll(factsOf(onArm), idsOf(armEligible)),
    };
  }

  /**
   * False when the platform runs on EC2 instances and no listed type of the design's architecture holds one
   * task (the chooser then deploys the largest, where the task is never placed): a cheaper estimate for
   * hosts that cannot run the task is no reason to choose them.
   */
  private hostsHoldATask(workload: Workload, { evaluation, design }: DesignedPlatform): boolean {
    if (evaluation.platform.traits.compute !== 'ec2') return true;
    const requirements = hostRequirements({
      workload,
      platform: evaluation.platform,
      runtime: evaluation.facts.runtime,
      instanceMarket: design.scaling.instanceMarket,
    });
    return chooseInstance(requirements, this.ruleSet.instanceCatalogue).fits;
  }

  /** The price table for a region, or us-east-1's when Berth has none for it. */
  private pricesFor(region: string): PriceTable {
    return this.ruleSet.prices[region] ?? (this.ruleSet.prices['us-east-1'] as PriceTable);
  }
}

function factsOf(evaluations: readonly PlatformEvaluation[]): Map<PlatformId, Facts> {
  return new Map(evaluations.map((evaluation) => [evaluation.platform.id, evaluation.facts]));
}

function idsOf(evaluations: readonly PlatformEvaluation[]): PlatformId[] {
  return evaluations.map((evaluation) => evaluation.platform.id);
}

import { createHash } from 'node:crypto';
import type { PlatformId } from '../catalogue/platform-catalogue';
import { TaskSizer } from '../catalogue/task-sizes';
import type { components } from '../contract/generated/openapi-types';
import type { Workload } from '../contract/workload';
import { CostFit } from '../cost/cost-fit';
import { estimateMonthlyCost, type MonthlyCost } from '../cost/monthly-cost';
import type { PriceTable } from '../cost/price-table';
import { generateStarterConfig } from '../generators/starter-config';
import { canonicalJson } from './canonical-json';
import { type Design, Designer } from './design';
import { type PlatformEvaluation, PlatformEvaluator, rankEvaluations } from './platform-evaluation';
import { findSmallestChanges, type Suggestion } from './remedies';
import { loadRuleSet, type RuleSet } from './rule-set';
import type { FiredRule } from './rules-engine';
import { RulesEngine } from './rules-engine';

type Schemas = components['schemas'];
export type Recommendation = Schemas['Recommendation'];

/** The advisor's answer: a recommendation, or the reasons no platform fits and how to change that. */
export type Advice =
  | { kind: 'recommendation'; recommendation: Recommendation }
  | {
      kind: 'no-eligible-platform';
      platforms: { platformId: PlatformId; name: string; blockers: string[] }[];
      suggestions: Suggestion[];
    };

/**
 * Berth's core: evaluates every platform against a workload, picks the best eligible one, designs the
 * architecture around it and explains all of it. Built once at start-up from the rule set; every
 * recommendation reuses the same engines.
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
    const enginesFor = (phase: string) => {
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
    this.costFit = new CostFit(enginesFor('cost-fit'), ruleSet.manifest.scoring);
    this.catalogueOrder = ruleSet.platforms.map((platform) => platform.id);
  }

  static fromRulesDir(rulesDir: string): Advisor {
    return new Advisor(loadRuleSet(rulesDir));
  }

  /** The recommendation's id: the same normalized workload and rules always give the same id. */
  recommendationId(workload: Workload): string {
    const digest = createHash('sha256')
      .update(canonicalJson(workload))
      .update('\u0000')
      .update(this.ruleSet.version)
      .digest('hex');
    return `rec_${digest.slice(0, 24)}`;
  }

  async advise(workload: Workload): Promise<Advice> {
    const evaluations = await this.evaluator.evaluateAll(workload);
    const eligible = evaluations.filter((evaluation) => evaluation.eligible);
    if (eligible.length === 0) {
      const ranked = rankEvaluations(evaluations, this.catalogueOrder);
      return {
        kind: 'no-eligible-platform',
        platforms: ranked.map((evaluation) => ({
          platformId: evaluation.platform.id,
          name: evaluation.platform.name,
          blockers: evaluation.blockers.map((blocker) => blocker.message),
        })),
        suggestions: await findSmallestChanges(workload, ranked, this.evaluator),
      };
    }
    // Every eligible platform is designed and priced, so that costs compare like with like.
    const designs = new Map<PlatformId, Design>();
    const costs = new Map<PlatformId, MonthlyCost>();
    const prices = this.pricesFor(workload.region);
    for (const evaluation of eligible) {
      const design = await this.designer.design(evaluation.facts);
      designs.set(evaluation.platform.id, design);
      costs.set(
        evaluation.platform.id,
        estimateMonthlyCost({
          workload,
          platform: evaluation.platform,
          facts: evaluation.facts,
          design,
          prices,
          model: this.ruleSet.costModel,
        }),
      );
    }
    await this.costFit.apply(eligible, costs);
    const ranked = rankEvaluations(evaluations, this.catalogueOrder);
    const chosen = ranked[0] as PlatformEvaluation;
    const design = designs.get(chosen.platform.id) as Design;
    const priceWarnings =
      prices.region === workload.region
        ? []
        : [
            `Berth has no price table for ${workload.region}: the estimates use ${prices.region} prices (as of ${prices.asOf}).`,
          ];
    const recommendation: Recommendation = {
      id: this.recommendationId(workload),
      rulesVersion: this.ruleSet.version,
      workload,
      platform: {
        id: chosen.platform.id,
        service: chosen.platform.service,
        capacity: chosen.platform.capacity,
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
      alternatives: alternatives(ranked, costs),
      rationale: rationale(ranked, design),
      warnings: [...new Set([...chosen.warnings, ...design.warnings, ...priceWarnings])],
      whatWouldChange: whatWouldChange(ranked),
      starterConfig: {
        files: generateStarterConfig({ workload, platform: chosen.platform, facts: chosen.facts, design }),
      },
    };
    return { kind: 'recommendation', recommendation };
  }

  /** The price table for a region, or us-east-1's when Berth has none for it. */
  pricesFor(region: string): PriceTable {
    return this.ruleSet.prices[region] ?? (this.ruleSet.prices['us-east-1'] as PriceTable);
  }
}

function alternatives(
  ranked: readonly PlatformEvaluation[],
  costs: ReadonlyMap<PlatformId, MonthlyCost>,
): Schemas['Alternative'][] {
  const winner = ranked[0];
  return ranked.map((evaluation, index) => {
    const reasons = evaluation.eligible
      ? evaluation.scoreReasons.map(({ points, reason }) => `${points > 0 ? '+' : ''}${points}: ${reason}`)
      : [];
    if (evaluation.eligible && index > 0 && winner !== undefined) {
      reasons.unshift(
        evaluation.score === winner.score
          ? `Tied with ${winner.platform.name} at ${evaluation.score}; the tie goes to the platform listed first in the catalogue.`
          : `Scored ${evaluation.score}, below ${winner.platform.name}'s ${winner.score}.`,
      );
    }
    if (evaluation.eligible && reasons.length === 0)
      reasons.push('Meets every hard requirement; no preference moved its score.');
    return {
      platformId: evaluation.platform.id,
      name: evaluation.platform.name,
      rank: index + 1,
      eligible: evaluation.eligible,
      score: evaluation.score,
      reasons,
      blockers: evaluation.blockers.map((blocker) => blocker.message),
      ...(costs.has(evaluation.platform.id) ? { monthlyCost: costs.get(evaluation.platform.id) } : {}),
    };
  });
}

/**
 * What would change the answer, from the evaluations already made: the runner-up's margin, and every
 * blocked platform that would outscore the winner if its hard blockers were lifted.
 */
function whatWouldChange(ranked: readonly PlatformEvaluation[]): string[] {
  const [winner, runnerUp] = ranked;
  if (winner === undefined) return [];
  const lines: string[] = [];
  if (runnerUp?.eligible) {
    const margin = winner.score - runnerUp.score;
    lines.push(
      margin === 0
        ? `${runnerUp.platform.name} ties at ${runnerUp.score} and loses only on catalogue order: any preference in its favour would make it the answer.`
        : `${runnerUp.platform.name} is next, ${margin} point${margin === 1 ? '' : 's'} behind: preferences worth more than that in its favour (control level, Kubernetes stance, cost sensitivity, traffic pattern, interruptibility) would make it the answer.`,
    );
  }
  for (const evaluation of ranked) {
    if (evaluation.eligible || evaluation.potentialScore <= winner.score) continue;
    const fields = [...new Set(evaluation.blockers.flatMap((blocker) => blocker.fields))];
    const liftable = evaluation.blockers.every((blocker) => blocker.changeable);
    lines.push(
      `${evaluation.platform.name} would score ${evaluation.potentialScore}, above ${winner.score}, ${
        liftable ? `if ${fields.join(', ')} allowed it` : 'but it is closed to this account'
      }: ${evaluation.blockers.map((blocker) => blocker.message).join(' ')}`,
    );
  }
  return lines;
}

function rationale(evaluations: readonly PlatformEvaluation[], design: Design): Schemas['RationaleEntry'][] {
  const entries: Schemas['RationaleEntry'][] = [];
  for (const evaluation of evaluations) {
    for (const fired of evaluation.fired) entries.push(rationaleEntry(fired, evaluation.platform.id));
  }
  for (const fired of design.fired) entries.push(rationaleEntry(fired));
  return entries;
}

function rationaleEntry(fired: FiredRule, platformId?: PlatformId): Schemas['RationaleEntry'] {
  const { rule } = fired;
  const entry: Schemas['RationaleEntry'] = {
    rule: rule.name,
    group: rule.group as Schemas['RuleGroup'],
    effect: effectOf(fired, platformId),
    message: messageOf(fired),
    source: rule.source,
  };
  if (platformId !== undefined) entry.platformId = platformId;
  return entry;
}

function effectOf({ type, params }: FiredRule, platformId?: PlatformId): string {
  switch (type) {
    case 'blocker':
      return `excludes ${platformId}`;
    case 'score': {
      const points = Number(params.points);
      return `${points > 0 ? '+' : ''}${points} ${platformId}`;
    }
    case 'warning':
      return platformId === undefined ? 'warns' : `warns about ${platformId}`;
    case 'note':
      return 'notes';
    case 'load-balancer':
      return `load balancer: ${String(params.type)}`;
    case 'load-balancer-scheme':
      return `load balancer scheme: ${String(params.scheme)}`;
    case 'storage':
      return `storage: ${String(params.type)}`;
    case 'scaling-policy':
      return `scaling policy: ${String((params.policy as { type: string }).type)}`;
    case 'capacity':
      return 'capacity';
    case 'trigger':
      return `trigger: ${String((params.trigger as { type: string }).type)}`;
    case 'monitoring-rule':
      return `monitoring: ${String((params.rule as { name: string }).name)}`;
    case 'iam-role':
      return `IAM ${String(params.slot)}: ${String((params.role as { name: string }).name)}`;
    case 'iam-statement':
      return `IAM ${String(params.slot)} statement`;
    case 'registry':
      return `registry: ecr ${String(params.repositoryName)}`;
    default:
      return type;
  }
}

function messageOf({ rule, type, params }: FiredRule): string {
  if (type === 'blocker' || type === 'warning' || type === 'note') return String(params.message);
  if (type === 'score') return String(params.reason);
  if (typeof params.reason === 'string') return params.reason;
  for (const nested of ['policy', 'trigger', 'rule', 'role'] as const) {
    const description = (params[nested] as { description?: unknown } | undefined)?.description;
    if (typeof description === 'string') return description;
  }
  return rule.description;
}

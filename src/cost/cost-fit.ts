import type { Platform, PlatformId } from '../catalogue/platform-catalogue';
import { COST_SENSITIVITIES } from '../contract/workload-schema';
import type { CostFact } from '../engine/facts';
import { type PlatformEvaluation, verdictOf } from '../engine/platform-evaluation';
import type { LoadedRule } from '../engine/rule-set';
import { RulesEngine } from '../engine/rules-engine';
import type { MonthlyCost } from './monthly-cost';
import { round2 } from './usage';

/** What the cost-fit rules say about one platform: the rules that fired, their score changes and warnings. */
export type CostFitVerdict = Pick<PlatformEvaluation, 'fired' | 'scoreReasons' | 'warnings'>;

/**
 * Cost-aware scoring: compares each eligible platform's estimate with the cheapest eligible one and runs
 * the cost-fit rules (rules/cost.json) with that comparison as the `cost` fact. The rules decide how much
 * it matters at each cost sensitivity; this only supplies the figures. The evaluations are not changed:
 * the verdicts come back, by platform, for the caller to rescore with.
 */
export class CostFit {
  /**
   * One engine per platform and cost sensitivity, each specialized to both: the cost-fit rules are mostly
   * about one sensitivity each, so a request evaluates only the two or three of its own.
   */
  private readonly engines = new Map<string, RulesEngine>();

  constructor(rules: readonly LoadedRule[], platforms: readonly Platform[]) {
    for (const platform of platforms) {
      for (const sensitivity of COST_SENSITIVITIES) {
        this.engines.set(
          engineKey(platform.id, sensitivity),
          new RulesEngine(rules, { platform }, new Map([[SENSITIVITY_PATH, sensitivity]])),
        );
      }
    }
  }

  /**
   * The least and the most the cost-fit rules can add to a platform's score at a cost sensitivity,
   * whatever the estimates: what a search can rely on without pricing a changed workload.
   */
  pointsRange(platformId: PlatformId, sensitivity: string): { min: number; max: number } {
    const range = { min: 0, max: 0 };
    for (const rule of this.engines.get(engineKey(platformId, sensitivity))?.rules ?? []) {
      if (rule.event.type !== 'score') continue;
      const { points } = rule.event.params;
      if (points < 0) range.min += points;
      else range.max += points;
    }
    return range;
  }

  async judge(
    eligible: readonly PlatformEvaluation[],
    costs: ReadonlyMap<PlatformId, MonthlyCost>,
  ): Promise<Map<PlatformId, CostFitVerdict>> {
    const verdicts = new Map<PlatformId, CostFitVerdict>();
    const cheapest = [...eligible]
      .map((evaluation) => ({
        evaluation,
        total: costs.get(evaluation.platform.id)?.total ?? Number.POSITIVE_INFINITY,
      }))
      .sort((a, b) => a.total - b.total)[0];
    if (cheapest === undefined || !Number.isFinite(cheapest.total)) return verdicts;
    for (const evaluation of eligible) {
      const monthly = costs.get(evaluation.platform.id)?.total;
      const engine = this.engines.get(
        engineKey(evaluation.platform.id, evaluation.facts.workload.cost.sensitivity),
      );
      if (monthly === undefined || engine === undefined) continue;
      const ratio =
        cheapest.total > 0 ? monthly / cheapest.total : monthly > 0 ? Number.POSITIVE_INFINITY : 1;
      const cost: CostFact = {
        monthly,
        cheapestMonthly: cheapest.total,
        cheapestPlatformName: cheapest.evaluation.platform.name,
        cheapestIsWholeInstances: cheapest.evaluation.platform.sizingModel === 'ec2',
        ratio: Number.isFinite(ratio) ? round2(ratio) : 1000,
        percentAboveCheapest: Number.isFinite(ratio) ? Math.round((ratio - 1) * 100) : 100_000,
      };
      const fired = await engine.run({ ...evaluation.facts, cost });
      const { scoreReasons, warnings } = verdictOf(fired);
      verdicts.set(evaluation.platform.id, { fired, scoreReasons, warnings });
    }
    return verdicts;
  }
}

/** The request field the cost-fit engines are specialized to, as rule-specialization.ts keys it. */
const SENSITIVITY_PATH = 'workload:$.cost.sensitivity';

function engineKey(platformId: PlatformId, sensitivity: string): string {
  return `${platformId}|${sensitivity}`;
}

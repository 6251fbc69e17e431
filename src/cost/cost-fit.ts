import type { PlatformId } from '../catalogue/platform-catalogue';
import type { CostFact } from '../engine/facts';
import { type PlatformEvaluation, verdictOf } from '../engine/platform-evaluation';
import type { RulesEngine } from '../engine/rules-engine';
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
  constructor(private readonly engines: ReadonlyMap<string, RulesEngine>) {}

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
      const engine = this.engines.get(evaluation.platform.id);
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

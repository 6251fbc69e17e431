import type { PlatformId } from '../catalogue/platform-catalogue';
import type { CostFact } from '../engine/facts';
import { type PlatformEvaluation, rescore } from '../engine/platform-evaluation';
import type { Manifest } from '../engine/rule-file-schema';
import type { RulesEngine } from '../engine/rules-engine';
import type { MonthlyCost } from './monthly-cost';
import { round2 } from './usage';

/**
 * Cost-aware scoring: compares each eligible platform's estimate with the cheapest eligible one and runs
 * the cost-fit rules (rules/cost.json) with that comparison as the `cost` fact. The rules decide how much
 * it matters at each cost sensitivity; this only supplies the figures.
 */
export class CostFit {
  constructor(
    private readonly engines: ReadonlyMap<string, RulesEngine>,
    private readonly scoring: Manifest['scoring'],
  ) {}

  async apply(
    eligible: readonly PlatformEvaluation[],
    costs: ReadonlyMap<PlatformId, MonthlyCost>,
  ): Promise<void> {
    const cheapest = [...eligible]
      .map((evaluation) => ({
        evaluation,
        total: costs.get(evaluation.platform.id)?.total ?? Number.POSITIVE_INFINITY,
      }))
      .sort((a, b) => a.total - b.total)[0];
    if (cheapest === undefined || !Number.isFinite(cheapest.total)) return;
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
        ratio: Number.isFinite(ratio) ? round2(ratio) : 1000,
        percentAboveCheapest: Number.isFinite(ratio) ? Math.round((ratio - 1) * 100) : 100_000,
      };
      const fired = await engine.run({ ...evaluation.facts, cost });
      for (const firing of fired) {
        evaluation.fired.push(firing);
        if (firing.type === 'score') {
          evaluation.scoreReasons.push({
            points: Number(firing.params.points),
            reason: String(firing.params.reason),
            rule: firing.rule.name,
          });
        } else if (firing.type === 'warning') {
          evaluation.warnings.push(String(firing.params.message));
        }
      }
      rescore(evaluation, this.scoring);
    }
  }
}

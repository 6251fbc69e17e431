import type { PlatformId } from '../catalogue/platform-catalogue';
import type { components } from '../contract/generated/openapi-types';
import type { MonthlyCost } from '../cost/monthly-cost';
import type { PlatformEvaluation } from '../engine/platform-evaluation';

/** Every platform, best first, with what moved its score, what blocks it and, when eligible, its estimate. */
export function alternatives(
  ranked: readonly PlatformEvaluation[],
  costs: ReadonlyMap<PlatformId, MonthlyCost>,
): components['schemas']['Alternative'][] {
  const winner = ranked[0];
  return ranked.map((evaluation, index) => {
    const reasons = evaluation.eligible
      ? evaluation.scoreReasons.map(({ points, reason }) => scoreReasonText(points, reason))
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

/** A score change as the answer writes it among a platform's reasons: "+10: …", "-5: …". */
export function scoreReasonText(points: number, reason: string): string {
  return `${points > 0 ? '+' : ''}${points}: ${reason}`;
}

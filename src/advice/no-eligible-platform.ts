import type { Workload } from '../contract/workload';
import type { PlatformEvaluation, PlatformEvaluator } from '../engine/platform-evaluation';
import type { NoEligiblePlatform } from './advice';
import { findSmallestChanges } from './remedies';

/** The answer when every platform is blocked: each one's blockers, best first, and the verified changes that would help. */
export async function noEligiblePlatform(
  workload: Workload,
  ranked: readonly PlatformEvaluation[],
  evaluator: PlatformEvaluator,
): Promise<NoEligiblePlatform> {
  return {
    kind: 'no-eligible-platform',
    platforms: ranked.map((evaluation) => ({
      platformId: evaluation.platform.id,
      name: evaluation.platform.name,
      blockers: evaluation.blockers.map((blocker) => blocker.message),
    })),
    suggestions: await findSmallestChanges(workload, ranked, evaluator),
  };
}

import type { PlatformId } from '../catalogue/platform-catalogue';
import type { Facts } from './facts';
import type { FiredRule } from './rules-engine';

/**
 * The rules of one engine (platform-fit or design) for every platform: given each platform's facts for one
 * workload, which rules fired for which platform, each list in the order RulesEngine gives (priority, then
 * load order). Two implementations answer alike: one engine per platform (the reference) and one engine
 * over the conditions of all platforms, each distinct condition evaluated once per workload (the fast one).
 */
export interface PhaseRules {
  /**
   * `facts` holds every platform's facts (a shared evaluation needs them all); the answer has the
   * platforms named in `wanted`, in that order.
   */
  run(
    facts: ReadonlyMap<PlatformId, Facts>,
    wanted: readonly PlatformId[],
  ): Promise<Map<PlatformId, FiredRule[]>>;
}

import type { Platform, PlatformId } from '../catalogue/platform-catalogue';
import type { Facts } from './facts';
import type { PhaseRules } from './phase-rules';
import type { LoadedRule } from './rule-set';
import { type FiredRule, RulesEngine } from './rules-engine';

/**
 * The reference evaluation: one json-rules-engine per platform, holding the phase's rules specialized to
 * that platform, run once per platform. Straightforward and slower than SharedConditionRules, whose
 * answers it checks (test/engine/shared-condition-rules.test.ts).
 */
export class PerPlatformRules implements PhaseRules {
  private readonly engines: ReadonlyMap<PlatformId, RulesEngine>;

  constructor(rules: readonly LoadedRule[], platforms: readonly Platform[]) {
    this.engines = new Map(platforms.map((platform) => [platform.id, new RulesEngine(rules, { platform })]));
  }

  /** The engine of one platform, for callers that evaluate a single platform. */
  engineFor(platformId: PlatformId): RulesEngine {
    const engine = this.engines.get(platformId);
    if (engine === undefined) throw new Error(`no rules engine for platform ${platformId}`);
    return engine;
  }

  async run(
    facts: ReadonlyMap<PlatformId, Facts>,
    wanted: readonly PlatformId[],
  ): Promise<Map<PlatformId, FiredRule[]>> {
    const fired = new Map<PlatformId, FiredRule[]>();
    for (const platformId of wanted) {
      const platformFacts = facts.get(platformId);
      if (platformFacts === undefined) throw new Error(`no facts for platform ${platformId}`);
      fired.set(platformId, await this.engineFor(platformId).run(platformFacts));
    }
    return fired;
  }
}

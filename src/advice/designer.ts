import type { AwsAccessActions } from '../catalogue/aws-access-actions';
import type { PlatformId } from '../catalogue/platform-catalogue';
import { type Design, designFrom } from '../design/design';
import type { Facts } from '../engine/facts';
import type { PhaseRules } from '../engine/phase-rules';
import type { FiredRule } from '../engine/rules-engine';

/** A platform's design, and the design rules that made it. */
export interface PlatformDesign {
  design: Design;
  fired: FiredRule[];
}

/** Runs the design rules (load balancer, storage, scaling, triggers, monitoring, IAM, registry) and folds what fired into each platform's design. */
export class Designer {
  constructor(
    private readonly rules: PhaseRules,
    private readonly awsAccessActions: AwsAccessActions,
  ) {}

  /** The designs of the `wanted` platforms; `facts` holds every platform's facts (see PhaseRules). */
  async designAll(
    facts: ReadonlyMap<PlatformId, Facts>,
    wanted: readonly PlatformId[],
  ): Promise<Map<PlatformId, PlatformDesign>> {
    const fired = await this.rules.run(facts, wanted);
    const designs = new Map<PlatformId, PlatformDesign>();
    for (const platformId of wanted) {
      const platformFacts = facts.get(platformId);
      const platformFired = fired.get(platformId);
      if (platformFacts === undefined || platformFired === undefined)
        throw new Error(`no design facts for platform ${platformId}`);
      designs.set(platformId, {
        design: designFrom(platformFired, platformFacts, this.awsAccessActions),
        fired: platformFired,
      });
    }
    return designs;
  }
}

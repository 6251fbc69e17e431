import type { AwsAccessActions } from '../catalogue/aws-access-actions';
import { type Design, designFrom } from '../design/design';
import type { Facts } from '../engine/facts';
import type { FiredRule, RulesEngine } from '../engine/rules-engine';

/** Runs the design rules (load balancer, storage, scaling, triggers, monitoring, IAM, registry) for one platform and folds what fired into its design. */
export class Designer {
  constructor(
    private readonly engines: ReadonlyMap<string, RulesEngine>,
    private readonly awsAccessActions: AwsAccessActions,
  ) {}

  async design(facts: Facts): Promise<{ design: Design; fired: FiredRule[] }> {
    const engine = this.engines.get(facts.platform.id);
    if (engine === undefined) throw new Error(`no design engine for ${facts.platform.id}`);
    const fired = await engine.run(facts);
    return { design: designFrom(fired, facts, this.awsAccessActions), fired };
  }
}

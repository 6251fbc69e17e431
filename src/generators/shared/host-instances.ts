import { chooseInstance, hostRequirements } from '../../catalogue/instance-chooser';
import type { StarterConfigInput } from './starter-file';

/** The EC2 instances that host the workload's tasks or pods. */
export interface HostInstances {
  /** The type to deploy first; under Spot also same-sized alternatives (Spot draws on several pools). */
  instanceTypes: [string, ...string[]];
  tasksPerHost: number;
}

/**
 * The instance types of the workload's EKS nodes or ECS container instances, from the one instance chooser
 * that cost prices with, so the type deployed is the type priced.
 */
export function hostInstances(input: StarterConfigInput): HostInstances {
  const { workload, platform, facts, design } = input;
  const { instanceTypes } = chooseInstance(
    hostRequirements({
      workload,
      platform,
      runtime: facts.runtime,
      instanceMarket: design.scaling.instanceMarket,
    }),
    input.instances,
  );
  const [first, ...alternatives] = instanceTypes;
  return {
    instanceTypes: [first.type, ...alternatives.map(({ type }) => type)],
    tasksPerHost: first.tasksPerHost,
  };
}

import { chooseInstance, orchestratorOf } from '../../../catalogue/instance-chooser';
import type { StarterConfigInput } from '../../shared/starter-file';

export interface NodeChoice {
  /** The type to deploy first; under Spot also same-sized alternatives (Spot draws on several pools). */
  instanceTypes: [string, ...string[]];
  podsPerNode: number;
}

/** The instance types of the workload's nodes or container instances, from the one instance chooser. */
export function nodeChoice(input: StarterConfigInput): NodeChoice {
  const { workload, facts, design } = input;
  const { instanceTypes } = chooseInstance(
    {
      vcpu: workload.resources.cpu,
      memoryGiB: workload.resources.memoryGiB,
      orchestrator: orchestratorOf(input.platform),
      os: facts.runtime.os,
      architecture: facts.runtime.architecture,
      gpu: workload.control.gpu,
      spot: design.scaling.instanceMarket === 'spot',
    },
    input.instances,
  );
  const [first, ...alternatives] = instanceTypes;
  return {
    instanceTypes: [first.type, ...alternatives.map(({ type }) => type)],
    podsPerNode: first.tasksPerHost,
  };
}

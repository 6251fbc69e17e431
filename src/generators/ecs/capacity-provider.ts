import type { CreateCapacityProviderCommandInput } from '@aws-sdk/client-ecs';
import { PLACEHOLDERS } from '../shared/placeholders';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';

/** The largest number of instances managed scaling adds or removes at once; ECS's own default. */
const MAXIMUM_SCALING_STEP_SIZE = 10_000;

/** The capacity provider the design's strategy names, for EC2-backed platforms. */
export function capacityProviderName(input: StarterConfigInput): string {
  return input.design.scaling.capacityProviderStrategy?.[0]?.capacityProvider ?? `${input.workload.name}-ec2`;
}

/**
 * ecs/capacity-provider.json: CreateCapacityProvider over the customer's Auto Scaling group, when the design
 * lets ECS manage the group's scaling; nothing otherwise.
 */
export function capacityProviderFile(input: StarterConfigInput): DescribedFile | null {
  const policy = input.design.scaling.policies.find(
    (candidate) => candidate.type === 'capacity-provider-managed-scaling',
  );
  if (policy === undefined) return null;
  const managedScaling: NonNullable<
    CreateCapacityProviderCommandInput['autoScalingGroupProvider']
  >['managedScaling'] = {
    status: 'ENABLED',
    targetCapacity: policy.targetValue ?? 100,
    minimumScalingStepSize: 1,
    maximumScalingStepSize: MAXIMUM_SCALING_STEP_SIZE,
  };
  if (typeof policy.instanceWarmupPeriodSeconds === 'number')
    managedScaling.instanceWarmupPeriod = policy.instanceWarmupPeriodSeconds;
  const capacityProvider: CreateCapacityProviderCommandInput = {
    name: capacityProviderName(input),
    autoScalingGroupProvider: {
      autoScalingGroupArn: PLACEHOLDERS.autoScalingGroupArn,
      managedScaling,
      // Keeps ECS from terminating instances that still run tasks; the group needs scale-in protection on.
      managedTerminationProtection: policy.managedTerminationProtection === false ? 'DISABLED' : 'ENABLED',
      managedDraining: 'ENABLED',
    },
  };
  return jsonFile(
    'ecs/capacity-provider.json',
    capacityProvider,
    'ECS CreateCapacityProvider input: lets ECS scale the EC2 Auto Scaling group to fit the tasks.',
  );
}

import type { AwsVpcConfiguration, CapacityProviderStrategyItem, LaunchType } from '@aws-sdk/client-ecs';
import type { AwsVpcConfiguration as EventsAwsVpcConfiguration } from '../shared/eventbridge-shapes';
import { PLACEHOLDERS } from '../shared/placeholders';
import type { StarterConfigInput } from '../shared/starter-file';

/**
 * Where ECS places the workload's tasks: on the design's capacity provider strategy (or, without one, the
 * launch type of the platform), in private subnets of the customer's VPC. Services, schedules and rules
 * that start tasks all place them the same way.
 */
export interface TaskPlacement {
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  launchType?: LaunchType;
  /** Fargate only: LATEST is 1.4.0 or later, which EFS and ephemeral-storage sizing need. */
  platformVersion?: string;
}

export function isFargate(input: StarterConfigInput): boolean {
  return input.platform.capacity === 'fargate';
}

export function taskPlacement(input: StarterConfigInput): TaskPlacement {
  const strategy = input.design.scaling.capacityProviderStrategy;
  const fargate = isFargate(input);
  const placement: TaskPlacement =
    strategy !== undefined && strategy.length > 0
      ? { capacityProviderStrategy: strategy.map((item) => ({ ...item })) }
      : { launchType: fargate ? 'FARGATE' : 'EC2' };
  if (fargate) placement.platformVersion = 'LATEST';
  return placement;
}

/** Tasks never get public IPs: they reach the internet through a NAT gateway and are reached through the load balancer. */
export function awsVpcConfiguration(): AwsVpcConfiguration {
  return {
    subnets: [PLACEHOLDERS.subnetId],
    securityGroups: [PLACEHOLDERS.securityGroupId],
    assignPublicIp: 'DISABLED',
  };
}

/** The same network, spelled the way EventBridge and EventBridge Scheduler spell it. */
export function eventsAwsVpcConfiguration(): EventsAwsVpcConfiguration {
  const { subnets = [], securityGroups = [], assignPublicIp = 'DISABLED' } = awsVpcConfiguration();
  return { Subnets: subnets, SecurityGroups: securityGroups, AssignPublicIp: assignPublicIp };
}

export function clusterArn(input: StarterConfigInput): string {
  return `arn:aws:ecs:${input.workload.region}:${PLACEHOLDERS.accountId}:cluster/${input.facts.runtime.clusterName}`;
}

export function taskDefinitionArn(input: StarterConfigInput): string {
  return `arn:aws:ecs:${input.workload.region}:${PLACEHOLDERS.accountId}:task-definition/${input.workload.name}`;
}

/** The awslogs group the containers write to. */
export function logGroupName(input: StarterConfigInput): string {
  return `/ecs/${input.workload.name}`;
}

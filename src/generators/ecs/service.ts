import type {
  CreateServiceCommandInput,
  LoadBalancer,
  ServiceVolumeConfiguration,
} from '@aws-sdk/client-ecs';
import { iamRoleArn, PLACEHOLDERS } from '../shared/placeholders';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, IamRole, StarterConfigInput } from '../shared/starter-file';
import { DATA_VOLUME_NAME } from './task-definition';
import { awsVpcConfiguration, taskPlacement } from './task-placement';

/** Long enough for a typical app to start before failed load-balancer health checks count against it. */
const HEALTH_CHECK_GRACE_PERIOD_SECONDS = 60;

/** Whether the workload runs as a long-lived ECS service (web, workers, and batch fed by a queue). */
export function runsAsService(input: StarterConfigInput): boolean {
  return input.facts.runtime.taskGroup.startsWith('service:');
}

/** The role ECS uses to create and attach the EBS volume each task gets, when the storage is EBS. */
export function ebsVolumeRole(input: StarterConfigInput): IamRole | null {
  if (input.design.storage.type !== 'ebs') return null;
  return {
    name: `${input.workload.name}-ecs-volumes`,
    trustedService: 'ecs.amazonaws.com',
    managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes'],
    statements: [],
    description: "Assumed by Amazon ECS to create, attach and delete each task's EBS volume.",
  };
}

/** ecs/service.json: CreateService with rollback on failed deployments, behind the designed load balancer. */
export function serviceFile(input: StarterConfigInput): DescribedFile {
  const { workload, facts, design } = input;
  const service: CreateServiceCommandInput = {
    cluster: facts.runtime.clusterName,
    serviceName: workload.name,
    taskDefinition: workload.name,
    desiredCount: design.scaling.minCapacity,
    ...taskPlacement(input),
    networkConfiguration: { awsvpcConfiguration: awsVpcConfiguration() },
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    propagateTags: 'SERVICE',
    enableECSManagedTags: true,
  };
  const loadBalancers = serviceLoadBalancers(input);
  if (loadBalancers.length > 0) {
    service.loadBalancers = loadBalancers;
    service.healthCheckGracePeriodSeconds = HEALTH_CHECK_GRACE_PERIOD_SECONDS;
  }
  const volumeConfigurations = serviceVolumeConfigurations(input);
  if (volumeConfigurations.length > 0) service.volumeConfigurations = volumeConfigurations;
  return jsonFile(
    'ecs/service.json',
    service,
    'ECS CreateService input: task count, capacity, private networking, load balancer and deployment rollback.',
  );
}

function serviceLoadBalancers(input: StarterConfigInput): LoadBalancer[] {
  const { workload, design } = input;
  const type = design.loadBalancer.type;
  if ((type !== 'alb' && type !== 'nlb') || workload.containerPort === undefined) return [];
  return [
    {
      targetGroupArn: PLACEHOLDERS.targetGroupArn,
      containerName: workload.name,
      containerPort: workload.containerPort,
    },
  ];
}

function serviceVolumeConfigurations(input: StarterConfigInput): ServiceVolumeConfiguration[] {
  const { storage } = input.design;
  const role = ebsVolumeRole(input);
  if (storage.type !== 'ebs' || role === null) return [];
  const details = storage.details ?? {};
  return [
    {
      name: DATA_VOLUME_NAME,
      managedEBSVolume: {
        ...(storage.sizeGiB === undefined ? {} : { sizeInGiB: storage.sizeGiB }),
        volumeType: typeof details.volumeType === 'string' ? details.volumeType : 'gp3',
        encrypted: details.encrypted !== false,
        filesystemType: details.filesystemType === 'xfs' ? 'xfs' : 'ext4',
        roleArn: iamRoleArn(role.name),
      },
    },
  ];
}

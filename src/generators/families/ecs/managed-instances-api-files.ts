import type {
  CreateCapacityProviderCommandInput,
  CreateDaemonCommandInput,
  InstanceRequirementsRequest,
  RegisterDaemonTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { apiValue } from '../../plan/reference';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import type {
  InstanceRequirementsPlan,
  ManagedDaemonPlan,
  ManagedInstancesCapacityPlan,
} from './managed-instances-plan';

/**
 * ecs/capacity-provider.json: CreateCapacityProvider with a Managed Instances provider in the workload's
 * cluster: the infrastructure role, the instance profile, the task subnets and the instance requirements.
 */
export function managedInstancesCapacityProviderFile(capacity: ManagedInstancesCapacityPlan): DescribedFile {
  const request: CreateCapacityProviderCommandInput = {
    name: capacity.name,
    cluster: apiValue(capacity.cluster),
    managedInstancesProvider: {
      infrastructureRoleArn: apiValue(capacity.infrastructureRole),
      instanceLaunchTemplate: {
        ec2InstanceProfileArn: `arn:aws:iam::${PLACEHOLDERS.accountId}:instance-profile/${capacity.instanceProfileName}`,
        networkConfiguration: {
          subnets: [PLACEHOLDERS.subnetId],
          securityGroups: [PLACEHOLDERS.securityGroupId],
        },
        storageConfiguration: { storageSizeGiB: capacity.storageSizeGiB },
        capacityOptionType: capacity.capacityOptionType,
        instanceRequirements: instanceRequirements(capacity.instanceRequirements),
      },
    },
  };
  return jsonFile(
    'ecs/capacity-provider.json',
    request,
    'ECS CreateCapacityProvider input: the Managed Instances capacity provider that launches, patches and replaces the instances the tasks run on.',
  );
}

function instanceRequirements(requirements: InstanceRequirementsPlan): InstanceRequirementsRequest {
  const { accelerator } = requirements;
  return {
    vCpuCount: { min: requirements.vcpu, max: requirements.vcpu },
    // The allowed types fix the size; memory needs only the lower bound the API requires.
    memoryMiB: { min: requirements.memoryMiB },
    cpuManufacturers: [...requirements.cpuManufacturers],
    ...(accelerator === null
      ? {}
      : {
          acceleratorTypes: ['gpu'],
          acceleratorManufacturers: [...accelerator.manufacturers],
          acceleratorCount: { min: accelerator.count, max: accelerator.count },
        }),
    allowedInstanceTypes: [...requirements.allowedInstanceTypes],
  };
}

/** ecs/managed-daemon-task-definition.json: RegisterDaemonTaskDefinition for the per-host agent. */
export function daemonTaskDefinitionFile(daemon: ManagedDaemonPlan): DescribedFile {
  const request: RegisterDaemonTaskDefinitionCommandInput = {
    family: daemon.family,
    taskRoleArn: apiValue(daemon.taskRole),
    executionRoleArn: apiValue(daemon.executionRole),
    cpu: daemon.cpu,
    memory: daemon.memory,
    containerDefinitions: [
      {
        name: daemon.name,
        image: daemon.image,
        essential: true,
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': apiValue(daemon.logGroup),
            'awslogs-region': daemon.region,
            'awslogs-stream-prefix': daemon.streamPrefix,
          },
        },
      },
    ],
  };
  return jsonFile(
    'ecs/managed-daemon-task-definition.json',
    request,
    "ECS RegisterDaemonTaskDefinition input: the per-host agent's container, size, roles and logs.",
  );
}

/** ecs/managed-daemon.json: CreateDaemon, one agent task on every instance of the capacity provider. */
export function daemonFile(daemon: ManagedDaemonPlan): DescribedFile {
  const request: CreateDaemonCommandInput = {
    daemonName: daemon.name,
    clusterArn: apiValue(daemon.cluster),
    daemonTaskDefinitionArn: apiValue(daemon.taskDefinition),
    capacityProviderArns: [apiValue(daemon.capacityProvider)],
    propagateTags: 'DAEMON',
    enableECSManagedTags: true,
  };
  return jsonFile(
    'ecs/managed-daemon.json',
    request,
    'ECS CreateDaemon input: the Managed Daemon that runs the agent on every managed instance before the tasks.',
  );
}

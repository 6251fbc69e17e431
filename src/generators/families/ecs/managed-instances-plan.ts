import type { InstanceType } from '../../../catalogue/instance-catalogue';
import type { LogGroupPlan } from '../../plan/log-group/plan';
import { type Reference, reference } from '../../plan/reference';
import { literalRole, type RolePlan, roleKey } from '../../plan/roles/plan';
import { hostInstances } from '../../shared/host-instances';
import { iamRoleArn, PLACEHOLDERS } from '../../shared/placeholders';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { StarterConfigInput } from '../../shared/starter-file';
import { ecsScratchDisk } from './scratch-disk';

/**
 * Room on the instance's task volume for every task it holds: the 20 GiB each task gets on Fargate by
 * default, so that tasks moved from Fargate find the scratch space they had there.
 */
const TASK_STORAGE_GIB = 20;

type CpuManufacturer = 'intel' | 'amd' | 'amazon-web-services';
type AcceleratorManufacturer = 'nvidia' | 'amd';

/**
 * What the instances must be, as ECS Managed Instances takes it (attribute-based selection): exactly the
 * size of the types the one instance chooser picked, their CPU makers and GPUs, limited to those types, so
 * the type deployed is the type priced.
 */
export interface InstanceRequirementsPlan {
  vcpu: number;
  memoryMiB: number;
  cpuManufacturers: [CpuManufacturer, ...CpuManufacturer[]];
  accelerator: {
    manufacturers: [AcceleratorManufacturer, ...AcceleratorManufacturer[]];
    count: number;
  } | null;
  allowedInstanceTypes: [string, ...string[]];
}

/**
 * The Managed Instances capacity provider: AWS launches, patches and replaces the instances in the task
 * subnets with the infrastructure role, gives them the instance profile, and packs the tasks onto them.
 */
export interface ManagedInstancesCapacityPlan {
  /** Never starts with "aws", "ecs" or "fargate", which capacity provider names may not. */
  name: string;
  /** A Managed Instances capacity provider belongs to one cluster. */
  cluster: Reference;
  infrastructureRole: Reference;
  instanceRole: Reference;
  instanceProfileName: string;
  instanceRequirements: InstanceRequirementsPlan;
  capacityOptionType: 'ON_DEMAND' | 'SPOT';
  /** The instance's task volume, shared by the tasks it holds. */
  storageSizeGiB: number;
  tasksPerHost: number;
}

/**
 * A Managed Daemon: one agent task on every instance of the capacity provider, started before and drained
 * after the workload's tasks, from its own daemon task definition with its own task role.
 */
export interface ManagedDaemonPlan {
  name: string;
  family: string;
  image: string;
  cpu: string;
  memory: string;
  role: RolePlan;
  taskRole: Reference;
  executionRole: Reference;
  logGroup: Reference;
  region: string;
  streamPrefix: string;
  taskDefinition: Reference;
  cluster: Reference;
  capacityProvider: Reference;
}

export function managedInstancesCapacityPlan(
  input: StarterConfigInput,
  name: string,
  cluster: Reference,
): ManagedInstancesCapacityPlan {
  const { design, facts } = input;
  const { infrastructureRole, nodeRole } = design.iam;
  if (infrastructureRole === undefined || nodeRole === undefined)
    throw new StarterConfigError(
      `${facts.platform.id} needs an infrastructure role and an instance role in its design`,
    );
  const { instanceTypes, tasksPerHost } = hostInstances(input);
  const types = instanceTypes.map((type) => instanceTypeOf(input, type));
  const [first] = types;
  if (first === undefined) throw new StarterConfigError('the instance chooser returned no instance type');
  return {
    name,
    cluster,
    infrastructureRole: reference(roleKey('infrastructureRole'), 'arn', iamRoleArn(infrastructureRole.name)),
    instanceRole: reference(roleKey('nodeRole'), 'arn', iamRoleArn(nodeRole.name)),
    instanceProfileName: nodeRole.name,
    instanceRequirements: {
      vcpu: first.vcpu,
      memoryMiB: Math.round(first.memoryGiB * 1024),
      cpuManufacturers: cpuManufacturers(input, types),
      accelerator:
        first.gpus === 0
          ? null
          : { manufacturers: acceleratorManufacturers(input, types), count: first.gpus },
      allowedInstanceTypes: instanceTypes,
    },
    capacityOptionType: design.scaling.instanceMarket === 'spot' ? 'SPOT' : 'ON_DEMAND',
    // Each task's scratch disk comes out of the instance's volume, with the image and OS allowance on top.
    storageSizeGiB: Math.max(TASK_STORAGE_GIB * tasksPerHost, ecsScratchDisk(input).rootVolume?.sizeGiB ?? 0),
    tasksPerHost,
  };
}

export function managedDaemonPlan(
  input: StarterConfigInput,
  capacity: ManagedInstancesCapacityPlan,
  clusterArn: Reference,
  logGroup: LogGroupPlan,
): ManagedDaemonPlan {
  const { workload, design, instances } = input;
  const name = `${workload.name}-agent`;
  const region = workload.region;
  const agent = instances.hostReserved.perHostAgent;
  const role = literalRole(`role:${name}`, {
    name,
    trustedService: 'ecs-tasks.amazonaws.com',
    managedPolicyArns: [],
    statements: [],
    description:
      "The per-host agent's own task role, apart from the workload's: it grants nothing until you add the AWS calls the agent makes.",
  });
  return {
    name,
    family: name,
    image: PLACEHOLDERS.daemonImage,
    cpu: String(Math.round(agent.vcpu * 1024)),
    memory: String(Math.round(agent.memoryGiB * 1024)),
    role,
    taskRole: reference(role.key, 'arn', iamRoleArn(name)),
    executionRole: reference(roleKey('executionRole'), 'arn', iamRoleArn(design.iam.executionRole.name)),
    logGroup: reference('log-group', 'name', logGroup.name),
    region,
    streamPrefix: 'agent',
    // The first revision of the family, which the README's first register-daemon-task-definition creates.
    taskDefinition: reference(
      'daemon-task-definition',
      'arn',
      `arn:aws:ecs:${region}:${PLACEHOLDERS.accountId}:daemon-task-definition/${name}:1`,
    ),
    cluster: clusterArn,
    capacityProvider: reference(
      'capacity-provider',
      'arn',
      `arn:aws:ecs:${region}:${PLACEHOLDERS.accountId}:capacity-provider/${capacity.name}`,
    ),
  };
}

function instanceTypeOf(input: StarterConfigInput, type: string): InstanceType {
  const found = input.instances.instanceTypes.find((candidate) => candidate.type === type);
  if (found === undefined) throw new StarterConfigError(`the instance catalogue does not list ${type}`);
  return found;
}

function familyOf(input: StarterConfigInput, type: InstanceType) {
  const family = input.instances.families.find((candidate) => candidate.family === type.family);
  if (family === undefined)
    throw new StarterConfigError(`the instance catalogue does not list ${type.family}`);
  return family;
}

/** The makers of the chosen types' processors, read from the catalogue's processor names. */
function cpuManufacturers(
  input: StarterConfigInput,
  types: InstanceType[],
): [CpuManufacturer, ...CpuManufacturer[]] {
  const makers = [
    ...new Set(
      types.map((type): CpuManufacturer => {
        const processor = familyOf(input, type).processor;
        if (processor.includes('Graviton')) return 'amazon-web-services';
        if (processor.includes('AMD')) return 'amd';
        if (processor.includes('Intel')) return 'intel';
        throw new StarterConfigError(`no CPU manufacturer is known for processor "${processor}"`);
      }),
    ),
  ];
  const [first, ...rest] = makers;
  if (first === undefined) throw new StarterConfigError('no instance type to read a CPU manufacturer from');
  return [first, ...rest];
}

/** The makers of the chosen types' GPUs, read from the catalogue's GPU names. */
function acceleratorManufacturers(
  input: StarterConfigInput,
  types: InstanceType[],
): [AcceleratorManufacturer, ...AcceleratorManufacturer[]] {
  const makers = [
    ...new Set(
      types.map((type): AcceleratorManufacturer => {
        const kind = familyOf(input, type).gpu?.kind ?? '';
        if (kind.startsWith('NVIDIA')) return 'nvidia';
        if (kind.startsWith('AMD')) return 'amd';
        throw new StarterConfigError(`no accelerator manufacturer is known for ${type.type} ("${kind}")`);
      }),
    ),
  ];
  const [first, ...rest] = makers;
  if (first === undefined) throw new StarterConfigError('no GPU instance type to read a manufacturer from');
  return [first, ...rest];
}

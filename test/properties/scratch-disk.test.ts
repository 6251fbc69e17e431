import fc from 'fast-check';
import YAML from 'yaml';
import instanceCatalogue from '../../rules/catalogue/instance-types.json';
import type { Workload } from '../../src/contract/workload';
import { generateStarterConfig, type StarterFile } from '../../src/generators/starter-config';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { normalize } from '../support/advisor';
import { adviceFor, SEED } from './advice';
import { trigger, validWorkloadRequest } from './arbitraries';
import {
  BATCH_DEFAULT_SCRATCH_GIB,
  EBS_ROOT_VOLUME_MAX_GIB,
  EKS_NODE_PLATFORMS,
  SCRATCH_DISK_LIMIT_GIB,
} from './aws-facts';

/**
 * The scratch disk (resources.ephemeralStorageGiB) is a hard requirement, and triggered tasks never get an
 * EBS volume their launcher cannot pass. Both are checked on the starter files of every platform that is
 * eligible, not only the recommended one, read as a deployer would read them.
 */
const RUNS = { seed: SEED, numRuns: 60 };

/** Sizes around every platform's limit, and any other size the contract allows. */
const scratchGiB = fc.oneof(
  fc.constantFrom(1, 2, 3, 20, 21, 60, 61, 72, 73, 150, 175, 176, 200, 201, 4096),
  fc.integer({ min: 1, max: 4096 }),
);

const anyWithScratchDisk = fc.tuple(validWorkloadRequest, scratchGiB).map(([body, ephemeralStorageGiB]) => ({
  ...body,
  resources: { ...body.resources, ephemeralStorageGiB },
}));

/** The same as batch jobs, so AWS Batch (batch jobs only) is among the eligible platforms often enough. */
const batchWithScratchDisk = anyWithScratchDisk.map(
  ({ traffic, containerPort, healthCheckPath, ...rest }) => ({
    ...rest,
    workloadType: 'batch' as const,
  }),
);

const withScratchDisk = fc.oneof(anyWithScratchDisk, batchWithScratchDisk);

/** Block storage started by every kind of trigger, by background workloads of either type. */
const triggeredBlockStorage = fc
  .tuple(validWorkloadRequest, trigger, fc.constantFrom('worker' as const, 'batch' as const))
  .map(([body, chosenTrigger, workloadType]) => {
    const { traffic, containerPort, healthCheckPath, ...rest } = body;
    return {
      ...rest,
      workloadType,
      trigger: chosenTrigger,
      persistence: { type: 'block' as const, sizeGiB: body.persistence?.sizeGiB ?? 20 },
      ...(traffic === undefined ? {} : { traffic: { pattern: traffic.pattern } }),
    };
  });

type Template = { Parameters?: Record<string, { Default?: unknown }>; Resources?: Record<string, Resource> };
type Resource = { Type: string; Properties?: Record<string, unknown> };

function template(files: readonly StarterFile[]): Template {
  const file = files.find((candidate) => candidate.path === 'cloudformation/template.yaml');
  return file === undefined ? {} : (YAML.parse(file.content) as Template);
}

function resources(files: readonly StarterFile[], type: string): Resource[] {
  return Object.values(template(files).Resources ?? {}).filter((resource) => resource.Type === type);
}

function json(files: readonly StarterFile[], path: string): Record<string, unknown> | undefined {
  const file = files.find((candidate) => candidate.path === path);
  return file === undefined ? undefined : (JSON.parse(file.content) as Record<string, unknown>);
}

function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<string | number, unknown>)[key]
        : undefined,
    value,
  );
}

/**
 * How many tasks (or pods) ECS or the Kubernetes scheduler can put on one instance of the deployed type: as
 * many as its CPU and memory hold after what the host and any per-host agent keep (the catalogue's figures, from AWS's pages),
 * since neither ECS nor Kubernetes limits it by disk unless the pods request disk.
 */
function tasksPerInstance(workload: Workload, instanceType: string, orchestrator: 'ecs' | 'eks'): number {
  const type = instanceCatalogue.instanceTypes.find((candidate) => candidate.type === instanceType);
  if (type === undefined) throw new Error(`${instanceType} is not in the instance catalogue`);
  const host = instanceCatalogue.hostReserved[orchestrator][workload.control.os];
  // A per-host agent (control.daemons) takes its own room on every host beside the workload's tasks.
  const agent = workload.control.daemons
    ? instanceCatalogue.hostReserved.perHostAgent
    : { vcpu: 0, memoryGiB: 0 };
  const fit = Math.min(
    Math.floor((type.vcpu - host.vcpu - agent.vcpu) / workload.resources.cpu),
    Math.floor((type.memoryGiB - host.memoryGiB - agent.memoryGiB) / workload.resources.memoryGiB),
    workload.control.gpu ? type.gpus : Number.POSITIVE_INFINITY,
  );
  return Math.max(1, fit);
}

/** Every way the platform's files fall short of the requested scratch disk. */
function scratchDiskShortfalls(
  platform: string,
  workload: Workload,
  files: readonly StarterFile[],
): string[] {
  const requested = workload.resources.ephemeralStorageGiB;
  if (requested === undefined) return [];
  const problems: string[] = [];
  const need = (holds: boolean, what: string) => {
    if (!holds) problems.push(`${platform}: ${what}`);
  };
  const limit = SCRATCH_DISK_LIMIT_GIB[platform];
  need(limit !== undefined && requested <= limit, `eligible with ${requested} GiB, beyond its ${limit} GiB`);
  if (platform === 'ecs-fargate') {
    const api = at(json(files, 'ecs/task-definition.json'), 'ephemeralStorage', 'sizeInGiB');
    const stack = resources(files, 'AWS::ECS::TaskDefinition').map((task) =>
      at(task.Properties, 'EphemeralStorage', 'SizeInGiB'),
    );
    need(stack.length === 1 && stack[0] === api, 'the API file and the stack give the task the same size');
    // Without the setting a Fargate task has 20 GiB; the setting takes 21 to 200.
    const provided = api === undefined ? 20 : Number(api);
    need(provided >= requested, `the task gets ${provided} GiB for ${requested} GiB asked`);
    if (api !== undefined) need(provided >= 21 && provided <= 200, `sizeInGiB ${provided} is outside 21-200`);
  }
  if (platform === 'ecs-ec2') {
    const instanceType = String(template(files).Parameters?.InstanceType?.Default);
    const perInstance = tasksPerInstance(workload, instanceType, 'ecs');
    const mappings = resources(files, 'AWS::EC2::LaunchTemplate').map((launchTemplate) =>
      at(launchTemplate.Properties, 'LaunchTemplateData', 'BlockDeviceMappings', 0),
    );
    const size = Number(at(mappings[0], 'Ebs', 'VolumeSize'));
    need(
      at(mappings[0], 'DeviceName') === (workload.control.os === 'windows' ? '/dev/sda1' : '/dev/xvda'),
      "the mapping resizes the AMI's root device",
    );
    need(
      size > perInstance * requested && size <= EBS_ROOT_VOLUME_MAX_GIB,
      `a ${size} GiB root volume for ${perInstance} task(s) of ${requested} GiB on ${instanceType}`,
    );
    const readme = files.find((file) => file.path === 'README.md')?.content ?? '';
    need(readme.includes(`VolumeSize ${size}`), 'the README sizes the same root volume');
  }
  if (platform.startsWith('eks-')) {
    const manifests = YAML.parseAllDocuments(
      files.find((file) => file.path === 'eks/manifests.yaml')?.content ?? '',
    ).map((document) => document.toJS() as unknown);
    const workloadContainers = manifests.flatMap((manifest) => {
      const spec =
        at(manifest, 'kind') === 'CronJob'
          ? at(manifest, 'spec', 'jobTemplate', 'spec', 'template', 'spec')
          : at(manifest, 'spec', 'template', 'spec');
      const containers = at(spec, 'containers');
      return at(manifest, 'metadata', 'name') === workload.name && Array.isArray(containers)
        ? containers
        : [];
    });
    need(workloadContainers.length > 0, "the manifests hold the workload's pods");
    for (const container of workloadContainers) {
      for (const side of ['requests', 'limits']) {
        const quantity = at(container, 'resources', side, 'ephemeral-storage');
        need(quantity === `${requested}Gi`, `ephemeral-storage ${side} ${String(quantity)}`);
      }
    }
  }
  if (platform === 'ecs-managed-instances') {
    const provider = at(
      json(files, 'ecs/capacity-provider.json'),
      'managedInstancesProvider',
      'instanceLaunchTemplate',
    );
    const instanceType = String(at(provider, 'instanceRequirements', 'allowedInstanceTypes', 0));
    const perInstance = tasksPerInstance(workload, instanceType, 'ecs');
    const size = Number(at(provider, 'storageConfiguration', 'storageSizeGiB'));
    // The tasks' scratch disks share the volume with the operating system and the images.
    need(
      size > perInstance * requested && size <= EBS_ROOT_VOLUME_MAX_GIB,
      `a ${size} GiB storage volume for ${perInstance} task(s) of ${requested} GiB on ${instanceType}`,
    );
    const stackSizes = resources(files, 'AWS::ECS::CapacityProvider').map((capacityProvider) =>
      at(
        capacityProvider.Properties,
        'ManagedInstancesProvider',
        'InstanceLaunchTemplate',
        'StorageConfiguration',
        'StorageSizeGiB',
      ),
    );
    need(
      stackSizes.length === 1 && stackSizes[0] === size,
      `the stack sizes the instances alike: ${JSON.stringify(stackSizes)}`,
    );
  }
  if (platform === 'aws-batch') {
    const definition = json(files, 'batch/job-definition.json');
    const api = at(definition, 'containerProperties', 'ephemeralStorage', 'sizeInGiB');
    const stack = resources(files, 'AWS::Batch::JobDefinition').map((job) =>
      at(job.Properties, 'ContainerProperties', 'EphemeralStorage', 'SizeInGiB'),
    );
    need(stack.length === 1 && stack[0] === api, 'the API file and the stack give the job the same size');
    const onFargate = at(definition, 'platformCapabilities', 0) === 'FARGATE';
    // On EC2 the job writes to the instance's root volume, which the starter leaves at the AMI's size.
    need(
      onFargate || (api === undefined && requested <= BATCH_DEFAULT_SCRATCH_GIB),
      `an EC2 job gets the instance's unsized root volume for ${requested} GiB asked`,
    );
    const provided = api === undefined ? BATCH_DEFAULT_SCRATCH_GIB : Number(api);
    need(provided >= requested, `the job gets ${provided} GiB for ${requested} GiB asked`);
    if (api !== undefined) need(provided >= 21 && provided <= 200, `sizeInGiB ${provided} is outside 21-200`);
  }
  // Auto Mode's nodes are sized by their NodeClass, not by node groups: its pods' requests are checked above.
  if (EKS_NODE_PLATFORMS.includes(platform) && platform !== 'eks-auto-mode') {
    const cluster = YAML.parse(files.find((file) => file.path === 'eks/cluster.yaml')?.content ?? '{}');
    const listed = (key: string): unknown[] => {
      const value = at(cluster, key);
      return Array.isArray(value) ? value : [];
    };
    const groups = [...listed('managedNodeGroups'), ...listed('nodeGroups')] as {
      name: string;
      instanceType?: string;
      instanceTypes?: string[];
      instancesDistribution?: { instanceTypes: string[] };
      volumeSize?: number;
    }[];
    const group = groups.find(
      (candidate) => candidate.name.startsWith(workload.name) && !candidate.name.endsWith('-linux-system'),
    );
    const instanceType =
      group?.instanceType ??
      group?.instanceTypes?.[0] ??
      group?.instancesDistribution?.instanceTypes[0] ??
      '';
    const perNode = tasksPerInstance(workload, instanceType, 'eks');
    const size = group?.volumeSize ?? 0;
    // The kubelet evicts pods when less than 10% of the node's disk is free.
    need(
      size * 0.9 >= perNode * requested && size <= EBS_ROOT_VOLUME_MAX_GIB,
      `a ${size} GiB node volume for ${perNode} pod(s) of ${requested} GiB`,
    );
    const stackSizes = [
      ...resources(files, 'AWS::EKS::Nodegroup').map((nodeGroup) => at(nodeGroup.Properties, 'DiskSize')),
      ...resources(files, 'AWS::EC2::LaunchTemplate').map((launchTemplate) =>
        at(launchTemplate.Properties, 'LaunchTemplateData', 'BlockDeviceMappings', 0, 'Ebs', 'VolumeSize'),
      ),
    ].filter((value) => value !== undefined);
    need(
      stackSizes.length === 1 && stackSizes[0] === size,
      `the stack sizes the nodes alike: ${JSON.stringify(stackSizes)}`,
    );
  }
  return problems;
}

/** A task definition whose volume is configured at launch, in the API files or the stack. */
function hasLaunchTimeVolume(files: readonly StarterFile[]): boolean {
  const apiVolumes = at(json(files, 'ecs/task-definition.json'), 'volumes');
  const stackVolumes = resources(files, 'AWS::ECS::TaskDefinition').flatMap((task) => {
    const volumes = at(task.Properties, 'Volumes');
    return Array.isArray(volumes) ? volumes : [];
  });
  return (
    (Array.isArray(apiVolumes) && apiVolumes.some((volume) => at(volume, 'configuredAtLaunch') === true)) ||
    stackVolumes.some((volume) => at(volume, 'ConfiguredAtLaunch') === true)
  );
}

/** An EventBridge rule or EventBridge Scheduler schedule that starts an ECS task, in the API files or the stack. */
function eventBridgeLaunches(files: readonly StarterFile[]): string[] {
  const launches: string[] = [];
  for (const file of files.filter((candidate) => candidate.mediaType === 'application/json')) {
    const text = file.content;
    if (text.includes('"EcsParameters"')) launches.push(file.path);
  }
  for (const type of ['AWS::Scheduler::Schedule', 'AWS::Events::Rule']) {
    for (const resource of resources(files, type)) {
      const targets = at(resource.Properties, 'Targets');
      const target = at(resource.Properties, 'Target');
      const all = [...(Array.isArray(targets) ? targets : []), ...(target === undefined ? [] : [target])];
      if (all.some((candidate) => at(candidate, 'EcsParameters') !== undefined)) launches.push(type);
    }
  }
  return launches;
}

async function everyEligibleStarter(body: unknown): Promise<{ platform: string; files: StarterFile[] }[]> {
  return (await inputsOnEveryEligiblePlatform(body)).map((input) => ({
    platform: input.platform.id,
    files: generateStarterConfig(input),
  }));
}

describe('when the workload asks for scratch disk', () => {
  it('makes eligible only platforms whose limit holds it, and every starter configuration provides it', async () => {
    await fc.assert(
      fc.asyncProperty(withScratchDisk, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const workload = normalize(body);
        const shortfalls = (await everyEligibleStarter(body)).flatMap(({ platform, files }) =>
          scratchDiskShortfalls(platform, workload, files),
        );
        expect(shortfalls).toEqual([]);
      }),
      RUNS,
    );
  });

  it('blocks every platform it does not fit, saying so', async () => {
    await fc.assert(
      fc.asyncProperty(withScratchDisk, async (body) => {
        const advice = await adviceFor(body);
        const requested = normalize(body).resources.ephemeralStorageGiB ?? 0;
        const standings =
          advice.kind === 'recommendation'
            ? advice.recommendation.alternatives.map((alternative) => ({
                platform: alternative.platformId,
                eligible: alternative.eligible,
                blockers: alternative.blockers,
              }))
            : advice.platforms.map((platform) => ({
                platform: platform.platformId,
                eligible: false,
                blockers: platform.blockers,
              }));
        for (const standing of standings) {
          if (requested > (SCRATCH_DISK_LIMIT_GIB[standing.platform] ?? 0)) {
            expect(standing).toMatchObject({ eligible: false });
            expect(
              standing.blockers.some((blocker) => blocker.includes(`${requested} GiB of scratch disk`)),
            ).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('when a triggered workload needs block storage', () => {
  it('never pairs a volume configured at launch with an EventBridge or Scheduler launch', async () => {
    await fc.assert(
      fc.asyncProperty(triggeredBlockStorage, async (body) => {
        const pairs = (await everyEligibleStarter(body)).flatMap(({ platform, files }) =>
          hasLaunchTimeVolume(files) && eventBridgeLaunches(files).length > 0
            ? [`${platform}: ${eventBridgeLaunches(files).join(', ')}`]
            : [],
        );
        expect(pairs).toEqual([]);
      }),
      RUNS,
    );
  });
});

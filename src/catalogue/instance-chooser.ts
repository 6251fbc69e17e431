import type {
  Architecture,
  InstanceCatalogue,
  InstanceType,
  Need,
  OperatingSystem,
  Orchestrator,
} from './instance-catalogue';
import type { Platform } from './platform-catalogue';

/** What the container hosts must offer: one task's size, its platform, and whether it runs on Spot. */
export interface InstanceRequirements {
  /** vCPU of one task (or pod). */
  vcpu: number;
  /** Memory of one task (or pod), in GiB. */
  memoryGiB: number;
  orchestrator: Orchestrator;
  os: OperatingSystem;
  architecture: Architecture;
  gpu: boolean;
  spot: boolean;
  /** One agent task or pod runs on every host beside the workload's (control.daemons). */
  perHostAgent: boolean;
  /**
   * A task binds its ports on the host itself (a web service on the host's network): a second task on the
   * same host would find its port taken, so each host holds one.
   */
  oneTaskPerHost: boolean;
  /** The fewest vCPUs a host may have: the platform launches nothing smaller (catalogue `hostLimits.sizes`). */
  minimumHostVcpu: number;
}

/** What of a workload and its platform decides its hosts (structurally, so cost and generators both pass theirs). */
export interface HostedWorkload {
  workload: {
    workloadType: string;
    resources: { cpu: number; memoryGiB: number };
    control: { gpu: boolean; daemons: boolean; hostNetwork: boolean };
  };
  platform: Pick<Platform, 'service' | 'hostLimits'>;
  runtime: { os: OperatingSystem; architecture: Architecture };
  instanceMarket: 'spot' | 'on-demand';
}

/**
 * The requirements of a workload's hosts. Cost and the starter configuration both build them here, so that
 * the chooser is asked the same question for the estimate as for the deployment.
 */
export function hostRequirements({
  workload,
  platform,
  runtime,
  instanceMarket,
}: HostedWorkload): InstanceRequirements {
  return {
    vcpu: workload.resources.cpu,
    memoryGiB: workload.resources.memoryGiB,
    orchestrator: orchestratorOf(platform),
    os: runtime.os,
    architecture: runtime.architecture,
    gpu: workload.control.gpu,
    spot: instanceMarket === 'spot',
    perHostAgent: workload.control.daemons,
    oneTaskPerHost: workload.control.hostNetwork && workload.workloadType === 'web',
    minimumHostVcpu: platform.hostLimits?.sizes.minimumVcpu ?? 0,
  };
}

/** A type the hosts may launch as, and how many tasks one such host holds. */
export interface InstanceOption {
  type: string;
  vcpu: number;
  memoryGiB: number;
  priceKey: string;
  tasksPerHost: number;
}

export interface InstanceChoice {
  /**
   * The types to deploy: the preferred type first; under Spot also the same size of the need's other
   * families, so the hosts draw on several Spot pools.
   */
  instanceTypes: [InstanceOption, ...InstanceOption[]];
  /** False when no listed type holds one task with the host's reserve to spare: the largest is returned. */
  fits: boolean;
  /** Why this type, in a sentence for the estimate's assumptions. */
  reason: string;
}

/**
 * Chooses the EC2 instance type of container hosts: the smallest size of the need's preferred family
 * (general purpose, memory optimized above the catalogue's GiB per vCPU, or GPU) that holds one task after
 * the room the host keeps for itself. Cost and the starter configuration both call this, so the type
 * priced is the type deployed.
 */
export function chooseInstance(
  requirements: InstanceRequirements,
  catalogue: InstanceCatalogue,
): InstanceChoice {
  const reserved = hostReserve(requirements, catalogue);
  const needs: Need[] = requirements.gpu
    ? ['gpu']
    : requirements.memoryGiB / requirements.vcpu > catalogue.selection.memoryOptimizedAboveGiBPerVcpu
      ? ['memory']
      : ['general', 'memory'];
  const room = (type: InstanceType) => ({
    vcpu: type.vcpu - reserved.vcpu,
    memoryGiB: type.memoryGiB - reserved.memoryGiB,
  });
  const holds = (type: InstanceType) =>
    type.vcpu >= requirements.minimumHostVcpu &&
    room(type).vcpu >= requirements.vcpu &&
    room(type).memoryGiB >= requirements.memoryGiB;
  const option = (type: InstanceType): InstanceOption => {
    const fit = Math.min(
      Math.floor(room(type).vcpu / requirements.vcpu),
      Math.floor(room(type).memoryGiB / requirements.memoryGiB),
      // One GPU per task: a GPU host holds no more tasks than it has GPUs.
      requirements.gpu ? type.gpus : Number.POSITIVE_INFINITY,
      requirements.oneTaskPerHost ? 1 : Number.POSITIVE_INFINITY,
    );
    return {
      type: type.type,
      vcpu: type.vcpu,
      memoryGiB: type.memoryGiB,
      priceKey: type.priceKey,
      tasksPerHost: Math.max(1, fit),
    };
  };

  let last: { families: string[]; sizes: InstanceType[] } | undefined;
  for (const need of needs) {
    const families = familiesFor(catalogue, need, requirements);
    const [preferred] = families;
    if (preferred === undefined) continue;
    const sizes = sizesOf(catalogue, preferred);
    last = { families, sizes };
    const chosen = sizes.find(holds);
    if (chosen === undefined) continue;
    const alternatives = requirements.spot ? sameSizeIn(catalogue, families.slice(1), chosen) : [];
    const first = option(chosen);
    const spotNote =
      alternatives.length === 0
        ? ''
        : `; Spot also draws on ${alternatives.map((type) => type.type).join(', ')}`;
    return {
      instanceTypes: [first, ...alternatives.map(option)],
      fits: true,
      reason: `${chosen.type} (${chosen.vcpu} vCPU / ${chosen.memoryGiB} GiB) is the smallest ${preferred} size that holds a ${requirements.vcpu} vCPU / ${requirements.memoryGiB} GiB task after the ${reserved.vcpu} vCPU / ${reserved.memoryGiB} GiB ${requirements.orchestrator === 'eks' ? 'an EKS' : 'an ECS'} ${requirements.os === 'windows' ? 'Windows' : 'Linux'} host keeps${requirements.perHostAgent ? ' with its per-host agent' : ''}: ${first.tasksPerHost} task(s) per host${spotNote}`,
    };
  }
  const largest = last?.sizes[last.sizes.length - 1];
  if (last === undefined || largest === undefined)
    throw new InstanceChoiceError(
      `the instance catalogue lists no ${requirements.architecture} ${requirements.os} family for ${needs.join(' or ')} hosts`,
    );
  const alternatives = requirements.spot ? sameSizeIn(catalogue, last.families.slice(1), largest) : [];
  return {
    instanceTypes: [option(largest), ...alternatives.map(option)],
    fits: false,
    reason: `no listed type holds a ${requirements.vcpu} vCPU / ${requirements.memoryGiB} GiB task after the ${reserved.vcpu} vCPU / ${reserved.memoryGiB} GiB a host keeps: ${largest.type} (${largest.vcpu} vCPU / ${largest.memoryGiB} GiB), the largest, is used and the task will not be placed until it asks for less`,
  };
}

/** The type of a Windows EKS cluster's Linux system nodes (CoreDNS and the controllers), always on-demand. */
export function chooseLinuxSystemNode(catalogue: InstanceCatalogue): InstanceOption {
  const { vcpu, memoryGiB } = catalogue.linuxSystemNodes;
  const requirements: InstanceRequirements = {
    vcpu,
    memoryGiB,
    orchestrator: 'eks',
    os: 'linux',
    architecture: 'x86_64',
    gpu: false,
    spot: false,
    perHostAgent: false,
    oneTaskPerHost: false,
    minimumHostVcpu: 0,
  };
  return chooseInstance(requirements, catalogue).instanceTypes[0];
}

/** What a host keeps before the workload's tasks: the orchestrator's own share, and the per-host agent's. */
function hostReserve(
  requirements: InstanceRequirements,
  catalogue: InstanceCatalogue,
): { vcpu: number; memoryGiB: number } {
  const own = catalogue.hostReserved[requirements.orchestrator][requirements.os];
  if (!requirements.perHostAgent) return own;
  const agent = catalogue.hostReserved.perHostAgent;
  return { vcpu: own.vcpu + agent.vcpu, memoryGiB: own.memoryGiB + agent.memoryGiB };
}

/** The type Spot or attribute-based selection is priced at: the cheapest of the types deployed (the first on a tie). */
export function cheapestInstance(
  choice: InstanceChoice,
  hourlyPrice: (priceKey: string) => number,
): InstanceOption {
  return choice.instanceTypes.reduce((cheapest, option) =>
    hourlyPrice(option.priceKey) < hourlyPrice(cheapest.priceKey) ? option : cheapest,
  );
}

/** Who runs tasks on a platform's hosts: EKS nodes for EKS, ECS container instances otherwise. */
export function orchestratorOf(platform: Pick<Platform, 'service'>): Orchestrator {
  return platform.service === 'eks' ? 'eks' : 'ecs';
}

/** A requirement the instance catalogue cannot meet: a gap in the catalogue, not in the request. */
export class InstanceChoiceError extends Error {
  override name = 'InstanceChoiceError';
}

/**
 * The need's families for the requirements' architecture that run their OS; Windows runs on x86_64 only,
 * so a Windows request for arm64 is met from the x86_64 families.
 */
function familiesFor(catalogue: InstanceCatalogue, need: Need, requirements: InstanceRequirements): string[] {
  const runsOs = (name: string) =>
    catalogue.families.some(
      (entry) => entry.family === name && entry.operatingSystems.includes(requirements.os),
    );
  const preferred = catalogue.selection[need][requirements.architecture].filter(runsOs);
  if (preferred.length > 0) return preferred;
  const other = requirements.architecture === 'arm64' ? 'x86_64' : 'arm64';
  return catalogue.selection[need][other].filter(runsOs);
}

function sizesOf(catalogue: InstanceCatalogue, family: string): InstanceType[] {
  return catalogue.instanceTypes
    .filter((type) => type.family === family)
    .sort((a, b) => a.vcpu - b.vcpu || a.memoryGiB - b.memoryGiB);
}

function sameSizeIn(catalogue: InstanceCatalogue, families: string[], size: InstanceType): InstanceType[] {
  return families.flatMap((family) =>
    sizesOf(catalogue, family).filter(
      (type) => type.vcpu === size.vcpu && type.memoryGiB === size.memoryGiB && type.gpus === size.gpus,
    ),
  );
}

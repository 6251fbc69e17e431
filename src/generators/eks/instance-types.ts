/**
 * Picks EC2 instance types for EKS nodes: the smallest size of a current-generation family that holds one
 * pod after the room kubelet, the OS and the node's DaemonSets take.
 */
export interface NodeNeeds {
  cpu: number;
  memoryGiB: number;
  os: 'linux' | 'windows';
  architecture: 'x86_64' | 'arm64';
  gpu: boolean;
}

export interface NodeChoice {
  /** The chosen type first, then same-sized alternatives (worth listing for Spot, which draws on several pools). */
  instanceTypes: string[];
  podsPerNode: number;
}

interface Size {
  size: string;
  vcpu: number;
  memoryGiB: number;
}

interface Family {
  names: string[];
  sizes: Size[];
}

const sizes = (memoryPerVcpu: number, vcpus: Record<string, number>): Size[] =>
  Object.entries(vcpus).map(([size, vcpu]) => ({ size, vcpu, memoryGiB: vcpu * memoryPerVcpu }));

const X86_VCPUS = {
  large: 2,
  xlarge: 4,
  '2xlarge': 8,
  '4xlarge': 16,
  '8xlarge': 32,
  '12xlarge': 48,
  '16xlarge': 64,
  '24xlarge': 96,
  '48xlarge': 192,
};
const ARM_VCPUS = {
  large: 2,
  xlarge: 4,
  '2xlarge': 8,
  '4xlarge': 16,
  '8xlarge': 32,
  '12xlarge': 48,
  '16xlarge': 64,
};
const GPU_VCPUS = { xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '16xlarge': 64 };

const FAMILIES = {
  general: { names: ['m7i', 'm6i', 'm5'], sizes: sizes(4, X86_VCPUS) },
  memory: { names: ['r7i', 'r6i', 'r5'], sizes: sizes(8, X86_VCPUS) },
  generalArm: { names: ['m7g', 'm6g'], sizes: sizes(4, ARM_VCPUS) },
  memoryArm: { names: ['r7g', 'r6g'], sizes: sizes(8, ARM_VCPUS) },
  gpu: { names: ['g5', 'g4dn'], sizes: sizes(4, GPU_VCPUS) },
  gpuArm: { names: ['g5g'], sizes: sizes(2, GPU_VCPUS) },
} satisfies Record<string, Family>;

/** What a node keeps for itself; Windows nodes keep more. */
const RESERVED = { linux: { cpu: 0.5, memoryGiB: 1.5 }, windows: { cpu: 1, memoryGiB: 2.5 } };

export function chooseNodeType(needs: NodeNeeds): NodeChoice {
  const reserved = RESERVED[needs.os];
  const arm = needs.architecture === 'arm64' && needs.os === 'linux';
  const candidates: Family[] = needs.gpu
    ? [arm ? FAMILIES.gpuArm : FAMILIES.gpu]
    : needs.memoryGiB / needs.cpu > 4
      ? [arm ? FAMILIES.memoryArm : FAMILIES.memory]
      : [arm ? FAMILIES.generalArm : FAMILIES.general, arm ? FAMILIES.memoryArm : FAMILIES.memory];
  for (const family of candidates) {
    const fit = family.sizes.find(
      (size) =>
        size.vcpu - reserved.cpu >= needs.cpu && size.memoryGiB - reserved.memoryGiB >= needs.memoryGiB,
    );
    if (fit !== undefined) return choice(family, fit, needs, reserved);
  }
  // Nothing holds the pod with room to spare: take the largest size and let the scheduler say what is short.
  const family = candidates[candidates.length - 1] ?? FAMILIES.general;
  const largest = family.sizes[family.sizes.length - 1] ?? { size: 'large', vcpu: 2, memoryGiB: 8 };
  return choice(family, largest, needs, reserved);
}

function choice(
  family: Family,
  size: Size,
  needs: NodeNeeds,
  reserved: { cpu: number; memoryGiB: number },
): NodeChoice {
  // The single-GPU sizes hold one GPU pod each, whatever room is left.
  const podsPerNode = needs.gpu
    ? 1
    : Math.max(
        1,
        Math.min(
          Math.floor((size.vcpu - reserved.cpu) / needs.cpu),
          Math.floor((size.memoryGiB - reserved.memoryGiB) / needs.memoryGiB),
        ),
      );
  return { instanceTypes: family.names.map((name) => `${name}.${size.size}`), podsPerNode };
}

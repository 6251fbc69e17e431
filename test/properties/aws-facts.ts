/**
 * What AWS documents about each platform, written down here independently of rules/ so the properties
 * check the answers against AWS rather than against the rules' own wording.
 */

export const EC2_HOST_PLATFORMS = ['ecs-ec2', 'eks-managed-nodes', 'eks-self-managed-nodes', 'eks-auto-mode'];
export const EKS_NODE_PLATFORMS = ['eks-managed-nodes', 'eks-self-managed-nodes', 'eks-auto-mode'];
/** EC2 hosts AWS operates: no custom AMI, no SSH, Linux only (EKS Auto Mode, eks-compute.html). */
export const AWS_OPERATED_HOST_PLATFORMS = ['eks-auto-mode'];
/** Platforms that build their own HTTPS endpoint on a fixed ALB: HTTP(S) only, Linux x86_64 only, stateless. */
export const MANAGED_INGRESS_PLATFORMS = ['app-runner', 'ecs-express-mode'];
export const FARGATE_TASK_PLATFORMS = ['ecs-fargate', 'ecs-express-mode'];

export interface FargateSize {
  /** CPU units, 1024 a vCPU. */
  cpu: number;
  /** MiB. */
  memory: number;
}

function range(from: number, to: number, step: number): number[] {
  return Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => from + index * step);
}

/**
 * AWS Fargate task sizes (Amazon ECS Developer Guide, "Task CPU and memory"): CPU units to the memory
 * values allowed with them, in MiB. Windows containers run only on the 1, 2 and 4 vCPU rows.
 */
const FARGATE_LINUX: [number, number[]][] = [
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16_384, 1024)],
  [4096, range(8192, 30_720, 1024)],
  [8192, range(16_384, 61_440, 4096)],
  [16_384, range(32_768, 122_880, 8192)],
];
const FARGATE_WINDOWS = FARGATE_LINUX.filter(([cpu]) => cpu === 1024 || cpu === 2048 || cpu === 4096);

export function fargateSizes(os: 'linux' | 'windows'): FargateSize[] {
  return (os === 'linux' ? FARGATE_LINUX : FARGATE_WINDOWS).flatMap(([cpu, memories]) =>
    memories.map((memory) => ({ cpu, memory })),
  );
}

export function isFargateSize(os: 'linux' | 'windows', size: FargateSize): boolean {
  return fargateSizes(os).some((valid) => valid.cpu === size.cpu && valid.memory === size.memory);
}

/** The smallest Fargate size that covers a request, after adding `overheadMiB` to its memory. */
export function smallestFargateSize(
  os: 'linux' | 'windows',
  vcpu: number,
  memoryGiB: number,
  overheadMiB = 0,
): FargateSize | undefined {
  return fargateSizes(os)
    .sort((a, b) => a.cpu - b.cpu || a.memory - b.memory)
    .find((size) => size.cpu >= vcpu * 1024 && size.memory >= memoryGiB * 1024 + overheadMiB);
}

/** EKS on Fargate adds 256 MiB to each pod's memory request for kubelet, kube-proxy and containerd. */
export const EKS_FARGATE_OVERHEAD_MIB = 256;

/** The largest App Runner instance: 4 vCPU and 12 GB. */
export const APP_RUNNER_MAX = { vcpu: 4, memoryGiB: 12 };

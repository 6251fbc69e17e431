/**
 * What AWS documents about each platform, written down here independently of rules/ so the properties
 * check the answers against AWS rather than against the rules' own wording.
 */

export const EC2_HOST_PLATFORMS = ['ecs-ec2', 'eks-managed-nodes', 'eks-self-managed-nodes'];
/**
 * EC2 instances AWS launches, patches and replaces (ECS Managed Instances, EKS Auto Mode): GPUs, privileged containers and
 * per-host daemons, but Linux only, no custom AMI or host access, no FSx (ManagedInstances.html,
 * security-shared-model-managed-instances.html, managed-instances-tasks-services.html; EKS eks-compute.html).
 */
export const AWS_MANAGED_HOST_PLATFORMS = ['ecs-managed-instances', 'eks-auto-mode'];
/** Hosts the team patches and replaces itself. */
export const TEAM_RUN_HOST_PLATFORMS = ['ecs-ec2', 'eks-self-managed-nodes'];
/** EKS pods on EC2 nodes, whoever runs the nodes (FSx for Lustre, EBS CSI, DaemonSets). */
export const EKS_NODE_PLATFORMS = ['eks-managed-nodes', 'eks-self-managed-nodes', 'eks-auto-mode'];
/**
 * FSx for Windows File Server volumes: an ECS task definition mounts them on Windows EC2 container instances
 * (Amazon ECS Developer Guide, wfsx-volumes.html); EKS has no AWS CSI driver for them (EKS best practices,
 * Windows storage).
 */
export const FSX_WINDOWS_PLATFORMS = ['ecs-ec2'];
/** Platforms that build their own HTTPS endpoint on a fixed ALB: HTTP(S) only, Linux x86_64 only, stateless. */
export const MANAGED_INGRESS_PLATFORMS = ['app-runner', 'ecs-express-mode'];
export const FARGATE_TASK_PLATFORMS = ['ecs-fargate', 'ecs-express-mode'];
/**
 * AWS Batch: jobs only, from SubmitJob (no SQS consumer); Fargate compute environments for jobs that fit
 * Fargate, EC2 ones (which Batch launches) for GPUs, privileged containers, host access and larger sizes;
 * Windows only on Fargate, X86_64, without Spot; EFS the only volume (AWS Batch User Guide, "When to use
 * Fargate", "Compute environments"; API Reference, RuntimePlatform).
 */
export const BATCH_PLATFORM = 'aws-batch';

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

/** gp3 volumes hold 1 to 65,536 GiB (EC2 API reference, EbsBlockDevice VolumeSize). */
export const EBS_ROOT_VOLUME_MAX_GIB = 65_536;

/**
 * The ephemeral storage volume of an EKS Auto Mode node under the built-in `default` NodeClass: the NodeClass
 * specification's default ephemeralStorage.size ("Create a Node Class for Amazon EKS").
 */
export const AUTO_MODE_DEFAULT_NODE_STORAGE_GIB = 80;

/** On Fargate, a Batch job without ephemeralStorage gets 20 GiB; EC2 jobs share the instance's root volume. */
export const BATCH_DEFAULT_SCRATCH_GIB = 20;

/**
 * The most scratch disk one task or pod can get: Fargate 21-200 GiB (ECS Developer Guide, "Fargate task
 * ephemeral storage"), Express Mode only Fargate's default 20 GiB (CreateExpressGatewayService has no
 * ephemeral storage member), EKS on Fargate 175 GiB ("Fargate Pod configuration"), App Runner a fixed
 * 3 GB with the image in it (App Runner Developer Guide, "Developing application code"), EC2 instances as
 * much as their root volume holds (Managed Instances: their storage volume), an EKS Auto Mode pod at most
 * what the default NodeClass's volume leaves after the kubelet's 10% eviction reserve, an AWS Batch job
 * Fargate's 200 GiB (Batch API reference, EphemeralStorage).
 */
export const SCRATCH_DISK_LIMIT_GIB: Record<string, number> = {
  'ecs-fargate': 200,
  'ecs-express-mode': 20,
  'eks-fargate': 175,
  'app-runner': 3e9 / 2 ** 30,
  'ecs-ec2': EBS_ROOT_VOLUME_MAX_GIB,
  'eks-managed-nodes': EBS_ROOT_VOLUME_MAX_GIB,
  'eks-self-managed-nodes': EBS_ROOT_VOLUME_MAX_GIB,
  'ecs-managed-instances': EBS_ROOT_VOLUME_MAX_GIB,
  'eks-auto-mode': AUTO_MODE_DEFAULT_NODE_STORAGE_GIB * 0.9,
  'aws-batch': 200,
};

/**
 * The Linux capabilities a container can add on each platform (control.capabilities): ECS on Fargate only
 * SYS_PTRACE (fargate-tasks-services.html, "linuxParameters"); ECS on EC2 and Managed Instances, and pods on
 * EKS EC2 nodes, any (API_KernelCapabilities.html; Kubernetes securityContext.capabilities); none on EKS
 * Fargate (its scheduler refuses "Capabilities added"), Express Mode and App Runner (no such setting) or
 * AWS Batch (its job definition's LinuxParameters have no capabilities, API_LinuxParameters.html).
 */
export const ADDABLE_CAPABILITIES: Record<string, 'any' | readonly string[]> = {
  'ecs-fargate': ['SYS_PTRACE'],
  'ecs-express-mode': [],
  'ecs-managed-instances': 'any',
  'ecs-ec2': 'any',
  'eks-auto-mode': 'any',
  'eks-managed-nodes': 'any',
  'eks-fargate': [],
  'eks-self-managed-nodes': 'any',
  'app-runner': [],
  'aws-batch': [],
};

/**
 * Where a Linux container can run in the host's network namespace (control.hostNetwork): ECS's host network
 * mode on EC2 Linux container instances and Managed Instances (task-networking.html,
 * managed-instance-networking.html), pods with hostNetwork on EKS EC2 nodes, Auto Mode included
 * (auto-networking.html), and AWS Batch jobs on EC2 compute environments (networking-modes-jobs.html). Not
 * Fargate (awsvpc only), so not Express Mode, nor EKS on Fargate (fargate.html), nor App Runner.
 */
export const HOST_NETWORK_PLATFORMS = [
  'ecs-ec2',
  'ecs-managed-instances',
  'eks-managed-nodes',
  'eks-self-managed-nodes',
  'eks-auto-mode',
  'aws-batch',
];

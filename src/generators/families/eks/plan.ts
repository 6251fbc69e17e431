import { chooseLinuxSystemNode } from '../../../catalogue/instance-chooser';
import type { Platform } from '../../../catalogue/platform-catalogue';
import type { StatementResourceRef } from '../../../design/design-draft';
import { containerEnvironmentPlan } from '../../plan/container-environment/plan';
import { type FileSystemPlan, fileSystemPlan } from '../../plan/file-system/plan';
import {
  type ObjectCreatedTriggerPlan,
  objectCreatedTriggerPlan,
} from '../../plan/object-created-trigger/plan';
import { type QueuesPlan, queueArn, queuesPlan } from '../../plan/queues/plan';
import { type Reference, reference } from '../../plan/reference';
import { registryPlan } from '../../plan/registry/plan';
import { designedRoles, literalRole, type RolePlan, roleKey } from '../../plan/roles/plan';
import { hostInstances } from '../../shared/host-instances';
import { iamRoleArn, PLACEHOLDERS } from '../../shared/placeholders';
import { type RootVolumePlan, rootVolumeReason } from '../../shared/scratch-disk';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { StarterConfigInput } from '../../shared/starter-file';
import type { StarterPlan } from '../family-unit';
import {
  DEFAULT_QUEUE_METRIC,
  hpaPolicy,
  type KubernetesPlan,
  kubernetesPlan,
  type NodePoolPlan,
  workloadKind,
} from './kubernetes-plan';
import { type EksScratchDiskPlan, eksScratchDisk } from './scratch-disk';
import { NOTES } from './steps';

/** The Kubernetes version new clusters start on; a supported release with standard support ahead of it. */
export const KUBERNETES_VERSION = '1.33';

/** A cluster add-on; a CSI driver's controller gets its role through Pod Identity. */
export interface AddonPlan {
  name: string;
  /** The add-on's configuration values, as both the ClusterConfig and the stack give them. */
  configuration?: Record<string, string>;
  /**
   * Windows pods need the VPC CNI's Windows IP address management: eksctl turns it on itself when it
   * creates a Windows node group, so only the stack configures it.
   */
  enableWindowsIpam: boolean;
  /** eksctl's useDefaultPodIdentityAssociations: the controller's service account and the role it gets. */
  controller?: { serviceAccount: string; role: RolePlan };
}

export interface ClusterPlan {
  name: string;
  region: string;
  version: string;
  role: Reference;
  /**
   * The API server endpoints: public for kubectl from outside, and private so that nodes and pods in the
   * private subnets reach it without leaving the VPC (eksctl's default is public only).
   */
  endpointAccess: { public: boolean; private: boolean };
  addons: AddonPlan[];
}

/** The EKS-optimized image of a node group, as managed node groups (AMI type) and launch templates (SSM parameter) name it. */
export interface NodeImagePlan {
  amiFamily: 'AmazonLinux2023' | 'WindowsServer2022CoreContainer';
  amiType: string;
  ssmParameter: string;
}

/** All Spot, from the pools with the most capacity at the lowest price (Spot draws on several pools). */
export interface SpotPlan {
  onDemandBaseCapacity: number;
  onDemandPercentageAboveBaseCapacity: number;
  allocationStrategy: 'price-capacity-optimized';
}

const ALL_SPOT: SpotPlan = {
  onDemandBaseCapacity: 0,
  onDemandPercentageAboveBaseCapacity: 0,
  allocationStrategy: 'price-capacity-optimized',
};

export interface NodeGroupPlan {
  name: string;
  /** The small Linux group a Windows cluster keeps for CoreDNS and the controllers. */
  system: boolean;
  os: 'linux' | 'windows';
  image: NodeImagePlan;
  /** The type to deploy first; under Spot also same-sized alternatives. */
  instanceTypes: [string, ...string[]];
  /** Null on demand. */
  spot: SpotPlan | null;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  /** Self-managed groups are not tagged for the Cluster Autoscaler's auto-discovery unless asked to be. */
  autoscalerTags: Record<string, string> | null;
  /** The root volume enlarged for the pods' scratch disk; null keeps the AMI's (never on system nodes). */
  rootVolume: RootVolumePlan | null;
}

/**
 * Where the pods run, from the platform's capacity: managed node groups, self-managed nodes (launch
 * templates and Auto Scaling groups, whose access entry the nodes join with) or Fargate profiles.
 */
export type ComputePlan =
  | {
      kind: 'fargate';
      podExecutionRole: Reference;
      /** The workload's namespace and kube-system (for CoreDNS), one profile each. */
      profiles: { name: string; namespaces: string[] }[];
    }
  | { kind: 'managed-node-groups'; nodeRole: Reference; groups: NodeGroupPlan[] }
  | {
      kind: 'self-managed-nodes';
      nodeRole: Reference;
      /** One role serves every group; EC2_WINDOWS grants what EC2_LINUX does, plus Windows kube-proxy's group. */
      accessEntryType: 'EC2_LINUX' | 'EC2_WINDOWS';
      groups: NodeGroupPlan[];
    }
  | {
      kind: 'auto-mode';
      /** The role of every node Auto Mode launches (ComputeConfig nodeRoleArn); it cannot change later. */
      nodeRole: Reference;
      /**
       * The built-in NodePools, as AWS suggests keeping them: they also create the `default` NodeClass the
       * workload's NodePool uses, and `system` hosts add-ons that tolerate CriticalAddonsOnly.
       */
      builtInNodePools: ['general-purpose', 'system'];
    };

/**
 * The pod role: an EKS Pod Identity association for the workload's service account on nodes; on Fargate,
 * which has no Pod Identity agent, a role trusted through the cluster's OIDC provider (IRSA).
 */
export interface PodIdentityPlan {
  kind: 'pod-identity' | 'irsa';
  role: Reference;
  namespace: string;
  serviceAccount: string;
}

/** EventBridge cannot start pods, so on EKS the S3 events go to a queue the pods read. */
export interface S3EventsPlan {
  trigger: ObjectCreatedTriggerPlan;
  queueName: string;
  queue: Reference;
}

/** The kind of helper the cluster needs installed for the workload's scaling and load balancer. */
export interface ClusterAddOnsToInstall {
  loadBalancerController: 'alb' | 'nlb' | null;
  metricsServer: boolean;
  /** The external metric the queue-fed HorizontalPodAutoscaler reads, when it has one. */
  externalMetric: string | null;
  clusterAutoscaler: boolean;
}

export interface EksPlan extends StarterPlan {
  cluster: ClusterPlan;
  compute: ComputePlan;
  identity: PodIdentityPlan;
  /** The per-node agent's own role, for its own service account (Pod Identity on Linux nodes, IRSA on Windows). */
  daemonIdentity: PodIdentityPlan | null;
  kubernetes: KubernetesPlan;
  queues: QueuesPlan | null;
  s3Events: S3EventsPlan | null;
  fileSystem: FileSystemPlan | null;
  install: ClusterAddOnsToInstall;
  /** A Job reads its queue until it is empty; it runs again only after the finished one is deleted. */
  runsOnce: boolean;
  notes: string[];
}

/** The CSI drivers' controller service accounts and the AWS managed policies eksctl gives them. */
const CSI_DRIVERS = {
  ebs: {
    addon: 'aws-ebs-csi-driver',
    serviceAccount: 'ebs-csi-controller-sa',
    policy: 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
    role: 'ebs-csi',
  },
  efs: {
    addon: 'aws-efs-csi-driver',
    serviceAccount: 'efs-csi-controller-sa',
    policy: 'arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy',
    role: 'efs-csi',
  },
  'fsx-lustre': {
    addon: 'aws-fsx-csi-driver',
    serviceAccount: 'fsx-csi-controller-sa',
    policy: 'arn:aws:iam::aws:policy/AmazonFSxFullAccess',
    role: 'fsx-csi',
  },
} as const;

/** The one place the EKS family tells its platforms apart: by the catalogue's capacity. */
function computeKind(platform: Platform): ComputePlan['kind'] {
  switch (platform.capacity) {
    case 'auto-mode':
      return 'auto-mode';
    case 'fargate':
      return 'fargate';
    case 'managed-node-group':
      return 'managed-node-groups';
    case 'self-managed-nodes':
      return 'self-managed-nodes';
    default:
      throw new StarterConfigError(
        `the EKS family has no compute for capacity ${platform.capacity} (${platform.id})`,
      );
  }
}

export function eksPlan(input: StarterConfigInput): EksPlan {
  const { workload, facts, design } = input;
  const kind = computeKind(input.platform);
  const fargate = kind === 'fargate';
  const notes: string[] = [];
  const serviceAccount = { namespace: workload.name, name: workload.name };

  const trigger = design.triggers.find(
    (candidate) => candidate.type === 'eventbridge-rule' && candidate.queueName !== undefined,
  );
  const triggerPlan = trigger === undefined ? null : objectCreatedTriggerPlan(input, trigger);
  const eventRule =
    triggerPlan === null
      ? null
      : reference(
          'object-created-rule',
          'arn',
          `arn:aws:events:${workload.region}:${PLACEHOLDERS.accountId}:rule/${triggerPlan.ruleName}`,
        );
  const queues = queuesPlan(input, eventRule);
  const fileSystem = fileSystemPlan(input);

  const creates = new Set<StatementResourceRef>();
  if (queues !== null) creates.add('workload-queue');
  if (fileSystem !== null) creates.add('file-system');
  if (triggerPlan !== null) creates.add('trigger-bucket-objects');

  const clusterRole = design.iam.clusterRole;
  if (clusterRole === undefined)
    throw new StarterConfigError(`${input.platform.id} has no cluster role in its design`);
  const podRole = reference(roleKey('taskRole'), 'arn', iamRoleArn(design.iam.taskRole.name));
  const hostRole = reference(roleKey('executionRole'), 'arn', iamRoleArn(design.iam.executionRole.name));

  const scratchDisk = eksScratchDisk(input);
  const environment = containerEnvironmentPlan(workload);
  const autoMode = kind === 'auto-mode' ? { nodePool: nodePoolPlan(input) } : undefined;
  const kubernetes = kubernetesPlan(
    input,
    {
      fargate,
      podRole,
      fileSystem,
      ephemeralStorageGiB: scratchDisk.podRequestGiB,
      ...(autoMode === undefined ? {} : { autoMode }),
      environment,
    },
    notes,
  );
  const runsOnce = workloadKind(input) === 'Job';
  if (triggerPlan !== null && runsOnce) notes.push(NOTES.jobReadsQueue);
  if (facts.runtime.os === 'windows') notes.push(NOTES.windowsIpam);
  if (fargate) notes.push(NOTES.fargatePrivateSubnets);
  if (scratchDisk.nodeRootVolume !== null)
    notes.push(
      NOTES.nodeRootVolume(
        scratchDisk.nodeRootVolume.sizeGiB,
        rootVolumeReason(scratchDisk.nodeRootVolume, 'pod'),
      ),
    );
  if (autoMode !== undefined) notes.push(NOTES.autoModeSubnetTags, NOTES.autoModeNodePool);

  const { daemon } = kubernetes;
  if (daemon !== null) notes.push(NOTES.daemonSet(daemon.name, daemon.identity));
  const daemonIdentity: PodIdentityPlan | null =
    daemon === null
      ? null
      : {
          kind: daemon.identity,
          role: daemon.role,
          namespace: serviceAccount.namespace,
          serviceAccount: daemon.serviceAccountName,
        };
  const daemonRole =
    daemon === null
      ? null
      : literalRole(
          daemon.role.to,
          {
            name: daemon.name,
            trustedService:
              daemon.identity === 'pod-identity'
                ? 'pods.eks.amazonaws.com'
                : 'cluster OIDC provider (sts:AssumeRoleWithWebIdentity)',
            managedPolicyArns: [],
            statements: [],
            description: `Assumed through ${daemon.identity === 'pod-identity' ? 'EKS Pod Identity' : "the cluster's OIDC provider"} by the per-node agent; it allows nothing until you add what the agent calls.`,
          },
          { namespace: serviceAccount.namespace, name: daemon.serviceAccountName },
        );
  const hpa = hpaPolicy(input);
  const queueMetric = hpa !== undefined && typeof hpa.queueName === 'string';
  const loadBalancer = design.loadBalancer.type;
  return {
    roles: [...designedRoles(input, creates, serviceAccount), ...(daemonRole === null ? [] : [daemonRole])],
    registry: registryPlan(design.registry),
    environment,
    cluster: {
      name: workload.name,
      region: workload.region,
      version: KUBERNETES_VERSION,
      role: reference(roleKey('clusterRole'), 'arn', iamRoleArn(clusterRole.name)),
      endpointAccess: { public: true, private: true },
      addons: kind === 'auto-mode' ? autoModeAddons(input) : addons(input, fargate),
    },
    compute: computePlan(input, kind, hostRole, scratchDisk),
    identity: {
      // EKS Pod Identity runs on Linux EC2 nodes only: Fargate pods and Windows nodes use IRSA.
      kind: fargate || input.facts.runtime.os === 'windows' ? 'irsa' : 'pod-identity',
      role: podRole,
      namespace: serviceAccount.namespace,
      serviceAccount: serviceAccount.name,
    },
    daemonIdentity,
    kubernetes,
    queues,
    s3Events:
      triggerPlan === null || trigger?.queueName === undefined
        ? null
        : {
            trigger: triggerPlan,
            queueName: trigger.queueName,
            queue: reference('workload-queue', 'arn', queueArn(workload.region, trigger.queueName)),
          },
    fileSystem,
    install: {
      // Auto Mode's load balancing capability is the controller: nothing to install.
      loadBalancerController:
        autoMode === undefined && (loadBalancer === 'alb' || loadBalancer === 'nlb') ? loadBalancer : null,
      metricsServer: hpa !== undefined && !queueMetric,
      externalMetric: queueMetric ? (hpa.metric ?? DEFAULT_QUEUE_METRIC) : null,
      clusterAutoscaler: design.scaling.policies.some(
        (policy) => policy.type === 'node-autoscaler' && policy.tool === 'cluster-autoscaler',
      ),
    },
    runsOnce,
    notes,
  };
}

function addons(input: StarterConfigInput, fargate: boolean): AddonPlan[] {
  const windows = input.facts.runtime.os === 'windows';
  const list: AddonPlan[] = [
    { name: 'vpc-cni', enableWindowsIpam: windows },
    fargate
      ? { name: 'coredns', configuration: { computeType: 'Fargate' }, enableWindowsIpam: false }
      : { name: 'coredns', enableWindowsIpam: false },
    { name: 'kube-proxy', enableWindowsIpam: false },
  ];
  if (fargate) return list;
  list.push({ name: 'eks-pod-identity-agent', enableWindowsIpam: false });
  // Fargate mounts EFS itself; on nodes each storage service needs its CSI driver, which gets its role through Pod Identity.
  const storage = input.design.storage.type;
  const driver =
    storage === 'ebs' || storage === 'efs' || storage === 'fsx-lustre' ? CSI_DRIVERS[storage] : null;
  if (driver !== null) list.push(csiDriverAddon(input, driver));
  return list;
}

function csiDriverAddon(
  input: StarterConfigInput,
  driver: (typeof CSI_DRIVERS)[keyof typeof CSI_DRIVERS],
): AddonPlan {
  const role = literalRole(`role:${driver.role}`, {
    name: `${input.workload.name}-${driver.role}`,
    trustedService: 'pods.eks.amazonaws.com',
    managedPolicyArns: [driver.policy],
    statements: [],
    description: `Assumed through Pod Identity by the ${driver.addon} controller.`,
  });
  return {
    name: driver.addon,
    enableWindowsIpam: false,
    controller: { serviceAccount: driver.serviceAccount, role },
  };
}

function computePlan(
  input: StarterConfigInput,
  kind: ComputePlan['kind'],
  hostRole: Reference,
  scratchDisk: EksScratchDiskPlan,
): ComputePlan {
  const { workload } = input;
  if (kind === 'auto-mode')
    return { kind, nodeRole: hostRole, builtInNodePools: ['general-purpose', 'system'] };
  if (kind === 'fargate') {
    return {
      kind,
      podExecutionRole: hostRole,
      profiles: [
        { name: workload.name, namespaces: [workload.name] },
        { name: 'kube-system', namespaces: ['kube-system'] },
      ],
    };
  }
  const groups = nodeGroups(input, kind === 'self-managed-nodes', scratchDisk.nodeRootVolume);
  if (kind === 'managed-node-groups') return { kind, nodeRole: hostRole, groups };
  return {
    kind,
    nodeRole: hostRole,
    accessEntryType: groups.some((group) => group.os === 'windows') ? 'EC2_WINDOWS' : 'EC2_LINUX',
    groups,
  };
}

/**
 * Auto Mode runs the VPC CNI, CoreDNS, kube-proxy, the Pod Identity agent and the EBS CSI driver itself, so
 * the cluster gets only the CSI driver add-ons of the file systems Auto Mode does not mount (EFS, FSx for
 * Lustre), each with its controller's role through Pod Identity.
 */
function autoModeAddons(input: StarterConfigInput): AddonPlan[] {
  const storage = input.design.storage.type;
  return storage === 'efs' || storage === 'fsx-lustre' ? [csiDriverAddon(input, CSI_DRIVERS[storage])] : [];
}

/**
 * The workload's NodePool: exactly the instance types the chooser gives (the types the estimate prices, at
 * least the platform's smallest host), on Spot when the design says so, for the workload's architecture;
 * capped at the nodes the autoscaler's maximum replicas need.
 */
function nodePoolPlan(input: StarterConfigInput): NodePoolPlan {
  const { workload, design, facts } = input;
  const { instanceTypes, tasksPerHost: podsPerNode } = hostInstances(input);
  const vcpuPerNode = Math.max(
    ...instanceTypes.map(
      (type) => input.instances.instanceTypes.find((candidate) => candidate.type === type)?.vcpu ?? 0,
    ),
  );
  const maxNodes = Math.max(1, Math.ceil(Math.max(1, design.scaling.maxCapacity) / podsPerNode));
  return {
    name: workload.name,
    nodeClass: 'default',
    capacityType: design.scaling.instanceMarket === 'spot' ? 'spot' : 'on-demand',
    architecture: facts.runtime.architecture === 'arm64' ? 'arm64' : 'amd64',
    instanceTypes,
    maxVcpu: maxNodes * vcpuPerNode,
  };
}

function nodeGroups(
  input: StarterConfigInput,
  selfManaged: boolean,
  rootVolume: RootVolumePlan | null,
): NodeGroupPlan[] {
  const { workload, facts, design } = input;
  const { instanceTypes, tasksPerHost: podsPerNode } = hostInstances(input);
  const minSize = Math.max(1, Math.ceil(design.scaling.minCapacity / podsPerNode));
  const maxSize = Math.max(minSize, Math.ceil(design.scaling.maxCapacity / podsPerNode));
  const windows = facts.runtime.os === 'windows';
  const group: NodeGroupPlan = {
    name: windows ? `${workload.name}-windows` : workload.name,
    system: false,
    os: facts.runtime.os,
    image: nodeImage(input, windows ? 'windows' : 'linux', false),
    instanceTypes,
    spot: design.scaling.instanceMarket === 'spot' ? { ...ALL_SPOT } : null,
    minSize,
    maxSize,
    desiredCapacity: minSize,
    autoscalerTags: selfManaged
      ? {
          'k8s.io/cluster-autoscaler/enabled': 'true',
          [`k8s.io/cluster-autoscaler/${workload.name}`]: 'owned',
        }
      : null,
    rootVolume,
  };
  if (!windows) return [group];
  const { count } = input.instances.linuxSystemNodes;
  const system: NodeGroupPlan = {
    name: `${workload.name}-linux-system`,
    system: true,
    os: 'linux',
    image: nodeImage(input, 'linux', true),
    instanceTypes: [chooseLinuxSystemNode(input.instances).type],
    spot: null,
    minSize: count,
    maxSize: count,
    desiredCapacity: count,
    autoscalerTags: null,
    rootVolume: null,
  };
  return [system, group];
}

/** The EKS-optimized AMI for the group's OS, architecture and accelerator; system nodes are plain x86_64. */
function nodeImage(input: StarterConfigInput, os: 'linux' | 'windows', system: boolean): NodeImagePlan {
  if (os === 'windows') {
    return {
      amiFamily: 'WindowsServer2022CoreContainer',
      amiType: 'WINDOWS_CORE_2022_x86_64',
      ssmParameter: `/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-${KUBERNETES_VERSION}/image_id`,
    };
  }
  const arm = !system && input.facts.runtime.architecture === 'arm64';
  const gpu = !system && input.workload.control.gpu;
  return {
    amiFamily: 'AmazonLinux2023',
    amiType: `AL2023_${arm ? 'ARM_64' : 'x86_64'}_${gpu ? 'NVIDIA' : 'STANDARD'}`,
    ssmParameter: `/aws/service/eks/optimized-ami/${KUBERNETES_VERSION}/amazon-linux-2023/${arm ? 'arm64' : 'x86_64'}/${gpu ? 'nvidia' : 'standard'}/recommended/image_id`,
  };
}

import { chooseInstance, chooseLinuxSystemNode, orchestratorOf } from '../../catalogue/instance-chooser';
import { iamRoleArn } from '../shared/placeholders';
import { yamlFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';

/** The Kubernetes version new clusters start on; a supported release with standard support ahead of it. */
export const KUBERNETES_VERSION = '1.33';

/** The parts of eksctl's ClusterConfig (eksctl.io/v1alpha5) the starter configuration uses. */
export interface ClusterConfig {
  apiVersion: 'eksctl.io/v1alpha5';
  kind: 'ClusterConfig';
  metadata: { name: string; region: string; version: string };
  iam: {
    serviceRoleARN?: string;
    withOIDC?: boolean;
    podIdentityAssociations?: { namespace: string; serviceAccountName: string; roleARN: string }[];
  };
  addons: Addon[];
  managedNodeGroups?: NodeGroup[];
  nodeGroups?: NodeGroup[];
  fargateProfiles?: FargateProfile[];
}

export interface Addon {
  name: string;
  useDefaultPodIdentityAssociations?: boolean;
  configurationValues?: string;
}

export interface NodeGroup {
  name: string;
  amiFamily: 'AmazonLinux2023' | 'WindowsServer2022CoreContainer';
  instanceType?: string;
  instanceTypes?: string[];
  instancesDistribution?: {
    instanceTypes: string[];
    onDemandBaseCapacity: number;
    onDemandPercentageAboveBaseCapacity: number;
    spotAllocationStrategy: 'price-capacity-optimized';
  };
  spot?: boolean;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  privateNetworking: true;
  labels?: Record<string, string>;
  iam?: { instanceRoleARN: string };
  propagateASGTags?: boolean;
  tags?: Record<string, string>;
}

export interface FargateProfile {
  name: string;
  selectors: { namespace: string }[];
  podExecutionRoleARN?: string;
}

export function isEksFargate(input: StarterConfigInput): boolean {
  return input.platform.id === 'eks-fargate';
}

/** eks/cluster.yaml: the cluster, its add-ons and where its pods run (node groups or Fargate profiles). */
export function clusterConfigFile(input: StarterConfigInput): DescribedFile {
  const { workload, design } = input;
  const config: ClusterConfig = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: workload.name, region: workload.region, version: KUBERNETES_VERSION },
    iam: {},
    addons: addons(input),
  };
  if (design.iam.clusterRole !== undefined)
    config.iam.serviceRoleARN = iamRoleArn(design.iam.clusterRole.name);
  if (isEksFargate(input)) {
    // Fargate has no Pod Identity agent, so pods get their role through IRSA, which needs the OIDC provider.
    config.iam.withOIDC = true;
    const podExecutionRoleARN = iamRoleArn(design.iam.executionRole.name);
    config.fargateProfiles = [
      { name: workload.name, selectors: [{ namespace: workload.name }], podExecutionRoleARN },
      { name: 'kube-system', selectors: [{ namespace: 'kube-system' }], podExecutionRoleARN },
    ];
  } else {
    config.iam.podIdentityAssociations = [
      {
        namespace: workload.name,
        serviceAccountName: workload.name,
        roleARN: iamRoleArn(design.iam.taskRole.name),
      },
    ];
    const groups = nodeGroups(input);
    if (input.platform.id === 'eks-self-managed-nodes') config.nodeGroups = groups;
    else config.managedNodeGroups = groups;
  }
  return yamlFile(
    'eks/cluster.yaml',
    config,
    'eksctl ClusterConfig: the EKS cluster, its add-ons and its node groups or Fargate profiles.',
  );
}

function addons(input: StarterConfigInput): Addon[] {
  const fargate = isEksFargate(input);
  const list: Addon[] = [
    { name: 'vpc-cni' },
    fargate
      ? { name: 'coredns', configurationValues: JSON.stringify({ computeType: 'Fargate' }) }
      : { name: 'coredns' },
    { name: 'kube-proxy' },
  ];
  if (fargate) return list;
  list.push({ name: 'eks-pod-identity-agent' });
  // Fargate mounts EFS itself; on nodes each storage service needs its CSI driver, which gets its role through Pod Identity.
  const driver = { ebs: 'aws-ebs-csi-driver', efs: 'aws-efs-csi-driver', 'fsx-lustre': 'aws-fsx-csi-driver' }[
    input.design.storage.type as 'ebs' | 'efs' | 'fsx-lustre'
  ];
  if (driver !== undefined) list.push({ name: driver, useDefaultPodIdentityAssociations: true });
  return list;
}

export interface NodeChoice {
  /** The type to deploy first; under Spot also same-sized alternatives (Spot draws on several pools). */
  instanceTypes: [string, ...string[]];
  podsPerNode: number;
}

/** The instance types of the workload's nodes or container instances, from the one instance chooser. */
export function nodeChoice(input: StarterConfigInput): NodeChoice {
  const { workload, facts, design } = input;
  const { instanceTypes } = chooseInstance(
    {
      vcpu: workload.resources.cpu,
      memoryGiB: workload.resources.memoryGiB,
      orchestrator: orchestratorOf(input.platform),
      os: facts.runtime.os,
      architecture: facts.runtime.architecture,
      gpu: workload.control.gpu,
      spot: design.scaling.instanceMarket === 'spot',
    },
    input.instances,
  );
  const [first, ...alternatives] = instanceTypes;
  return {
    instanceTypes: [first.type, ...alternatives.map(({ type }) => type)],
    podsPerNode: first.tasksPerHost,
  };
}

function nodeGroups(input: StarterConfigInput): NodeGroup[] {
  const { workload, facts, design } = input;
  const selfManaged = input.platform.id === 'eks-self-managed-nodes';
  const spot = design.scaling.instanceMarket === 'spot';
  const { instanceTypes, podsPerNode } = nodeChoice(input);
  const minSize = Math.max(1, Math.ceil(design.scaling.minCapacity / podsPerNode));
  const maxSize = Math.max(minSize, Math.ceil(design.scaling.maxCapacity / podsPerNode));
  const windows = facts.runtime.os === 'windows';
  const instanceRole = { instanceRoleARN: iamRoleArn(design.iam.executionRole.name) };
  const group: NodeGroup = {
    name: windows ? `${workload.name}-windows` : workload.name,
    amiFamily: windows ? 'WindowsServer2022CoreContainer' : 'AmazonLinux2023',
    ...instanceSelection(instanceTypes, spot, selfManaged),
    minSize,
    maxSize,
    desiredCapacity: minSize,
    privateNetworking: true,
    iam: instanceRole,
  };
  if (selfManaged) {
    // Self-managed groups are not tagged for the Cluster Autoscaler's auto-discovery unless asked to be.
    group.propagateASGTags = true;
    group.tags = {
      'k8s.io/cluster-autoscaler/enabled': 'true',
      [`k8s.io/cluster-autoscaler/${workload.name}`]: 'owned',
    };
  }
  if (!windows) return [group];
  const system: NodeGroup = {
    name: `${workload.name}-linux-system`,
    amiFamily: 'AmazonLinux2023',
    instanceType: chooseLinuxSystemNode(input.instances).type,
    minSize: input.instances.linuxSystemNodes.count,
    maxSize: input.instances.linuxSystemNodes.count,
    desiredCapacity: input.instances.linuxSystemNodes.count,
    privateNetworking: true,
    iam: instanceRole,
  };
  return [system, group];
}

function instanceSelection(
  instanceTypes: [string, ...string[]],
  spot: boolean,
  selfManaged: boolean,
): Partial<NodeGroup> {
  const [first] = instanceTypes;
  if (!spot) return { instanceType: first };
  if (selfManaged) {
    return {
      instancesDistribution: {
        instanceTypes,
        onDemandBaseCapacity: 0,
        onDemandPercentageAboveBaseCapacity: 0,
        spotAllocationStrategy: 'price-capacity-optimized',
      },
    };
  }
  return { instanceTypes, spot: true };
}

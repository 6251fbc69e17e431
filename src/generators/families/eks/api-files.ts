import { objectCreatedEventPattern } from '../../plan/object-created-trigger/api-files';
import { sqsQueuesFile } from '../../plan/queues/api-files';
import { apiValue } from '../../plan/reference';
import type { EventRuleFile } from '../../shared/eventbridge-shapes';
import { jsonFile, yamlFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import { manifestsFile } from './manifests';
import type { AddonPlan, EksPlan, NodeGroupPlan, S3EventsPlan } from './plan';

/** The parts of eksctl's ClusterConfig (eksctl.io/v1alpha5) the starter configuration uses. */
export interface ClusterConfig {
  apiVersion: 'eksctl.io/v1alpha5';
  kind: 'ClusterConfig';
  metadata: { name: string; region: string; version: string };
  vpc: { clusterEndpoints: { publicAccess: boolean; privateAccess: boolean } };
  iam: {
    serviceRoleARN?: string;
    withOIDC?: boolean;
    podIdentityAssociations?: { namespace: string; serviceAccountName: string; roleARN: string }[];
  };
  addons: Addon[];
  autoModeConfig?: { enabled: true; nodeRoleARN: string; nodePools: string[] };
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
  volumeSize?: number;
  volumeType?: 'gp3';
  volumeEncrypted?: boolean;
}

export interface FargateProfile {
  name: string;
  selectors: { namespace: string }[];
  podExecutionRoleARN?: string;
}

/** eks/cluster.yaml and eks/manifests.yaml, then the queues and the S3 event rule when the workload has them. */
export function eksFiles(plan: EksPlan): DescribedFile[] {
  return [
    clusterConfigFile(plan),
    manifestsFile(plan.kubernetes),
    ...(plan.queues === null ? [] : [sqsQueuesFile(plan.queues, plan.cluster.region)]),
    ...(plan.s3Events === null ? [] : [s3EventRuleFile(plan.s3Events)]),
  ];
}

/** eks/cluster.yaml: the cluster, its add-ons and where its pods run (node groups or Fargate profiles). */
export function clusterConfigFile(plan: EksPlan): DescribedFile {
  const { cluster, compute, identity, daemonIdentity } = plan;
  const config: ClusterConfig = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: cluster.name, region: cluster.region, version: cluster.version },
    vpc: {
      clusterEndpoints: {
        publicAccess: cluster.endpointAccess.public,
        privateAccess: cluster.endpointAccess.private,
      },
    },
    iam: { serviceRoleARN: apiValue(cluster.role) },
    addons: cluster.addons.map(addon),
  };
  const identities = [identity, ...(daemonIdentity === null ? [] : [daemonIdentity])];
  if (identities.some((candidate) => candidate.kind === 'irsa')) config.iam.withOIDC = true;
  const associations = identities.filter((candidate) => candidate.kind === 'pod-identity');
  if (associations.length > 0) {
    config.iam.podIdentityAssociations = associations.map((association) => ({
      namespace: association.namespace,
      serviceAccountName: association.serviceAccount,
      roleARN: apiValue(association.role),
    }));
  }
  switch (compute.kind) {
    case 'fargate': {
      const podExecutionRoleARN = apiValue(compute.podExecutionRole);
      config.fargateProfiles = compute.profiles.map((profile) => ({
        name: profile.name,
        selectors: profile.namespaces.map((namespace) => ({ namespace })),
        podExecutionRoleARN,
      }));
      break;
    }
    case 'managed-node-groups':
      config.managedNodeGroups = compute.groups.map((group) =>
        nodeGroup(group, apiValue(compute.nodeRole), false),
      );
      break;
    case 'self-managed-nodes':
      config.nodeGroups = compute.groups.map((group) => nodeGroup(group, apiValue(compute.nodeRole), true));
      break;
    case 'auto-mode':
      config.autoModeConfig = {
        enabled: true,
        nodeRoleARN: apiValue(compute.nodeRole),
        nodePools: [...compute.builtInNodePools],
      };
      break;
  }
  return yamlFile(
    'eks/cluster.yaml',
    config,
    compute.kind === 'auto-mode'
      ? 'eksctl ClusterConfig: the EKS cluster with Auto Mode (compute, load balancing and block storage run by AWS) and its add-ons.'
      : 'eksctl ClusterConfig: the EKS cluster, its add-ons and its node groups or Fargate profiles.',
  );
}

function addon(plan: AddonPlan): Addon {
  if (plan.controller !== undefined) return { name: plan.name, useDefaultPodIdentityAssociations: true };
  return plan.configuration === undefined
    ? { name: plan.name }
    : { name: plan.name, configurationValues: JSON.stringify(plan.configuration) };
}

function nodeGroup(plan: NodeGroupPlan, instanceRoleARN: string, selfManaged: boolean): NodeGroup {
  const group: NodeGroup = {
    name: plan.name,
    amiFamily: plan.image.amiFamily,
    ...instanceSelection(plan, selfManaged),
    minSize: plan.minSize,
    maxSize: plan.maxSize,
    desiredCapacity: plan.desiredCapacity,
    privateNetworking: true,
    iam: { instanceRoleARN },
    ...(plan.rootVolume === null
      ? {}
      : { volumeSize: plan.rootVolume.sizeGiB, volumeType: 'gp3' as const, volumeEncrypted: true }),
  };
  if (plan.autoscalerTags !== null) {
    group.propagateASGTags = true;
    group.tags = { ...plan.autoscalerTags };
  }
  return group;
}

/** On demand, one type; under Spot, several pools: a managed group lists them, a self-managed one mixes them. */
function instanceSelection(plan: NodeGroupPlan, selfManaged: boolean): Partial<NodeGroup> {
  const [first] = plan.instanceTypes;
  if (plan.spot === null) return { instanceType: first };
  if (selfManaged) {
    return {
      instancesDistribution: {
        instanceTypes: [...plan.instanceTypes],
        onDemandBaseCapacity: plan.spot.onDemandBaseCapacity,
        onDemandPercentageAboveBaseCapacity: plan.spot.onDemandPercentageAboveBaseCapacity,
        spotAllocationStrategy: plan.spot.allocationStrategy,
      },
    };
  }
  return { instanceTypes: [...plan.instanceTypes], spot: true };
}

/** eks/s3-event-rule.json: the rule on the bucket's "Object Created" events and the queue it sends them to. */
function s3EventRuleFile(plan: S3EventsPlan): DescribedFile {
  const { trigger, queueName } = plan;
  const rule: EventRuleFile = {
    putRule: {
      Name: trigger.ruleName,
      EventPattern: objectCreatedEventPattern(trigger),
      State: 'ENABLED',
      Description: `Sends every object created in the bucket to queue ${queueName}.`,
    },
    putTargets: { Rule: trigger.ruleName, Targets: [{ Id: 'queue', Arn: apiValue(plan.queue) }] },
  };
  return jsonFile(
    'eks/s3-event-rule.json',
    rule,
    `EventBridge PutRule and PutTargets inputs: send each "Object Created" event of the bucket to SQS queue ${queueName}.`,
  );
}

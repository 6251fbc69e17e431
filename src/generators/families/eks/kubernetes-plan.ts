import type { components } from '../../../contract/generated/openapi-types';
import { isRecord } from '../../../shared/json-value';
import { toKubernetesSchedule } from '../../../shared/kubernetes-schedule';
import { type ContainerEnvironmentPlan, kubernetesSecretName } from '../../plan/container-environment/plan';
import type { FileSystemPlan } from '../../plan/file-system/plan';
import { type Reference, reference } from '../../plan/reference';
import { healthCheckPortOf, servesPlainHttp } from '../../shared/health-check';
import { iamRoleArn, PLACEHOLDERS } from '../../shared/placeholders';
import type { StarterConfigInput } from '../../shared/starter-file';
import { NOTES } from './steps';

type ScalingPolicy = components['schemas']['ScalingPolicy'];
type TargetGroup = components['schemas']['TargetGroup'];

/** How the workload runs: a Deployment (or StatefulSet, for per-pod volumes), a CronJob or a Job. */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'CronJob' | 'Job';

/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
/** What the external metric of a queue-fed HorizontalPodAutoscaler is called unless the design names it. */
export const DEFAULT_QUEUE_METRIC = 'sqs-approximate-number-of-messages-visible';

/** The same check the load balancer makes: HTTP on the health-check path, or a TCP connect. */
export type ProbePlan = { kind: 'http'; path: string; port: number } | { kind: 'tcp'; port: number };

export interface ContainerPlan {
  name: string;
  image: string;
  /** The traffic port, then the TCP port the load balancer health-checks when the traffic port is not it. */
  ports: { name: string; containerPort: number; protocol: 'TCP' | 'UDP' }[];
  /** The queue the pods read, passed as QUEUE_NAME. */
  queueName?: string;
  cpuMillicores: number;
  memoryMiB: number;
  /** One NVIDIA GPU among the limits. */
  gpu: boolean;
  probe?: ProbePlan;
  privileged: boolean;
  /** The Linux capabilities added to the container runtime's default set (securityContext.capabilities.add). */
  addedCapabilities: string[];
  /** Where the workload's volume is mounted, when it has one. */
  mountPath?: string;
  /** The `ephemeral-storage` request and limit, in GiB, when the workload asks for scratch disk. */
  ephemeralStorageGiB?: number;
  /** The request's plain variables, after QUEUE_NAME when the pods read a queue. */
  environment: { name: string; value: string }[];
  /** Variables read from keys of the Kubernetes Secret the steps create from Secrets Manager. */
  secretKeyRefs: { name: string; secretName: string; key: string }[];
}

export interface PodPlan {
  serviceAccountName: string;
  /** The Auto Mode NodePool the pods must run on, so they never land on the built-in pools. */
  nodePool?: string;
  os: 'linux' | 'windows';
  architecture: 'amd64' | 'arm64';
  container: ContainerPlan;
  /** The claim the pod mounts, unless a StatefulSet claims a volume per pod. */
  claimName?: string;
  /** Jobs and CronJobs run to completion: their pods are not restarted. */
  runsToCompletion: boolean;
  /**
   * The pod runs in its node's network namespace (control.hostNetwork): its ports are the node's, so the
   * scheduler puts one such pod per node per port.
   */
  hostNetwork: boolean;
}

/** A volume claim of the workload's storage class. */
export interface ClaimPlan {
  name: string;
  accessMode: 'ReadWriteOnce' | 'ReadWriteMany';
}

interface StorageBase {
  className: string;
  size: string;
  /** Null when a StatefulSet claims its volumes through its own template. */
  claim: ClaimPlan | null;
}

/** The storage class (with its volume or claim) of the designed storage; persistent data is retained. */
export type StoragePlan =
  | (StorageBase & {
      type: 'ebs';
      /** The EBS CSI driver add-on's, or EKS Auto Mode's built-in block storage. */
      provisioner: 'ebs.csi.aws.com' | 'ebs.csi.eks.amazonaws.com';
      volumeType: string;
      encrypted: boolean;
      filesystemType: string;
    })
  | (StorageBase & {
      /** Fargate mounts EFS only through statically provisioned volumes. */
      type: 'efs-static';
      volumeName: string;
      fileSystemId: Reference;
      accessPointId: Reference;
    })
  | (StorageBase & {
      type: 'efs-dynamic';
      fileSystemId: Reference;
      uid?: string;
      gid?: string;
      basePath?: string;
    })
  | (StorageBase & {
      type: 'fsx-lustre';
      subnetId: string;
      securityGroupIds: string;
      deploymentType: string;
      perUnitStorageThroughput?: string;
    });

export type WorkloadPlan =
  | { kind: 'Deployment'; replicas: number }
  | {
      kind: 'StatefulSet';
      replicas: number;
      volumeClaimTemplate: { storageClassName: string; size: string };
    }
  | { kind: 'CronJob'; schedule: string; timeZone: string }
  | { kind: 'Job' };

/**
 * Who turns the Ingress or the LoadBalancer Service into a load balancer: the AWS Load Balancer Controller
 * the team installs, or EKS Auto Mode's built-in load balancing (its own IngressClass controller and
 * loadBalancerClass).
 */
export type LoadBalancerControllerPlan = 'aws-load-balancer-controller' | 'eks-auto-mode';

/** An ALB (Ingress) or NLB (LoadBalancer Service) its controller creates, with IP targets. */
export type ExposurePlan =
  | {
      type: 'alb';
      controller: LoadBalancerControllerPlan;
      port: number;
      portName: string;
      scheme: string;
      listeners: { protocol: string; port: number }[];
      certificate: boolean;
      sslRedirectPort?: number;
      backendProtocolVersion?: 'GRPC' | 'HTTP2';
      healthCheckPath?: string;
      /** Only when the health check connects to another port than the traffic port. */
      healthCheckPort?: number;
      successCodes?: string;
      stickiness: boolean;
    }
  | {
      type: 'nlb';
      controller: LoadBalancerControllerPlan;
      scheme: string;
      healthCheckProtocol?: string;
      /** Only when the health check connects to another port than the traffic port. */
      healthCheckPort?: number;
      /** By the client's source IP, the stickiness a Network Load Balancer has. */
      stickiness: boolean;
      tlsPorts: number[];
      listeners: { name: string; port: number; targetPort: number; protocol: 'TCP' | 'UDP' }[];
    };

export type AutoscalerMetricPlan =
  | { type: 'cpu'; averageUtilization: number | undefined }
  | { type: 'queue'; metricName: string; queueLabel?: string; averageValue: string };

export interface AutoscalerPlan {
  kind: 'Deployment' | 'StatefulSet';
  minReplicas: number;
  maxReplicas: number;
  metric: AutoscalerMetricPlan;
}

/**
 * The Kubernetes objects of eks/manifests.yaml, as decisions: the workload runs in its own namespace under
 * its own service account, with its storage, its load balancer, its autoscaler and an example per-node agent.
 */
/**
 * The EKS Auto Mode NodePool (karpenter.sh/v1) the workload's pods run on: which instances Auto Mode may
 * launch for them, under the built-in `default` NodeClass.
 */
export interface NodePoolPlan {
  name: string;
  nodeClass: 'default';
  capacityType: 'on-demand' | 'spot';
  architecture: 'amd64' | 'arm64';
  /** The types the estimate prices, so the type priced is a type Auto Mode may launch. */
  instanceTypes: [string, ...string[]];
  /** The pool's vCPU limit: the nodes the workload's maximum replicas need, and no more. */
  maxVcpu: number;
}

export interface KubernetesPlan {
  /** The workload's name: its namespace, service account, objects and `app.kubernetes.io/name` label. */
  app: string;
  /** The Auto Mode NodePool, on EKS Auto Mode only. */
  nodePool: NodePoolPlan | null;
  /** The IRSA role the service account names; null where a Pod Identity association links it instead. */
  serviceAccountRole: Reference | null;
  storage: StoragePlan | null;
  workload: WorkloadPlan;
  pod: PodPlan;
  exposure: ExposurePlan | null;
  autoscaler: AutoscalerPlan | null;
  /**
   * The per-node agent (its image is the customer's), when the workload needs one and has nodes: a DaemonSet
   * under its own service account, so it gets its own IAM role rather than the workload's.
   */
  daemon: DaemonPlan | null;
}

/**
 * The per-node agent's DaemonSet and identity. EKS Pod Identity works on Linux EC2 nodes only
 * (https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html, restrictions), so on Windows nodes
 * the agent's role is trusted through the cluster's OIDC provider (IRSA) and named on its service account.
 */
export interface DaemonPlan {
  name: string;
  serviceAccountName: string;
  os: 'linux' | 'windows';
  image: string;
  identity: 'pod-identity' | 'irsa';
  role: Reference;
}

export interface KubernetesPlanContext {
  /** Fargate: IRSA, statically provisioned EFS, no privileged pods, no DaemonSets. */
  fargate: boolean;
  podRole: Reference;
  fileSystem: FileSystemPlan | null;
  /** The pod's scratch disk request (eksScratchDisk), or null for the platform's default. */
  ephemeralStorageGiB: number | null;
  /** EKS Auto Mode: the NodePool, built-in block storage and load balancing. */
  autoMode?: { nodePool: NodePoolPlan };
  environment: ContainerEnvironmentPlan;
}

export function workloadKind(input: StarterConfigInput): WorkloadKind {
  const { design } = input;
  if (hpaPolicy(input) !== undefined || input.workload.workloadType !== 'batch') {
    // EBS volumes attach to one node, so replicas that each need one are a StatefulSet with a claim per pod.
    return design.storage.type === 'ebs' ? 'StatefulSet' : 'Deployment';
  }
  return design.triggers.some((trigger) => trigger.type === 'kubernetes-cronjob') ? 'CronJob' : 'Job';
}

export function hpaPolicy(input: StarterConfigInput): ScalingPolicy | undefined {
  return input.design.scaling.policies.find((policy) => policy.type === 'horizontal-pod-autoscaler');
}

/** The manifests' objects; what the README must say about them (an approximated schedule…) goes to `notes`. */
export function kubernetesPlan(
  input: StarterConfigInput,
  context: KubernetesPlanContext,
  notes: string[],
): KubernetesPlan {
  const { workload } = input;
  const kind = workloadKind(input);
  const storage = storagePlan(input, kind, context);
  return {
    app: workload.name,
    nodePool: context.autoMode?.nodePool ?? null,
    serviceAccountRole: context.fargate || input.facts.runtime.os === 'windows' ? context.podRole : null,
    storage,
    workload: workloadPlan(input, kind, notes),
    pod: podPlan(input, kind, context),
    exposure: exposurePlan(
      input,
      context.autoMode === undefined ? 'aws-load-balancer-controller' : 'eks-auto-mode',
    ),
    autoscaler: autoscalerPlan(input, kind, notes),
    daemon:
      workload.control.daemons && !context.fargate
        ? {
            name: daemonName(input),
            serviceAccountName: daemonName(input),
            os: input.facts.runtime.os,
            image: PLACEHOLDERS.daemonImage,
            identity: input.facts.runtime.os === 'windows' ? 'irsa' : 'pod-identity',
            role: reference(`role:${daemonName(input)}`, 'arn', iamRoleArn(daemonName(input))),
          }
        : null,
  };
}

/** The per-node agent's name: its DaemonSet, its service account and its IAM role. */
export function daemonName(input: StarterConfigInput): string {
  return `${input.workload.name}-agent`;
}

function storageClassName(input: StarterConfigInput): string {
  return `${input.workload.name}-${input.design.storage.type}`;
}

function storageSize(input: StarterConfigInput): string {
  return `${input.design.storage.sizeGiB ?? input.workload.persistence.sizeGiB}Gi`;
}

function claimName(input: StarterConfigInput): string {
  return `${input.workload.name}-data`;
}

function storagePlan(
  input: StarterConfigInput,
  kind: WorkloadKind,
  context: KubernetesPlanContext,
): StoragePlan | null {
  const { storage } = input.design;
  const base = { className: storageClassName(input), size: storageSize(input) };
  const claim = (accessMode: ClaimPlan['accessMode']): ClaimPlan => ({ name: claimName(input), accessMode });
  const details = storage.details ?? {};
  switch (storage.type) {
    case 'ebs':
      return {
        type: 'ebs',
        ...base,
        provisioner: context.autoMode === undefined ? 'ebs.csi.aws.com' : 'ebs.csi.eks.amazonaws.com',
        volumeType: typeof details.volumeType === 'string' ? details.volumeType : 'gp3',
        encrypted: details.encrypted !== false,
        filesystemType: typeof details.filesystemType === 'string' ? details.filesystemType : 'ext4',
        // A StatefulSet claims its volumes through its own template; a Job or CronJob uses one claim.
        claim: kind === 'StatefulSet' ? null : claim('ReadWriteOnce'),
      };
    case 'efs': {
      if (context.fileSystem === null) return null;
      const { fileSystemId, accessPointId } = context.fileSystem;
      if (context.fargate) {
        return {
          type: 'efs-static',
          ...base,
          volumeName: claimName(input),
          fileSystemId,
          accessPointId,
          claim: claim('ReadWriteMany'),
        };
      }
      const accessPoint = isRecord(details.accessPoint) ? details.accessPoint : {};
      return {
        type: 'efs-dynamic',
        ...base,
        fileSystemId,
        ...(typeof accessPoint.uid === 'number' ? { uid: String(accessPoint.uid) } : {}),
        ...(typeof accessPoint.gid === 'number' ? { gid: String(accessPoint.gid) } : {}),
        ...(typeof accessPoint.path === 'string' ? { basePath: accessPoint.path } : {}),
        claim: claim('ReadWriteMany'),
      };
    }
    case 'fsx-lustre':
      return {
        type: 'fsx-lustre',
        ...base,
        subnetId: PLACEHOLDERS.subnetId,
        securityGroupIds: PLACEHOLDERS.securityGroupId,
        deploymentType: typeof details.deploymentType === 'string' ? details.deploymentType : 'PERSISTENT_2',
        ...(typeof details.perUnitStorageThroughput === 'number'
          ? { perUnitStorageThroughput: String(details.perUnitStorageThroughput) }
          : {}),
        claim: claim('ReadWriteMany'),
      };
    default:
      return null;
  }
}

function mountPath(input: StarterConfigInput): string | undefined {
  const { storage } = input.design;
  return ['ebs', 'efs', 'fsx-lustre'].includes(storage.type) ? storage.mountPath : undefined;
}

function workloadPlan(input: StarterConfigInput, kind: WorkloadKind, notes: string[]): WorkloadPlan {
  const { workload, design } = input;
  // An HPA stops scaling a workload at zero replicas, so a queue-fed workload keeps one running.
  const replicas = Math.max(design.scaling.minCapacity, hpaPolicy(input) === undefined ? 0 : 1);
  switch (kind) {
    case 'Deployment':
      return { kind, replicas };
    case 'StatefulSet':
      return {
        kind,
        replicas,
        volumeClaimTemplate: { storageClassName: storageClassName(input), size: storageSize(input) },
      };
    case 'CronJob': {
      const trigger = design.triggers.find((candidate) => candidate.type === 'kubernetes-cronjob');
      const converted = toKubernetesSchedule(trigger?.expression ?? workload.trigger?.expression ?? '');
      if (converted.note !== undefined) notes.push(converted.note);
      // EventBridge schedules run in UTC unless told otherwise; so does this one.
      return { kind, schedule: converted.schedule, timeZone: 'Etc/UTC' };
    }
    case 'Job':
      return { kind };
  }
}

function podPlan(input: StarterConfigInput, kind: WorkloadKind, context: KubernetesPlanContext): PodPlan {
  const { workload, facts } = input;
  const mounted = mountPath(input);
  return {
    serviceAccountName: workload.name,
    ...(context.autoMode === undefined ? {} : { nodePool: context.autoMode.nodePool.name }),
    os: facts.runtime.os,
    architecture: facts.runtime.architecture === 'arm64' ? 'arm64' : 'amd64',
    container: containerPlan(input, context, mounted),
    ...(mounted !== undefined && kind !== 'StatefulSet' ? { claimName: claimName(input) } : {}),
    runsToCompletion: kind === 'Job' || kind === 'CronJob',
    hostNetwork: workload.control.hostNetwork,
  };
}

function containerPlan(
  input: StarterConfigInput,
  context: KubernetesPlanContext,
  mounted: string | undefined,
): ContainerPlan {
  const { workload, design } = input;
  const queueName = design.triggers.find((trigger) => trigger.queueName !== undefined)?.queueName;
  const probe = probePlan(input);
  return {
    name: workload.name,
    image: design.registry.imageUri,
    ports: containerPorts(input),
    ...(queueName === undefined ? {} : { queueName }),
    cpuMillicores: Math.round(workload.resources.cpu * 1000),
    memoryMiB: Math.round(workload.resources.memoryGiB * 1024),
    gpu: workload.control.gpu,
    ...(probe === undefined ? {} : { probe }),
    privileged: workload.control.privileged && !context.fargate,
    addedCapabilities: [...workload.control.capabilities],
    ...(mounted === undefined ? {} : { mountPath: mounted }),
    ...(context.ephemeralStorageGiB === null ? {} : { ephemeralStorageGiB: context.ephemeralStorageGiB }),
    environment: context.environment.variables,
    secretKeyRefs: context.environment.secrets.map(({ variable }) => ({
      name: variable,
      secretName: kubernetesSecretName(context.environment),
      key: variable,
    })),
  };
}

function portName(input: StarterConfigInput): string {
  const protocol = input.workload.traffic.protocol;
  return protocol === 'grpc'
    ? 'grpc'
    : servesPlainHttp(input.workload)
      ? 'http'
      : protocol === 'udp'
        ? 'udp'
        : 'tcp';
}

/**
 * The traffic port, and the TCP port the load balancer health-checks when it is not the traffic port: a
 * Network Load Balancer checks UDP targets over TCP, so a UDP pod also exposes its TCP health-check port.
 */
function containerPorts(input: StarterConfigInput): ContainerPlan['ports'] {
  const { workload } = input;
  const port = workload.containerPort;
  if (workload.workloadType !== 'web' || port === undefined) return [];
  const udp = workload.traffic.protocol === 'udp';
  const traffic = {
    name: portName(input),
    containerPort: port,
    protocol: udp ? ('UDP' as const) : ('TCP' as const),
  };
  const healthCheckPort = healthCheckPortOf(workload) ?? port;
  return udp || healthCheckPort !== port
    ? [traffic, { name: 'health', containerPort: healthCheckPort, protocol: 'TCP' }]
    : [traffic];
}

/**
 * The same check as the load balancer's, on the same port: HTTP on the health-check path where the
 * container answers plain HTTP, a TCP connection otherwise (UDP pods included: their health-check port is TCP).
 */
function probePlan(input: StarterConfigInput): ProbePlan | undefined {
  const { workload } = input;
  const port = healthCheckPortOf(workload);
  if (workload.workloadType !== 'web' || port === undefined) return undefined;
  return servesPlainHttp(workload) && workload.healthCheckPath !== undefined
    ? { kind: 'http', path: workload.healthCheckPath, port }
    : { kind: 'tcp', port };
}

function exposurePlan(
  input: StarterConfigInput,
  controller: LoadBalancerControllerPlan,
): ExposurePlan | null {
  const { workload, design } = input;
  const { loadBalancer } = design;
  const port = workload.containerPort;
  if (workload.workloadType !== 'web' || port === undefined) return null;
  const scheme = loadBalancer.scheme ?? 'internet-facing';
  if (loadBalancer.type === 'alb') {
    const targetGroup = loadBalancer.targetGroup;
    const https = loadBalancer.listeners.find((listener) => listener.protocol === 'HTTPS');
    const redirect = loadBalancer.listeners.some((listener) => listener.action === 'redirect-to-https');
    const extra: Record<string, unknown> = targetGroup ?? {};
    const matcher = isRecord(extra.healthCheckMatcher) ? extra.healthCheckMatcher : {};
    const successCodes = matcher.GrpcCode ?? matcher.HttpCode;
    const version = targetGroup?.protocolVersion;
    return {
      type: 'alb',
      controller,
      port,
      portName: portName(input),
      scheme,
      listeners: loadBalancer.listeners.map(({ protocol, port: listenerPort }) => ({
        protocol,
        port: listenerPort,
      })),
      certificate: https !== undefined,
      ...(redirect && https !== undefined ? { sslRedirectPort: https.port } : {}),
      ...(version === 'GRPC' || version === 'HTTP2' ? { backendProtocolVersion: version } : {}),
      ...(targetGroup?.healthCheckPath === undefined ? {} : { healthCheckPath: targetGroup.healthCheckPath }),
      ...otherHealthCheckPort(targetGroup),
      ...(typeof successCodes === 'string' ? { successCodes } : {}),
      stickiness: targetGroup?.stickiness === true,
    };
  }
  if (loadBalancer.type !== 'nlb') return null;
  const healthCheckProtocol = loadBalancer.targetGroup?.healthCheckProtocol;
  return {
    type: 'nlb',
    controller,
    scheme,
    ...(healthCheckProtocol === undefined ? {} : { healthCheckProtocol }),
    ...otherHealthCheckPort(loadBalancer.targetGroup),
    stickiness: loadBalancer.targetGroup?.stickiness === true,
    tlsPorts: loadBalancer.listeners
      .filter((listener) => listener.protocol === 'TLS')
      .map((listener) => listener.port),
    listeners: loadBalancer.listeners.map((listener) => ({
      name: `${listener.protocol.toLowerCase()}-${listener.port}`,
      port: listener.port,
      targetPort: port,
      protocol: listener.protocol === 'UDP' ? 'UDP' : 'TCP',
    })),
  };
}

function otherHealthCheckPort(targetGroup: TargetGroup | undefined): { healthCheckPort?: number } {
  return targetGroup?.healthCheckPort === undefined || targetGroup.healthCheckPort === targetGroup.port
    ? {}
    : { healthCheckPort: targetGroup.healthCheckPort };
}

function autoscalerPlan(
  input: StarterConfigInput,
  kind: WorkloadKind,
  notes: string[],
): AutoscalerPlan | null {
  const policy = hpaPolicy(input);
  if (policy === undefined || (kind !== 'Deployment' && kind !== 'StatefulSet')) return null;
  const { design, workload } = input;
  const minReplicas = Math.max(1, design.scaling.minCapacity);
  if (minReplicas !== design.scaling.minCapacity) notes.push(NOTES.autoscalerKeepsOnePod);
  const queueName = typeof policy.queueName === 'string' ? policy.queueName : undefined;
  return {
    kind,
    minReplicas,
    maxReplicas: Math.max(minReplicas, design.scaling.maxCapacity),
    metric:
      queueName === undefined
        ? { type: 'cpu', averageUtilization: policy.targetValue ?? workload.resources.targetCpuUtilization }
        : {
            type: 'queue',
            metricName: policy.metric ?? DEFAULT_QUEUE_METRIC,
            ...(LABEL_VALUE.test(queueName) ? { queueLabel: queueName } : {}),
            averageValue: String(policy.targetValue ?? 1),
          },
  };
}

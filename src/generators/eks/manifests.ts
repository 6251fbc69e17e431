import type { components } from '../../contract/generated/openapi-types';
import { isRecord } from '../../shared/json-value';
import { iamRoleArn, PLACEHOLDERS } from '../shared/placeholders';
import { yamlDocumentsFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';
import { isEksFargate } from './cluster-config';
import { toKubernetesSchedule } from './schedule-expression';

type ScalingPolicy = components['schemas']['ScalingPolicy'];

/** A Kubernetes object: the fields every kind has, and whatever else its kind takes. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

type Resources = Record<string, string | number>;

const VOLUME_NAME = 'data';
const HTTP_PROTOCOLS = new Set(['http', 'https', 'websocket']);
/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/** How the workload runs: a Deployment (or StatefulSet, for per-pod volumes), a CronJob or a Job. */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'CronJob' | 'Job';

export interface Manifests {
  file: DescribedFile;
  /** Things the README should say about the manifests (for example an approximated schedule). */
  notes: string[];
}

export function workloadKind(input: StarterConfigInput): WorkloadKind {
  const { design } = input;
  if (hpaPolicy(input) !== undefined || input.workload.workloadType !== 'batch') {
    // EBS volumes attach to one node, so replicas that each need one are a StatefulSet with a claim per pod.
    return design.storage.type === 'ebs' ? 'StatefulSet' : 'Deployment';
  }
  return design.triggers.some((trigger) => trigger.type === 'kubernetes-cronjob') ? 'CronJob' : 'Job';
}

function hpaPolicy(input: StarterConfigInput): ScalingPolicy | undefined {
  return input.design.scaling.policies.find((policy) => policy.type === 'horizontal-pod-autoscaler');
}

/** eks/manifests.yaml: everything `kubectl apply -f` needs to run the workload in its own namespace. */
export function manifestsFile(input: StarterConfigInput): Manifests {
  const notes: string[] = [];
  const kind = workloadKind(input);
  const documents: KubernetesObject[] = [
    namespace(input),
    serviceAccount(input),
    ...storageObjects(input, kind),
    workloadObject(input, kind, notes),
    ...serviceObjects(input),
    ...autoscaler(input, kind, notes),
    ...daemonSet(input),
  ];
  return {
    file: yamlDocumentsFile(
      'eks/manifests.yaml',
      documents,
      `Kubernetes manifests: ${[...new Set(documents.map((document) => document.kind))].join(', ')}.`,
    ),
    notes,
  };
}

function labels(input: StarterConfigInput): Record<string, string> {
  return { 'app.kubernetes.io/name': input.workload.name };
}

function metadata(input: StarterConfigInput, name = input.workload.name): KubernetesObject['metadata'] {
  return { name, namespace: input.workload.name, labels: labels(input) };
}

function namespace(input: StarterConfigInput): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: input.workload.name, labels: labels(input) },
  };
}

/**
 * The pods' identity. On Fargate it names its IAM role (IRSA); on nodes, eksctl's Pod Identity association
 * links it to the role instead, so it carries no annotation.
 */
function serviceAccount(input: StarterConfigInput): KubernetesObject {
  const meta = metadata(input);
  if (isEksFargate(input))
    meta.annotations = { 'eks.amazonaws.com/role-arn': iamRoleArn(input.design.iam.taskRole.name) };
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta };
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

function storageObjects(input: StarterConfigInput, kind: WorkloadKind): KubernetesObject[] {
  const { storage } = input.design;
  const name = storageClassName(input);
  const claim = (accessMode: string): KubernetesObject => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: metadata(input, claimName(input)),
    spec: {
      accessModes: [accessMode],
      storageClassName: name,
      resources: { requests: { storage: storageSize(input) } },
    },
  });
  const storageClass = (
    provisioner: string,
    parameters?: Record<string, string>,
    extra: Record<string, unknown> = {},
  ): KubernetesObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, labels: labels(input) },
    provisioner,
    ...(parameters === undefined ? {} : { parameters }),
    // Persistent data outlives the claim: deleting the manifests must not delete the volume.
    reclaimPolicy: 'Retain',
    ...extra,
  });
  const details = storage.details ?? {};
  switch (storage.type) {
    case 'ebs': {
      const objects = [
        storageClass(
          'ebs.csi.aws.com',
          {
            type: typeof details.volumeType === 'string' ? details.volumeType : 'gp3',
            encrypted: String(details.encrypted !== false),
            'csi.storage.k8s.io/fstype':
              typeof details.filesystemType === 'string' ? details.filesystemType : 'ext4',
          },
          { volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true },
        ),
      ];
      // A StatefulSet claims its volumes through its own template; a Job or CronJob uses one claim.
      return kind === 'StatefulSet' ? objects : [...objects, claim('ReadWriteOnce')];
    }
    case 'efs': {
      if (isEksFargate(input)) {
        // Fargate mounts EFS only through statically provisioned volumes.
        const volume: KubernetesObject = {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: claimName(input), labels: labels(input) },
          spec: {
            capacity: { storage: storageSize(input) },
            volumeMode: 'Filesystem',
            accessModes: ['ReadWriteMany'],
            persistentVolumeReclaimPolicy: 'Retain',
            storageClassName: name,
            csi: {
              driver: 'efs.csi.aws.com',
              volumeHandle: `${PLACEHOLDERS.efsFileSystemId}::${PLACEHOLDERS.efsAccessPointId}`,
            },
          },
        };
        return [storageClass('efs.csi.aws.com'), volume, claim('ReadWriteMany')];
      }
      const accessPoint = isRecord(details.accessPoint) ? details.accessPoint : {};
      const parameters: Record<string, string> = {
        provisioningMode: 'efs-ap',
        fileSystemId: PLACEHOLDERS.efsFileSystemId,
        directoryPerms: '700',
      };
      if (typeof accessPoint.uid === 'number') parameters.uid = String(accessPoint.uid);
      if (typeof accessPoint.gid === 'number') parameters.gid = String(accessPoint.gid);
      if (typeof accessPoint.path === 'string') parameters.basePath = accessPoint.path;
      return [storageClass('efs.csi.aws.com', parameters), claim('ReadWriteMany')];
    }
    case 'fsx-lustre': {
      const parameters: Record<string, string> = {
        subnetId: PLACEHOLDERS.subnetId,
        securityGroupIds: PLACEHOLDERS.securityGroupId,
        deploymentType: typeof details.deploymentType === 'string' ? details.deploymentType : 'PERSISTENT_2',
      };
      if (typeof details.perUnitStorageThroughput === 'number')
        parameters.perUnitStorageThroughput = String(details.perUnitStorageThroughput);
      return [storageClass('fsx.csi.aws.com', parameters), claim('ReadWriteMany')];
    }
    default:
      return [];
  }
}

function hasVolume(input: StarterConfigInput): boolean {
  return (
    ['ebs', 'efs', 'fsx-lustre'].includes(input.design.storage.type) &&
    input.design.storage.mountPath !== undefined
  );
}

function podSpec(input: StarterConfigInput, kind: WorkloadKind): Record<string, unknown> {
  const { workload, facts } = input;
  const spec: Record<string, unknown> = {
    serviceAccountName: workload.name,
    nodeSelector: {
      'kubernetes.io/os': facts.runtime.os,
      'kubernetes.io/arch': facts.runtime.architecture === 'arm64' ? 'arm64' : 'amd64',
    },
    containers: [container(input)],
  };
  if (hasVolume(input) && kind !== 'StatefulSet') {
    spec.volumes = [{ name: VOLUME_NAME, persistentVolumeClaim: { claimName: claimName(input) } }];
  }
  if (kind === 'Job' || kind === 'CronJob') spec.restartPolicy = 'Never';
  return spec;
}

function container(input: StarterConfigInput): Record<string, unknown> {
  const { workload, design } = input;
  const requests: Resources = {
    cpu: `${Math.round(workload.resources.cpu * 1000)}m`,
    memory: `${Math.round(workload.resources.memoryGiB * 1024)}Mi`,
  };
  // Requests equal limits: Fargate requires it, and it gives pods the Guaranteed QoS class everywhere.
  const limits: Resources = { ...requests };
  if (workload.control.gpu) limits['nvidia.com/gpu'] = 1;
  const spec: Record<string, unknown> = {
    name: workload.name,
    image: design.registry.imageUri,
  };
  if (workload.workloadType === 'web' && workload.containerPort !== undefined) {
    spec.ports = [
      {
        name: portName(input),
        containerPort: workload.containerPort,
        protocol: workload.traffic.protocol === 'udp' ? 'UDP' : 'TCP',
      },
    ];
  }
  const queueName = consumedQueue(input);
  if (queueName !== undefined) spec.env = [{ name: 'QUEUE_NAME', value: queueName }];
  spec.resources = { requests, limits };
  Object.assign(spec, probes(input));
  if (workload.control.privileged && !isEksFargate(input)) spec.securityContext = { privileged: true };
  if (hasVolume(input)) spec.volumeMounts = [{ name: VOLUME_NAME, mountPath: design.storage.mountPath }];
  return spec;
}

/** The queue the pods read: the SQS trigger's, or the one an EventBridge rule feeds with S3 events. */
function consumedQueue(input: StarterConfigInput): string | undefined {
  return input.design.triggers.find((trigger) => trigger.queueName !== undefined)?.queueName;
}

function portName(input: StarterConfigInput): string {
  const protocol = input.workload.traffic.protocol;
  return protocol === 'grpc'
    ? 'grpc'
    : protocol !== undefined && HTTP_PROTOCOLS.has(protocol)
      ? 'http'
      : protocol === 'udp'
        ? 'udp'
        : 'tcp';
}

/** The same check the load balancer makes: HTTP on the health-check path, a TCP connect otherwise, none for UDP. */
function probes(input: StarterConfigInput): Record<string, unknown> {
  const { workload } = input;
  if (
    workload.workloadType !== 'web' ||
    workload.containerPort === undefined ||
    workload.traffic.protocol === 'udp'
  )
    return {};
  const check =
    HTTP_PROTOCOLS.has(workload.traffic.protocol ?? '') && workload.healthCheckPath !== undefined
      ? { httpGet: { path: workload.healthCheckPath, port: workload.containerPort } }
      : { tcpSocket: { port: workload.containerPort } };
  return {
    readinessProbe: { ...check, periodSeconds: 10, failureThreshold: 3 },
    livenessProbe: { ...check, initialDelaySeconds: 30, periodSeconds: 20, failureThreshold: 3 },
  };
}

function workloadObject(input: StarterConfigInput, kind: WorkloadKind, notes: string[]): KubernetesObject {
  const { workload, design } = input;
  const template = { metadata: { labels: labels(input) }, spec: podSpec(input, kind) };
  const selector = { matchLabels: labels(input) };
  // An HPA stops scaling a workload at zero replicas, so a queue-fed workload keeps one running.
  const replicas = Math.max(design.scaling.minCapacity, hpaPolicy(input) === undefined ? 0 : 1);
  switch (kind) {
    case 'Deployment':
      return {
        apiVersion: 'apps/v1',
        kind,
        metadata: metadata(input),
        spec: { replicas, selector, template },
      };
    case 'StatefulSet':
      return {
        apiVersion: 'apps/v1',
        kind,
        metadata: metadata(input),
        spec: {
          serviceName: workload.name,
          replicas,
          selector,
          template,
          volumeClaimTemplates: [
            {
              metadata: { name: VOLUME_NAME, labels: labels(input) },
              spec: {
                accessModes: ['ReadWriteOnce'],
                storageClassName: storageClassName(input),
                resources: { requests: { storage: storageSize(input) } },
              },
            },
          ],
        },
      };
    case 'CronJob': {
      const trigger = design.triggers.find((candidate) => candidate.type === 'kubernetes-cronjob');
      const converted = toKubernetesSchedule(trigger?.expression ?? workload.trigger?.expression ?? '');
      if (converted.note !== undefined) notes.push(converted.note);
      return {
        apiVersion: 'batch/v1',
        kind,
        metadata: metadata(input),
        spec: {
          schedule: converted.schedule,
          // EventBridge schedules run in UTC unless told otherwise; so does this one.
          timeZone: 'Etc/UTC',
          concurrencyPolicy: 'Forbid',
          jobTemplate: { spec: jobSpec(template) },
        },
      };
    }
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata: metadata(input), spec: jobSpec(template) };
  }
}

function jobSpec(template: Record<string, unknown>): Record<string, unknown> {
  return { backoffLimit: 3, ttlSecondsAfterFinished: 86_400, template };
}

function serviceObjects(input: StarterConfigInput): KubernetesObject[] {
  const { workload, design } = input;
  const { loadBalancer } = design;
  const port = workload.containerPort;
  if (workload.workloadType !== 'web' || port === undefined) return [];
  if (loadBalancer.type === 'alb') {
    const service: KubernetesObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(input),
      spec: {
        type: 'ClusterIP',
        selector: labels(input),
        ports: [{ name: portName(input), port, targetPort: port, protocol: 'TCP' }],
      },
    };
    return [service, ingress(input, port)];
  }
  if (loadBalancer.type === 'nlb') return [networkLoadBalancerService(input, port)];
  return [];
}

/** An Ingress the AWS Load Balancer Controller turns into an ALB with IP targets (the only kind Fargate allows). */
function ingress(input: StarterConfigInput, port: number): KubernetesObject {
  const { loadBalancer } = input.design;
  const targetGroup = loadBalancer.targetGroup;
  const prefix = 'alb.ingress.kubernetes.io';
  const annotations: Record<string, string> = {
    [`${prefix}/scheme`]: loadBalancer.scheme ?? 'internet-facing',
    [`${prefix}/target-type`]: 'ip',
    [`${prefix}/listen-ports`]: JSON.stringify(
      loadBalancer.listeners.map((listener) => ({ [listener.protocol]: listener.port })),
    ),
  };
  const redirect = loadBalancer.listeners.some((listener) => listener.action === 'redirect-to-https');
  const https = loadBalancer.listeners.find((listener) => listener.protocol === 'HTTPS');
  if (https !== undefined) annotations[`${prefix}/certificate-arn`] = PLACEHOLDERS.acmCertificateArn;
  if (redirect && https !== undefined) annotations[`${prefix}/ssl-redirect`] = String(https.port);
  if (targetGroup?.protocolVersion === 'GRPC' || targetGroup?.protocolVersion === 'HTTP2') {
    annotations[`${prefix}/backend-protocol-version`] = targetGroup.protocolVersion;
  }
  if (targetGroup?.healthCheckPath !== undefined)
    annotations[`${prefix}/healthcheck-path`] = targetGroup.healthCheckPath;
  const extra: Record<string, unknown> = targetGroup ?? {};
  const matcher = isRecord(extra.healthCheckMatcher) ? extra.healthCheckMatcher : {};
  const successCodes = matcher.GrpcCode ?? matcher.HttpCode;
  if (typeof successCodes === 'string') annotations[`${prefix}/success-codes`] = successCodes;
  if (extra.stickiness === true) {
    annotations[`${prefix}/target-group-attributes`] =
      'stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=86400';
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { ...metadata(input), annotations },
    spec: {
      ingressClassName: 'alb',
      rules: [
        {
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: input.workload.name, port: { number: port } } },
              },
            ],
          },
        },
      ],
    },
  };
}

/** A LoadBalancer Service the AWS Load Balancer Controller turns into an NLB with IP targets. */
function networkLoadBalancerService(input: StarterConfigInput, port: number): KubernetesObject {
  const { loadBalancer } = input.design;
  const prefix = 'service.beta.kubernetes.io';
  const annotations: Record<string, string> = {
    [`${prefix}/aws-load-balancer-type`]: 'external',
    [`${prefix}/aws-load-balancer-nlb-target-type`]: 'ip',
    [`${prefix}/aws-load-balancer-scheme`]: loadBalancer.scheme ?? 'internet-facing',
  };
  const healthCheckProtocol = loadBalancer.targetGroup?.healthCheckProtocol;
  if (healthCheckProtocol !== undefined)
    annotations[`${prefix}/aws-load-balancer-healthcheck-protocol`] = healthCheckProtocol;
  const tls = loadBalancer.listeners.filter((listener) => listener.protocol === 'TLS');
  if (tls.length > 0) {
    annotations[`${prefix}/aws-load-balancer-ssl-cert`] = PLACEHOLDERS.acmCertificateArn;
    annotations[`${prefix}/aws-load-balancer-ssl-ports`] = tls
      .map((listener) => String(listener.port))
      .join(',');
  }
  const ports = loadBalancer.listeners.map((listener) => ({
    name: `${listener.protocol.toLowerCase()}-${listener.port}`,
    port: listener.port,
    targetPort: port,
    protocol: listener.protocol === 'UDP' ? 'UDP' : 'TCP',
  }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...metadata(input), annotations },
    spec: { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb', selector: labels(input), ports },
  };
}

function autoscaler(input: StarterConfigInput, kind: WorkloadKind, notes: string[]): KubernetesObject[] {
  const policy = hpaPolicy(input);
  if (policy === undefined || (kind !== 'Deployment' && kind !== 'StatefulSet')) return [];
  const { design, workload } = input;
  const minReplicas = Math.max(1, design.scaling.minCapacity);
  if (minReplicas !== design.scaling.minCapacity) {
    notes.push(
      'A HorizontalPodAutoscaler cannot scale to zero pods, so the workload keeps at least one pod running.',
    );
  }
  const queueName = typeof policy.queueName === 'string' ? policy.queueName : undefined;
  const metric =
    queueName === undefined
      ? {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: {
              type: 'Utilization',
              averageUtilization: policy.targetValue ?? workload.resources.targetCpuUtilization,
            },
          },
        }
      : {
          type: 'External',
          external: {
            metric: {
              name: policy.metric ?? 'sqs-approximate-number-of-messages-visible',
              ...(LABEL_VALUE.test(queueName) ? { selector: { matchLabels: { queue: queueName } } } : {}),
            },
            target: { type: 'AverageValue', averageValue: String(policy.targetValue ?? 1) },
          },
        };
  return [
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(input),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind, name: workload.name },
        minReplicas,
        maxReplicas: Math.max(minReplicas, design.scaling.maxCapacity),
        metrics: [metric],
      },
    },
  ];
}

/** An example per-node agent, when the workload needs one; its image is the customer's. */
function daemonSet(input: StarterConfigInput): KubernetesObject[] {
  if (!input.workload.control.daemons || isEksFargate(input)) return [];
  const name = `${input.workload.name}-agent`;
  const agentLabels = { 'app.kubernetes.io/name': name };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name, namespace: input.workload.name, labels: agentLabels },
      spec: {
        selector: { matchLabels: agentLabels },
        template: {
          metadata: { labels: agentLabels },
          spec: {
            serviceAccountName: input.workload.name,
            nodeSelector: { 'kubernetes.io/os': input.facts.runtime.os },
            // Run on every node, tainted ones included: that is what a per-node agent is for.
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'agent',
                image: PLACEHOLDERS.daemonImage,
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { cpu: '100m', memory: '128Mi' },
                },
              },
            ],
          },
        },
      },
    },
  ];
}

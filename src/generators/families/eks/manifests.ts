import { QUEUE_NAME_VARIABLE } from '../../plan/container-environment/plan';
import { apiValue } from '../../plan/reference';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { yamlDocumentsFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import { stickinessAnnotation } from '../../shared/target-group-stickiness';
import type {
  AutoscalerPlan,
  ContainerPlan,
  ExposurePlan,
  KubernetesPlan,
  NodePoolPlan,
  PodPlan,
  ProbePlan,
  StoragePlan,
  WorkloadPlan,
} from './kubernetes-plan';

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

type Metadata = KubernetesObject['metadata'];

const VOLUME_NAME = 'data';

/** eks/manifests.yaml: everything `kubectl apply -f` needs to run the workload in its own namespace. */
export function manifestsFile(plan: KubernetesPlan): DescribedFile {
  const documents: KubernetesObject[] = [
    ...nodePool(plan, plan.nodePool),
    namespace(plan),
    serviceAccount(plan),
    ...storageObjects(plan, plan.storage),
    workloadObject(plan, plan.workload),
    ...serviceObjects(plan, plan.exposure),
    ...autoscaler(plan, plan.autoscaler),
    ...daemonSet(plan),
  ];
  return yamlDocumentsFile(
    'eks/manifests.yaml',
    documents,
    `Kubernetes manifests: ${[...new Set(documents.map((document) => document.kind))].join(', ')}.`,
  );
}

function labels(plan: KubernetesPlan): Record<string, string> {
  return { 'app.kubernetes.io/name': plan.app };
}

function metadata(plan: KubernetesPlan, name = plan.app): Metadata {
  return { name, namespace: plan.app, labels: labels(plan) };
}

function namespace(plan: KubernetesPlan): KubernetesObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.app, labels: labels(plan) } };
}

/** The pods' identity; under IRSA it names its IAM role, under Pod Identity the association links it instead. */
function serviceAccount(plan: KubernetesPlan): KubernetesObject {
  const meta = metadata(plan);
  if (plan.serviceAccountRole !== null)
    meta.annotations = { 'eks.amazonaws.com/role-arn': apiValue(plan.serviceAccountRole) };
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta };
}

/**
 * The Auto Mode NodePool: the workload's instance types, capacity type and architecture, on the built-in
 * `default` NodeClass; its CPU limit caps the nodes at what the maximum replicas need.
 */
function nodePool(plan: KubernetesPlan, pool: NodePoolPlan | null): KubernetesObject[] {
  if (pool === null) return [];
  return [
    {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: pool.name, labels: labels(plan) },
      spec: {
        template: {
          metadata: { labels: labels(plan) },
          spec: {
            nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: pool.nodeClass },
            requirements: [
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: [pool.capacityType] },
              { key: 'kubernetes.io/arch', operator: 'In', values: [pool.architecture] },
              { key: 'node.kubernetes.io/instance-type', operator: 'In', values: [...pool.instanceTypes] },
            ],
          },
        },
        limits: { cpu: String(pool.maxVcpu) },
        disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
      },
    },
  ];
}

function storageObjects(plan: KubernetesPlan, storage: StoragePlan | null): KubernetesObject[] {
  if (storage === null) return [];
  const storageClass = (
    provisioner: string,
    parameters?: Record<string, string>,
    extra: Record<string, unknown> = {},
  ): KubernetesObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: storage.className, labels: labels(plan) },
    provisioner,
    ...(parameters === undefined ? {} : { parameters }),
    // Persistent data outlives the claim: deleting the manifests must not delete the volume.
    reclaimPolicy: 'Retain',
    ...extra,
  });
  const claim: KubernetesObject[] =
    storage.claim === null
      ? []
      : [
          {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: metadata(plan, storage.claim.name),
            spec: {
              accessModes: [storage.claim.accessMode],
              storageClassName: storage.className,
              resources: { requests: { storage: storage.size } },
            },
          },
        ];
  switch (storage.type) {
    case 'ebs':
      return [
        storageClass(
          storage.provisioner,
          {
            type: storage.volumeType,
            encrypted: String(storage.encrypted),
            'csi.storage.k8s.io/fstype': storage.filesystemType,
          },
          { volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true },
        ),
        ...claim,
      ];
    case 'efs-static': {
      const volume: KubernetesObject = {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: storage.volumeName, labels: labels(plan) },
        spec: {
          capacity: { storage: storage.size },
          volumeMode: 'Filesystem',
          accessModes: ['ReadWriteMany'],
          persistentVolumeReclaimPolicy: 'Retain',
          storageClassName: storage.className,
          csi: {
            driver: 'efs.csi.aws.com',
            volumeHandle: `${apiValue(storage.fileSystemId)}::${apiValue(storage.accessPointId)}`,
          },
        },
      };
      return [storageClass('efs.csi.aws.com'), volume, ...claim];
    }
    case 'efs-dynamic': {
      const parameters: Record<string, string> = {
        provisioningMode: 'efs-ap',
        fileSystemId: apiValue(storage.fileSystemId),
        directoryPerms: '700',
      };
      if (storage.uid !== undefined) parameters.uid = storage.uid;
      if (storage.gid !== undefined) parameters.gid = storage.gid;
      if (storage.basePath !== undefined) parameters.basePath = storage.basePath;
      return [storageClass('efs.csi.aws.com', parameters), ...claim];
    }
    case 'fsx-lustre': {
      const parameters: Record<string, string> = {
        subnetId: storage.subnetId,
        securityGroupIds: storage.securityGroupIds,
        deploymentType: storage.deploymentType,
      };
      if (storage.perUnitStorageThroughput !== undefined)
        parameters.perUnitStorageThroughput = storage.perUnitStorageThroughput;
      return [storageClass('fsx.csi.aws.com', parameters), ...claim];
    }
  }
}

function podSpec(pod: PodPlan): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    serviceAccountName: pod.serviceAccountName,
    nodeSelector: {
      'kubernetes.io/os': pod.os,
      'kubernetes.io/arch': pod.architecture,
      ...(pod.nodePool === undefined ? {} : { 'karpenter.sh/nodepool': pod.nodePool }),
    },
    containers: [container(pod.container)],
  };
  if (pod.hostNetwork) {
    spec.hostNetwork = true;
    // Without it a pod on the host's network resolves names with the node's resolver, not cluster DNS.
    spec.dnsPolicy = 'ClusterFirstWithHostNet';
  }
  if (pod.claimName !== undefined) {
    spec.volumes = [{ name: VOLUME_NAME, persistentVolumeClaim: { claimName: pod.claimName } }];
  }
  if (pod.runsToCompletion) spec.restartPolicy = 'Never';
  return spec;
}

function container(plan: ContainerPlan): Record<string, unknown> {
  const requests: Record<string, string | number> = {
    cpu: `${plan.cpuMillicores}m`,
    memory: `${plan.memoryMiB}Mi`,
  };
  if (plan.ephemeralStorageGiB !== undefined) requests['ephemeral-storage'] = `${plan.ephemeralStorageGiB}Gi`;
  // Requests equal limits: Fargate requires it, and it gives pods the Guaranteed QoS class everywhere.
  const limits: Record<string, string | number> = { ...requests };
  if (plan.gpu) limits['nvidia.com/gpu'] = 1;
  const spec: Record<string, unknown> = { name: plan.name, image: plan.image };
  if (plan.ports.length > 0) spec.ports = plan.ports.map((port) => ({ ...port }));
  const env: Record<string, unknown>[] = [
    ...(plan.queueName === undefined ? [] : [{ name: QUEUE_NAME_VARIABLE, value: plan.queueName }]),
    ...plan.environment.map((variable) => ({ ...variable })),
    ...plan.secretKeyRefs.map(({ name, secretName, key }) => ({
      name,
      valueFrom: { secretKeyRef: { name: secretName, key } },
    })),
  ];
  if (env.length > 0) spec.env = env;
  spec.resources = { requests, limits };
  if (plan.probe !== undefined) Object.assign(spec, probes(plan.probe));
  const securityContext: Record<string, unknown> = {};
  if (plan.privileged) securityContext.privileged = true;
  if (plan.addedCapabilities.length > 0) securityContext.capabilities = { add: [...plan.addedCapabilities] };
  if (Object.keys(securityContext).length > 0) spec.securityContext = securityContext;
  if (plan.mountPath !== undefined) spec.volumeMounts = [{ name: VOLUME_NAME, mountPath: plan.mountPath }];
  return spec;
}

function probes(probe: ProbePlan): Record<string, unknown> {
  const check =
    probe.kind === 'http'
      ? { httpGet: { path: probe.path, port: probe.port } }
      : { tcpSocket: { port: probe.port } };
  return {
    readinessProbe: { ...check, periodSeconds: 10, failureThreshold: 3 },
    livenessProbe: { ...check, initialDelaySeconds: 30, periodSeconds: 20, failureThreshold: 3 },
  };
}

function workloadObject(plan: KubernetesPlan, workload: WorkloadPlan): KubernetesObject {
  const template = { metadata: { labels: labels(plan) }, spec: podSpec(plan.pod) };
  const selector = { matchLabels: labels(plan) };
  switch (workload.kind) {
    case 'Deployment':
      return {
        apiVersion: 'apps/v1',
        kind: workload.kind,
        metadata: metadata(plan),
        spec: { replicas: workload.replicas, selector, template },
      };
    case 'StatefulSet':
      return {
        apiVersion: 'apps/v1',
        kind: workload.kind,
        metadata: metadata(plan),
        spec: {
          serviceName: plan.app,
          replicas: workload.replicas,
          selector,
          template,
          volumeClaimTemplates: [
            {
              metadata: { name: VOLUME_NAME, labels: labels(plan) },
              spec: {
                accessModes: ['ReadWriteOnce'],
                storageClassName: workload.volumeClaimTemplate.storageClassName,
                resources: { requests: { storage: workload.volumeClaimTemplate.size } },
              },
            },
          ],
        },
      };
    case 'CronJob':
      return {
        apiVersion: 'batch/v1',
        kind: workload.kind,
        metadata: metadata(plan),
        spec: {
          schedule: workload.schedule,
          timeZone: workload.timeZone,
          concurrencyPolicy: 'Forbid',
          jobTemplate: { spec: jobSpec(template) },
        },
      };
    case 'Job':
      return {
        apiVersion: 'batch/v1',
        kind: workload.kind,
        metadata: metadata(plan),
        spec: jobSpec(template),
      };
  }
}

function jobSpec(template: Record<string, unknown>): Record<string, unknown> {
  return { backoffLimit: 3, ttlSecondsAfterFinished: 86_400, template };
}

function serviceObjects(plan: KubernetesPlan, exposure: ExposurePlan | null): KubernetesObject[] {
  if (exposure === null) return [];
  if (exposure.type === 'nlb') return [networkLoadBalancerService(plan, exposure)];
  const service: KubernetesObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(plan),
    spec: {
      type: 'ClusterIP',
      selector: labels(plan),
      ports: [{ name: exposure.portName, port: exposure.port, targetPort: exposure.port, protocol: 'TCP' }],
    },
  };
  return [...ingressClass(plan, exposure), service, ingress(plan, exposure)];
}

/** EKS Auto Mode's load balancing takes an IngressClass of its own controller, with the ALB's scheme in its IngressClassParams. */
function ingressClass(plan: KubernetesPlan, alb: Extract<ExposurePlan, { type: 'alb' }>): KubernetesObject[] {
  if (alb.controller !== 'eks-auto-mode') return [];
  const name = ingressClassName(plan, alb);
  return [
    {
      apiVersion: 'eks.amazonaws.com/v1',
      kind: 'IngressClassParams',
      metadata: { name, labels: labels(plan) },
      spec: { scheme: alb.scheme },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name, labels: labels(plan) },
      spec: {
        controller: 'eks.amazonaws.com/alb',
        parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name },
      },
    },
  ];
}

function ingressClassName(plan: KubernetesPlan, alb: Extract<ExposurePlan, { type: 'alb' }>): string {
  return alb.controller === 'eks-auto-mode' ? `${plan.app}-alb` : 'alb';
}

/** An Ingress its controller turns into an ALB with IP targets (the only kind Fargate allows). */
function ingress(plan: KubernetesPlan, alb: Extract<ExposurePlan, { type: 'alb' }>): KubernetesObject {
  const prefix = 'alb.ingress.kubernetes.io';
  const annotations: Record<string, string> = {
    // Auto Mode takes the scheme from the IngressClassParams.
    ...(alb.controller === 'eks-auto-mode' ? {} : { [`${prefix}/scheme`]: alb.scheme }),
    [`${prefix}/target-type`]: 'ip',
    [`${prefix}/listen-ports`]: JSON.stringify(
      alb.listeners.map((listener) => ({ [listener.protocol]: listener.port })),
    ),
  };
  if (alb.certificate) annotations[`${prefix}/certificate-arn`] = PLACEHOLDERS.acmCertificateArn;
  if (alb.sslRedirectPort !== undefined) annotations[`${prefix}/ssl-redirect`] = String(alb.sslRedirectPort);
  if (alb.backendProtocolVersion !== undefined)
    annotations[`${prefix}/backend-protocol-version`] = alb.backendProtocolVersion;
  if (alb.healthCheckPath !== undefined) annotations[`${prefix}/healthcheck-path`] = alb.healthCheckPath;
  if (alb.healthCheckPort !== undefined)
    annotations[`${prefix}/healthcheck-port`] = String(alb.healthCheckPort);
  if (alb.successCodes !== undefined) annotations[`${prefix}/success-codes`] = alb.successCodes;
  if (alb.stickiness) annotations[`${prefix}/target-group-attributes`] = stickinessAnnotation('lb_cookie');
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { ...metadata(plan), annotations },
    spec: {
      ingressClassName: ingressClassName(plan, alb),
      rules: [
        {
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: plan.app, port: { number: alb.port } } },
              },
            ],
          },
        },
      ],
    },
  };
}

/** A LoadBalancer Service its controller turns into an NLB with IP targets. */
function networkLoadBalancerService(
  plan: KubernetesPlan,
  nlb: Extract<ExposurePlan, { type: 'nlb' }>,
): KubernetesObject {
  const prefix = 'service.beta.kubernetes.io';
  const autoMode = nlb.controller === 'eks-auto-mode';
  const annotations: Record<string, string> = {
    // Auto Mode does not take the type annotation: its loadBalancerClass says the same.
    ...(autoMode ? {} : { [`${prefix}/aws-load-balancer-type`]: 'external' }),
    [`${prefix}/aws-load-balancer-nlb-target-type`]: 'ip',
    [`${prefix}/aws-load-balancer-scheme`]: nlb.scheme,
  };
  if (nlb.healthCheckProtocol !== undefined)
    annotations[`${prefix}/aws-load-balancer-healthcheck-protocol`] = nlb.healthCheckProtocol;
  if (nlb.healthCheckPort !== undefined)
    annotations[`${prefix}/aws-load-balancer-healthcheck-port`] = String(nlb.healthCheckPort);
  if (nlb.stickiness)
    annotations[`${prefix}/aws-load-balancer-target-group-attributes`] = stickinessAnnotation('source_ip');
  if (nlb.tlsPorts.length > 0) {
    annotations[`${prefix}/aws-load-balancer-ssl-cert`] = PLACEHOLDERS.acmCertificateArn;
    annotations[`${prefix}/aws-load-balancer-ssl-ports`] = nlb.tlsPorts.map(String).join(',');
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...metadata(plan), annotations },
    spec: {
      type: 'LoadBalancer',
      loadBalancerClass: autoMode ? 'eks.amazonaws.com/nlb' : 'service.k8s.aws/nlb',
      selector: labels(plan),
      ports: nlb.listeners.map((listener) => ({ ...listener })),
    },
  };
}

function autoscaler(plan: KubernetesPlan, hpa: AutoscalerPlan | null): KubernetesObject[] {
  if (hpa === null) return [];
  const { metric } = hpa;
  return [
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(plan),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: hpa.kind, name: plan.app },
        minReplicas: hpa.minReplicas,
        maxReplicas: hpa.maxReplicas,
        metrics: [
          metric.type === 'cpu'
            ? {
                type: 'Resource',
                resource: {
                  name: 'cpu',
                  target: { type: 'Utilization', averageUtilization: metric.averageUtilization },
                },
              }
            : {
                type: 'External',
                external: {
                  metric: {
                    name: metric.metricName,
                    ...(metric.queueLabel === undefined
                      ? {}
                      : { selector: { matchLabels: { queue: metric.queueLabel } } }),
                  },
                  target: { type: 'AverageValue', averageValue: metric.averageValue },
                },
              },
        ],
      },
    },
  ];
}

function daemonSet(plan: KubernetesPlan): KubernetesObject[] {
  const { daemon } = plan;
  if (daemon === null) return [];
  const agentLabels = { 'app.kubernetes.io/name': daemon.name };
  return [
    // Its own identity: a Pod Identity association links its role, or under IRSA the annotation names it.
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: daemon.serviceAccountName,
        namespace: plan.app,
        labels: agentLabels,
        ...(daemon.identity === 'irsa'
          ? { annotations: { 'eks.amazonaws.com/role-arn': apiValue(daemon.role) } }
          : {}),
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: daemon.name, namespace: plan.app, labels: agentLabels },
      spec: {
        selector: { matchLabels: agentLabels },
        template: {
          metadata: { labels: agentLabels },
          spec: {
            serviceAccountName: daemon.serviceAccountName,
            nodeSelector: { 'kubernetes.io/os': daemon.os },
            // Run on every node, tainted ones included: that is what a per-node agent is for.
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'agent',
                image: daemon.image,
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

import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import { advise } from '../support/advisor';
import { at, type Document, kinds, kubernetesObject, starterFiles, yamlDocumentsAt } from './support/starter';

const EKS = { kubernetes: 'required' };
const MANAGED = { ...EKS, daemons: true };
const FARGATE = { ...EKS, level: 'minimal' };

/** The manifests of the recommended platform, or of the platform named (which the body must leave eligible). */
async function manifests(body: Record<string, unknown>, platform?: PlatformId): Promise<Document[]> {
  return yamlDocumentsAt(await starterFiles(body, platform), 'eks/manifests.yaml');
}

function firstContainer(workload: Document): unknown {
  const template =
    workload.kind === 'CronJob'
      ? at(workload, 'spec', 'jobTemplate', 'spec', 'template')
      : at(workload, 'spec', 'template');
  return at(template, 'spec', 'containers', 0);
}

describe('EKS manifests', () => {
  describe.each([
    {
      platform: 'managed nodes',
      id: 'eks-managed-nodes',
      body: { workloadType: 'web', control: MANAGED, persistence: { type: 'block' } },
    },
    {
      platform: 'self-managed nodes',
      id: 'eks-self-managed-nodes',
      body: { workloadType: 'worker', control: { ...EKS, level: 'full' } },
    },
    {
      platform: 'Fargate',
      id: 'eks-fargate',
      body: {
        workloadType: 'web',
        control: FARGATE,
        persistence: { type: 'shared-file' },
        traffic: { protocol: 'grpc' },
      },
    },
    {
      platform: 'Fargate',
      id: 'eks-fargate',
      body: {
        workloadType: 'batch',
        control: FARGATE,
        trigger: { type: 'schedule', expression: 'rate(1 hour)' },
      },
    },
  ] as { platform: string; id: PlatformId; body: Record<string, unknown> }[])(
    'when the workload runs on $platform ($body.workloadType)',
    ({ body, id }) => {
      it('gives every document an apiVersion, a kind and a name', async () => {
        for (const document of await manifests(body, id)) {
          expect(document).toEqual(
            expect.objectContaining({
              apiVersion: expect.any(String),
              kind: expect.any(String),
              metadata: expect.objectContaining({ name: expect.any(String) }),
            }),
          );
        }
      });

      it('starts with the namespace and the service account', async () => {
        expect(kinds(await manifests(body, id)).slice(0, 2)).toEqual(['Namespace', 'ServiceAccount']);
      });
    },
  );

  describe('when the workload is a web service on managed nodes', () => {
    it('runs a Deployment behind a ClusterIP Service and an ALB Ingress, scaled on CPU', async () => {
      expect(kinds(await manifests({ workloadType: 'web', control: MANAGED }, 'eks-managed-nodes'))).toEqual([
        'Namespace',
        'ServiceAccount',
        'Deployment',
        'Service',
        'Ingress',
        'HorizontalPodAutoscaler',
        'ServiceAccount',
        'DaemonSet',
      ]);
    });

    it('requests exactly what it limits, on Linux x86 nodes, probing the health-check path', async () => {
      const deployment = kubernetesObject(
        await manifests(
          { workloadType: 'web', control: MANAGED, resources: { cpu: 1, memoryGiB: 2 } },
          'eks-managed-nodes',
        ),
        'Deployment',
      );
      expect(at(deployment, 'spec', 'template', 'spec', 'nodeSelector')).toEqual({
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
      });
      expect(firstContainer(deployment)).toMatchObject({
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        resources: {
          requests: { cpu: '1000m', memory: '2048Mi' },
          limits: { cpu: '1000m', memory: '2048Mi' },
        },
        readinessProbe: { httpGet: { path: '/', port: 8080 } },
      });
    });

    it('scales between the task bounds on average CPU utilization', async () => {
      const hpa = kubernetesObject(
        await manifests(
          {
            workloadType: 'web',
            control: MANAGED,
            resources: { minTasks: 2, maxTasks: 12, targetCpuUtilization: 60 },
          },
          'eks-managed-nodes',
        ),
        'HorizontalPodAutoscaler',
      );
      expect(hpa).toMatchObject({
        apiVersion: 'autoscaling/v2',
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app' },
          minReplicas: 2,
          maxReplicas: 12,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
            },
          ],
        },
      });
    });

    it('annotates the Ingress for an internet-facing ALB with IP targets', async () => {
      const ingress = kubernetesObject(
        await manifests({ workloadType: 'web', control: MANAGED }, 'eks-managed-nodes'),
        'Ingress',
      );
      expect(at(ingress, 'metadata', 'annotations')).toEqual({
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/target-type': 'ip',
        'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP":80}]',
        'alb.ingress.kubernetes.io/healthcheck-path': '/',
        'alb.ingress.kubernetes.io/success-codes': '200-399',
      });
      expect(at(ingress, 'spec', 'ingressClassName')).toBe('alb');
    });

    it('runs the example per-node agent as a DaemonSet on every node', async () => {
      const daemonSet = kubernetesObject(
        await manifests({ workloadType: 'web', control: MANAGED }, 'eks-managed-nodes'),
        'DaemonSet',
      );
      expect(at(daemonSet, 'spec', 'template', 'spec', 'tolerations')).toEqual([{ operator: 'Exists' }]);
      // Its own service account, so its role is not the workload's.
      expect(at(daemonSet, 'spec', 'template', 'spec', 'serviceAccountName')).toBe('app-agent');
    });

    it("names the Windows agent's IRSA role on its service account", async () => {
      const documents = await manifests({
        workloadType: 'web',
        control: { ...MANAGED, os: 'windows' },
        resources: { cpu: 1, memoryGiB: 2 },
      });
      expect(
        at(kubernetesObject(documents, 'ServiceAccount', 'app-agent'), 'metadata', 'annotations'),
      ).toEqual({
        'eks.amazonaws.com/role-arn': 'arn:aws:iam::<account-id>:role/app-agent',
      });
      expect(
        at(kubernetesObject(documents, 'DaemonSet'), 'spec', 'template', 'spec', 'nodeSelector'),
      ).toEqual({
        'kubernetes.io/os': 'windows',
      });
    });
  });

  describe('when the workload needs no per-node agent', () => {
    it('has no DaemonSet', async () => {
      expect(
        kinds(await manifests({ workloadType: 'web', control: { ...EKS, level: 'full' } })),
      ).not.toContain('DaemonSet');
    });
  });

  describe('when the protocol is grpc', () => {
    it('asks the ALB for gRPC end to end over HTTPS only (no redirect from 80), with gRPC health codes', async () => {
      const ingress = kubernetesObject(
        await manifests(
          { workloadType: 'web', control: FARGATE, traffic: { protocol: 'grpc' } },
          'eks-fargate',
        ),
        'Ingress',
      );
      expect(at(ingress, 'metadata', 'annotations')).toMatchObject({
        'alb.ingress.kubernetes.io/listen-ports': '[{"HTTPS":443}]',
        'alb.ingress.kubernetes.io/certificate-arn': '<acm-certificate-arn>',
        'alb.ingress.kubernetes.io/backend-protocol-version': 'GRPC',
        'alb.ingress.kubernetes.io/healthcheck-path': '/AWS.ALB/healthcheck',
        'alb.ingress.kubernetes.io/success-codes': '0-99',
      });
      expect(
        at(ingress, 'metadata', 'annotations', 'alb.ingress.kubernetes.io/ssl-redirect'),
      ).toBeUndefined();
    });
  });

  describe('when the protocol is udp', () => {
    it('exposes the pods through an NLB Service with IP targets, checked over TCP', async () => {
      const documents = await manifests(
        {
          workloadType: 'web',
          control: { ...MANAGED, architecture: 'arm64' },
          traffic: { protocol: 'udp' },
        },
        'eks-managed-nodes',
      );
      expect(kinds(documents)).not.toContain('Ingress');
      const service = kubernetesObject(documents, 'Service');
      expect(service).toMatchObject({
        metadata: {
          annotations: {
            'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
            'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
            'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
            'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'TCP',
          },
        },
        spec: { type: 'LoadBalancer', ports: [{ port: 8080, targetPort: 8080, protocol: 'UDP' }] },
      });
      expect(
        at(
          kubernetesObject(documents, 'Deployment'),
          'spec',
          'template',
          'spec',
          'nodeSelector',
          'kubernetes.io/arch',
        ),
      ).toBe('arm64');
    });
  });

  describe('when the workload consumes a queue', () => {
    it('scales on the external queue-depth metric', async () => {
      const documents = await manifests({
        workloadType: 'worker',
        control: EKS,
        trigger: { type: 'sqs', queueName: 'orders' },
      });
      expect(at(kubernetesObject(documents, 'HorizontalPodAutoscaler'), 'spec', 'metrics')).toEqual([
        {
          type: 'External',
          external: {
            metric: {
              name: 'sqs-approximate-number-of-messages-visible',
              selector: { matchLabels: { queue: 'orders' } },
            },
            target: { type: 'AverageValue', averageValue: '100' },
          },
        },
      ]);
      expect(at(firstContainer(kubernetesObject(documents, 'Deployment')), 'env')).toEqual([
        { name: 'QUEUE_NAME', value: 'orders' },
      ]);
    });

    it('keeps one pod when the batch may shrink to none, since an HPA cannot scale from zero', async () => {
      const documents = await manifests({ workloadType: 'batch', control: EKS, trigger: { type: 'sqs' } });
      expect(at(kubernetesObject(documents, 'HorizontalPodAutoscaler'), 'spec', 'minReplicas')).toBe(1);
      expect(at(kubernetesObject(documents, 'Deployment'), 'spec', 'replicas')).toBe(1);
    });
  });

  describe('when the workload runs on EKS Fargate', () => {
    it('names the pod role on the service account for IRSA', async () => {
      const account = kubernetesObject(
        await manifests({ workloadType: 'web', control: FARGATE }, 'eks-fargate'),
        'ServiceAccount',
      );
      expect(at(account, 'metadata', 'annotations')).toEqual({
        'eks.amazonaws.com/role-arn': 'arn:aws:iam::<account-id>:role/app-pod',
      });
    });

    it('mounts EFS through a statically provisioned volume', async () => {
      const documents = await manifests(
        {
          workloadType: 'web',
          control: FARGATE,
          persistence: { type: 'shared-file', sizeGiB: 5 },
        },
        'eks-fargate',
      );
      expect(kubernetesObject(documents, 'StorageClass')).toMatchObject({ provisioner: 'efs.csi.aws.com' });
      expect(kubernetesObject(documents, 'StorageClass')).not.toHaveProperty('parameters');
      expect(at(kubernetesObject(documents, 'PersistentVolume'), 'spec')).toMatchObject({
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteMany'],
        csi: { driver: 'efs.csi.aws.com', volumeHandle: '<efs-file-system-id>::<efs-access-point-id>' },
      });
      expect(at(kubernetesObject(documents, 'PersistentVolumeClaim'), 'spec', 'accessModes')).toEqual([
        'ReadWriteMany',
      ]);
      expect(at(firstContainer(kubernetesObject(documents, 'Deployment')), 'volumeMounts')).toEqual([
        { name: 'data', mountPath: '/mnt/data' },
      ]);
    });
  });

  describe('when the workload runs on nodes', () => {
    it('leaves the service accounts to the Pod Identity associations', async () => {
      const documents = await manifests({ workloadType: 'web', control: MANAGED }, 'eks-managed-nodes');
      expect(kubernetesObject(documents, 'ServiceAccount', 'app').metadata).not.toHaveProperty('annotations');
      expect(kubernetesObject(documents, 'ServiceAccount', 'app-agent').metadata).not.toHaveProperty(
        'annotations',
      );
    });
  });

  describe('when each pod needs its own block volume', () => {
    it('runs a StatefulSet that claims an encrypted gp3 EBS volume per pod', async () => {
      const documents = await manifests(
        {
          workloadType: 'web',
          control: MANAGED,
          persistence: { type: 'block', sizeGiB: 30 },
        },
        'eks-managed-nodes',
      );
      expect(kubernetesObject(documents, 'StorageClass')).toMatchObject({
        provisioner: 'ebs.csi.aws.com',
        parameters: { type: 'gp3', encrypted: 'true', 'csi.storage.k8s.io/fstype': 'ext4' },
        volumeBindingMode: 'WaitForFirstConsumer',
      });
      const statefulSet = kubernetesObject(documents, 'StatefulSet');
      expect(at(statefulSet, 'spec', 'volumeClaimTemplates', 0, 'spec')).toEqual({
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'app-ebs',
        resources: { requests: { storage: '30Gi' } },
      });
      expect(
        at(kubernetesObject(documents, 'HorizontalPodAutoscaler'), 'spec', 'scaleTargetRef', 'kind'),
      ).toBe('StatefulSet');
    });
  });

  describe('when the workload needs a high-performance file system', () => {
    it('provisions FSx for Lustre through its CSI driver', async () => {
      const documents = await manifests({
        workloadType: 'batch',
        persistence: { type: 'high-performance-file' },
      });
      expect(kubernetesObject(documents, 'StorageClass')).toMatchObject({
        provisioner: 'fsx.csi.aws.com',
        parameters: {
          subnetId: '<subnet-id>',
          securityGroupIds: '<security-group-id>',
          deploymentType: 'PERSISTENT_2',
        },
      });
      expect(
        at(kubernetesObject(documents, 'PersistentVolumeClaim'), 'spec', 'resources', 'requests', 'storage'),
      ).toBe('1200Gi');
    });
  });

  describe('when the workload needs a GPU', () => {
    it('limits each pod to one NVIDIA GPU', async () => {
      const deployment = kubernetesObject(
        await manifests({ workloadType: 'web', control: { ...EKS, gpu: true } }),
        'Deployment',
      );
      expect(at(firstContainer(deployment), 'resources', 'limits', 'nvidia.com/gpu')).toBe(1);
    });
  });

  describe('when the workload runs Windows containers', () => {
    it('schedules the pods on Windows nodes', async () => {
      const deployment = kubernetesObject(
        await manifests({ workloadType: 'web', control: { ...EKS, os: 'windows' } }),
        'Deployment',
      );
      expect(at(deployment, 'spec', 'template', 'spec', 'nodeSelector', 'kubernetes.io/os')).toBe('windows');
    });
  });

  describe('when the batch runs on a schedule', () => {
    it.each([
      { expression: 'cron(0 2 * * ? *)', want: '0 2 * * *' },
      { expression: 'rate(5 minutes)', want: '*/5 * * * *' },
      { expression: 'rate(1 hour)', want: '0 * * * *' },
    ])('runs a CronJob on $want for $expression, in UTC', async ({ expression, want }) => {
      const cronJob = kubernetesObject(
        await manifests(
          {
            workloadType: 'batch',
            control: FARGATE,
            trigger: { type: 'schedule', expression },
          },
          'eks-fargate',
        ),
        'CronJob',
      );
      expect(cronJob).toMatchObject({
        apiVersion: 'batch/v1',
        spec: { schedule: want, timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid' },
      });
      expect(at(cronJob, 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'restartPolicy')).toBe('Never');
    });

    // A CronJob that only approximated rate(7 minutes) would run on another schedule than the one asked for.
    it('never deploys a schedule cron can only approximate: no EKS platform is eligible for it', async () => {
      const advice = await advise({
        workloadType: 'batch',
        control: FARGATE,
        trigger: { type: 'schedule', expression: 'rate(7 minutes)' },
      });
      expect(advice.kind).toBe('no-eligible-platform');
      const eks =
        advice.kind === 'no-eligible-platform'
          ? advice.platforms.filter(({ platformId }) => platformId.startsWith('eks-'))
          : [];
      expect(eks).not.toHaveLength(0);
      for (const platform of eks)
        expect(platform.blockers).toContainEqual(
          expect.stringContaining('cannot run rate(7 minutes) as written'),
        );
    });
  });

  describe('when the batch runs for each object created in a bucket', () => {
    it('runs pods that read the queue EventBridge fills, scaled on its depth', async () => {
      const documents = await manifests(
        {
          workloadType: 'batch',
          control: FARGATE,
          trigger: { type: 's3-object-created', bucket: 'uploads' },
        },
        'eks-fargate',
      );
      expect(at(firstContainer(kubernetesObject(documents, 'Deployment')), 'env')).toEqual([
        { name: 'QUEUE_NAME', value: 'app-events' },
      ]);
      expect(
        at(
          kubernetesObject(documents, 'HorizontalPodAutoscaler'),
          'spec',
          'metrics',
          0,
          'external',
          'metric',
          'selector',
        ),
      ).toEqual({
        matchLabels: { queue: 'app-events' },
      });
    });
  });

  describe('when the batch is started by hand', () => {
    it('runs a Job that is not retried forever and is cleaned up a day after it finishes', async () => {
      const job = kubernetesObject(
        await manifests({ workloadType: 'batch', control: FARGATE }, 'eks-fargate'),
        'Job',
      );
      expect(job).toMatchObject({
        apiVersion: 'batch/v1',
        spec: { backoffLimit: 3, ttlSecondsAfterFinished: 86400 },
      });
      expect(at(job, 'spec', 'template', 'spec', 'restartPolicy')).toBe('Never');
    });
  });

  describe('when the container adds Linux capabilities', () => {
    it.each(['eks-managed-nodes', 'eks-self-managed-nodes', 'eks-auto-mode'] as const)(
      'adds them in the container securityContext on %s',
      async (platform) => {
        const deployment = kubernetesObject(
          await manifests(
            { workloadType: 'web', control: { ...EKS, capabilities: ['NET_ADMIN'] } },
            platform,
          ),
          'Deployment',
        );
        expect(at(firstContainer(deployment), 'securityContext')).toEqual({
          capabilities: { add: ['NET_ADMIN'] },
        });
      },
    );

    it('keeps privileged mode beside them', async () => {
      const deployment = kubernetesObject(
        await manifests({
          workloadType: 'web',
          control: { ...EKS, privileged: true, capabilities: ['SYS_ADMIN'] },
        }),
        'Deployment',
      );
      expect(at(firstContainer(deployment), 'securityContext')).toEqual({
        privileged: true,
        capabilities: { add: ['SYS_ADMIN'] },
      });
    });

    it('writes no securityContext when the container adds none', async () => {
      const deployment = kubernetesObject(
        await manifests({ workloadType: 'web', control: EKS }),
        'Deployment',
      );
      expect(firstContainer(deployment)).not.toHaveProperty('securityContext');
    });
  });

  describe("when the container needs the host's network", () => {
    it.each(['eks-managed-nodes', 'eks-self-managed-nodes', 'eks-auto-mode'] as const)(
      'runs the pods on the node network with cluster DNS on %s',
      async (platform) => {
        const deployment = kubernetesObject(
          await manifests({ workloadType: 'web', control: { ...EKS, hostNetwork: true } }, platform),
          'Deployment',
        );
        expect(at(deployment, 'spec', 'template', 'spec')).toMatchObject({
          hostNetwork: true,
          dnsPolicy: 'ClusterFirstWithHostNet',
        });
      },
    );

    it("puts a scheduled job's pods on the node network too", async () => {
      const cronJob = kubernetesObject(
        await manifests(
          {
            workloadType: 'batch',
            control: { ...EKS, hostNetwork: true },
            trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
          },
          'eks-managed-nodes',
        ),
        'CronJob',
      );
      expect(at(cronJob, 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'hostNetwork')).toBe(true);
    });

    it('leaves the pod network alone otherwise', async () => {
      const deployment = kubernetesObject(
        await manifests({ workloadType: 'web', control: EKS }),
        'Deployment',
      );
      expect(at(deployment, 'spec', 'template', 'spec')).not.toHaveProperty('hostNetwork');
      expect(at(deployment, 'spec', 'template', 'spec')).not.toHaveProperty('dnsPolicy');
    });
  });

  describe('when the worker runs continuously, fed by no queue (trigger none)', () => {
    it('runs a Deployment scaled on average pod CPU, with no queue metric', async () => {
      const documents = await manifests({ workloadType: 'worker', control: EKS, trigger: { type: 'none' } });
      expect(kinds(documents)).toContain('Deployment');
      expect(kinds(documents)).not.toContain('CronJob');
      expect(at(kubernetesObject(documents, 'HorizontalPodAutoscaler'), 'spec', 'metrics')).toEqual([
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
        },
      ]);
      expect(firstContainer(kubernetesObject(documents, 'Deployment'))).not.toHaveProperty('env');
    });
  });
});

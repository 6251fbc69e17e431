import type { components } from '../../src/contract/generated/openapi-types';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import type { DeepPartial, DesignCase } from './rule-case';

type Schemas = components['schemas'];

export interface ScalingWant {
  /** Each of these must be among the policies (other rules may add more). */
  policies?: DeepPartial<Schemas['ScalingPolicy']>[];
  /** The exact ECS capacity provider strategy, or 'none' when the platform has none. */
  capacityProviderStrategy?: Schemas['CapacityProviderStrategyItem'][] | 'none';
  instanceMarket?: 'spot' | 'on-demand';
  minCapacity?: number;
  maxCapacity?: number;
  /** The AWS Batch compute environment (compared with toMatchObject), or 'none' for platforms without one. */
  computeEnvironment?: DeepPartial<Schemas['ComputeEnvironment']> | 'none';
}

const onKubernetes = { kubernetes: 'required' } as const;
const onKubernetesNodes = { kubernetes: 'required', daemons: true } as const;
/** A GPU workload whose team needs the hosts themselves: ECS on EC2, since Managed Instances gives no host control. */
const onEc2 = { gpu: true, level: 'full' } as const;
const onManagedInstances = { gpu: true, level: 'minimal' } as const;
/** Full control rules out the nodes AWS runs (EKS Auto Mode) and leaves the team's own. */
const onNodesTheTeamRuns = { kubernetes: 'required', level: 'full' } as const;
const onDemandFargate = [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }];

/**
 * rules/scaling.json: ECS services track CPU (ECSServiceAverageCPUUtilization) or, fed by SQS, the backlog
 * per task; EC2 capacity providers use managed scaling; EKS uses a HorizontalPodAutoscaler plus a node
 * autoscaler on EC2 nodes; App Runner scales on concurrency (default 100); Fargate Spot only for x86_64
 * Linux on ECS (docs/sources.md §2, §3).
 */
export const scalingCases: DesignCase<ScalingWant>[] = [
  {
    given: 'a web service targets 65% CPU with 2 to 20 tasks',
    rule: 'ecs-service-cpu-target-tracking',
    workload: webWorkload({ resources: { targetCpuUtilization: 65, minTasks: 2, maxTasks: 20 } }),
    platform: 'ecs-fargate',
    want: {
      minCapacity: 2,
      maxCapacity: 20,
      policies: [{ type: 'target-tracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 65 }],
    },
  },
  {
    given: 'a worker is started on demand rather than fed by a queue',
    rule: 'ecs-service-cpu-target-tracking',
    workload: workerWorkload({ trigger: { type: 'manual' } }),
    platform: 'ecs-fargate',
    want: {
      policies: [{ type: 'target-tracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 50 }],
    },
  },
  {
    given: 'a worker runs continuously, fed by no queue',
    rule: 'ecs-service-cpu-target-tracking',
    workload: workerWorkload({ trigger: { type: 'none' }, resources: { targetCpuUtilization: 60 } }),
    platform: 'ecs-fargate',
    want: {
      policies: [{ type: 'target-tracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 60 }],
    },
  },
  {
    given: 'a Kubernetes worker runs continuously, fed by no queue',
    rule: 'eks-hpa-on-cpu',
    workload: workerWorkload({ trigger: { type: 'none' }, control: onKubernetes }),
    platform: 'eks-auto-mode',
    want: { policies: [{ type: 'horizontal-pod-autoscaler', metric: 'cpu', targetValue: 50 }] },
  },
  {
    given: 'a worker is fed by an SQS queue',
    rule: 'ecs-service-cpu-target-tracking',
    workload: workerWorkload(),
    platform: 'ecs-fargate',
    fires: false,
    want: { policies: [{ type: 'sqs-backlog-per-task' }] },
  },
  {
    given: 'a worker is fed by the SQS queue "invoices"',
    rule: 'ecs-worker-sqs-backlog-per-task',
    workload: workerWorkload({ trigger: { type: 'sqs', queueName: 'invoices' } }),
    platform: 'ecs-fargate',
    want: { policies: [{ type: 'sqs-backlog-per-task', targetValue: 100, queueName: 'invoices' }] },
  },
  {
    given: 'a batch job is fed by an SQS queue',
    rule: 'ecs-worker-sqs-backlog-per-task',
    workload: batchWorkload({ name: 'reports', trigger: { type: 'sqs' } }),
    platform: 'ecs-fargate',
    want: { policies: [{ type: 'sqs-backlog-per-task', queueName: 'reports-queue' }] },
  },
  {
    given: 'a batch job runs on a schedule',
    rule: 'ecs-batch-runs-per-trigger',
    workload: batchWorkload({ trigger: { type: 'schedule', expression: 'rate(1 hour)' } }),
    platform: 'ecs-fargate',
    want: { policies: [{ type: 'run-per-trigger' }] },
  },
  {
    given: 'a GPU web service runs on EC2 container instances',
    rule: 'ec2-capacity-provider-managed-scaling',
    workload: webWorkload({ control: onEc2 }),
    platform: 'ecs-ec2',
    want: {
      policies: [
        { type: 'target-tracking', metric: 'ECSServiceAverageCPUUtilization' },
        { type: 'capacity-provider-managed-scaling', targetValue: 100 },
      ],
    },
  },
  {
    given: 'a web service runs on Fargate',
    rule: 'ec2-capacity-provider-managed-scaling',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    fires: false,
    want: { policies: [{ type: 'target-tracking' }] },
  },
  {
    given: 'a minimal-ops web app targets 60% CPU',
    rule: 'express-mode-cpu-target-tracking',
    workload: webWorkload({ control: { level: 'minimal' }, resources: { targetCpuUtilization: 60 } }),
    platform: 'ecs-express-mode',
    want: {
      policies: [{ type: 'target-tracking', metric: 'AVERAGE_CPU', targetValue: 60 }],
      capacityProviderStrategy: 'none',
    },
  },
  {
    given: 'a minimal-ops web app runs on Express Mode',
    rule: 'ecs-service-cpu-target-tracking',
    workload: webWorkload({ control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    fires: false,
    want: { policies: [{ metric: 'AVERAGE_CPU' }] },
  },
  {
    given: 'a Kubernetes web service targets 70% CPU',
    rule: 'eks-hpa-on-cpu',
    workload: webWorkload({ control: onKubernetes, resources: { targetCpuUtilization: 70 } }),
    platform: 'eks-auto-mode',
    want: { policies: [{ type: 'horizontal-pod-autoscaler', metric: 'cpu', targetValue: 70 }] },
  },
  {
    given: 'a Kubernetes job is started by new S3 objects',
    rule: 'eks-s3-events-consumer-scales-on-queue-depth',
    workload: batchWorkload({
      name: 'resize',
      control: onKubernetes,
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    }),
    platform: 'eks-auto-mode',
    want: {
      policies: [
        {
          type: 'horizontal-pod-autoscaler',
          metric: 'sqs-approximate-number-of-messages-visible',
          queueName: 'resize-events',
        },
      ],
    },
  },
  {
    given: 'a Kubernetes job runs on a schedule',
    rule: 'eks-s3-events-consumer-scales-on-queue-depth',
    workload: batchWorkload({
      control: onKubernetes,
      trigger: { type: 'schedule', expression: 'rate(1 hour)' },
    }),
    platform: 'eks-auto-mode',
    fires: false,
    want: { policies: [{ type: 'run-per-trigger' }] },
  },
  {
    given: 'a Kubernetes worker is fed by an SQS queue',
    rule: 'eks-worker-scales-on-queue-depth',
    workload: workerWorkload({ control: onKubernetes, trigger: { type: 'sqs', queueName: 'jobs' } }),
    platform: 'eks-auto-mode',
    want: {
      policies: [
        {
          type: 'horizontal-pod-autoscaler',
          metric: 'sqs-approximate-number-of-messages-visible',
          queueName: 'jobs',
        },
      ],
    },
  },
  {
    given: 'a Kubernetes worker is fed by an SQS queue',
    rule: 'eks-hpa-on-cpu',
    workload: workerWorkload({ control: onKubernetes, trigger: { type: 'sqs', queueName: 'jobs' } }),
    platform: 'eks-auto-mode',
    fires: false,
    want: { policies: [{ metric: 'sqs-approximate-number-of-messages-visible' }] },
  },
  {
    given: 'a Kubernetes batch job runs on a schedule',
    rule: 'eks-batch-runs-as-jobs',
    workload: batchWorkload({
      control: onKubernetes,
      trigger: { type: 'schedule', expression: 'cron(0 3 * * ? *)' },
    }),
    platform: 'eks-auto-mode',
    want: { policies: [{ type: 'run-per-trigger' }] },
  },
  {
    given: 'a Kubernetes web service runs on EC2 nodes the team owns',
    rule: 'eks-node-autoscaling',
    workload: webWorkload({ control: onNodesTheTeamRuns }),
    platform: 'eks-self-managed-nodes',
    want: {
      policies: [{ type: 'horizontal-pod-autoscaler', metric: 'cpu' }, { type: 'node-autoscaler' }],
      capacityProviderStrategy: 'none',
    },
  },
  {
    given: 'a cost-sensitive Kubernetes web service runs on Fargate',
    rule: 'eks-node-autoscaling',
    workload: webWorkload({ control: onKubernetes, cost: { sensitivity: 'high' } }),
    platform: 'eks-fargate',
    fires: false,
    want: { policies: [{ type: 'horizontal-pod-autoscaler' }] },
  },
  {
    given: 'a Kubernetes web service runs on nodes EKS Auto Mode launches',
    rule: 'eks-auto-mode-node-autoscaling',
    workload: webWorkload({ control: onKubernetes }),
    platform: 'eks-auto-mode',
    want: {
      policies: [
        { type: 'horizontal-pod-autoscaler', metric: 'cpu' },
        { type: 'node-autoscaler', tool: 'eks-auto-mode' },
      ],
    },
  },
  {
    given: 'a Kubernetes web service runs on nodes EKS Auto Mode launches',
    rule: 'eks-node-autoscaling',
    workload: webWorkload({ control: onKubernetes }),
    platform: 'eks-auto-mode',
    fires: false,
    want: {
      policies: [{ type: 'horizontal-pod-autoscaler' }, { type: 'node-autoscaler', tool: 'eks-auto-mode' }],
    },
  },
  {
    given: 'an existing App Runner customer serves an intermittent web app',
    rule: 'app-runner-concurrency-scaling',
    workload: webWorkload({
      existingAppRunnerCustomer: true,
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
    }),
    platform: 'app-runner',
    want: { policies: [{ type: 'app-runner-concurrency', targetValue: 100 }] },
  },
  {
    given: 'a web service must not be interrupted',
    rule: 'fargate-on-demand-capacity',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: { capacityProviderStrategy: onDemandFargate, instanceMarket: 'on-demand' },
  },
  {
    given: 'an Arm64 worker tolerates interruption, which Fargate Spot runs on platform version 1.4.0',
    rule: 'fargate-on-demand-capacity',
    workload: workerWorkload({ control: { architecture: 'arm64' }, cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    fires: false,
    want: { instanceMarket: 'spot' },
  },
  {
    given: 'a Windows worker tolerates interruption, which Fargate Spot cannot run',
    rule: 'fargate-on-demand-capacity',
    workload: workerWorkload({ control: { os: 'windows' }, cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: { capacityProviderStrategy: onDemandFargate, instanceMarket: 'on-demand' },
  },
  {
    given: 'an x86_64 web service tolerates interruption',
    rule: 'fargate-spot-for-interruptible-services',
    workload: webWorkload({ cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: {
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
      ],
      instanceMarket: 'spot',
    },
  },
  {
    given: 'an Arm64 worker tolerates interruption (Fargate Spot runs ARM64 on platform version 1.4.0)',
    rule: 'fargate-spot-for-interruptible-services',
    workload: workerWorkload({ control: { architecture: 'arm64' }, cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: {
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
      ],
      instanceMarket: 'spot',
    },
  },
  {
    given: 'a Windows worker tolerates interruption, which Fargate Spot cannot run',
    rule: 'fargate-spot-for-interruptible-services',
    workload: workerWorkload({ control: { os: 'windows' }, cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    fires: false,
    want: { capacityProviderStrategy: onDemandFargate },
  },
  {
    given: 'an x86_64 batch job tolerates interruption and the team wants AWS to run everything',
    rule: 'fargate-spot-for-interruptible-batch',
    workload: batchWorkload({ cost: { interruptible: true }, control: { level: 'minimal' } }),
    platform: 'ecs-fargate',
    want: {
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
      instanceMarket: 'spot',
    },
  },
  {
    given: 'a GPU inference service tolerates interruption',
    rule: 'ec2-capacity-provider-strategy',
    workload: webWorkload({ name: 'inference', control: onEc2, cost: { interruptible: true } }),
    platform: 'ecs-ec2',
    want: {
      capacityProviderStrategy: [{ capacityProvider: 'inference-ec2', weight: 1, base: 0 }],
      instanceMarket: 'spot',
    },
  },
  {
    given: 'a GPU inference service must not be interrupted',
    rule: 'ec2-capacity-provider-strategy',
    workload: webWorkload({ name: 'inference', control: onEc2 }),
    platform: 'ecs-ec2',
    want: {
      capacityProviderStrategy: [{ capacityProvider: 'inference-ec2', weight: 1, base: 0 }],
      instanceMarket: 'on-demand',
    },
  },
  {
    given: 'a GPU inference service from a minimal-ops team tolerates interruption',
    rule: 'managed-instances-capacity-provider-strategy',
    workload: webWorkload({ name: 'inference', control: onManagedInstances, cost: { interruptible: true } }),
    platform: 'ecs-managed-instances',
    want: {
      capacityProviderStrategy: [{ capacityProvider: 'managed-instances-inference', weight: 1, base: 0 }],
      instanceMarket: 'spot',
    },
  },
  {
    given: 'a GPU inference service from a minimal-ops team must not be interrupted',
    rule: 'managed-instances-capacity-provider-strategy',
    workload: webWorkload({ name: 'inference', control: onManagedInstances }),
    platform: 'ecs-managed-instances',
    want: {
      capacityProviderStrategy: [{ capacityProvider: 'managed-instances-inference', weight: 1, base: 0 }],
      instanceMarket: 'on-demand',
    },
  },
  {
    given: 'a GPU web service runs on ECS Managed Instances',
    rule: 'managed-instances-scale-with-the-tasks',
    workload: webWorkload({ control: onManagedInstances }),
    platform: 'ecs-managed-instances',
    want: {
      policies: [
        { type: 'target-tracking', metric: 'ECSServiceAverageCPUUtilization' },
        { type: 'capacity-provider-managed-scaling' },
      ],
    },
  },
  {
    given: 'a GPU web service runs on EC2 container instances the team runs',
    rule: 'managed-instances-scale-with-the-tasks',
    workload: webWorkload({ control: onEc2 }),
    platform: 'ecs-ec2',
    fires: false,
    want: {
      policies: [
        { type: 'target-tracking' },
        { type: 'capacity-provider-managed-scaling', targetValue: 100 },
      ],
    },
  },
  {
    given: 'a Kubernetes batch job on EC2 nodes tolerates interruption',
    rule: 'eks-node-group-capacity-type',
    workload: batchWorkload({ control: onKubernetesNodes, cost: { interruptible: true } }),
    platform: 'eks-auto-mode',
    want: { instanceMarket: 'spot' },
  },
  {
    given: 'a Kubernetes web service on EC2 nodes must not be interrupted',
    rule: 'eks-node-group-capacity-type',
    workload: webWorkload({ control: onKubernetesNodes }),
    platform: 'eks-auto-mode',
    want: { instanceMarket: 'on-demand' },
  },
  // AWS Batch chooses its compute environment: Fargate for most jobs; EC2 for GPUs, more than 16 vCPU / 120 GiB,
  // privileged, the host's network (networking-modes-jobs.html) or host access; Spot for interruptible work with price-capacity-optimized allocation
  // (https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html, compute_environments.html,
  // allocation-strategies.html; Windows on Fargate without Spot: API_RuntimePlatform.html).
  {
    given: 'a GPU training job runs nightly',
    rule: 'batch-compute-environment-scales-with-the-queue',
    workload: batchWorkload({
      control: { gpu: true },
      trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
    }),
    platform: 'aws-batch',
    want: { policies: [{ type: 'run-per-trigger' }], capacityProviderStrategy: 'none' },
  },
  {
    given: 'a batch job runs for each object uploaded to a bucket',
    rule: 'batch-fargate-compute-environment',
    workload: batchWorkload({ trigger: { type: 's3-object-created', bucket: 'uploads' } }),
    platform: 'aws-batch',
    want: { instanceMarket: 'on-demand', computeEnvironment: { type: 'FARGATE', capacity: 'fargate' } },
  },
  {
    given: 'a Windows batch job tolerates interruption, which Fargate Spot cannot run',
    rule: 'batch-fargate-spot-compute-environment',
    workload: batchWorkload({
      control: { os: 'windows' },
      resources: { cpu: 2, memoryGiB: 4 },
      cost: { interruptible: true },
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    }),
    platform: 'aws-batch',
    fires: false,
    want: { instanceMarket: 'on-demand', computeEnvironment: { type: 'FARGATE', capacity: 'fargate' } },
  },
  {
    given: 'an x86_64 batch job tolerates interruption',
    rule: 'batch-fargate-spot-compute-environment',
    workload: batchWorkload({ cost: { interruptible: true } }),
    platform: 'aws-batch',
    want: { instanceMarket: 'spot', computeEnvironment: { type: 'FARGATE_SPOT', capacity: 'fargate' } },
  },
  {
    given: 'a batch job needs 32 vCPU and 128 GiB',
    rule: 'batch-ec2-compute-environment',
    workload: batchWorkload({ resources: { cpu: 32, memoryGiB: 128 } }),
    platform: 'aws-batch',
    want: {
      instanceMarket: 'on-demand',
      computeEnvironment: { type: 'EC2', capacity: 'ec2', allocationStrategy: 'BEST_FIT_PROGRESSIVE' },
    },
  },
  {
    given: "a batch job needs the host's network, which Batch gives jobs on EC2 only",
    rule: 'batch-ec2-compute-environment',
    workload: batchWorkload({
      control: { hostNetwork: true },
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    }),
    platform: 'aws-batch',
    want: {
      instanceMarket: 'on-demand',
      computeEnvironment: { type: 'EC2', capacity: 'ec2', allocationStrategy: 'BEST_FIT_PROGRESSIVE' },
    },
  },
  {
    given: "a batch job on the host's network tolerates interruption",
    rule: 'batch-fargate-spot-compute-environment',
    workload: batchWorkload({
      control: { hostNetwork: true },
      cost: { interruptible: true },
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    }),
    platform: 'aws-batch',
    fires: false,
    want: {
      instanceMarket: 'spot',
      computeEnvironment: {
        type: 'SPOT',
        capacity: 'ec2',
        allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED',
      },
    },
  },
  {
    given: 'a GPU batch job tolerates interruption',
    rule: 'batch-ec2-spot-compute-environment',
    workload: batchWorkload({ control: { gpu: true }, cost: { interruptible: true } }),
    platform: 'aws-batch',
    want: {
      instanceMarket: 'spot',
      computeEnvironment: {
        type: 'SPOT',
        capacity: 'ec2',
        allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED',
      },
    },
  },
  {
    given: 'a GPU inference service must not be interrupted',
    rule: 'batch-ec2-compute-environment',
    workload: webWorkload({ name: 'inference', control: onEc2 }),
    platform: 'ecs-ec2',
    fires: false,
    want: { computeEnvironment: 'none' },
  },
];

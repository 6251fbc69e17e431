import type { components } from '../../src/contract/generated/openapi-types';
import type { WorkloadRequest } from '../../src/contract/workload';
import type { DeepPartial, PlatformId } from '../rules/rule-case';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';

type Schemas = components['schemas'];

/**
 * Realistic workloads end to end. Every expectation is argued from the AWS facts of docs/sources.md (cited
 * as "facts §n", with their public sources there) or the API contract, in `why`; none is copied from the
 * advisor's output.
 */
export interface Scenario {
  name: string;
  why: string;
  workload: WorkloadRequest;
  want: {
    platform: PlatformId;
    /** toMatchObject: listener lists must match exactly. */
    loadBalancer: DeepPartial<Schemas['LoadBalancer']>;
    storage: DeepPartial<Schemas['Storage']>;
    /** The type of the first scaling policy. */
    scalingPolicy: Schemas['ScalingPolicyType'];
    /** toMatchObject on the whole list; absent means no trigger at all. */
    triggers?: DeepPartial<Schemas['Trigger']>[];
    /** The capacity providers, in strategy order. */
    capacityProviders?: string[];
    /** Fragments that must each appear in one of the warnings. */
    warnings?: string[];
    /** A blocker each of these platforms must carry. */
    blockers?: Partial<Record<PlatformId, RegExp>>;
    /** The task role's statements, exactly. */
    taskRoleStatements?: Schemas['IamStatement'][];
    /** Starter files by path, each with a pattern its content must match. */
    starterFiles?: Record<string, RegExp>;
    /** AWS Batch: the compute environment chosen (toMatchObject). */
    computeEnvironment?: DeepPartial<Schemas['ComputeEnvironment']>;
  };
}

/** A workload no platform can run: the 422 must name the smallest change that makes one eligible. */
export interface NoEligibleScenario {
  name: string;
  why: string;
  workload: WorkloadRequest;
  want: {
    /** The first suggestion, exactly (changes by path and new value). */
    firstSuggestion?: { platformId: PlatformId; changes: { path: string; to: unknown }[] };
    /** Suggestions that must be among the others. */
    alsoSuggests?: { platformId: PlatformId; changes: { path: string; to: unknown }[] }[];
    blockers?: Partial<Record<PlatformId, RegExp>>;
  };
}

export const httpsWithRedirect = [
  { protocol: 'HTTPS', port: 443, action: 'forward' },
  { protocol: 'HTTP', port: 80, action: 'redirect-to-https' },
] as const;
export const publicHttp = {
  type: 'alb',
  scheme: 'internet-facing',
  listeners: [{ protocol: 'HTTP', port: 80 }],
} as const;
export const publicHttps = {
  type: 'alb',
  scheme: 'internet-facing',
  listeners: [...httpsWithRedirect],
} as const;
export const noLoadBalancer = { type: 'none', listeners: [] } as const;
export const builtIn = {
  type: 'built-in',
  scheme: 'internet-facing',
  listeners: [{ protocol: 'HTTPS', port: 443 }],
} as const;
export const stateless = { type: 'none' } as const;
export const consume = (queueArn: string): Schemas['IamStatement'] => ({
  effect: 'Allow',
  actions: [
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:ChangeMessageVisibility',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
  ],
  resources: [queueArn],
});

export const scenarios: Scenario[] = [
  {
    name: 'a public HTTPS REST API',
    why: 'ALB terminates HTTPS (facts §2 Load balancers); a team that runs services but not hosts gets Fargate; ECS services track ECSServiceAverageCPUUtilization (facts §3). App Runner is closed to new accounts (facts §1).',
    workload: webWorkload({
      name: 'orders-api',
      traffic: { protocol: 'https', exposure: 'public', requestsPerSecond: 200 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['FARGATE'],
      warnings: ['needs an ACM certificate'],
      blockers: { 'app-runner': /closed to new customers on 2026-04-30/ },
    },
  },
  {
    name: 'an internal gRPC service',
    why: 'ALB target groups speak gRPC with protocolVersion GRPC (facts §2 Load balancers); App Runner is HTTP/1.x only and Express Mode exposes no protocol version (facts §2, §1); private means an internal scheme; HTTPS on 443 only, since gRPC clients do not follow an HTTP redirect (ALB target groups: gRPC needs HTTPS listeners).',
    workload: webWorkload({
      name: 'pricing',
      traffic: { protocol: 'grpc', exposure: 'private' },
      containerPort: 50051,
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'alb',
        scheme: 'internal',
        listeners: [{ protocol: 'HTTPS', port: 443, action: 'forward' }],
        targetGroup: { protocolVersion: 'GRPC', port: 50051 },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: {
        'app-runner': /cannot serve grpc traffic/,
        'ecs-express-mode': /cannot serve grpc traffic/,
      },
    },
  },
  {
    name: 'a WebSocket chat with spiky traffic',
    why: 'ALB supports WebSockets natively and closes idle connections after 60 s by default; App Runner has no WebSockets (facts §2 App Runner, Load balancers).',
    workload: webWorkload({ name: 'chat', traffic: { protocol: 'websocket', pattern: 'spiky' } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      warnings: ['closes connections idle for 60 seconds'],
      blockers: { 'app-runner': /cannot serve websocket traffic/ },
    },
  },
  {
    name: 'a UDP game server',
    why: 'Only an NLB carries UDP, with a UDP listener on the game port (facts §2 Load balancers, summary 7); Fargate tasks sit behind an NLB with IP targets.',
    workload: webWorkload({
      name: 'game',
      traffic: { protocol: 'udp', pattern: 'spiky' },
      containerPort: 7777,
      resources: { cpu: 2, memoryGiB: 4 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: { type: 'nlb', scheme: 'internet-facing', listeners: [{ protocol: 'UDP', port: 7777 }] },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      warnings: ['must accept TCP connections on port 7777'],
      blockers: { 'ecs-express-mode': /cannot serve udp traffic/ },
    },
  },
  {
    name: 'a TCP MQTT broker',
    why: 'Raw TCP needs an NLB TCP listener (facts §2 Load balancers, summary 7).',
    workload: webWorkload({ name: 'mqtt', traffic: { protocol: 'tcp' }, containerPort: 1883 }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'nlb',
        listeners: [{ protocol: 'TCP', port: 1883 }],
        targetGroup: { protocol: 'TCP', port: 1883 },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a custom protocol over TLS',
    why: 'NLB listeners take TLS (facts §2 Load balancers): the NLB terminates TLS on 443 and forwards TCP to the container.',
    workload: webWorkload({ name: 'ledger-sync', traffic: { protocol: 'tls' }, containerPort: 9443 }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'nlb',
        listeners: [{ protocol: 'TLS', port: 443 }],
        targetGroup: { protocol: 'TCP', port: 9443 },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a GPU inference API',
    why: 'GPUs rule out ECS and EKS Fargate, App Runner and Express Mode (facts summary 3). ECS Managed Instances runs GPU tasks on instances AWS launches and patches (ManagedInstances.html), which a team that runs services but not hosts (control level standard) prefers to an Auto Scaling group it patches; the tasks are placed by the Managed Instances capacity provider.',
    workload: webWorkload({
      name: 'inference',
      traffic: { protocol: 'https' },
      control: { gpu: true },
      resources: { cpu: 4, memoryGiB: 16 },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['managed-instances-inference'],
      blockers: { 'ecs-fargate': /GPU/, 'eks-fargate': /GPU/ },
    },
  },
  {
    name: 'a GPU inference API that must run on Kubernetes',
    why: 'EKS Fargate has no GPUs; EKS Auto Mode launches NVIDIA GPU instances and manages their drivers and device plugin itself (https://docs.aws.amazon.com/eks/latest/userguide/auto-accelerated.html), so the nodes need no patching by the team, which managed node groups leave with it (https://docs.aws.amazon.com/eks/latest/userguide/eks-compute.html); pods scale with an HPA.',
    workload: webWorkload({
      name: 'embeddings',
      traffic: { protocol: 'https' },
      control: { gpu: true, kubernetes: 'required' },
      resources: { cpu: 4, memoryGiB: 16 },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-fargate': /GPU/, 'ecs-ec2': /Kubernetes API/ },
    },
  },
  {
    name: 'a Kubernetes web service that needs DaemonSets',
    why: 'EKS Fargate does not run DaemonSets; EKS Auto Mode nodes do, and AWS suggests DaemonSets for node agents on them (https://docs.aws.amazon.com/eks/latest/userguide/automode.html), with nodes AWS patches and replaces (https://docs.aws.amazon.com/eks/latest/userguide/eks-compute.html).',
    workload: webWorkload({ name: 'catalog', control: { kubernetes: 'required', daemons: true } }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-fargate': /DaemonSets/ },
    },
  },
  {
    name: 'a queue worker from a team that prefers Kubernetes but wants minimal operations',
    why: 'AWS: "Amazon EKS with AWS Fargate remains an option … but EKS Auto Mode is the recommended approach moving forward" (https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-fargate.html): Auto Mode is Kubernetes whose nodes AWS runs, patches and scales; Express Mode has no worker form (facts §1). The worker scales on queue depth and reads an SQS queue with a DLQ.',
    workload: workerWorkload({ name: 'mailer', control: { kubernetes: 'preferred', level: 'minimal' } }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      triggers: [
        {
          type: 'sqs-queue',
          queueName: 'mailer-queue',
          deadLetterQueueName: 'mailer-queue-dlq',
          maxReceiveCount: 3,
        },
      ],
      blockers: {},
    },
  },
  {
    name: 'a web app from a team that prefers Kubernetes but wants minimal operations',
    why: 'Minimal control is a strong preference and Kubernetes preference a soft one (contract); EKS keeps cluster upgrades with the team, while Express Mode builds the HTTPS ALB, certificate and target-tracking scaling itself (facts §1).',
    workload: webWorkload({ name: 'storefront', control: { kubernetes: 'preferred', level: 'minimal' } }),
    want: {
      platform: 'ecs-express-mode',
      loadBalancer: builtIn,
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a Kubernetes web service whose team needs full control of the nodes',
    why: 'Control level full rules out serverless (contract); self-managed nodes leave AMI, bootstrap and instance mix to the team (facts §2 EKS, seed "Amazon EKS – Node Types").',
    workload: webWorkload({ name: 'edge', control: { kubernetes: 'required', level: 'full' } }),
    want: {
      platform: 'eks-self-managed-nodes',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-fargate': /control level "full"/ },
    },
  },
  {
    name: 'a nightly batch job that may run on Spot',
    why: 'An interruptible job belongs on Spot, and AWS Batch retries an attempt whose Spot capacity was reclaimed (retry strategy, https://docs.aws.amazon.com/batch/latest/userguide/job_retries.html) where a task started by RunTask is simply lost; the job fits Fargate, which AWS recommends for most Batch jobs (https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html), so Fargate Spot. EventBridge Scheduler has no Batch target (its Target takes no BatchParameters: https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Target.html), so a scheduled EventBridge rule submits the job (https://docs.aws.amazon.com/batch/latest/userguide/batch-cwe-target.html).',
    workload: batchWorkload({
      name: 'nightly-etl',
      trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
      cost: { interruptible: true },
      resources: { cpu: 2, memoryGiB: 4 },
    }),
    want: {
      platform: 'aws-batch',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-rule', expression: 'cron(0 2 * * ? *)', target: 'batch:SubmitJob' }],
      computeEnvironment: { type: 'FARGATE_SPOT', capacity: 'fargate' },
      warnings: ['two-minute notice'],
    },
  },
  {
    name: 'an hourly batch job',
    why: 'EventBridge Scheduler takes rate() as well as cron() and targets ECS RunTask (facts §6).',
    workload: batchWorkload({
      name: 'hourly-rollup',
      trigger: { type: 'schedule', expression: 'rate(1 hour)' },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-schedule', expression: 'rate(1 hour)' }],
      capacityProviders: ['FARGATE'],
    },
  },
  {
    name: 'an image-resize job started by each S3 upload',
    why: 'An EventBridge rule on source aws.s3, detail-type "Object Created", bucket name and key prefix (facts §6) starts one run per object, which may read it; the resized image goes to the bucket awsAccess names. Uploads come in bursts: AWS Batch holds each object\'s job in its queue (RUNNABLE) until the compute environment has room (https://docs.aws.amazon.com/batch/latest/userguide/job_states.html), where one RunTask per object fails once the account\'s Fargate limits are reached; the job fits Fargate, so a Fargate compute environment (https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html).',
    workload: batchWorkload({
      name: 'thumbnailer',
      trigger: { type: 's3-object-created', bucket: 'photo-uploads', prefix: 'incoming/' },
      awsAccess: [{ service: 's3', resource: 'arn:aws:s3:::photo-thumbnails/*', access: 'write' }],
    }),
    want: {
      platform: 'aws-batch',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [
        {
          type: 'eventbridge-rule',
          target: 'batch:SubmitJob',
          pattern: {
            source: ['aws.s3'],
            'detail-type': ['Object Created'],
            detail: { bucket: { name: ['photo-uploads'] }, object: { key: [{ prefix: 'incoming/' }] } },
          },
        },
      ],
      computeEnvironment: { type: 'FARGATE', capacity: 'fargate' },
      taskRoleStatements: [
        {
          effect: 'Allow',
          actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
          resources: ['arn:aws:s3:::photo-thumbnails/*'],
        },
        { effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::photo-uploads/incoming/*'] },
      ],
    },
  },
  {
    name: 'an SQS queue worker',
    why: 'Queue workers scale on backlog per task (facts §3) and read a queue with a DLQ after 3 receives (facts §4, QueueProcessingFargateService).',
    workload: workerWorkload({ name: 'billing', trigger: { type: 'sqs', queueName: 'invoices' } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'sqs-backlog-per-task',
      triggers: [
        { type: 'sqs-queue', queueName: 'invoices', deadLetterQueueName: 'invoices-dlq', maxReceiveCount: 3 },
      ],
      taskRoleStatements: [consume('arn:aws:sqs:us-east-1:*:invoices')],
    },
  },
  {
    name: 'an interruptible SQS worker built for Arm64',
    why: 'Fargate Spot runs Linux tasks with the ARM64 architecture on platform version 1.4.0 or later (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html, facts §2): the worker keeps one task on FARGATE and runs the rest on FARGATE_SPOT, with the two-minute interruption warning.',
    workload: workerWorkload({
      name: 'transcoder',
      control: { architecture: 'arm64' },
      cost: { interruptible: true },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'sqs-backlog-per-task',
      triggers: [{ type: 'sqs-queue', queueName: 'transcoder-queue' }],
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      warnings: ['two-minute warning'],
    },
  },
  {
    name: 'a Windows .NET web app',
    why: 'Fargate runs Windows tasks of 1, 2 or 4 vCPU; EKS Fargate and Express Mode run Linux only (facts §2 Windows containers).',
    workload: webWorkload({
      name: 'intranet',
      traffic: { protocol: 'https' },
      control: { os: 'windows' },
      resources: { cpu: 2, memoryGiB: 4 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: { 'eks-fargate': /windows/, 'ecs-express-mode': /windows/ },
    },
  },
  {
    name: 'a Windows web app on an FSx for Windows File Server share',
    why: 'FSx for Windows File Server is not supported on Fargate; ECS mounts it on Windows EC2 instances (facts §2, summary 8).',
    workload: webWorkload({
      name: 'docs-portal',
      control: { os: 'windows' },
      persistence: { type: 'windows-file', sizeGiB: 500 },
      resources: { cpu: 2, memoryGiB: 8 },
    }),
    want: {
      platform: 'ecs-ec2',
      loadBalancer: publicHttp,
      storage: { type: 'fsx-windows', sizeGiB: 500 },
      scalingPolicy: 'target-tracking',
      blockers: { 'ecs-fargate': /FSx for Windows/ },
    },
  },
  {
    name: 'an HPC batch job on FSx for Lustre',
    why: 'ECS does not support FSx for Lustre and EKS Fargate cannot mount it; EKS EC2 nodes can (facts §2, summary 8), EKS Auto Mode nodes included, which AWS patches and replaces instead of the team (https://docs.aws.amazon.com/eks/latest/userguide/eks-compute.html). Kubernetes runs batch as Jobs.',
    workload: batchWorkload({
      name: 'simulation',
      persistence: { type: 'high-performance-file', sizeGiB: 2400 },
      resources: { cpu: 16, memoryGiB: 64 },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: noLoadBalancer,
      storage: { type: 'fsx-lustre', sizeGiB: 2400 },
      scalingPolicy: 'run-per-trigger',
      blockers: { 'ecs-ec2': /ECS does not support FSx for Lustre/, 'eks-fargate': /FSx for Lustre/ },
    },
  },
  {
    name: 'a batch task of 64 vCPU and 512 GiB',
    why: 'Fargate tasks top out at 16 vCPU / 120 GB; EC2 tasks go to 192 vCPU (facts §2 Task size, summary 5). AWS Batch runs jobs beyond Fargate on an EC2 compute environment whose instances it launches for the waiting jobs and terminates after (https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html, compute_environments.html), where ECS on EC2 keeps an Auto Scaling group for it.',
    workload: batchWorkload({ name: 'genome-align', resources: { cpu: 64, memoryGiB: 512 } }),
    want: {
      platform: 'aws-batch',
      computeEnvironment: { type: 'EC2', capacity: 'ec2' },
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      blockers: { 'ecs-fargate': /to 16 vCPU/, 'eks-fargate': /to 16 vCPU/ },
    },
  },
  {
    name: 'a privileged network appliance (a WireGuard VPN endpoint on UDP)',
    why: 'privileged is invalid on Fargate and EKS Fargate (facts §2); ECS Managed Instances accepts privileged containers (managed-instances-tasks-services.html; containers-roadmap #1000) on hosts AWS runs; UDP needs an NLB.',
    workload: webWorkload({
      name: 'vpn',
      traffic: { protocol: 'udp' },
      containerPort: 51820,
      control: { privileged: true },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: { type: 'nlb', listeners: [{ protocol: 'UDP', port: 51820 }] },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: { 'ecs-fargate': /privileged/ },
    },
  },
  {
    name: 'a web service that needs a per-host log agent, from a team avoiding Kubernetes',
    why: 'A per-host agent needs hosts: the ECS daemon strategy does not run on Fargate (facts §2), and EKS is ruled out by the team; ECS Managed Daemons run one agent task on every managed instance (managed-daemons.html), on hosts AWS runs.',
    workload: webWorkload({ name: 'payments', control: { daemons: true, kubernetes: 'avoid' } }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: { 'ecs-fargate': /per-host daemons/, 'eks-managed-nodes': /wants to avoid/ },
    },
  },
  {
    name: 'a web app from a team that wants AWS to run everything',
    why: 'ECS Express Mode is AWS’s recommended path for such apps: it builds the HTTPS ALB, certificate and target-tracking scaling (facts §1).',
    workload: webWorkload({ name: 'shop', control: { level: 'minimal' } }),
    want: {
      platform: 'ecs-express-mode',
      loadBalancer: builtIn,
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'an intermittent web app from an account that already runs App Runner',
    why: 'Existing customers keep using App Runner and can create services; idle instances bill memory only (facts §1, §3); it gets no new features, so the answer names the migration path.',
    workload: webWorkload({
      name: 'status-page',
      existingAppRunnerCustomer: true,
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
    }),
    want: {
      platform: 'app-runner',
      loadBalancer: builtIn,
      storage: stateless,
      scalingPolicy: 'app-runner-concurrency',
      warnings: ['plan the move to Amazon ECS Express Mode', 'ends every request after 120 seconds'],
    },
  },
  {
    name: 'the same intermittent web app from an account new to App Runner',
    why: 'App Runner closed to new customers on 2026-04-30 and AWS recommends ECS Express Mode instead (facts §1, summary 1).',
    workload: webWorkload({
      name: 'status-page',
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
    }),
    want: {
      platform: 'ecs-express-mode',
      loadBalancer: builtIn,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: { 'app-runner': /2026-04-30.*Amazon ECS Express Mode/ },
    },
  },
  {
    name: 'a CMS that shares uploaded files across tasks',
    why: 'EFS mounts on Fargate (Linux, platform version 1.4.0+) and every task shares it (facts §2, summary 8).',
    workload: webWorkload({
      name: 'cms',
      traffic: { protocol: 'https' },
      persistence: { type: 'shared-file', sizeGiB: 200 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttps,
      storage: { type: 'efs', sizeGiB: 200 },
      scalingPolicy: 'target-tracking',
      warnings: ['platform version 1.4.0'],
      blockers: { 'ecs-express-mode': /cannot provide shared-file storage/ },
    },
  },
  {
    name: 'a search service with its own block volume per task',
    why: 'ECS attaches one EBS volume per task, configured at launch, on Fargate too; EKS Fargate cannot mount EBS (facts §2).',
    workload: webWorkload({
      name: 'search',
      persistence: { type: 'block', sizeGiB: 100 },
      resources: { cpu: 2, memoryGiB: 8 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttp,
      storage: { type: 'ebs', sizeGiB: 100 },
      scalingPolicy: 'target-tracking',
      warnings: ['one EBS volume per task'],
      blockers: { 'eks-fargate': /EBS/ },
    },
  },
  {
    name: 'a web service built for Arm64 (Graviton)',
    why: 'ECS Fargate runs ARM64; EKS Fargate does not, and Express Mode creates X86_64 task definitions that neither its API nor its CloudFormation resource can change (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html; facts §1, §2, §7).',
    workload: webWorkload({ name: 'profile', control: { architecture: 'arm64' } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['FARGATE'],
      blockers: {
        'eks-fargate': /arm64/,
        'ecs-express-mode': /arm64 to Amazon ECS Express Mode\. .*neither the Express Mode API/,
      },
    },
  },
  {
    name: 'a cost-sensitive web service with steady load',
    why: 'At high cost sensitivity the cheapest eligible platform wins over a more convenient one (issue 4): ECS Express Mode runs the same Fargate tasks without the NAT gateway that tasks in private subnets need (about $36.50 a month in rules/catalogue/prices-us-east-1.json), which makes it the cheapest here.',
    workload: webWorkload({
      name: 'quotes',
      traffic: { pattern: 'steady', requestsPerSecond: 500 },
      cost: { sensitivity: 'high' },
    }),
    want: {
      platform: 'ecs-express-mode',
      loadBalancer: builtIn,
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a private internal HTTPS API',
    why: 'An internal ALB has only private addresses and serves callers inside the VPC (contract: exposure private).',
    workload: webWorkload({ name: 'ledger', traffic: { protocol: 'https', exposure: 'private' } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: { type: 'alb', scheme: 'internal', listeners: [...httpsWithRedirect] },
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a reporting batch job that reads and writes S3 and reads DynamoDB',
    why: 'The task role gives the application exactly the AWS calls it makes (facts appendix A); read-write is both action sets.',
    workload: batchWorkload({
      name: 'reports',
      awsAccess: [
        { service: 's3', resource: 'arn:aws:s3:::reports/*', access: 'read-write' },
        {
          service: 'dynamodb',
          resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
          access: 'read',
        },
      ],
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      taskRoleStatements: [
        {
          effect: 'Allow',
          actions: [
            's3:GetObject',
            's3:GetObjectVersion',
            's3:PutObject',
            's3:DeleteObject',
            's3:AbortMultipartUpload',
          ],
          resources: ['arn:aws:s3:::reports/*'],
        },
        {
          effect: 'Allow',
          actions: [
            'dynamodb:GetItem',
            'dynamodb:BatchGetItem',
            'dynamodb:Query',
            'dynamodb:Scan',
            'dynamodb:DescribeTable',
          ],
          resources: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
        },
      ],
    },
  },
  {
    name: 'a stateless web front end that tolerates interruption',
    why: 'Fargate Spot runs x86_64 Linux tasks with a two-minute warning; a capacity provider strategy mixes FARGATE and FARGATE_SPOT (facts §2).',
    workload: webWorkload({ name: 'landing', cost: { interruptible: true } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      warnings: ['two-minute warning'],
    },
  },
];

export const noEligibleScenarios: NoEligibleScenario[] = [
  {
    name: 'a Linux workload that asks for a Windows file share',
    why: 'FSx for Windows File Server mounts only on Windows EC2 instances (facts §2), so keeping the file share means Windows containers on ECS on EC2; Linux containers could instead share files through EFS, which Fargate mounts, but that changes the storage the workload asked for.',
    workload: webWorkload({ persistence: { type: 'windows-file' } }),
    want: {
      firstSuggestion: { platformId: 'ecs-ec2', changes: [{ path: 'control.os', to: 'windows' }] },
      alsoSuggests: [
        { platformId: 'ecs-fargate', changes: [{ path: 'persistence.type', to: 'shared-file' }] },
      ],
      blockers: { 'ecs-ec2': /cannot provide windows-file storage to linux containers/ },
    },
  },
  {
    name: 'a Windows workload built for Arm64',
    why: 'Windows containers run on x86_64 only: Fargate offers Windows on x86_64, and Windows node AMIs are x86_64 (facts §2 Windows containers; Batch RuntimePlatform: "must be set to X86_64 for Windows containers").',
    workload: webWorkload({ control: { os: 'windows', architecture: 'arm64' } }),
    want: {
      firstSuggestion: { platformId: 'ecs-fargate', changes: [{ path: 'control.architecture', to: 'any' }] },
      blockers: { 'ecs-fargate': /cannot deploy windows containers on arm64/ },
    },
  },
  {
    name: 'a Windows workload that needs a GPU',
    why: 'No Fargate offers GPUs, and EC2 GPU support is for Linux (managed node groups: Amazon Linux only, facts §2 EKS); keeping the GPU means running Linux, where ECS Managed Instances runs GPU tasks on hosts AWS runs (ManagedInstances.html), which control level standard prefers to ECS on EC2.',
    workload: webWorkload({ control: { os: 'windows', gpu: true } }),
    want: {
      firstSuggestion: {
        platformId: 'ecs-managed-instances',
        changes: [{ path: 'control.os', to: 'linux' }],
      },
      blockers: { 'ecs-ec2': /cannot give windows containers a GPU/ },
    },
  },
  {
    name: 'an FSx for Lustre job from a team that avoids Kubernetes',
    why: 'FSx for Lustre works only on EKS EC2 nodes and ECS does not support it (facts §2, summary 8): keeping Lustre means accepting Kubernetes on managed nodes.',
    workload: batchWorkload({
      persistence: { type: 'high-performance-file' },
      control: { kubernetes: 'avoid' },
    }),
    want: {
      alsoSuggests: [
        { platformId: 'eks-managed-nodes', changes: [{ path: 'control.kubernetes', to: 'no-preference' }] },
      ],
      blockers: { 'ecs-ec2': /ECS does not support FSx for Lustre/, 'eks-managed-nodes': /wants to avoid/ },
    },
  },
];

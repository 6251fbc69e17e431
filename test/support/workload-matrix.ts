import type { WorkloadRequest } from '../../src/contract/workload';
import { batchWorkload, webWorkload, workerWorkload } from './workloads';

const PROTOCOLS = ['http', 'https', 'grpc', 'websocket', 'tcp', 'udp', 'tls'] as const;
const PERSISTENCE = ['none', 'shared-file', 'block', 'windows-file', 'high-performance-file'] as const;
const TRIGGERS: NonNullable<WorkloadRequest['trigger']>[] = [
  { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
  { type: 's3-object-created', bucket: 'uploads.example', prefix: 'in/' },
  { type: 'sqs', queueName: 'jobs' },
  { type: 'manual' },
];

/**
 * The matrix: each protocol, each persistence type and each trigger, plus the hard requirements that change
 * what a starter configuration holds (Spot, Arm, GPU, Windows, host access, daemons, added capabilities,
 * the host's network).
 */
export const WORKLOAD_MATRIX: { label: string; body: WorkloadRequest }[] = [
  ...PROTOCOLS.map((protocol, index) => ({
    label: `web ${protocol}`,
    body: webWorkload({
      name: `web-${protocol}`,
      traffic: { protocol, exposure: index % 2 === 0 ? 'public' : 'private' },
      existingAppRunnerCustomer: true,
    }),
  })),
  ...PERSISTENCE.map((type) => ({
    label: `web storing ${type}`,
    body: webWorkload({
      name: `store-${type}`,
      persistence: { type },
      ...(type === 'windows-file' ? { control: { os: 'windows' }, resources: { cpu: 1, memoryGiB: 2 } } : {}),
    }),
  })),
  ...TRIGGERS.map((trigger) => ({
    label: `batch on ${trigger.type}`,
    body: batchWorkload({ name: `batch-${trigger.type}`, trigger, persistence: { type: 'shared-file' } }),
  })),
  { label: 'spot worker', body: workerWorkload({ name: 'spot-worker', cost: { interruptible: true } }) },
  {
    label: 'spot web on EC2 hosts',
    body: webWorkload({ name: 'spot-web', cost: { interruptible: true }, control: { privileged: true } }),
  },
  { label: 'arm64 web', body: webWorkload({ name: 'arm-web', control: { architecture: 'arm64' } }) },
  {
    label: 'udp web adding NET_ADMIN',
    body: webWorkload({
      name: 'net-admin-web',
      traffic: { protocol: 'udp' },
      containerPort: 1194,
      control: { capabilities: ['NET_ADMIN', 'NET_RAW'] },
    }),
  },
  {
    label: "web on the host's network behind an NLB",
    body: webWorkload({
      name: 'host-net-web',
      traffic: { protocol: 'tcp' },
      containerPort: 9000,
      persistence: { type: 'shared-file' },
      control: { hostNetwork: true },
    }),
  },
  {
    label: "scheduled job on the host's network",
    body: batchWorkload({
      name: 'host-net-job',
      control: { hostNetwork: true },
      trigger: { type: 'schedule', expression: 'rate(1 hour)' },
    }),
  },
  {
    label: 'worker fed by no queue',
    body: workerWorkload({ name: 'steady-worker', trigger: { type: 'none' } }),
  },
  {
    label: 'worker adding SYS_PTRACE',
    body: workerWorkload({ name: 'ptrace-worker', control: { capabilities: ['SYS_PTRACE'] } }),
  },
  { label: 'gpu web', body: webWorkload({ name: 'gpu-web', control: { gpu: true } }) },
  {
    label: 'windows web',
    body: webWorkload({ name: 'win-web', control: { os: 'windows' }, resources: { cpu: 1, memoryGiB: 2 } }),
  },
  {
    label: 'windows worker on spot',
    body: workerWorkload({
      name: 'win-worker',
      control: { os: 'windows', level: 'full' },
      cost: { interruptible: true },
    }),
  },
  {
    label: 'web with per-host daemons and block storage',
    body: webWorkload({ name: 'daemon-web', control: { daemons: true }, persistence: { type: 'block' } }),
  },
  {
    label: 'gpu batch on a schedule',
    body: batchWorkload({
      name: 'gpu-batch',
      control: { gpu: true },
      trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
    }),
  },
  {
    label: 'batch beyond Fargate sizes, on Spot',
    body: batchWorkload({
      name: 'big-batch',
      resources: { cpu: 32, memoryGiB: 128 },
      cost: { interruptible: true },
    }),
  },
  {
    label: 'arm64 gpu batch on Spot',
    body: batchWorkload({
      name: 'arm-gpu-batch',
      control: { gpu: true, architecture: 'arm64' },
      cost: { interruptible: true },
    }),
  },
  {
    label: 'windows batch on S3 events',
    body: batchWorkload({
      name: 'win-batch',
      control: { os: 'windows' },
      resources: { cpu: 2, memoryGiB: 4 },
      trigger: { type: 's3-object-created', bucket: 'uploads.example' },
    }),
  },
  {
    label: 'privileged batch with shared files',
    body: batchWorkload({
      name: 'priv-batch',
      control: { privileged: true },
      persistence: { type: 'shared-file' },
    }),
  },
  {
    label: 'web with configuration and secrets',
    body: webWorkload({
      name: 'env-web',
      environment: { LOG_LEVEL: 'info', DB_PASSWORD: 'not-in-any-file', FEATURE_FLAGS: 'a,b' },
      secrets: [{ name: 'STRIPE_API' }],
      existingAppRunnerCustomer: true,
    }),
  },
  {
    label: 'queue worker with a secret',
    body: workerWorkload({
      name: 'env-worker',
      environment: { WORKER_THREADS: '4' },
      secrets: [{ name: 'TOKEN' }],
    }),
  },
  {
    label: 'scheduled batch with a database URL',
    body: batchWorkload({
      name: 'env-batch',
      environment: { DATABASE_URL: 'postgres://app:pw@db:5432/app', REPORT_DAY: 'monday' },
      trigger: { type: 'schedule', expression: 'cron(0 3 * * ? *)' },
    }),
  },
];

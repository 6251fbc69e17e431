/**
 * Valid workload shapes that between them reach every platform and most design rules: the load that
 * `npm run soak` rotates through (adding a distinct `name` to each). `npm run bench` draws its workloads
 * from the property tests' arbitrary instead (support/generated-workloads.ts).
 */
export const WORKLOAD_SHAPES: readonly Record<string, unknown>[] = [
  { workloadType: 'web', traffic: { protocol: 'https' } },
  { workloadType: 'web', traffic: { protocol: 'udp' }, containerPort: 7777 },
  { workloadType: 'web', control: { level: 'minimal' } },
  { workloadType: 'web', control: { gpu: true }, resources: { cpu: 4, memoryGiB: 16 } },
  { workloadType: 'web', control: { kubernetes: 'required', daemons: true } },
  {
    workloadType: 'web',
    traffic: { protocol: 'grpc', exposure: 'private' },
    persistence: { type: 'shared-file' },
  },
  { workloadType: 'worker', cost: { interruptible: true } },
  {
    workloadType: 'batch',
    trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
    cost: { interruptible: true },
  },
  { workloadType: 'batch', trigger: { type: 's3-object-created', bucket: 'uploads', prefix: 'in/' } },
  { workloadType: 'web', control: { os: 'windows' }, persistence: { type: 'windows-file' } },
  { workloadType: 'batch', persistence: { type: 'high-performance-file' } },
  { workloadType: 'web', control: { kubernetes: 'preferred', level: 'minimal' } },
];

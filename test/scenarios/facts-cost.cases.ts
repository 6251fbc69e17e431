import { batchWorkload, webWorkload } from '../support/workloads';
import { noLoadBalancer, publicHttp, type Scenario, stateless } from './scenarios.cases';

/**
 * Issue 10, list 6: Windows EBS on ECS on EC2, the architecture cost chooses, a schedule's run length,
 * networking compared like with like, scaling from zero, schedules a CronJob cannot express, and
 * Regions whose availability is not confirmed. Each expectation is argued from the AWS page in `why`.
 */
export const factsCostScenarios: Scenario[] = [
  {
    name: 'a Windows web service that keeps its data on a block volume',
    why: 'Amazon ECS lists EBS volumes for "Linux, Windows (on Amazon EC2 only)" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html), so ECS on EC2 gives the Windows tasks an ECS-managed EBS volume, formatted NTFS (one of ServiceManagedEBSVolumeConfiguration\'s filesystem types: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html) at a Windows path, while Fargate offers Windows tasks no EBS.',
    workload: webWorkload({
      name: 'catalog',
      control: { os: 'windows' },
      persistence: { type: 'block', sizeGiB: 50 },
    }),
    want: {
      platform: 'ecs-ec2',
      loadBalancer: publicHttp,
      storage: { type: 'ebs', sizeGiB: 50, mountPath: 'C:\\data', details: { filesystemType: 'ntfs' } },
      scalingPolicy: 'target-tracking',
      blockers: { 'ecs-fargate': /cannot provide block storage to windows containers/ },
    },
  },
  {
    name: 'a private API on any architecture, priced as cheaply as possible',
    why: 'Fargate bills Linux/Arm about 20% below x86 per vCPU-hour (https://aws.amazon.com/fargate/pricing/), and a private service pays the same NAT gateway on every candidate, so at high cost sensitivity the Arm64 Fargate task is the cheapest answer; it runs only if the image is built for Arm64 too (https://docs.docker.com/build/building/multi-platform/), which the answer must say. Express Mode creates X86_64 task definitions only (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html).',
    workload: webWorkload({
      name: 'pricing',
      traffic: { exposure: 'private' },
      control: { architecture: 'any' },
      cost: { sensitivity: 'high' },
      resources: { cpu: 1, memoryGiB: 2, minTasks: 2, maxTasks: 4 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: { type: 'alb', scheme: 'internal', listeners: [{ protocol: 'HTTP', port: 80 }] },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['FARGATE'],
      warnings: ['docker buildx build --platform linux/amd64,linux/arm64'],
    },
  },
  {
    name: 'a 25-minute export scheduled every 10 minutes',
    why: 'EventBridge Scheduler calls its target every time the schedule runs (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-scheduler-schedule.html), whether or not the previous task has stopped, so a run longer than the 10 minutes between ticks means two or three tasks at once: the answer must warn of the overlap (contract: resources.expectedRunMinutes).',
    workload: batchWorkload({
      name: 'export',
      trigger: { type: 'schedule', expression: 'rate(10 minutes)' },
      resources: { expectedRunMinutes: 25 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-schedule', expression: 'rate(10 minutes)' }],
      warnings: ['EventBridge Scheduler starts a task on every tick whether or not the previous run ended'],
    },
  },
  {
    name: 'a month-end close job on the last day of the month',
    why: 'EventBridge cron takes L for the last day of the month (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html); Kubernetes CronJob schedules are five-field cron without L (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax), so no EKS platform can run the job on the right day, and ECS with EventBridge Scheduler runs it as written.',
    workload: batchWorkload({
      name: 'month-end',
      trigger: { type: 'schedule', expression: 'cron(0 22 L * ? *)' },
      control: { kubernetes: 'preferred' },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-schedule', expression: 'cron(0 22 L * ? *)' }],
      blockers: {
        'eks-fargate': /the last day of the month \(L\)/,
        'eks-managed-nodes': /the last day of the month \(L\)/,
        'eks-self-managed-nodes': /the last day of the month \(L\)/,
      },
    },
  },
  {
    name: 'a web service that asks to scale down to zero tasks',
    why: 'Target tracking cannot scale when its metric has no data points (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html), and with no task running there is no task CPU to average, so a service at zero tasks would never start one: the answer keeps one task and says why.',
    workload: webWorkload({ name: 'status', resources: { minTasks: 0, maxTasks: 4 } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      warnings: ['minTasks is 0, but a service at zero tasks never scales out'],
    },
  },
  {
    name: 'a queue-fed batch job with the default minTasks of 0',
    why: "Backlog per task is visible messages divided by running tasks (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html): with no task running it has no value, and target tracking does not scale on missing data, so the service keeps one task to start from. The queue is the contract's default, `<name>-queue`.",
    workload: batchWorkload({ name: 'thumbnails', trigger: { type: 'sqs' } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'sqs-backlog-per-task',
      triggers: [{ type: 'sqs-queue', queueName: 'thumbnails-queue' }],
      warnings: ['The service keeps one task running'],
    },
  },
  {
    name: 'a minimal-operations web service in GovCloud (US-West)',
    why: 'EKS on Fargate is not available in the AWS GovCloud (US) Regions (https://docs.aws.amazon.com/eks/latest/userguide/fargate.html); Express Mode has no Region list of its own (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html) and its GovCloud support rests on a secondary source, so where it is recommended there the answer must say its availability is not confirmed.',
    workload: webWorkload({ name: 'permits', region: 'us-gov-west-1', control: { level: 'minimal' } }),
    want: {
      platform: 'ecs-express-mode',
      loadBalancer: { type: 'built-in', scheme: 'internet-facing' },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      warnings: ['That Amazon ECS Express Mode is offered in us-gov-west-1 is not confirmed by AWS'],
      blockers: { 'eks-fargate': /GovCloud/ },
    },
  },
];

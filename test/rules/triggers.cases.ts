import type { components } from '../../src/contract/generated/openapi-types';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import type { DeepPartial, DesignCase } from './rule-case';

type Trigger = components['schemas']['Trigger'];

const onKubernetes = { kubernetes: 'required' } as const;

/**
 * rules/triggers.json: EventBridge Scheduler (not the legacy scheduled rules) for schedules on ECS; an
 * EventBridge rule on aws.s3 "Object Created" for S3 uploads; an SQS queue with a dead-letter queue for
 * workers (maxReceiveCount 3, as CDK's QueueProcessingFargateService); CronJobs on Kubernetes
 * (docs/sources.md §4, §6). The whole trigger list is compared with toMatchObject, and each pattern exactly.
 */
export const triggersCases: DesignCase<DeepPartial<Trigger>[]>[] = [
  {
    given: 'a batch job runs nightly at 02:00 UTC',
    rule: 'schedule-with-eventbridge-scheduler',
    workload: batchWorkload({ trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' } }),
    platform: 'ecs-fargate',
    want: [{ type: 'eventbridge-schedule', expression: 'cron(0 2 * * ? *)', target: 'ecs:RunTask' }],
  },
  {
    given: 'a batch job runs every hour',
    rule: 'schedule-with-eventbridge-scheduler',
    workload: batchWorkload({ trigger: { type: 'schedule', expression: 'rate(1 hour)' } }),
    platform: 'ecs-fargate',
    want: [{ type: 'eventbridge-schedule', expression: 'rate(1 hour)' }],
  },
  {
    given: 'a Kubernetes batch job runs nightly',
    rule: 'schedule-with-kubernetes-cronjob',
    workload: batchWorkload({
      control: onKubernetes,
      trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
    }),
    platform: 'eks-auto-mode',
    want: [{ type: 'kubernetes-cronjob', expression: 'cron(0 2 * * ? *)' }],
  },
  {
    given: 'a Kubernetes batch job runs nightly',
    rule: 'schedule-with-eventbridge-scheduler',
    workload: batchWorkload({
      control: onKubernetes,
      trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
    }),
    platform: 'eks-auto-mode',
    fires: false,
    want: [{ type: 'kubernetes-cronjob' }],
  },
  {
    given:
      'a team that wants AWS to run everything resizes each image uploaded under incoming/ in photo-uploads',
    rule: 's3-object-created-runs-ecs-task',
    workload: batchWorkload({
      control: { level: 'minimal' },
      trigger: { type: 's3-object-created', bucket: 'photo-uploads', prefix: 'incoming/' },
    }),
    platform: 'ecs-fargate',
    want: [
      {
        type: 'eventbridge-rule',
        bucket: 'photo-uploads',
        target: 'ecs:RunTask',
        pattern: {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: ['photo-uploads'] }, object: { key: [{ prefix: 'incoming/' }] } },
        },
      },
    ],
  },
  {
    given: 'a team that wants AWS to run everything handles every object uploaded to photo-uploads',
    rule: 's3-object-created-runs-ecs-task',
    workload: batchWorkload({
      control: { level: 'minimal' },
      trigger: { type: 's3-object-created', bucket: 'photo-uploads' },
    }),
    platform: 'ecs-fargate',
    want: [
      {
        type: 'eventbridge-rule',
        pattern: {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: ['photo-uploads'] } },
        },
      },
    ],
  },
  {
    given: 'a Kubernetes batch job handles each object uploaded to photo-uploads',
    rule: 's3-object-created-feeds-a-queue-on-eks',
    workload: batchWorkload({
      name: 'resizer',
      control: onKubernetes,
      trigger: { type: 's3-object-created', bucket: 'photo-uploads' },
    }),
    platform: 'eks-auto-mode',
    want: [
      {
        type: 'eventbridge-rule',
        target: 'sqs',
        queueName: 'resizer-events',
        pattern: {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: ['photo-uploads'] } },
        },
      },
    ],
  },
  {
    given: 'a worker is fed by the SQS queue "invoices"',
    rule: 'sqs-queue-with-dead-letter-queue',
    workload: workerWorkload({ trigger: { type: 'sqs', queueName: 'invoices' } }),
    platform: 'ecs-fargate',
    want: [
      { type: 'sqs-queue', queueName: 'invoices', deadLetterQueueName: 'invoices-dlq', maxReceiveCount: 3 },
    ],
  },
  {
    given: 'a worker named billing names no queue',
    rule: 'sqs-queue-with-dead-letter-queue',
    workload: workerWorkload({ name: 'billing' }),
    platform: 'ecs-fargate',
    want: [
      {
        type: 'sqs-queue',
        queueName: 'billing-queue',
        deadLetterQueueName: 'billing-queue-dlq',
        maxReceiveCount: 3,
      },
    ],
  },
  {
    given: 'a Kubernetes worker is fed by an SQS queue',
    rule: 'sqs-queue-with-dead-letter-queue',
    workload: workerWorkload({ control: onKubernetes, trigger: { type: 'sqs', queueName: 'jobs' } }),
    platform: 'eks-auto-mode',
    want: [{ type: 'sqs-queue', queueName: 'jobs', deadLetterQueueName: 'jobs-dlq', maxReceiveCount: 3 }],
  },
  {
    given: 'a batch job is started by hand',
    rule: 'manual-runs-on-demand',
    workload: batchWorkload(),
    platform: 'ecs-fargate',
    want: [],
  },
  {
    given: 'a worker runs continuously, fed by no queue',
    rule: 'worker-without-trigger-runs-continuously',
    workload: workerWorkload({ trigger: { type: 'none' } }),
    platform: 'ecs-fargate',
    want: [],
  },
  {
    given: 'a Kubernetes worker runs continuously, fed by no queue',
    rule: 'worker-without-trigger-runs-continuously',
    workload: workerWorkload({ trigger: { type: 'none' }, control: onKubernetes }),
    platform: 'eks-auto-mode',
    want: [],
  },
  {
    given: 'a worker is fed by an SQS queue',
    rule: 'worker-without-trigger-runs-continuously',
    workload: workerWorkload(),
    platform: 'ecs-fargate',
    fires: false,
    want: [{ type: 'sqs-queue' }],
  },
  {
    given: 'the workload is a web service',
    rule: 'manual-runs-on-demand',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    fires: false,
    want: [],
  },
  // AWS Batch job queues are EventBridge rule targets (BatchParameters); EventBridge Scheduler's Target has no
  // BatchParameters (https://docs.aws.amazon.com/batch/latest/userguide/batch-cwe-target.html,
  // https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Target.html).
  {
    given: 'a GPU training job runs nightly at 01:00 UTC',
    rule: 'schedule-submits-batch-job',
    workload: batchWorkload({
      control: { gpu: true },
      trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
    }),
    platform: 'aws-batch',
    want: [{ type: 'eventbridge-rule', expression: 'cron(0 1 * * ? *)', target: 'batch:SubmitJob' }],
  },
  {
    given: 'a batch job transcodes every object uploaded under raw/ in media-in',
    rule: 's3-object-created-submits-batch-job',
    workload: batchWorkload({ trigger: { type: 's3-object-created', bucket: 'media-in', prefix: 'raw/' } }),
    platform: 'aws-batch',
    want: [
      {
        type: 'eventbridge-rule',
        target: 'batch:SubmitJob',
        bucket: 'media-in',
        pattern: {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: ['media-in'] }, object: { key: [{ prefix: 'raw/' }] } },
        },
      },
    ],
  },
];

import { batchWorkload } from '../support/workloads';
import { noLoadBalancer, type Scenario, stateless } from './scenarios.cases';

const WHEN_TO_USE_FARGATE = 'https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html';
const COMPUTE_ENVIRONMENTS = 'https://docs.aws.amazon.com/batch/latest/userguide/compute_environments.html';
const RUNTIME_PLATFORM = 'https://docs.aws.amazon.com/batch/latest/APIReference/API_RuntimePlatform.html';
const EVENTBRIDGE_TARGETS = 'https://docs.aws.amazon.com/batch/latest/userguide/batch-cwe-target.html';
const JOB_RETRIES = 'https://docs.aws.amazon.com/batch/latest/userguide/job_retries.html';
const JOB_STATES = 'https://docs.aws.amazon.com/batch/latest/userguide/job_states.html';
const SCHEDULER_TARGET = 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Target.html';

/**
 * When AWS Batch beats a bare ECS RunTask, and when it does not. Batch queues jobs and runs them on a
 * managed compute environment it scales from zero, retries failed attempts and has no charge of its own
 * (https://aws.amazon.com/batch/pricing/); AWS recommends Fargate compute environments for most jobs and EC2
 * ones for GPUs and sizes beyond Fargate's 16 vCPU / 120 GiB (when-to-use-fargate.html).
 */
export const awsBatchScenarios: Scenario[] = [
  {
    name: 'a GPU model-training job every night',
    why: `Fargate offers no GPUs, and AWS sends GPU jobs to EC2 compute environments (${WHEN_TO_USE_FARGATE}); Batch launches the GPU instances while the job waits or runs and terminates them after (${COMPUTE_ENVIRONMENTS}), where ECS on EC2 keeps a GPU Auto Scaling group for one nightly run. EventBridge Scheduler has no Batch target (${SCHEDULER_TARGET}), so a scheduled EventBridge rule submits the job to the queue (${EVENTBRIDGE_TARGETS}).`,
    workload: batchWorkload({
      name: 'train-ranker',
      control: { gpu: true },
      resources: { cpu: 8, memoryGiB: 32 },
      trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
    }),
    want: {
      platform: 'aws-batch',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-rule', expression: 'cron(0 1 * * ? *)', target: 'batch:SubmitJob' }],
      computeEnvironment: { type: 'EC2', capacity: 'ec2', allocationStrategy: 'BEST_FIT_PROGRESSIVE' },
      blockers: { 'ecs-fargate': /GPU/ },
    },
  },
  {
    name: 'a 32 vCPU, 128 GiB simulation started by hand',
    why: `Fargate's largest task is 16 vCPU / 120 GiB; above it AWS Batch uses an EC2 compute environment (${WHEN_TO_USE_FARGATE}), which scales from zero vCPUs with the jobs waiting (${COMPUTE_ENVIRONMENTS}), so nothing is billed between runs.`,
    workload: batchWorkload({ name: 'risk-sim', resources: { cpu: 32, memoryGiB: 128 } }),
    want: {
      platform: 'aws-batch',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      computeEnvironment: { type: 'EC2', capacity: 'ec2' },
      blockers: { 'ecs-fargate': /to 16 vCPU/, 'eks-fargate': /to 16 vCPU/ },
    },
  },
  {
    name: 'an interruptible 24 vCPU render job on Spot',
    why: `Beyond Fargate it needs EC2 (${WHEN_TO_USE_FARGATE}); it tolerates interruption, so a SPOT compute environment with SPOT_PRICE_CAPACITY_OPTIMIZED, which draws on the pools least likely to be interrupted (https://docs.aws.amazon.com/batch/latest/userguide/allocation-strategies.html), and a retry strategy that runs an attempt again when its instance is reclaimed (${JOB_RETRIES}).`,
    workload: batchWorkload({
      name: 'render-frames',
      resources: { cpu: 24, memoryGiB: 96 },
      cost: { interruptible: true },
    }),
    want: {
      platform: 'aws-batch',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      computeEnvironment: {
        type: 'SPOT',
        capacity: 'ec2',
        allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED',
      },
      warnings: ['retries it'],
    },
  },
  {
    name: 'a Windows report job for each file dropped in a bucket',
    why: `AWS Batch runs Windows containers on Fargate compute environments (runtimePlatform WINDOWS_SERVER_2022_CORE, X86_64, no Fargate Spot: ${RUNTIME_PLATFORM}); each new object's job waits in the queue until the compute environment has room (${JOB_STATES}) instead of one RunTask per object.`,
    workload: batchWorkload({
      name: 'win-reports',
      control: { os: 'windows' },
      resources: { cpu: 2, memoryGiB: 4 },
      trigger: { type: 's3-object-created', bucket: 'report-drops' },
    }),
    want: {
      platform: 'aws-batch',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-rule', target: 'batch:SubmitJob', bucket: 'report-drops' }],
      computeEnvironment: { type: 'FARGATE', capacity: 'fargate' },
    },
  },
  {
    name: 'a burst of thousands of uploaded scans to OCR',
    why: `Many objects arriving at once each submit a job that waits RUNNABLE in the job queue until the compute environment has room (${JOB_STATES}; S3 events as EventBridge targets: ${EVENTBRIDGE_TARGETS}), where one RunTask per object fails past the account's Fargate limits; the job fits Fargate, which AWS recommends for most Batch jobs (${WHEN_TO_USE_FARGATE}).`,
    workload: batchWorkload({
      name: 'ocr-scans',
      trigger: { type: 's3-object-created', bucket: 'scans-inbox', prefix: 'batch/' },
      resources: { cpu: 1, memoryGiB: 2 },
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
            detail: { bucket: { name: ['scans-inbox'] }, object: { key: [{ prefix: 'batch/' }] } },
          },
        },
      ],
      computeEnvironment: { type: 'FARGATE', capacity: 'fargate' },
      taskRoleStatements: [
        { effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::scans-inbox/batch/*'] },
      ],
    },
  },
  {
    name: 'a small nightly clean-up job that must not be interrupted',
    why: `It fits Fargate, runs on-demand once a night and needs no GPU, no larger size, no Spot retries and no queue for bursts: AWS Batch would add a job queue and a compute environment (${COMPUTE_ENVIRONMENTS}) for what one RunTask on ECS on Fargate does, started by EventBridge Scheduler (facts §6).`,
    workload: batchWorkload({
      name: 'cleanup',
      trigger: { type: 'schedule', expression: 'cron(30 3 * * ? *)' },
      resources: { cpu: 0.5, memoryGiB: 1 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-schedule', expression: 'cron(30 3 * * ? *)', target: 'ecs:RunTask' }],
      capacityProviders: ['FARGATE'],
    },
  },
  {
    name: 'a Windows batch job of 8 vCPU, beyond Fargate Windows sizes',
    why: `AWS Batch runs Windows containers on Fargate compute environments only (${RUNTIME_PLATFORM}), and Fargate's Windows tasks stop at 4 vCPU (facts §5), so Batch is out; ECS on EC2 runs Windows tasks of any instance size.`,
    workload: batchWorkload({
      name: 'win-big',
      control: { os: 'windows' },
      resources: { cpu: 8, memoryGiB: 32 },
    }),
    want: {
      platform: 'ecs-ec2',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      blockers: { 'aws-batch': /Windows containers on Fargate compute environments only/ },
    },
  },
  {
    name: 'a batch job fed by an SQS queue',
    why: `AWS Batch starts a job for each SubmitJob call, from EventBridge rules or by hand (${EVENTBRIDGE_TARGETS}); nothing in Batch reads an SQS queue, so the queue-fed job stays an ECS service that scales on the backlog (facts §3).`,
    workload: batchWorkload({ name: 'queue-batch', trigger: { type: 'sqs', queueName: 'batch-jobs' } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'sqs-backlog-per-task',
      triggers: [{ type: 'sqs-queue', queueName: 'batch-jobs' }],
      blockers: { 'aws-batch': /nothing in Batch reads an SQS queue/ },
    },
  },
];

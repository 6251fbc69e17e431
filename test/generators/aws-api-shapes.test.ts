import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PLATFORM_IDS } from '../../src/catalogue/platform-catalogue';
import { PROJECT_ROOT } from '../../src/project-paths';
import { behaviourCorpus } from '../behaviour/behaviour-corpus';
import { type GeneratedStarter, startersOnEveryEligiblePlatform } from '../support/starter-corpus';
import { filesCheckedBy } from '../support/starter-file-checks';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';
import { AWS_API_OPERATIONS, operationsOf, type ShapeRequest } from './support/aws-api-operations';

interface ValidationResult {
  checked: number;
  failures: { label: string; errors: string[] }[];
}

const K8S = { kubernetes: 'required' };
const LONG_NAME = 'a-forty-character-workload-name-for-test';
const S3_ACCESS = [{ service: 's3', resource: 'arn:aws:s3:::reports/*', access: 'read-write' }];

/**
 * Workloads with values that stress the shapes' limits (long names, odd bucket names and prefixes), on top of
 * the behaviour corpus, which reaches every platform, trigger, storage type and protocol.
 */
const WORKLOADS: { label: string; body: Record<string, unknown> }[] = [
  { label: 'fargate http', body: { workloadType: 'web' } },
  {
    label: 'fargate https',
    body: { workloadType: 'web', traffic: { protocol: 'https' }, awsAccess: S3_ACCESS },
  },
  {
    label: 'fargate grpc private',
    body: { workloadType: 'web', traffic: { protocol: 'grpc', exposure: 'private' } },
  },
  { label: 'fargate websocket', body: { workloadType: 'web', traffic: { protocol: 'websocket' } } },
  {
    label: 'fargate tcp private',
    body: { workloadType: 'web', traffic: { protocol: 'tcp', exposure: 'private' } },
  },
  { label: 'fargate udp', body: { workloadType: 'web', traffic: { protocol: 'udp' }, containerPort: 5353 } },
  { label: 'fargate tls', body: { workloadType: 'web', traffic: { protocol: 'tls' } } },
  { label: 'fargate efs', body: { workloadType: 'web', persistence: { type: 'shared-file' } } },
  { label: 'fargate ebs', body: { workloadType: 'web', persistence: { type: 'block', sizeGiB: 100 } } },
  {
    label: 'ec2 windows ebs',
    body: { workloadType: 'web', control: { os: 'windows' }, persistence: { type: 'block', sizeGiB: 100 } },
  },
  {
    label: 'fargate arm64',
    body: { workloadType: 'web', control: { architecture: 'arm64' }, resources: { cpu: 2, memoryGiB: 4 } },
  },
  {
    label: 'fargate windows',
    body: { workloadType: 'web', control: { os: 'windows' }, resources: { cpu: 1, memoryGiB: 2 } },
  },
  { label: 'fargate worker', body: { workloadType: 'worker', name: LONG_NAME } },
  {
    label: 'fargate spot worker',
    body: {
      workloadType: 'worker',
      cost: { interruptible: true },
      trigger: { type: 'sqs', queueName: 'jobs_v2' },
    },
  },
  {
    label: 'fargate cron batch',
    body: {
      workloadType: 'batch',
      trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
      cost: { interruptible: true },
    },
  },
  {
    label: 'fargate rate batch',
    body: {
      workloadType: 'batch',
      name: LONG_NAME,
      trigger: { type: 'schedule', expression: 'rate(15 minutes)' },
    },
  },
  {
    label: 'fargate s3 batch',
    body: {
      workloadType: 'batch',
      trigger: { type: 's3-object-created', bucket: 'a.b-c', prefix: `in"x'/` },
    },
  },
  { label: 'fargate sqs batch', body: { workloadType: 'batch', trigger: { type: 'sqs' } } },
  { label: 'fargate manual batch', body: { workloadType: 'batch' } },
  {
    label: 'fargate scratch disk',
    body: { workloadType: 'batch', resources: { ephemeralStorageGiB: 150 } },
  },
  {
    label: 'fargate windows scratch disk',
    body: {
      workloadType: 'web',
      control: { os: 'windows' },
      resources: { cpu: 1, memoryGiB: 2, ephemeralStorageGiB: 200 },
    },
  },
  {
    label: 'eks scratch disk',
    body: {
      workloadType: 'batch',
      control: { kubernetes: 'required' },
      resources: { ephemeralStorageGiB: 190 },
    },
  },
  { label: 'ec2 gpu', body: { workloadType: 'web', control: { gpu: true, level: 'full' } } },
  {
    label: 'ec2 windows fsx',
    body: { workloadType: 'web', control: { os: 'windows' }, persistence: { type: 'windows-file' } },
  },
  {
    label: 'ec2 privileged spot cron',
    body: {
      workloadType: 'batch',
      control: { privileged: true, level: 'full', kubernetes: 'avoid' },
      trigger: { type: 'schedule', expression: 'rate(1 hour)' },
      cost: { interruptible: true },
    },
  },
  {
    label: 'ec2 daemons worker',
    body: { workloadType: 'worker', control: { daemons: true, kubernetes: 'avoid', level: 'full' } },
  },
  {
    label: 'ec2 gpu s3 batch',
    body: {
      workloadType: 'batch',
      control: { gpu: true, level: 'full', kubernetes: 'avoid' },
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    },
  },
  {
    label: 'ec2 large',
    body: {
      workloadType: 'web',
      resources: { cpu: 32, memoryGiB: 128 },
      control: { kubernetes: 'avoid', level: 'full' },
    },
  },
  {
    label: 'managed instances gpu spot',
    body: { workloadType: 'web', control: { gpu: true, level: 'minimal' }, cost: { interruptible: true } },
  },
  {
    label: 'managed instances daemons ebs',
    body: {
      workloadType: 'web',
      control: { daemons: true, kubernetes: 'avoid' },
      persistence: { type: 'block', sizeGiB: 50 },
    },
  },
  {
    label: 'managed instances arm64 privileged cron',
    body: {
      workloadType: 'batch',
      name: LONG_NAME,
      control: { privileged: true, architecture: 'arm64', kubernetes: 'avoid' },
      trigger: { type: 'schedule', expression: 'cron(0 3 * * ? *)' },
    },
  },
  {
    label: 'managed instances s3 worker daemons',
    body: {
      workloadType: 'batch',
      control: { daemons: true, kubernetes: 'avoid' },
      trigger: { type: 's3-object-created', bucket: 'uploads', prefix: 'in/' },
      cost: { interruptible: true },
    },
  },
  { label: 'express public', body: { workloadType: 'web', control: { level: 'minimal' } } },
  {
    label: 'express private',
    body: {
      workloadType: 'web',
      name: LONG_NAME,
      control: { level: 'minimal' },
      traffic: { exposure: 'private' },
    },
  },
  {
    label: 'app runner public',
    body: {
      workloadType: 'web',
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
      existingAppRunnerCustomer: true,
      resources: { maxTasks: 40 },
    },
  },
  {
    label: 'app runner private ecr public',
    body: {
      workloadType: 'web',
      name: LONG_NAME,
      image: 'public.ecr.aws/nginx/nginx:latest',
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent', exposure: 'private' },
      existingAppRunnerCustomer: true,
    },
  },
  { label: 'eks managed daemons', body: { workloadType: 'web', control: { ...K8S, daemons: true } } },
  { label: 'eks managed ebs', body: { workloadType: 'web', control: K8S, persistence: { type: 'block' } } },
  { label: 'eks managed windows', body: { workloadType: 'web', control: { ...K8S, os: 'windows' } } },
  { label: 'eks managed gpu', body: { workloadType: 'web', control: { ...K8S, gpu: true } } },
  {
    label: 'eks managed arm udp',
    body: { workloadType: 'web', control: { ...K8S, architecture: 'arm64' }, traffic: { protocol: 'udp' } },
  },
  {
    label: 'eks managed spot worker',
    body: { workloadType: 'worker', control: K8S, cost: { interruptible: true }, awsAccess: S3_ACCESS },
  },
  {
    label: 'eks managed lustre',
    body: { workloadType: 'batch', persistence: { type: 'high-performance-file' } },
  },
  {
    label: 'eks self-managed web',
    body: { workloadType: 'web', control: { ...K8S, level: 'full' }, persistence: { type: 'shared-file' } },
  },
  {
    label: 'eks self-managed spot',
    body: { workloadType: 'worker', control: { ...K8S, level: 'full' }, cost: { interruptible: true } },
  },
  {
    label: 'eks fargate efs',
    body: {
      workloadType: 'web',
      control: { ...K8S, level: 'minimal' },
      persistence: { type: 'shared-file' },
      cost: { sensitivity: 'high' },
    },
  },
  {
    label: 'eks auto mode grpc private',
    body: { workloadType: 'web', control: K8S, traffic: { protocol: 'grpc', exposure: 'private' } },
  },
  {
    label: 'eks auto mode cron',
    body: {
      workloadType: 'batch',
      control: K8S,
      trigger: { type: 'schedule', expression: 'cron(0 9 ? * 2-6 *)' },
    },
  },
  {
    label: 'eks auto mode s3',
    body: {
      workloadType: 'batch',
      control: K8S,
      trigger: { type: 's3-object-created', bucket: 'uploads', prefix: 'in/' },
    },
  },
  { label: 'eks fargate sqs batch', body: { workloadType: 'batch', control: K8S, trigger: { type: 'sqs' } } },
  {
    label: 'batch gpu schedule',
    body: {
      workloadType: 'batch',
      control: { gpu: true },
      trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
    },
  },
  {
    label: 'batch large spot s3',
    body: {
      workloadType: 'batch',
      name: LONG_NAME,
      resources: { cpu: 32, memoryGiB: 128 },
      cost: { interruptible: true },
      trigger: { type: 's3-object-created', bucket: 'a.b-c', prefix: `in"x'/` },
    },
  },
  {
    label: 'batch fargate spot efs',
    body: {
      workloadType: 'batch',
      cost: { interruptible: true },
      persistence: { type: 'shared-file' },
      trigger: { type: 'schedule', expression: 'rate(1 hour)' },
    },
  },
  {
    label: 'batch windows s3',
    body: {
      workloadType: 'batch',
      control: { os: 'windows' },
      resources: { cpu: 2, memoryGiB: 4 },
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    },
  },
];

function validateWithBotocore(requests: readonly ShapeRequest[]): ValidationResult {
  const run = spawnSync('python3', [join(PROJECT_ROOT, 'scripts', 'validate-aws-shapes.py')], {
    input: JSON.stringify(requests),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`validate-aws-shapes.py exited ${run.status}: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as ValidationResult;
}

/** The requests a starter configuration's JSON files make; a file with no entry in the table fails. */
function shapeRequests({ label, platform, files }: GeneratedStarter): ShapeRequest[] {
  return filesCheckedBy('botocore shapes', files).flatMap((file) => {
    const where = `${label} on ${platform}: ${file.path}`;
    const entry = operationsOf(file.path);
    if (entry === undefined)
      throw new Error(
        `${where} has no AWS operation to be checked against: add its path to test/generators/support/aws-api-operations.ts`,
      );
    return entry.requests(JSON.parse(file.content) as Record<string, unknown>, where);
  });
}

describe('Starter configuration AWS API shapes', () => {
  const platforms = new Set<string>();
  const operations = new Set<string>();
  const requests: ShapeRequest[] = [];
  let result: ValidationResult;

  beforeAll(async () => {
    // Identical requests (every workload's ECR lifecycle policy looks alike) are checked once.
    const seen = new Set<string>();
    const corpus = [...behaviourCorpus(), ...WORKLOADS];
    for (const starter of await startersOnEveryEligiblePlatform(corpus)) {
      for (const shape of shapeRequests(starter)) {
        platforms.add(starter.platform);
        operations.add(`${shape.service} ${shape.operation}`);
        const key = JSON.stringify([shape.service, shape.operation, shape.params]);
        if (seen.has(key)) continue;
        seen.add(key);
        requests.push(shape);
      }
    }
    result = validateWithBotocore(requests);
  }, CORPUS_TIMEOUT_MS);

  describe('when the corpus covers every platform', () => {
    it('checks API input files of every platform', () => {
      expect(PLATFORM_IDS.filter((platform) => !platforms.has(platform))).toEqual([]);
    });

    it('reaches every operation the table names, so no entry outlives its file', () => {
      const named = AWS_API_OPERATIONS.flatMap((entry) => entry.operations);
      expect(named.filter((operation) => !operations.has(operation))).toEqual([]);
    });
  });

  describe("when botocore's models check every request", () => {
    it('finds no invalid parameter, missing member, wrong type, unknown enum value or value over its maximum', () => {
      expect(result.checked).toBe(requests.length);
      // Listed as text so that a failure prints which file broke which rule of which operation.
      expect(result.failures.map(({ label, errors }) => `${label}: ${errors.join(' | ')}`)).toEqual([]);
    });
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { RoleDefinition } from '../../src/generators/plan/roles/api-files';
import type { StarterFile } from '../../src/generators/starter-config';
import { PROJECT_ROOT } from '../../src/project-paths';
import { type Document, recommend, yamlDocumentsAt } from './support/starter';

/** One request to check: an AWS API operation and the parameters a starter file gives it. */
interface ShapeRequest {
  label: string;
  service: string;
  operation: string;
  params: unknown;
}

interface ValidationResult {
  checked: number;
  failures: { label: string; errors: string[] }[];
}

const K8S = { kubernetes: 'required' };
const LONG_NAME = 'a-forty-character-workload-name-for-test';
const S3_ACCESS = [{ service: 's3', resource: 'arn:aws:s3:::reports/*', access: 'read-write' }];

/** Workloads that between them reach every platform, trigger, storage type and protocol. */
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
  { label: 'ec2 gpu', body: { workloadType: 'web', control: { gpu: true } } },
  {
    label: 'ec2 windows fsx',
    body: { workloadType: 'web', control: { os: 'windows' }, persistence: { type: 'windows-file' } },
  },
  {
    label: 'ec2 privileged spot cron',
    body: {
      workloadType: 'batch',
      control: { privileged: true },
      trigger: { type: 'schedule', expression: 'rate(1 hour)' },
      cost: { interruptible: true },
    },
  },
  {
    label: 'ec2 daemons worker',
    body: { workloadType: 'worker', control: { daemons: true, kubernetes: 'avoid' } },
  },
  {
    label: 'ec2 gpu s3 batch',
    body: {
      workloadType: 'batch',
      control: { gpu: true },
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    },
  },
  {
    label: 'ec2 large',
    body: { workloadType: 'web', resources: { cpu: 32, memoryGiB: 128 }, control: { kubernetes: 'avoid' } },
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
    },
  },
  {
    label: 'eks fargate grpc private',
    body: { workloadType: 'web', control: K8S, traffic: { protocol: 'grpc', exposure: 'private' } },
  },
  {
    label: 'eks fargate cron',
    body: {
      workloadType: 'batch',
      control: K8S,
      trigger: { type: 'schedule', expression: 'cron(0 9 ? * 2-6 *)' },
    },
  },
  {
    label: 'eks fargate s3',
    body: {
      workloadType: 'batch',
      control: K8S,
      trigger: { type: 's3-object-created', bucket: 'uploads', prefix: 'in/' },
    },
  },
  { label: 'eks fargate sqs batch', body: { workloadType: 'batch', control: K8S, trigger: { type: 'sqs' } } },
];

type Converter = (value: Record<string, unknown>, label: string) => ShapeRequest[];

const request = (service: string, operation: string) => (params: unknown, label: string) => ({
  label: `${label} ${operation}`,
  service,
  operation,
  params,
});

const eventRule: Converter = (value, label) => [
  request('events', 'PutRule')(value.putRule, label),
  request('events', 'PutTargets')(value.putTargets, label),
];

/** The AWS calls each JSON file feeds; a JSON file missing here fails the test, so no new file goes unchecked. */
const CONVERTERS: Record<string, Converter> = {
  'ecs/task-definition.json': (value, label) => [request('ecs', 'RegisterTaskDefinition')(value, label)],
  'ecs/service.json': (value, label) => [request('ecs', 'CreateService')(value, label)],
  'ecs/capacity-provider.json': (value, label) => [request('ecs', 'CreateCapacityProvider')(value, label)],
  'ecs/express-gateway-service.json': (value, label) => [
    request('ecs', 'CreateExpressGatewayService')(value, label),
  ],
  'ecs/scaling.json': (value, label) => [
    request('application-autoscaling', 'RegisterScalableTarget')(value.registerScalableTarget, label),
    request('application-autoscaling', 'PutScalingPolicy')(value.putScalingPolicy, label),
  ],
  'ecs/schedule.json': (value, label) => [request('scheduler', 'CreateSchedule')(value, label)],
  'ecs/s3-event-rule.json': eventRule,
  'ecs/task-stopped-rule.json': eventRule,
  'eks/s3-event-rule.json': eventRule,
  'app-runner/create-service.json': (value, label) => [request('apprunner', 'CreateService')(value, label)],
  'app-runner/auto-scaling-configuration.json': (value, label) => [
    request('apprunner', 'CreateAutoScalingConfiguration')(value, label),
  ],
  'ecr/repository.json': (value, label) => [request('ecr', 'CreateRepository')(value, label)],
  'ecr/lifecycle-policy.json': (value, label) => [request('ecr', 'PutLifecyclePolicy')(value, label)],
  'sqs/queues.json': (value, label) =>
    (value.queues as unknown[]).map((queue) => request('sqs', 'CreateQueue')(queue, label)),
  // IAM takes policy documents as JSON strings; the file keeps them as objects to be readable.
  'iam/roles.json': (value, label) =>
    (value.roles as RoleDefinition[]).flatMap((role) => [
      request('iam', 'CreateRole')(
        {
          RoleName: role.RoleName,
          AssumeRolePolicyDocument: JSON.stringify(role.AssumeRolePolicyDocument),
          ...(role.Description === undefined ? {} : { Description: role.Description }),
        },
        `${label} ${role.RoleName}`,
      ),
      ...role.ManagedPolicyArns.map((arn) =>
        request('iam', 'AttachRolePolicy')(
          { RoleName: role.RoleName, PolicyArn: arn },
          `${label} ${role.RoleName}`,
        ),
      ),
      ...(role.Policy === undefined
        ? []
        : [
            request('iam', 'PutRolePolicy')(
              {
                RoleName: role.RoleName,
                PolicyName: role.Policy.PolicyName,
                PolicyDocument: JSON.stringify(role.Policy.PolicyDocument),
              },
              `${label} ${role.RoleName}`,
            ),
          ]),
    ]),
};

function shapeRequests(label: string, files: readonly StarterFile[]): ShapeRequest[] {
  return files
    .filter((file) => file.mediaType === 'application/json')
    .flatMap((file) => {
      const convert = CONVERTERS[file.path];
      if (convert === undefined)
        throw new Error(`${label}: ${file.path} has no AWS operation to be checked against`);
      return convert(JSON.parse(file.content) as Record<string, unknown>, `${label} ${file.path}`);
    });
}

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

describe('Starter configuration AWS API shapes', () => {
  let platforms: Set<string>;
  let requests: ShapeRequest[];
  let manifests: { label: string; documents: Document[] }[];

  beforeAll(async () => {
    platforms = new Set();
    requests = [];
    manifests = [];
    for (const { label, body } of WORKLOADS) {
      const recommendation = await recommend(body);
      platforms.add(recommendation.platform.id);
      const files = recommendation.starterConfig.files;
      requests.push(...shapeRequests(`${label} (${recommendation.platform.id})`, files));
      // The Kubernetes and eksctl files; cloudformation/template.yaml is checked by test/cloudformation.
      const eksYaml = files.filter(
        (candidate) => candidate.mediaType === 'application/yaml' && candidate.path.startsWith('eks/'),
      );
      for (const file of eksYaml) {
        manifests.push({ label: `${label} ${file.path}`, documents: yamlDocumentsAt(files, file.path) });
      }
    }
  });

  describe('when the workloads cover every platform', () => {
    it('reaches all seven platforms', () => {
      expect([...platforms].sort()).toEqual(
        [
          'app-runner',
          'ecs-ec2',
          'ecs-express-mode',
          'ecs-fargate',
          'eks-fargate',
          'eks-managed-nodes',
          'eks-self-managed-nodes',
        ].sort(),
      );
    });

    it('exercises every AWS operation the files feed', () => {
      expect(new Set(requests.map((shape) => `${shape.service} ${shape.operation}`))).toEqual(
        new Set([
          'ecs RegisterTaskDefinition',
          'ecs CreateService',
          'ecs CreateCapacityProvider',
          'ecs CreateExpressGatewayService',
          'application-autoscaling RegisterScalableTarget',
          'application-autoscaling PutScalingPolicy',
          'scheduler CreateSchedule',
          'events PutRule',
          'events PutTargets',
          'apprunner CreateService',
          'apprunner CreateAutoScalingConfiguration',
          'ecr CreateRepository',
          'ecr PutLifecyclePolicy',
          'sqs CreateQueue',
          'iam CreateRole',
          'iam AttachRolePolicy',
          'iam PutRolePolicy',
        ]),
      );
    });
  });

  describe("when botocore's models check every request", () => {
    it('finds no invalid parameter, missing member, wrong type, unknown enum value or value over its maximum', () => {
      const result = validateWithBotocore(requests);
      expect(result.checked).toBe(requests.length);
      // Listed as text so that a failure prints which file broke which rule of which operation.
      expect(result.failures.map(({ label, errors }) => `${label}: ${errors.join(' | ')}`)).toEqual([]);
    });
  });

  describe('when the EKS files are read as YAML', () => {
    it('gives every document an apiVersion, a kind and a metadata.name', () => {
      expect(manifests.length).toBeGreaterThan(0);
      const incomplete = manifests.flatMap(({ label, documents }) =>
        documents
          .filter((document) => {
            const metadata = document.metadata as Record<string, unknown> | undefined;
            return (
              typeof document.apiVersion !== 'string' ||
              typeof document.kind !== 'string' ||
              typeof metadata?.name !== 'string'
            );
          })
          .map((document) => `${label}: ${JSON.stringify(document).slice(0, 200)}`),
      );
      expect(incomplete).toEqual([]);
    });
  });
});

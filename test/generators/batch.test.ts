import type {
  CreateComputeEnvironmentCommandInput,
  CreateJobQueueCommandInput,
  RegisterJobDefinitionCommandInput,
} from '@aws-sdk/client-batch';
import YAML from 'yaml';
import type { RoleDefinition } from '../../src/generators/plan/roles/api-files';
import type { EventRuleFile } from '../../src/generators/shared/eventbridge-shapes';
import { fileAt, jsonAt, recommend, starterFiles } from './support/starter';

const GPU_NIGHTLY = {
  workloadType: 'batch',
  name: 'train',
  control: { gpu: true },
  resources: { cpu: 4, memoryGiB: 16, maxTasks: 2 },
  trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
};
const SPOT_LARGE = {
  workloadType: 'batch',
  name: 'render',
  resources: { cpu: 24, memoryGiB: 96 },
  cost: { interruptible: true },
};
const S3_BURST = {
  workloadType: 'batch',
  name: 'ocr',
  resources: { cpu: 1, memoryGiB: 2, maxTasks: 20 },
  trigger: { type: 's3-object-created', bucket: 'scans', prefix: 'in/' },
};
const WINDOWS = {
  workloadType: 'batch',
  name: 'win',
  control: { os: 'windows' },
  resources: { cpu: 2, memoryGiB: 4 },
  cost: { interruptible: true },
  trigger: { type: 's3-object-created', bucket: 'drops' },
};

/** What EventBridge does with an input template: each unquoted <name> becomes the JSON value at its path. */
function fillTemplate(template: string, values: Record<string, string>): string {
  return Object.entries(values).reduce(
    (text, [name, value]) => text.replace(`<${name}>`, JSON.stringify(value)),
    template,
  );
}

type TemplateResource = { Type: string; Properties: Record<string, unknown> };

async function templateResources(body: Record<string, unknown>): Promise<Record<string, TemplateResource>> {
  const template = YAML.parse(fileAt(await starterFiles(body), 'cloudformation/template.yaml').content) as {
    Resources: Record<string, TemplateResource>;
  };
  return template.Resources;
}

describe('AWS Batch starter configuration', () => {
  describe('when a GPU job runs nightly', () => {
    it('creates a managed EC2 compute environment of GPU instances that scales from zero', async () => {
      const environment = jsonAt<CreateComputeEnvironmentCommandInput>(
        await starterFiles(GPU_NIGHTLY),
        'batch/compute-environment.json',
      );
      expect(environment).toMatchObject({
        computeEnvironmentName: 'train',
        type: 'MANAGED',
        computeResources: {
          type: 'EC2',
          minvCpus: 0,
          allocationStrategy: 'BEST_FIT_PROGRESSIVE',
          instanceRole: 'arn:aws:iam::<account-id>:instance-profile/train-batch-instance',
          ec2Configuration: [{ imageType: 'ECS_AL2023_NVIDIA' }],
          subnets: ['<subnet-id>'],
          securityGroupIds: ['<job-security-group-id>'],
        },
      });
      expect(environment.computeResources?.instanceTypes?.[0]).toMatch(/^g\d/);
      expect(environment).not.toHaveProperty('serviceRole');
    });

    it('asks for one GPU on EC2 and retries only attempts whose host went away', async () => {
      const job = jsonAt<RegisterJobDefinitionCommandInput>(
        await starterFiles(GPU_NIGHTLY),
        'batch/job-definition.json',
      );
      expect(job.platformCapabilities).toEqual(['EC2']);
      expect(job.containerProperties?.resourceRequirements).toEqual([
        { type: 'VCPU', value: '4' },
        { type: 'MEMORY', value: '16384' },
        { type: 'GPU', value: '1' },
      ]);
      expect(job.retryStrategy).toEqual({
        attempts: 3,
        evaluateOnExit: [
          { onStatusReason: 'Host EC2*', action: 'RETRY' },
          { onStatusReason: 'Your Spot Task was interrupted*', action: 'RETRY' },
          { onReason: '*', action: 'EXIT' },
        ],
      });
      expect(job.timeout?.attemptDurationSeconds).toBeGreaterThanOrEqual(3600);
      expect(job.containerProperties).toMatchObject({
        executionRoleArn: 'arn:aws:iam::<account-id>:role/train-execution',
        jobRoleArn: 'arn:aws:iam::<account-id>:role/train-job',
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/aws/batch/train' } },
      });
    });

    it('puts the job queue over the compute environment', async () => {
      const queue = jsonAt<CreateJobQueueCommandInput>(
        await starterFiles(GPU_NIGHTLY),
        'batch/job-queue.json',
      );
      expect(queue.computeEnvironmentOrder).toEqual([
        { order: 1, computeEnvironment: 'arn:aws:batch:us-east-1:<account-id>:compute-environment/train' },
      ]);
    });

    it('submits the job from a scheduled EventBridge rule, whose role may submit only this job', async () => {
      const files = await starterFiles(GPU_NIGHTLY);
      const rule = jsonAt<EventRuleFile>(files, 'batch/schedule-rule.json');
      expect(rule.putRule.ScheduleExpression).toBe('cron(0 1 * * ? *)');
      expect(rule.putTargets.Targets).toEqual([
        expect.objectContaining({
          Arn: 'arn:aws:batch:us-east-1:<account-id>:job-queue/train',
          RoleArn: 'arn:aws:iam::<account-id>:role/train-events',
          BatchParameters: { JobDefinition: 'train', JobName: 'train' },
        }),
      ]);
      const { roles } = jsonAt<{ roles: RoleDefinition[] }>(files, 'iam/roles.json');
      const events = roles.find((role) => role.RoleName === 'train-events');
      expect(events?.AssumeRolePolicyDocument.Statement[0]?.Principal).toEqual({
        Service: 'events.amazonaws.com',
      });
      expect(events?.Policy?.PolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Action: ['batch:SubmitJob'],
          Resource: [
            'arn:aws:batch:us-east-1:<account-id>:job-queue/train',
            'arn:aws:batch:us-east-1:<account-id>:job-definition/train',
            'arn:aws:batch:us-east-1:<account-id>:job-definition/train:*',
          ],
        }),
      ]);
    });

    it('links the stack resources by reference: the queue to the environment, the rule to the queue', async () => {
      const resources = await templateResources(GPU_NIGHTLY);
      expect(resources.ComputeEnvironment?.Properties.ComputeResources).toMatchObject({
        InstanceRole: { 'Fn::GetAtt': ['InstanceProfile', 'Arn'] },
        SecurityGroupIds: [{ Ref: 'JobSecurityGroup' }],
      });
      expect(resources.JobQueue?.Properties.ComputeEnvironmentOrder).toEqual([
        { Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } },
      ]);
      expect(resources.ScheduleRule?.Properties.Targets).toEqual([
        expect.objectContaining({
          Arn: { Ref: 'JobQueue' },
          BatchParameters: { JobDefinition: { Ref: 'JobDefinition' }, JobName: 'train' },
        }),
      ]);
    });

    it('names the compute environment as the platform capacity', async () => {
      const recommendation = await recommend(GPU_NIGHTLY);
      expect(recommendation.platform).toMatchObject({ id: 'aws-batch', service: 'batch', capacity: 'ec2' });
      expect(recommendation.computeEnvironment).toMatchObject({ type: 'EC2', capacity: 'ec2' });
    });
  });

  describe('when a job beyond Fargate tolerates interruption', () => {
    it('runs it on a Spot compute environment with the price-capacity-optimized strategy', async () => {
      const environment = jsonAt<CreateComputeEnvironmentCommandInput>(
        await starterFiles(SPOT_LARGE),
        'batch/compute-environment.json',
      );
      expect(environment.computeResources).toMatchObject({
        type: 'SPOT',
        allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED',
        ec2Configuration: [{ imageType: 'ECS_AL2023' }],
      });
      expect(environment.computeResources).not.toHaveProperty('spotIamFleetRole');
      expect(environment.computeResources?.instanceTypes?.length).toBeGreaterThan(1);
    });
  });

  describe('when each uploaded object starts a job', () => {
    it('runs it on Fargate at a Fargate size, with a private network interface', async () => {
      const files = await starterFiles(S3_BURST);
      const environment = jsonAt<CreateComputeEnvironmentCommandInput>(
        files,
        'batch/compute-environment.json',
      );
      expect(environment.computeResources).toEqual({
        type: 'FARGATE',
        maxvCpus: 20,
        subnets: ['<subnet-id>'],
        securityGroupIds: ['<job-security-group-id>'],
      });
      const job = jsonAt<RegisterJobDefinitionCommandInput>(files, 'batch/job-definition.json');
      expect(job.platformCapabilities).toEqual(['FARGATE']);
      expect(job.containerProperties).toMatchObject({
        resourceRequirements: [
          { type: 'VCPU', value: '1' },
          { type: 'MEMORY', value: '2048' },
        ],
        networkConfiguration: { assignPublicIp: 'DISABLED' },
        fargatePlatformConfiguration: { platformVersion: 'LATEST' },
        runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      });
    });

    it('passes the bucket and key as job parameters the job definition declares', async () => {
      const files = await starterFiles(S3_BURST);
      const job = jsonAt<RegisterJobDefinitionCommandInput>(files, 'batch/job-definition.json');
      expect(job.parameters).toEqual({ S3_BUCKET: '', S3_KEY: '' });
      const rule = jsonAt<EventRuleFile>(files, 'batch/s3-event-rule.json');
      const [target] = rule.putTargets.Targets;
      expect(target?.InputTransformer?.InputPathsMap).toEqual({
        bucket: '$.detail.bucket.name',
        key: '$.detail.object.key',
      });
      const filled = fillTemplate(target?.InputTransformer?.InputTemplate ?? '', {
        bucket: 'scans',
        key: 'in/a "quoted" scan.pdf',
      });
      expect(JSON.parse(filled)).toEqual({
        Parameters: { S3_BUCKET: 'scans', S3_KEY: 'in/a "quoted" scan.pdf' },
      });
    });
  });

  describe('when a Windows job tolerates interruption', () => {
    it('runs it on regular Fargate, x86_64 Windows, since Fargate Spot runs no Windows', async () => {
      const files = await starterFiles(WINDOWS);
      const environment = jsonAt<CreateComputeEnvironmentCommandInput>(
        files,
        'batch/compute-environment.json',
      );
      expect(environment.computeResources?.type).toBe('FARGATE');
      const job = jsonAt<RegisterJobDefinitionCommandInput>(files, 'batch/job-definition.json');
      expect(job.containerProperties?.runtimePlatform).toEqual({
        operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE',
        cpuArchitecture: 'X86_64',
      });
    });
  });
});

import type {
  ComputeResource,
  ContainerProperties,
  CreateComputeEnvironmentCommandInput,
  CreateJobQueueCommandInput,
  RegisterJobDefinitionCommandInput,
  ResourceRequirement,
} from '@aws-sdk/client-batch';
import { createLogGroupCommand, putRetentionPolicyCommand } from '../../plan/log-group/api-files';
import { objectCreatedRule } from '../../plan/object-created-trigger/api-files';
import { s3EventInputTransformer } from '../../plan/object-created-trigger/plan';
import { apiValue } from '../../plan/reference';
import type { EventRuleFile, EventTarget } from '../../shared/eventbridge-shapes';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import {
  type BatchPlan,
  type ComputeEnvironmentPlan,
  DATA_VOLUME_NAME,
  type JobDefinitionPlan,
  type JobResourcesPlan,
  type ObjectCreatedSubmitPlan,
  type ScheduledSubmitPlan,
  type SubmitJobPlan,
} from './plan';
import { STEPS } from './steps';

const SCHEDULE_RULE_FILE = 'batch/schedule-rule.json';
const S3_RULE_FILE = 'batch/s3-event-rule.json';

/** The compute environment, the job queue over it, the job definition, and the rule that submits jobs. */
export function batchFiles(plan: BatchPlan): DescribedFile[] {
  const files = [
    computeEnvironmentFile(plan.computeEnvironment),
    jobQueueFile(plan),
    jobDefinitionFile(plan),
  ];
  if (plan.schedule !== null) files.push(scheduleRuleFile(plan.schedule));
  if (plan.objectCreated !== null) files.push(objectCreatedRuleFile(plan.objectCreated));
  return files;
}

/** The README's commands, in the order they can run: network and roles, compute, queue, job, trigger. */
export function batchSteps(plan: BatchPlan): string[] {
  const { ec2 } = plan.computeEnvironment;
  const steps: string[] = [
    STEPS.securityGroup(plan.name, PLACEHOLDERS.vpcId),
    ...(ec2 === null ? [] : [STEPS.instanceProfile(ec2.instanceProfileName)]),
    STEPS.createLogGroup(
      createLogGroupCommand(plan.logGroup),
      putRetentionPolicyCommand(plan.logGroup),
      plan.logGroup.retentionInDays,
    ),
    STEPS.createComputeEnvironment,
    STEPS.createJobQueue(plan.computeEnvironment.name),
    STEPS.registerJobDefinition,
  ];
  if (plan.schedule !== null)
    steps.push(STEPS.putRule(SCHEDULE_RULE_FILE), STEPS.putTargets(SCHEDULE_RULE_FILE));
  if (plan.objectCreated !== null) {
    steps.push(
      STEPS.bucketNotifications(apiValue(plan.objectCreated.trigger.bucket)),
      STEPS.putRule(S3_RULE_FILE),
      STEPS.putTargets(S3_RULE_FILE),
    );
  }
  steps.push(STEPS.submitJob(plan.name));
  return steps;
}

/** batch/compute-environment.json: CreateComputeEnvironment for a managed environment that scales from zero. */
function computeEnvironmentFile(environment: ComputeEnvironmentPlan): DescribedFile {
  const { ec2 } = environment;
  const computeResources: ComputeResource = {
    type: environment.type,
    maxvCpus: environment.maxvCpus,
    subnets: [PLACEHOLDERS.subnetId],
    securityGroupIds: [PLACEHOLDERS.jobSecurityGroupId],
    ...(ec2 === null
      ? {}
      : {
          minvCpus: 0,
          instanceTypes: [...ec2.instanceTypes],
          allocationStrategy: ec2.allocationStrategy,
          instanceRole: apiValue(ec2.instanceProfile),
          ec2Configuration: [{ imageType: ec2.imageType }],
        }),
  };
  const request: CreateComputeEnvironmentCommandInput = {
    computeEnvironmentName: environment.name,
    type: 'MANAGED',
    state: 'ENABLED',
    computeResources,
  };
  return jsonFile(
    'batch/compute-environment.json',
    request,
    `AWS Batch CreateComputeEnvironment input: a managed ${environment.type} compute environment in private subnets that scales from 0 to ${environment.maxvCpus} vCPUs with the jobs waiting.`,
  );
}

/** batch/job-queue.json: CreateJobQueue over the one compute environment. */
function jobQueueFile({ jobQueue }: BatchPlan): DescribedFile {
  const request: CreateJobQueueCommandInput = {
    jobQueueName: jobQueue.name,
    state: 'ENABLED',
    priority: jobQueue.priority,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: apiValue(jobQueue.computeEnvironment) }],
  };
  return jsonFile(
    'batch/job-queue.json',
    request,
    'AWS Batch CreateJobQueue input: the queue jobs wait in until the compute environment has room for them.',
  );
}

function resourceRequirements(resources: JobResourcesPlan): ResourceRequirement[] {
  return [
    { type: 'VCPU', value: resources.vcpu },
    { type: 'MEMORY', value: resources.memoryMiB },
    ...(resources.gpus === undefined ? [] : [{ type: 'GPU' as const, value: String(resources.gpus) }]),
  ];
}

function containerProperties(job: JobDefinitionPlan): ContainerProperties {
  const properties: ContainerProperties = {
    image: job.image,
    resourceRequirements: resourceRequirements(job.resources),
    executionRoleArn: apiValue(job.executionRole),
    jobRoleArn: apiValue(job.jobRole),
    runtimePlatform: { ...job.runtimePlatform },
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': apiValue(job.logGroup),
        'awslogs-region': job.region,
        'awslogs-stream-prefix': job.streamPrefix,
      },
    },
  };
  if (job.environment.length > 0)
    properties.environment = job.environment.map((variable) => ({ ...variable }));
  if (job.secrets.length > 0)
    properties.secrets = job.secrets.map(({ name, valueFrom }) => ({ name, valueFrom: apiValue(valueFrom) }));
  if (job.privileged) properties.privileged = true;
  if (job.fargate !== null) {
    properties.networkConfiguration = { assignPublicIp: job.fargate.assignPublicIp };
    properties.fargatePlatformConfiguration = { platformVersion: job.fargate.platformVersion };
  }
  if (job.ephemeralStorageGiB !== null) properties.ephemeralStorage = { sizeInGiB: job.ephemeralStorageGiB };
  if (job.volume !== null) {
    properties.volumes = [
      {
        name: DATA_VOLUME_NAME,
        efsVolumeConfiguration: {
          fileSystemId: apiValue(job.volume.fileSystemId),
          transitEncryption: 'ENABLED',
          authorizationConfig: { accessPointId: apiValue(job.volume.accessPointId), iam: 'ENABLED' },
        },
      },
    ];
    if (job.mountPath !== undefined)
      properties.mountPoints = [
        { sourceVolume: DATA_VOLUME_NAME, containerPath: job.mountPath, readOnly: false },
      ];
  }
  return properties;
}

/** batch/job-definition.json: RegisterJobDefinition for one container, with retries on lost hosts and a timeout. */
function jobDefinitionFile({ jobDefinition }: BatchPlan): DescribedFile {
  const request: RegisterJobDefinitionCommandInput = {
    jobDefinitionName: jobDefinition.name,
    type: 'container',
    platformCapabilities: [jobDefinition.platformCapability],
    ...(Object.keys(jobDefinition.parameters).length === 0
      ? {}
      : { parameters: { ...jobDefinition.parameters } }),
    containerProperties: containerProperties(jobDefinition),
    retryStrategy: {
      attempts: jobDefinition.retryStrategy.attempts,
      evaluateOnExit: jobDefinition.retryStrategy.evaluateOnExit.map((condition) => ({ ...condition })),
    },
    timeout: { attemptDurationSeconds: jobDefinition.attemptTimeoutSeconds },
    propagateTags: true,
  };
  return jsonFile(
    'batch/job-definition.json',
    request,
    'AWS Batch RegisterJobDefinition input: the container, its size, roles and logs, retries when Spot or a host takes an attempt away, and a timeout.',
  );
}

function submitJobTarget(submitJob: SubmitJobPlan): EventTarget {
  return {
    Id: 'submit-job',
    Arn: apiValue(submitJob.jobQueue),
    RoleArn: apiValue(submitJob.roleArn),
    BatchParameters: { JobDefinition: apiValue(submitJob.jobDefinition), JobName: submitJob.jobName },
    RetryPolicy: { ...submitJob.retry },
  };
}

/** batch/schedule-rule.json: an EventBridge scheduled rule that submits one job per occurrence. */
function scheduleRuleFile(schedule: ScheduledSubmitPlan): DescribedFile {
  const rule: EventRuleFile = {
    putRule: {
      Name: schedule.ruleName,
      ScheduleExpression: schedule.expression,
      State: 'ENABLED',
      Description: schedule.description,
    },
    putTargets: { Rule: schedule.ruleName, Targets: [submitJobTarget(schedule.submitJob)] },
  };
  return jsonFile(
    SCHEDULE_RULE_FILE,
    rule,
    'EventBridge PutRule and PutTargets inputs: a scheduled rule (UTC) that submits the job to its queue; EventBridge Scheduler has no Batch target.',
  );
}

/** batch/s3-event-rule.json: an EventBridge rule on the bucket's "Object Created" events that submits one job per object. */
function objectCreatedRuleFile(run: ObjectCreatedSubmitPlan): DescribedFile {
  const rule = objectCreatedRule(run.trigger, run.description, {
    ...submitJobTarget(run.submitJob),
    InputTransformer: s3EventInputTransformer(run.inputTemplate),
  });
  return jsonFile(
    S3_RULE_FILE,
    rule,
    'EventBridge PutRule and PutTargets inputs: submit one job for each object created in the bucket (its bucket and key as the job parameters S3_BUCKET and S3_KEY).',
  );
}

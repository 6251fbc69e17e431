import type { StatementResourceRef } from '../../../design/design-draft';
import {
  type ContainerEnvironmentPlan,
  containerEnvironmentPlan,
} from '../../plan/container-environment/plan';
import { type FileSystemPlan, fileSystemPlan } from '../../plan/file-system/plan';
import { type LogGroupPlan, logGroupPlan } from '../../plan/log-group/plan';
import {
  type ObjectCreatedTriggerPlan,
  objectCreatedTriggerPlan,
  type S3EventPath,
  s3EventInputTemplate,
} from '../../plan/object-created-trigger/plan';
import { type Reference, reference } from '../../plan/reference';
import { registryPlan } from '../../plan/registry/plan';
import { designedRoles, literalRole, type RolePlan, roleKey } from '../../plan/roles/plan';
import { hostInstances } from '../../shared/host-instances';
import { iamRoleArn, PLACEHOLDERS } from '../../shared/placeholders';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { IamRole, StarterConfigInput } from '../../shared/starter-file';
import type { StarterPlan } from '../family-unit';
import { batchJobEphemeralStorageGiB } from './scratch-disk';
import { NOTES } from './steps';

/** The job's one data volume, whatever backs it. */
export const DATA_VOLUME_NAME = 'data';

/** The job parameters an S3-triggered job receives, by the event path that fills each. */
export const S3_JOB_PARAMETERS = { S3_BUCKET: 'bucket', S3_KEY: 'key' } as const satisfies Record<
  string,
  S3EventPath
>;

/** EventBridge retries a failed SubmitJob twice, within an hour of the event. */
const SUBMIT_JOB_RETRY = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 } as const;

/**
 * Attempts per job: the first run and two retries after a Spot reclaim or host failure, enough to ride
 * out an interruption or two without rerunning a job that keeps losing its host forever.
 */
const JOB_ATTEMPTS = 3;

/**
 * How long one attempt may run before Batch stops it: a day, so a hung attempt stops being billed while
 * no real job (a nightly training run included) is cut short. Lower it to a few times the expected run.
 */
const ATTEMPT_TIMEOUT_SECONDS = 24 * 60 * 60;

/**
 * The retry strategy's conditions, first match wins: retry an attempt whose host went away (an EC2 Spot
 * reclaim or instance failure reports "Host EC2 (instance …) terminated."; a Fargate Spot reclaim reports
 * "Your Spot Task was interrupted.") and end every other failure, so a job that fails on its own is not
 * run again. Batch matches each pattern from the start, with `*` as a trailing wildcard.
 */
const EVALUATE_ON_EXIT: readonly EvaluateOnExitPlan[] = [
  { onStatusReason: 'Host EC2*', action: 'RETRY' },
  { onStatusReason: 'Your Spot Task was interrupted*', action: 'RETRY' },
  { onReason: '*', action: 'EXIT' },
];

export interface EvaluateOnExitPlan {
  onStatusReason?: string;
  onReason?: string;
  action: 'RETRY' | 'EXIT';
}

/** The EC2 side of an EC2 or Spot compute environment: the instances Batch launches and how it picks them. */
export interface Ec2ResourcesPlan {
  /** From the one instance chooser, so the type deployed is the type priced; under Spot also same-sized alternatives. */
  instanceTypes: [string, ...string[]];
  allocationStrategy: 'BEST_FIT_PROGRESSIVE' | 'SPOT_PRICE_CAPACITY_OPTIMIZED';
  /** The ECS-optimized Amazon Linux 2023 image Batch picks for the instance types (the NVIDIA one for GPUs). */
  imageType: 'ECS_AL2023' | 'ECS_AL2023_NVIDIA';
  instanceRole: Reference;
  /** Batch takes the instance profile (named after its role), not the role. */
  instanceProfile: Reference;
  instanceProfileName: string;
}

/** A managed compute environment that Batch scales between 0 and maxvCpus with the jobs waiting. */
export interface ComputeEnvironmentPlan {
  name: string;
  type: 'FARGATE' | 'FARGATE_SPOT' | 'EC2' | 'SPOT';
  /** The most vCPUs it runs at once: room for maxTasks jobs at a time. */
  maxvCpus: number;
  /** Null on Fargate, where Batch chooses no instances. */
  ec2: Ec2ResourcesPlan | null;
}

export interface JobQueuePlan {
  name: string;
  priority: number;
  computeEnvironment: Reference;
}

/**
 * What the job asks of its compute environment, in the units Batch takes (vCPU as text, memory in MiB).
 */
export interface JobResourcesPlan {
  vcpu: string;
  memoryMiB: string;
  gpus?: number;
}

export type JobVolumePlan = { kind: 'efs'; fileSystemId: Reference; accessPointId: Reference };

/** The job definition: one container with its size, roles, logs, retries and timeout. */
export interface JobDefinitionPlan {
  name: string;
  platformCapability: 'FARGATE' | 'EC2';
  /** The image the API files name; the stack takes it as its ImageUri parameter, defaulting to the request's. */
  image: string;
  imageFromRequest: string | undefined;
  resources: JobResourcesPlan;
  runtimePlatform: {
    operatingSystemFamily: 'LINUX' | 'WINDOWS_SERVER_2022_CORE';
    cpuArchitecture: 'X86_64' | 'ARM64';
  };
  executionRole: Reference;
  jobRole: Reference;
  logGroup: Reference;
  region: string;
  streamPrefix: string;
  /** EC2 only: Fargate jobs cannot set privileged. */
  privileged: boolean;
  volume: JobVolumePlan | null;
  mountPath?: string;
  /** Default values of the parameters a trigger passes (the S3 bucket and key); empty when none does. */
  parameters: Record<string, string>;
  retryStrategy: { attempts: number; evaluateOnExit: readonly EvaluateOnExitPlan[] };
  attemptTimeoutSeconds: number;
  /** Fargate only: the job's network interface stays private, on the latest platform version. */
  fargate: { assignPublicIp: 'DISABLED'; platformVersion: 'LATEST' } | null;
  /** Fargate only: the job's scratch disk, ephemeralStorage.sizeInGiB; null leaves the 20 GiB default. */
  ephemeralStorageGiB: number | null;
  environment: { name: string; value: string }[];
  /** Variables the job reads from Secrets Manager at start, with the execution role. */
  secrets: { name: string; valueFrom: Reference }[];
}

/** How an EventBridge rule submits a job: to the queue, with the job definition, under the role it assumes. */
export interface SubmitJobPlan {
  jobQueue: Reference;
  jobDefinition: Reference;
  jobName: string;
  role: RolePlan;
  roleArn: Reference;
  retry: typeof SUBMIT_JOB_RETRY;
}

/** An EventBridge scheduled rule that submits one job per occurrence (Scheduler has no Batch target). */
export interface ScheduledSubmitPlan {
  ruleName: string;
  expression: string;
  description: string;
  submitJob: SubmitJobPlan;
}

/** An EventBridge rule on the bucket's "Object Created" events that submits one job per object. */
export interface ObjectCreatedSubmitPlan {
  trigger: ObjectCreatedTriggerPlan;
  description: string;
  /** The SubmitJob parameters EventBridge fills in from each event (S3_BUCKET and S3_KEY). */
  inputTemplate: string;
  submitJob: SubmitJobPlan;
}

export interface BatchPlan extends StarterPlan {
  name: string;
  region: string;
  logGroup: LogGroupPlan;
  computeEnvironment: ComputeEnvironmentPlan;
  jobQueue: JobQueuePlan;
  jobDefinition: JobDefinitionPlan;
  fileSystem: FileSystemPlan | null;
  schedule: ScheduledSubmitPlan | null;
  objectCreated: ObjectCreatedSubmitPlan | null;
  notes: string[];
}

export function batchPlan(input: StarterConfigInput): BatchPlan {
  const { workload, design, facts } = input;
  const name = workload.name;
  const region = workload.region;
  const environment = design.computeEnvironment;
  if (environment === undefined)
    throw new StarterConfigError(`${facts.platform.id} has no compute environment in its design`);
  const fileSystem = fileSystemPlan(input);
  const scheduleTrigger = design.triggers.find(
    (trigger) => trigger.type === 'eventbridge-rule' && trigger.expression !== undefined,
  );
  const s3RuleTrigger = design.triggers.find(
    (trigger) => trigger.type === 'eventbridge-rule' && trigger.pattern !== undefined,
  );
  const containerEnvironment = containerEnvironmentPlan(workload);
  const creates = new Set<StatementResourceRef>([
    ...(fileSystem === null ? [] : ['file-system' as const]),
    ...(s3RuleTrigger === undefined ? [] : ['trigger-bucket-objects' as const]),
    ...(containerEnvironment.secrets.length > 0 ? ['workload-secrets' as const] : []),
  ]);
  const logGroup = logGroupPlan(`/aws/batch/${name}`);
  const jobDefinition = jobDefinitionPlan(
    input,
    environment.capacity,
    logGroup,
    fileSystem,
    s3RuleTrigger !== undefined,
    containerEnvironment,
  );
  const instanceRole =
    environment.capacity === 'ec2' ? literalRole(INSTANCE_ROLE_KEY, instanceRoleOf(name)) : null;
  const computeEnvironment = computeEnvironmentPlan(
    input,
    environment,
    jobDefinition.resources,
    instanceRole,
  );
  const jobQueue: JobQueuePlan = {
    name,
    priority: 1,
    computeEnvironment: reference(
      'compute-environment',
      'arn',
      `arn:aws:batch:${region}:${PLACEHOLDERS.accountId}:compute-environment/${computeEnvironment.name}`,
    ),
  };
  const submitJob =
    scheduleTrigger === undefined && s3RuleTrigger === undefined ? null : submitJobPlan(input);
  const schedule =
    scheduleTrigger === undefined || submitJob === null
      ? null
      : {
          ruleName: `${name}-schedule`,
          expression: scheduleTrigger.expression ?? workload.trigger?.expression ?? '',
          description: `Submits ${name} to its job queue on its schedule (UTC).`,
          submitJob,
        };
  const objectCreated =
    s3RuleTrigger === undefined || submitJob === null
      ? null
      : {
          trigger: objectCreatedTriggerPlan(input, s3RuleTrigger),
          description: `Submits ${name} once for every object created in the bucket.`,
          inputTemplate: parametersTemplate(),
          submitJob,
        };
  const plan: Omit<BatchPlan, 'notes'> = {
    roles: [
      ...designedRoles(input, creates, { namespace: name, name }),
      ...(instanceRole === null ? [] : [instanceRole]),
      ...(submitJob === null ? [] : [submitJob.role]),
    ],
    registry: registryPlan(design.registry),
    environment: containerEnvironment,
    name,
    region,
    logGroup,
    computeEnvironment,
    jobQueue,
    jobDefinition,
    fileSystem,
    schedule,
    objectCreated,
  };
  return { ...plan, notes: notesOf(input, plan) };
}

const INSTANCE_ROLE_KEY = 'role:batch-instance';

/** What to know before applying the files, from what the plan holds. */
function notesOf(input: StarterConfigInput, plan: Omit<BatchPlan, 'notes'>): string[] {
  const notes: string[] = [NOTES.serviceLinkedRole];
  if (plan.objectCreated !== null) notes.push(NOTES.objectParameters);
  if (plan.fileSystem !== null) notes.push(NOTES.efsVolume(input.design.iam.taskRole.name));
  if (plan.computeEnvironment.type === 'FARGATE_SPOT' || plan.computeEnvironment.type === 'SPOT')
    notes.push(NOTES.spotRetries);
  if (plan.computeEnvironment.ec2?.imageType === 'ECS_AL2023' && input.workload.control.gpu)
    notes.push(NOTES.noArm64GpuImage);
  return notes;
}

/**
 * The job's size where it runs: on Fargate the valid Fargate size the request rounds up to; on EC2 the
 * request itself (whole vCPUs, as EC2 jobs take), which the instance chooser found a type to hold.
 */
function jobResources(input: StarterConfigInput, capacity: 'fargate' | 'ec2'): JobResourcesPlan {
  const { workload, facts } = input;
  if (capacity === 'fargate') {
    const { vcpu, memoryGiB } = facts.runtime.fargateTaskSize;
    if (vcpu === null || memoryGiB === null)
      throw new StarterConfigError(
        `${facts.platform.id} has no Fargate size for the job: ${facts.runtime.fargateTaskSize.limitText}`,
      );
    return { vcpu: String(vcpu), memoryMiB: String(Math.round(memoryGiB * 1024)) };
  }
  return {
    vcpu: String(Math.max(1, Math.ceil(workload.resources.cpu))),
    // Rounded up, so the job reserves at least the memory asked for.
    memoryMiB: String(Math.ceil(workload.resources.memoryGiB * 1024)),
    ...(workload.control.gpu ? { gpus: 1 } : {}),
  };
}

function jobDefinitionPlan(
  input: StarterConfigInput,
  capacity: 'fargate' | 'ec2',
  logGroup: LogGroupPlan,
  fileSystem: FileSystemPlan | null,
  passesObjectParameters: boolean,
  containerEnvironment: ContainerEnvironmentPlan,
): JobDefinitionPlan {
  const { workload, facts, design } = input;
  const fargate = capacity === 'fargate';
  const volume: JobVolumePlan | null =
    fileSystem === null
      ? null
      : { kind: 'efs', fileSystemId: fileSystem.fileSystemId, accessPointId: fileSystem.accessPointId };
  return {
    name: workload.name,
    platformCapability: fargate ? 'FARGATE' : 'EC2',
    image: design.registry.imageUri,
    imageFromRequest: workload.image,
    resources: jobResources(input, capacity),
    runtimePlatform: {
      operatingSystemFamily: facts.runtime.os === 'windows' ? 'WINDOWS_SERVER_2022_CORE' : 'LINUX',
      cpuArchitecture: facts.runtime.architecture === 'arm64' ? 'ARM64' : 'X86_64',
    },
    executionRole: reference(roleKey('executionRole'), 'arn', iamRoleArn(design.iam.executionRole.name)),
    jobRole: reference(roleKey('taskRole'), 'arn', iamRoleArn(design.iam.taskRole.name)),
    logGroup: reference('log-group', 'name', logGroup.name),
    region: workload.region,
    streamPrefix: 'batch',
    privileged: workload.control.privileged && !fargate,
    volume,
    ...(volume !== null && design.storage.mountPath !== undefined
      ? { mountPath: design.storage.mountPath }
      : {}),
    parameters: !passesObjectParameters
      ? {}
      : Object.fromEntries(Object.keys(S3_JOB_PARAMETERS).map((parameter) => [parameter, ''])),
    retryStrategy: { attempts: JOB_ATTEMPTS, evaluateOnExit: EVALUATE_ON_EXIT },
    attemptTimeoutSeconds: ATTEMPT_TIMEOUT_SECONDS,
    fargate: fargate ? { assignPublicIp: 'DISABLED', platformVersion: 'LATEST' } : null,
    ephemeralStorageGiB: batchJobEphemeralStorageGiB(input, capacity),
    environment: containerEnvironment.variables,
    secrets: containerEnvironment.secrets.map(({ variable, arn }) => ({ name: variable, valueFrom: arn })),
  };
}

function computeEnvironmentPlan(
  input: StarterConfigInput,
  environment: NonNullable<StarterConfigInput['design']['computeEnvironment']>,
  resources: JobResourcesPlan,
  instanceRole: RolePlan | null,
): ComputeEnvironmentPlan {
  const { workload } = input;
  const concurrentJobs = Math.max(1, workload.resources.maxTasks);
  if (environment.capacity === 'fargate' || instanceRole === null) {
    return {
      name: workload.name,
      type: environment.type,
      maxvCpus: Math.max(1, Math.ceil(Number(resources.vcpu) * concurrentJobs)),
      ec2: null,
    };
  }
  const hosts = hostInstances(input);
  const [first] = hosts.instanceTypes;
  const hostVcpus =
    input.instances.instanceTypes.find((type) => type.type === first)?.vcpu ?? Number(resources.vcpu);
  return {
    name: workload.name,
    type: environment.type,
    // Enough whole instances for maxTasks jobs at once: Batch never launches more vCPUs than this.
    maxvCpus: hostVcpus * Math.ceil(concurrentJobs / hosts.tasksPerHost),
    ec2: {
      instanceTypes: hosts.instanceTypes,
      allocationStrategy:
        environment.allocationStrategy ??
        (environment.type === 'SPOT' ? 'SPOT_PRICE_CAPACITY_OPTIMIZED' : 'BEST_FIT_PROGRESSIVE'),
      // The NVIDIA image is built for x86_64 only: Graviton GPU instances boot the plain image (see the note).
      imageType:
        workload.control.gpu && input.facts.runtime.architecture === 'x86_64'
          ? 'ECS_AL2023_NVIDIA'
          : 'ECS_AL2023',
      instanceRole: reference(instanceRole.key, 'arn', iamRoleArn(instanceRole.name)),
      instanceProfile: reference(
        'instance-profile',
        'arn',
        `arn:aws:iam::${PLACEHOLDERS.accountId}:instance-profile/${instanceRole.name}`,
      ),
      instanceProfileName: instanceRole.name,
    },
  };
}

/** The role of the instances an EC2 compute environment launches: they join Batch's ECS cluster with it. */
function instanceRoleOf(name: string): IamRole {
  return {
    name: `${name}-batch-instance`,
    trustedService: 'ec2.amazonaws.com',
    managedPolicyArns: [
      'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
      'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
    ],
    statements: [],
    description:
      "Assumed by the EC2 instances of the Batch compute environment: the ECS agent registers them with Batch's cluster and runs the jobs; Session Manager reaches them without SSH.",
  };
}

/**
 * The role EventBridge assumes to submit the job: SubmitJob on the job queue and the job definition (any
 * revision). Not part of the design, which describes the workload's own roles; the triggers cannot work
 * without it.
 */
function submitJobPlan(input: StarterConfigInput): SubmitJobPlan {
  const { workload } = input;
  const { name, region } = workload;
  const jobQueue = reference(
    'job-queue',
    'arn',
    `arn:aws:batch:${region}:${PLACEHOLDERS.accountId}:job-queue/${name}`,
  );
  const jobDefinitionArn = `arn:aws:batch:${region}:${PLACEHOLDERS.accountId}:job-definition/${name}`;
  const role: IamRole = {
    name: `${name}-events`,
    trustedService: 'events.amazonaws.com',
    managedPolicyArns: [],
    statements: [],
    description: "Assumed by EventBridge to submit the workload's job to its AWS Batch job queue.",
  };
  const planned = literalRole(`role:${role.name}`, role);
  return {
    jobQueue,
    // BatchParameters takes the job definition's name or ARN: the name here, the stack's ARN there.
    jobDefinition: reference('job-definition', 'name', name),
    jobName: name,
    role: {
      ...planned,
      statements: [
        {
          effect: 'Allow',
          actions: ['batch:SubmitJob'],
          resources: [
            jobQueue,
            reference('job-definition', 'arn', jobDefinitionArn),
            reference('job-definition', 'arn', `${jobDefinitionArn}:*`, ':*'),
          ],
        },
      ],
    },
    roleArn: reference(planned.key, 'arn', iamRoleArn(role.name)),
    retry: SUBMIT_JOB_RETRY,
  };
}

/** The SubmitJob input EventBridge builds from each event: the job parameters S3_BUCKET and S3_KEY. */
function parametersTemplate(): string {
  return s3EventInputTemplate((eventValue) => ({
    Parameters: Object.fromEntries(
      Object.entries(S3_JOB_PARAMETERS).map(([parameter, path]) => [parameter, eventValue(path)]),
    ),
  }));
}

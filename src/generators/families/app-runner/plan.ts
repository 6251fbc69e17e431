import type { ImageRepositoryType } from '@aws-sdk/client-apprunner';
import type { StatementResourceRef } from '../../../design/design-draft';
import { containerEnvironmentPlan } from '../../plan/container-environment/plan';
import { type Reference, reference } from '../../plan/reference';
import { registryPlan } from '../../plan/registry/plan';
import { designedRoles, roleKey } from '../../plan/roles/plan';
import { iamRoleArn, PLACEHOLDERS } from '../../shared/placeholders';
import type { StarterConfigInput } from '../../shared/starter-file';
import { taskUnits } from '../../shared/task-size';
import type { StarterPlan } from '../family-unit';
import { NOTES } from './steps';

/** App Runner's limits: at least one provisioned instance, at most 25 per service, 200 concurrent requests each. */
export const APP_RUNNER_MIN_SIZE = 1;
export const APP_RUNNER_MAX_SIZE = 25;
const APP_RUNNER_MAX_CONCURRENCY = 200;
/** App Runner's own default concurrency per instance. */
const DEFAULT_MAX_CONCURRENCY = 100;

export interface AutoScalingConfigurationPlan {
  name: string;
  maxConcurrency: number;
  minSize: number;
  maxSize: number;
}

export interface AppRunnerServicePlan {
  name: string;
  /** The image the API files name; the stack takes it as its ImageUri parameter, defaulting to the request's. */
  imageUri: string;
  imageFromRequest: string | undefined;
  /** Private ECR needs the access role; ECR Public needs none. */
  repositoryType: ImageRepositoryType;
  port: string;
  cpu: string;
  memory: string;
  healthCheckPath: string;
  isPublic: boolean;
  accessRole: Reference;
  instanceRole: Reference;
  autoScalingConfiguration: Reference;
  environment: { name: string; value: string }[];
  /** RuntimeEnvironmentSecrets: App Runner reads each with the instance role as instances start. */
  secrets: { name: string; valueFrom: Reference }[];
}

/** App Runner: an auto scaling configuration, and the service that uses it with its access and instance roles. */
export interface AppRunnerPlan extends StarterPlan {
  scaling: AutoScalingConfigurationPlan;
  service: AppRunnerServicePlan;
  notes: string[];
}

/**
 * App Runner names must be 4 to 40 (services) or 4 to 32 (auto scaling configurations) characters, while a
 * workload name may be as short as one letter; short names get a suffix, long ones are cut.
 */
export function appRunnerServiceName(workloadName: string): string {
  return workloadName.length >= 4 ? workloadName : `${workloadName}-service`;
}

export function autoScalingConfigurationName(workloadName: string): string {
  return `${workloadName}-scaling`.slice(0, 32);
}

/** App Runner pulls only from Amazon ECR (with an access role) or ECR Public (without one). */
export function imageRepositoryType(imageUri: string): ImageRepositoryType {
  return imageUri.startsWith('public.ecr.aws/') ? 'ECR_PUBLIC' : 'ECR';
}

export function appRunnerPlan(input: StarterConfigInput): AppRunnerPlan {
  const { workload, facts, design } = input;
  const notes: string[] = [];
  const scaling = scalingPlan(input, notes);
  const imageUri = design.registry.imageUri;
  const repositoryType = imageRepositoryType(imageUri);
  const inPrivateEcr =
    imageUri.startsWith(`${PLACEHOLDERS.accountId}.dkr.ecr.`) || /^\d{12}\.dkr\.ecr\./.test(imageUri);
  if (repositoryType === 'ECR' && !inPrivateEcr) notes.push(NOTES.imageOutsideEcr);
  const isPublic = workload.traffic.exposure !== 'private';
  if (!isPublic) notes.push(NOTES.privateService);
  const { cpuUnits, memoryMiB } = taskUnits(facts);
  const environment = containerEnvironmentPlan(workload);
  const creates = new Set<StatementResourceRef>(environment.secrets.length > 0 ? ['workload-secrets'] : []);
  return {
    roles: designedRoles(input, creates, { namespace: workload.name, name: workload.name }),
    registry: registryPlan(design.registry),
    environment,
    scaling,
    service: {
      name: appRunnerServiceName(workload.name),
      imageUri,
      imageFromRequest: workload.image,
      repositoryType,
      port: String(workload.containerPort ?? 8080),
      cpu: String(cpuUnits),
      memory: String(memoryMiB),
      healthCheckPath: workload.healthCheckPath ?? '/',
      isPublic,
      accessRole: reference(roleKey('executionRole'), 'arn', iamRoleArn(design.iam.executionRole.name)),
      instanceRole: reference(roleKey('taskRole'), 'arn', iamRoleArn(design.iam.taskRole.name)),
      autoScalingConfiguration: reference(
        'auto-scaling-configuration',
        'arn',
        PLACEHOLDERS.autoScalingConfigurationArn,
      ),
      environment: environment.variables,
      secrets: environment.secrets.map(({ variable, arn }) => ({ name: variable, valueFrom: arn })),
    },
    notes,
  };
}

/** The designed instance range and concurrency, fitted to App Runner's limits; each fit is a README note. */
function scalingPlan(input: StarterConfigInput, notes: string[]): AutoScalingConfigurationPlan {
  const { workload, design } = input;
  const { minCapacity, maxCapacity } = design.scaling;
  const policy = design.scaling.policies.find((candidate) => candidate.type === 'app-runner-concurrency');
  const minSize = Math.max(minCapacity, APP_RUNNER_MIN_SIZE);
  if (minSize !== minCapacity) notes.push(NOTES.minSizeRaised(APP_RUNNER_MIN_SIZE, minSize, minCapacity));
  const maxSize = Math.max(Math.min(maxCapacity, APP_RUNNER_MAX_SIZE), minSize);
  if (maxSize !== maxCapacity) notes.push(NOTES.maxSizeLowered(APP_RUNNER_MAX_SIZE, maxSize, maxCapacity));
  return {
    name: autoScalingConfigurationName(workload.name),
    maxConcurrency: Math.min(policy?.targetValue ?? DEFAULT_MAX_CONCURRENCY, APP_RUNNER_MAX_CONCURRENCY),
    minSize,
    maxSize,
  };
}

import { ecrRepositoryName } from '../catalogue/ecr-repository-name';
import { type Platform, refusedLinuxCapabilities } from '../catalogue/platform-catalogue';
import type { TaskSize, TaskSizer } from '../catalogue/task-sizes';
import type { Workload } from '../contract/workload';
import { type KubernetesSchedule, toKubernetesSchedule } from '../shared/kubernetes-schedule';
import { shortestIntervalMinutes } from '../shared/schedule-interval';

/**
 * Values derived from the workload for one platform: the pieces of reasoning that are code rather than
 * data (json-rules-engine's split: facts and operators are code, rules are data).
 */
/** Values derived from the workload alone: the same on every platform. */
export interface WorkloadRuntime {
  os: 'linux' | 'windows';
  /** "os/persistence type", the key storage capabilities are listed by. */
  storageNeed: string;
  /** The ECS task group: "service:<name>" for services, "family:<name>" for standalone tasks. */
  taskGroup: string;
  /** The shortest time between two ticks of the workload's schedule, in minutes; null without a schedule. */
  scheduleIntervalMinutes: number | null;
  /** The workload's schedule as a Kubernetes CronJob would run it; null without a schedule. */
  kubernetesCronJob: KubernetesSchedule | null;
  /** The EventBridge pattern that matches the workload's S3 trigger, when it has one. */
  s3EventPattern: Record<string, unknown> | null;
  /** The workload's name as a valid ECR repository name. */
  ecrRepositoryName: string;
  /**
   * The request sized on AWS Fargate's task sizes for its OS, whatever the platform: an AWS Batch job runs
   * on a Fargate compute environment only when this fits (the design rules choose on it).
   */
  fargateTaskSize: TaskSize;
  /** How many variables the container reads from Secrets Manager (the role that starts it must read them). */
  secretCount: number;
}

/** Values derived from the workload on one platform (and the architecture cost chose). */
export interface PlatformRuntime {
  /**
   * The CPU architecture the workload will run on here: the requested one, or for "any" the platform's
   * default (x86_64 where it has it) or the one cost chose.
   */
  architecture: Architecture;
  /** Who chose the architecture: the request, the platform's default for "any", or the cost comparison. */
  architectureChosenBy: 'request' | 'platform' | 'cost';
  /** "os/architecture", the key platform capabilities are listed by. */
  osArchitecture: string;
  /** Spot when the work is interruptible and the platform has Spot capacity for it. */
  instanceMarket: 'spot' | 'on-demand';
  /** The cluster the workload runs in: its own, or the account's "default" (the platform's `cluster` trait). */
  clusterName: string;
  /**
   * The requested Linux capabilities the platform cannot add, joined by ", " for the blocker's sentence;
   * "" when it adds them all (or none was asked for).
   */
  refusedCapabilities: string;
}

/**
 * Values derived from the workload for one platform: the pieces of reasoning that are code rather than
 * data (json-rules-engine's split: facts and operators are code, rules are data).
 */
export type Runtime = WorkloadRuntime & PlatformRuntime;

/**
 * The request fields each derived fact is computed from (a field stands for every field under it). Keyed
 * by the type, so no field is forgotten. The workload-alone fields (WorkloadRuntime) are those whose
 * conditions are the same on every platform; the what-if search (remedies.ts) skips a change that touches
 * none of the fields a blocker reads, directly or through these, since the blocker would still fire.
 * test/engine/fact-dependencies.test.ts checks the table against buildFacts.
 */
const WORKLOAD_RUNTIME_SOURCES: Record<keyof WorkloadRuntime, readonly string[]> = {
  os: ['control.os'],
  storageNeed: ['control.os', 'persistence.type'],
  taskGroup: ['workloadType', 'trigger.type', 'name'],
  scheduleIntervalMinutes: ['trigger'],
  kubernetesCronJob: ['trigger'],
  s3EventPattern: ['trigger'],
  ecrRepositoryName: ['name'],
  fargateTaskSize: ['control.os', 'resources.cpu', 'resources.memoryGiB'],
  secretCount: ['secrets', 'environment'],
};
const PLATFORM_RUNTIME_SOURCES: Record<keyof PlatformRuntime, readonly string[]> = {
  architecture: ['control.architecture'],
  architectureChosenBy: ['control.architecture'],
  osArchitecture: ['control.os', 'control.architecture'],
  instanceMarket: ['cost.interruptible', 'control.os', 'control.architecture'],
  clusterName: ['name'],
  refusedCapabilities: ['control.capabilities'],
};
export const RUNTIME_SOURCES: Readonly<Record<keyof Runtime, readonly string[]>> = {
  ...WORKLOAD_RUNTIME_SOURCES,
  ...PLATFORM_RUNTIME_SOURCES,
};
export const TASK_SIZE_SOURCES: readonly string[] = ['control.os', 'resources.cpu', 'resources.memoryGiB'];

/** The runtime fields that depend on the workload alone: conditions on them are the same on every platform. */
export const WORKLOAD_RUNTIME_FIELDS: ReadonlySet<string> = new Set(Object.keys(WORKLOAD_RUNTIME_SOURCES));

/** The sizing model of AWS Fargate tasks in task-sizes.json. */
const FARGATE_SIZING_MODEL = 'fargate';

export interface Facts {
  workload: Workload;
  platform: Platform;
  taskSize: TaskSize;
  runtime: Runtime;
}

/** How a platform's estimated monthly cost compares with the cheapest eligible platform's (the cost-fit facts). */
export interface CostFact {
  monthly: number;
  cheapestMonthly: number;
  cheapestPlatformName: string;
  /** Whether the cheapest eligible platform is priced as whole EC2 instances (sizing model `ec2`), not per task. */
  cheapestIsWholeInstances: boolean;
  /** monthly ÷ cheapestMonthly: 1 for the cheapest. */
  ratio: number;
  /** How much dearer than the cheapest, in percent, rounded. */
  percentAboveCheapest: number;
}

export type CostFitFacts = Facts & { cost: CostFact };

export type Architecture = 'x86_64' | 'arm64';

/**
 * The facts of a workload on a platform. `costChoice` is the architecture the advisor's cost comparison
 * picked for a workload that runs on "any"; it is ignored when the request names one.
 */
export function buildFacts(
  workload: Workload,
  platform: Platform,
  sizer: TaskSizer,
  costChoice?: Architecture,
  shared: WorkloadRuntime = workloadRuntime(workload, sizer),
): Facts {
  const os = workload.control.os;
  const requested = workload.control.architecture;
  const platformDefault = defaultArchitecture(platform, os);
  const architecture: Architecture = requested !== 'any' ? requested : (costChoice ?? platformDefault);
  const architectureChosenBy =
    requested !== 'any' ? 'request' : costChoice === undefined ? 'platform' : 'cost';
  const osArchitecture = `${os}/${architecture}`;
  const spotCapable = asList(platform.capabilities.spot.supported).includes(osArchitecture);
  return {
    workload,
    platform,
    taskSize: sizer.size(platform.sizingModel, os, workload.resources.cpu, workload.resources.memoryGiB),
    runtime: {
      ...shared,
      architecture,
      architectureChosenBy,
      osArchitecture,
      instanceMarket: workload.cost.interruptible && spotCapable ? 'spot' : 'on-demand',
      clusterName: platform.traits.cluster === 'account-default' ? 'default' : workload.name,
      refusedCapabilities: refusedLinuxCapabilities(platform, workload.control.capabilities).join(', '),
    },
  };
}

/** The architecture a platform runs an OS on when the request says "any": x86_64 where it has it. */
function defaultArchitecture(platform: Platform, os: Workload['control']['os']): Architecture {
  const supported = asList(platform.capabilities.architectures.supported);
  return supported.includes(`${os}/x86_64`) || !supported.includes(`${os}/arm64`) ? 'x86_64' : 'arm64';
}

/**
 * What a platform brings to one PlatformRuntime field, as a key: two platforms with the same key get the
 * same value of that field from buildFacts for every workload (and cost choice), so conditions on it can
 * be shared between them. test/engine/fact-dependencies.test.ts checks it.
 */
export function platformRuntimeKey(platform: Platform, field: keyof PlatformRuntime): string {
  const defaults = `${defaultArchitecture(platform, 'linux')},${defaultArchitecture(platform, 'windows')}`;
  switch (field) {
    case 'architecture':
    case 'osArchitecture':
      return defaults;
    case 'architectureChosenBy':
      return '';
    case 'instanceMarket':
      return `${defaults};${[...asList(platform.capabilities.spot.supported)].sort().join(',')}`;
    case 'clusterName':
      return platform.traits.cluster === 'account-default' ? 'account-default' : 'own';
    case 'refusedCapabilities': {
      const accepted = platform.capabilities.linuxCapabilities.supported;
      return Array.isArray(accepted) ? [...accepted].sort().join(',') : String(accepted);
    }
  }
}

/** The PlatformRuntime fields, listed from the type. */
export const PLATFORM_RUNTIME_FIELDS = Object.keys(PLATFORM_RUNTIME_SOURCES) as (keyof PlatformRuntime)[];

/** The runtime values that depend on the workload alone: computed once per workload, shared by every platform. */
export function workloadRuntime(workload: Workload, sizer: TaskSizer): WorkloadRuntime {
  const os = workload.control.os;
  const runsAsService = workload.workloadType !== 'batch' || workload.trigger?.type === 'sqs';
  return {
    os,
    storageNeed: `${os}/${workload.persistence.type}`,
    taskGroup: runsAsService ? `service:${workload.name}` : `family:${workload.name}`,
    scheduleIntervalMinutes: scheduleIntervalOf(workload),
    kubernetesCronJob: kubernetesCronJobOf(workload),
    s3EventPattern: s3EventPattern(workload),
    ecrRepositoryName: ecrRepositoryName(workload.name),
    fargateTaskSize: sizer.size(
      FARGATE_SIZING_MODEL,
      os,
      workload.resources.cpu,
      workload.resources.memoryGiB,
    ),
    secretCount: workload.secrets?.length ?? 0,
  };
}

function kubernetesCronJobOf(workload: Workload): KubernetesSchedule | null {
  const trigger = workload.trigger;
  if (trigger?.type !== 'schedule' || trigger.expression === undefined) return null;
  return toKubernetesSchedule(trigger.expression);
}

function scheduleIntervalOf(workload: Workload): number | null {
  const trigger = workload.trigger;
  if (trigger?.type !== 'schedule' || trigger.expression === undefined) return null;
  return shortestIntervalMinutes(trigger.expression);
}

function s3EventPattern(workload: Workload): Record<string, unknown> | null {
  const trigger = workload.trigger;
  if (trigger?.type !== 's3-object-created' || trigger.bucket === undefined) return null;
  const detail: Record<string, unknown> = { bucket: { name: [trigger.bucket] } };
  if (trigger.prefix) detail.object = { key: [{ prefix: trigger.prefix }] };
  return { source: ['aws.s3'], 'detail-type': ['Object Created'], detail };
}

/** Whether the platform runs the workload's operating system on this architecture. */
export function runsOn(
  platform: Platform,
  os: Workload['control']['os'],
  architecture: Architecture,
): boolean {
  return asList(platform.capabilities.architectures.supported).includes(`${os}/${architecture}`);
}

function asList(supported: boolean | string[]): string[] {
  return Array.isArray(supported) ? supported : [];
}

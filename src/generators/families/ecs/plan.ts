import type { components } from '../../../contract/generated/openapi-types';
import type { StatementResourceRef } from '../../../design/design-draft';
import {
  type ContainerEnvironmentPlan,
  containerEnvironmentPlan,
  QUEUE_NAME_VARIABLE,
} from '../../plan/container-environment/plan';
import { type FileSystemPlan, fileSystemPlan } from '../../plan/file-system/plan';
import { type LogGroupPlan, logGroupPlan } from '../../plan/log-group/plan';
import {
  type ObjectCreatedTriggerPlan,
  objectCreatedTriggerPlan,
  s3EventInputTemplate,
} from '../../plan/object-created-trigger/plan';
import { type QueuesPlan, queuesPlan } from '../../plan/queues/plan';
import { type PlanValue, type Reference, reference } from '../../plan/reference';
import { registryPlan } from '../../plan/registry/plan';
import { designedRoles, literalRole, type RolePlan, roleKey } from '../../plan/roles/plan';
import { type TaskStoppedRulePlan, taskStoppedRulePlan } from '../../plan/task-stopped-rule/plan';
import { healthCheckPortOf, servesPlainHttp } from '../../shared/health-check';
import { hostInstances } from '../../shared/host-instances';
import { iamRoleArn, PLACEHOLDERS } from '../../shared/placeholders';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { IamRole, StarterConfigInput } from '../../shared/starter-file';
import type { Stickiness } from '../../shared/target-group-stickiness';
import { taskUnits } from '../../shared/task-size';
import type { StarterPlan } from '../family-unit';
import {
  type ManagedDaemonPlan,
  type ManagedInstancesCapacityPlan,
  managedDaemonPlan,
  managedInstancesCapacityPlan,
} from './managed-instances-plan';
import { type EcsScratchDiskPlan, ecsScratchDisk } from './scratch-disk';
import { ECS_AMIS, type EcsAmi, NOTES } from './steps';

type Listener = components['schemas']['Listener'];
type ScalingPolicy = components['schemas']['ScalingPolicy'];

/** The task's one data volume, whatever backs it. */
export const DATA_VOLUME_NAME = 'data';

/** Long enough for a typical app to start before failed load-balancer health checks count against it. */
const HEALTH_CHECK_GRACE_PERIOD_SECONDS = 60;

/** The largest number of instances managed scaling adds or removes at once; ECS's own default. */
const MAXIMUM_SCALING_STEP_SIZE = 10_000;

/**
 * The path goes into a shell command run inside the container, so only paths made of characters that mean
 * nothing to a shell are used there. The request schema already restricts it; this keeps the guarantee local.
 */
const SHELL_SAFE_PATH = /^\/[A-Za-z0-9._~/%-]*$/;

/** The service-level policies Application Auto Scaling expresses; the others scale instances. */
const SERVICE_POLICY_TYPES = new Set<ScalingPolicy['type']>(['target-tracking', 'sqs-backlog-per-task']);

/** EventBridge passes these JSON paths of an S3 "Object Created" event to the task. */

/** Both triggers retry a failed RunTask twice, within an hour of the event. */
const RUN_TASK_RETRY = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 } as const;

/** One entry of a capacity provider strategy; the EC2 provider is the one the family creates. */
export interface StrategyItem {
  capacityProvider: PlanValue;
  weight: number;
  base?: number;
}

/**
 * Where ECS places the workload's tasks: on the design's capacity provider strategy (or, without one, the
 * launch type of the platform), in private subnets of the customer's VPC, never with a public IP. Services,
 * schedules and rules that start tasks all place them the same way.
 */
export interface PlacementPlan {
  strategy: StrategyItem[];
  launchType: 'FARGATE' | 'EC2' | 'MANAGED_INSTANCES';
  /** Fargate only: LATEST is 1.4.0 or later, which EFS, EBS and ephemeral-storage sizing need. */
  platformVersion?: 'LATEST';
}

export interface HealthCheckPlan {
  command: string[];
  interval: number;
  timeout: number;
  retries: number;
  startPeriod: number;
}

export interface PortMappingPlan {
  name: string;
  containerPort: number;
  /** On the host's network only: the container's port is the instance's, so ECS takes the same number. */
  hostPort?: number;
  protocol: 'tcp' | 'udp';
}

/** The workload's one essential container, named after it. */
export interface ContainerPlan {
  name: string;
  /** The image the API files name; the stack takes it as its ImageUri parameter, defaulting to the request's. */
  image: string;
  imageFromRequest: string | undefined;
  /** The traffic port, then the TCP port the load balancer health-checks when the traffic port is not it. */
  portMappings: PortMappingPlan[];
  environment: { name: string; value: PlanValue }[];
  /** Variables ECS reads from Secrets Manager at start, with the execution role. */
  secrets: { name: string; valueFrom: Reference }[];
  logGroup: Reference;
  region: string;
  streamPrefix: string;
  healthCheck?: HealthCheckPlan;
  mountPath?: string;
  gpus?: number;
  /** EC2 and Managed Instances only: Fargate rejects privileged containers outright. */
  privileged: boolean;
  /** The Linux capabilities added to Docker's default set (linuxParameters.capabilities.add); eligibility admits only what the capacity accepts. */
  addedCapabilities: string[];
  /** Windows containers ignore task-level sizes; the container-level ones are what ECS reserves on the host. */
  containerSize?: { cpu: number; memory: number };
}

export type VolumePlan =
  | { kind: 'efs'; fileSystemId: Reference; accessPointId: Reference }
  /** The volume itself (size, type, encryption) is described by the service that launches the task. */
  | { kind: 'ebs' }
  | { kind: 'fsx-windows'; rootDirectory: string; credentials: Reference };

export interface TaskDefinitionPlan {
  family: string;
  compatibility: 'FARGATE' | 'EC2' | 'MANAGED_INSTANCES';
  /**
   * `awsvpc` gives each task its own network interface in the private subnets, with its own security group;
   * `host` (control.hostNetwork, EC2-backed Linux capacity only) runs the task in its instance's network
   * namespace, with no interface, subnets or security group of its own.
   */
  networkMode: 'awsvpc' | 'host';
  cpu: string;
  memory: string;
  operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' | 'LINUX';
  cpuArchitecture: 'ARM64' | 'X86_64';
  executionRole: Reference;
  taskRole: Reference;
  container: ContainerPlan;
  volume: VolumePlan | null;
}

/** The ECS capacity provider over the Auto Scaling group, as both the API and CloudFormation take it. */
export interface CapacityProviderPlan {
  name: string;
  managedScaling: {
    status: 'ENABLED';
    targetCapacity: number;
    minimumScalingStepSize?: number;
    maximumScalingStepSize?: number;
    instanceWarmupPeriod?: number;
  };
  /** Keeps ECS from terminating instances that still run tasks; the group needs scale-in protection on. */
  managedTerminationProtection: 'ENABLED' | 'DISABLED';
  managedDraining: 'ENABLED';
  /** Whether the design lets ECS manage the group's scaling (and so the API files create the provider). */
  designed: boolean;
}

/**
 * The EC2 capacity of the cluster: container instances with their role and instance profile, from the
 * ECS-optimized AMI, in an Auto Scaling group (Spot through a mixed instances policy when the work is
 * interruptible) that the capacity provider scales to fit the tasks.
 */
export interface Ec2CapacityPlan {
  instanceRole: Reference;
  instanceProfileName: string;
  ami: EcsAmi;
  /** The type to deploy first; under Spot also same-sized alternatives, from the one instance chooser. */
  instanceTypes: [string, ...string[]];
  spot: boolean;
  os: 'linux' | 'windows';
  /** At most one instance per task: an upper bound the capacity provider never reaches when tasks share hosts. */
  maxSize: number;
  nameTag: string;
  provider: CapacityProviderPlan;
}

/** The Systems Manager document that joins an instance to an AWS Directory Service domain (and restarts it). */
export const DOMAIN_JOIN_DOCUMENT = 'AWS-JoinDirectoryServiceDomain';

/**
 * FSx for Windows File Server volumes mount only on instances joined to the file system's Active Directory
 * domain: a State Manager association runs AWS-JoinDirectoryServiceDomain on every container instance, found
 * by its Name tag, so each instance the Auto Scaling group starts later joins as well. The directory's id,
 * domain name and DNS addresses are the customer's.
 */
export interface DomainJoinPlan {
  associationName: string;
  document: typeof DOMAIN_JOIN_DOCUMENT;
  target: { tagKey: 'Name'; tagValue: string };
}

/** The agent's reservation on every instance: small, within the room the instance chooser keeps for daemons. */
const DAEMON_SIZE = { cpu: 128, memory: 256 } as const;

/**
 * The per-host agent that `control.daemons` asks for: a second service with the DAEMON scheduling strategy,
 * which runs one task on every container instance, from its own task definition on the customer's image,
 * with its own execution and task roles, logging to the workload's log group under its own prefix. A
 * DAEMON service takes no capacity provider strategy, so it names the EC2 launch type; its task definition
 * keeps the default network mode (bridge on Linux, NAT on Windows), so it uses no network interface of the
 * instance's own.
 */
export interface DaemonPlan {
  serviceName: string;
  family: string;
  container: {
    name: 'agent';
    image: string;
    cpu: number;
    memory: number;
    logGroup: Reference;
    region: string;
    streamPrefix: 'agent';
  };
  operatingSystemFamily: TaskDefinitionPlan['operatingSystemFamily'];
  cpuArchitecture: TaskDefinitionPlan['cpuArchitecture'];
  executionRole: Reference;
  taskRole: Reference;
}

export interface TargetGroupPlan {
  name: string;
  protocol: Listener['protocol'];
  /** ALB only. */
  protocolVersion?: string;
  port: number;
  targetType: string;
  healthCheckProtocol?: string;
  /** Only when the health check connects to another port than the traffic port. */
  healthCheckPort?: number;
  /** ALB only. */
  healthCheckPath?: string;
  /** ALB only: settings beyond the documented fields (the gRPC success codes). */
  matcher: Record<string, string>;
  /** A load-balancer cookie on an ALB, the client's source IP on an NLB; null without stickiness. */
  stickiness: Stickiness | null;
}

/** Every IPv4 address: whom an internet-facing load balancer's listeners admit. */
export const ANYWHERE_IPV4 = '0.0.0.0/0';

/** The designed load balancer in front of the service: its listeners and an IP target group on the container port. */
export interface LoadBalancerPlan {
  type: 'alb' | 'nlb';
  name: string;
  internal: boolean;
  /**
   * Who may reach the listeners: anyone for an internet-facing load balancer, only the VPC's own addresses
   * for an internal one (callers inside the VPC are the only ones it serves).
   */
  clients: 'anywhere' | 'vpc';
  listeners: Listener[];
  targetGroup: TargetGroupPlan;
}

export interface EbsVolumeConfigurationPlan {
  sizeInGiB?: number;
  volumeType: string;
  encrypted: boolean;
  filesystemType: EbsFilesystemType;
  role: Reference;
}

/** A long-lived ECS service: rollback on failed deployments, private networking, behind the load balancer. */
export interface ServicePlan {
  name: string;
  desiredCount: number;
  loadBalancer: { targetGroup: Reference; containerName: string; containerPort: number } | null;
  healthCheckGracePeriodSeconds: number;
  ebsVolume: EbsVolumeConfigurationPlan | null;
  /**
   * Each task on its own container instance (a distinctInstance placement constraint): on the host's
   * network a second task would find its ports taken. EC2 launch only; Managed Instances tasks are kept
   * apart by their ports, which ECS places by.
   */
  distinctInstances: boolean;
}

export type ScalingMetricPlan =
  | { kind: 'predefined'; type: 'ECSServiceAverageCPUUtilization' | 'ECSServiceAverageMemoryUtilization' }
  /**
   * Visible messages divided by running tasks, with metric math: AWS's recommended target for queue
   * workers, since queue depth alone does not shrink as tasks are added. RunningTaskCount comes from
   * Container Insights, which the cluster has enabled.
   */
  | { kind: 'backlog-per-task'; queueName: PlanValue; clusterName: Reference; serviceName: Reference };

/** Application Auto Scaling on the service's desired count: the target, then its target-tracking policy. */
export interface ServiceScalingPlan {
  /** The scalable target is `service/<cluster name>/<service name>`. */
  clusterName: Reference;
  serviceName: Reference;
  minCapacity: number;
  maxCapacity: number;
  policyName: string;
  targetValue: number;
  scaleOutCooldown?: number;
  scaleInCooldown?: number;
  metric: ScalingMetricPlan;
  /** With no task running, backlog per task has no value, so the policy cannot start the first task. */
  cannotStartFromZero: boolean;
}

/** How a trigger starts one task: RunTask on the task definition, placed like the service's tasks. */
export interface RunTaskPlan {
  cluster: Reference;
  taskDefinition: Reference;
  role: RolePlan;
  roleArn: Reference;
  /** The task's roles, which the trigger's role passes to ECS. */
  passRoles: Reference[];
  group: string;
  retry: typeof RUN_TASK_RETRY;
}

/** An EventBridge Scheduler schedule that runs one task per occurrence, in UTC. */
export interface SchedulePlan {
  name: string;
  expression: string;
  timezone: 'UTC';
  runTask: RunTaskPlan;
}

/** An EventBridge rule on the bucket's "Object Created" events that runs one task per object. */
export interface ObjectCreatedRunPlan {
  trigger: ObjectCreatedTriggerPlan;
  description: string;
  /** The RunTask overrides EventBridge fills in from each event (S3_BUCKET and S3_KEY). */
  inputTemplate: string;
  runTask: RunTaskPlan;
}

export interface EcsPlan extends StarterPlan {
  name: string;
  region: string;
  /** The cluster has Container Insights on; Fargate's capacity providers when `capacity` is null. */
  cluster: { name: string; arn: Reference };
  logGroup: LogGroupPlan;
  taskDefinition: TaskDefinitionPlan;
  placement: PlacementPlan;
  /** The EC2 Auto Scaling group capacity; null on Fargate and on Managed Instances. */
  capacity: Ec2CapacityPlan | null;
  /** The per-host agent's DAEMON service, when the workload asks for one (EC2 capacity only). */
  daemon: DaemonPlan | null;
  /** Windows container instances mounting FSx for Windows File Server join the directory first. */
  domainJoin: DomainJoinPlan | null;
  /** The ECS Managed Instances capacity provider, on that platform only. */
  managedInstances: ManagedInstancesCapacityPlan | null;
  /** The Managed Daemon that runs the per-host agent, on Managed Instances when the workload needs one. */
  managedDaemon: ManagedDaemonPlan | null;
  queues: QueuesPlan | null;
  fileSystem: FileSystemPlan | null;
  loadBalancer: LoadBalancerPlan | null;
  service: ServicePlan | null;
  scaling: ServiceScalingPlan | null;
  schedule: SchedulePlan | null;
  objectCreated: ObjectCreatedRunPlan | null;
  taskStoppedRule: TaskStoppedRulePlan | null;
  /** The task's scratch disk beyond the platform's default (`resources.ephemeralStorageGiB`). */
  scratchDisk: EcsScratchDiskPlan;
  notes: string[];
}

export function ecsPlan(input: StarterConfigInput): EcsPlan {
  const { workload, facts, design } = input;
  const name = workload.name;
  const region = workload.region;
  const fargate = input.platform.capacity === 'fargate';
  const onManagedInstances = input.platform.capacity === 'managed-instances';
  const clusterName = facts.runtime.clusterName;
  const cluster = reference(
    'cluster',
    'arn',
    `arn:aws:ecs:${region}:${PLACEHOLDERS.accountId}:cluster/${clusterName}`,
  );
  const queues = queuesPlan(input, null);
  const fileSystem = fileSystemPlan(input);
  const environment = containerEnvironmentPlan(workload);
  const scheduleTrigger = design.triggers.find((trigger) => trigger.type === 'eventbridge-schedule');
  const s3RuleTrigger = design.triggers.find(
    (trigger) => trigger.type === 'eventbridge-rule' && trigger.target === 'ecs:RunTask',
  );
  const creates = new Set<StatementResourceRef>([
    ...(queues?.queues.some((queue) => queue.key === 'workload-queue') ? ['workload-queue' as const] : []),
    ...(fileSystem === null ? [] : ['file-system' as const]),
    ...(s3RuleTrigger === undefined ? [] : ['trigger-bucket-objects' as const]),
    ...(design.storage.type === 'fsx-windows' ? ['fsx-credentials-secret' as const] : []),
    ...(environment.secrets.length > 0 ? ['workload-secrets' as const] : []),
  ]);
  const service = facts.runtime.taskGroup.startsWith('service:');
  const volumeRole =
    service && design.storage.type === 'ebs'
      ? literalRole(`role:${name}-ecs-volumes`, ebsVolumeRole(name))
      : null;
  const logGroup = logGroupPlan(`/ecs/${name}`);
  const taskDefinition = taskDefinitionPlan(input, {
    fargate,
    onManagedInstances,
    logGroup,
    createsQueue: queues !== null,
    fileSystem,
    environment,
  });
  const capacityProviderName =
    design.scaling.capacityProviderStrategy?.[0]?.capacityProvider ?? `${name}-ec2`;
  const schedule =
    scheduleTrigger === undefined
      ? null
      : {
          name: `${name}-schedule`,
          expression: scheduleTrigger.expression ?? workload.trigger?.expression ?? '',
          timezone: 'UTC' as const,
          runTask: runTaskPlan(input, cluster, 'scheduler.amazonaws.com'),
        };
  const objectCreated =
    s3RuleTrigger === undefined
      ? null
      : {
          trigger: objectCreatedTriggerPlan(input, s3RuleTrigger),
          description: `Runs ${name} once for every object created in the bucket.`,
          inputTemplate: containerOverridesTemplate(name),
          runTask: runTaskPlan(input, cluster, 'events.amazonaws.com'),
        };
  const scaling = service ? scalingPlan(input, queues !== null) : null;
  const capacity = fargate || onManagedInstances ? null : ec2CapacityPlan(input, capacityProviderName);
  const daemon = capacity !== null && workload.control.daemons ? daemonPlan(input, taskDefinition) : null;
  const managedInstances = onManagedInstances
    ? managedInstancesCapacityPlan(input, capacityProviderName, reference('cluster', 'name', clusterName))
    : null;
  const managedDaemon =
    managedInstances !== null && workload.control.daemons
      ? managedDaemonPlan(input, managedInstances, cluster, logGroup)
      : null;
  const monitoring = design.monitoring[0];
  const plan: Omit<EcsPlan, 'notes'> = {
    roles: [
      ...designedRoles(input, creates, { namespace: name, name }),
      ...(volumeRole === null ? [] : [volumeRole]),
      ...(schedule === null ? [] : [schedule.runTask.role]),
      ...(objectCreated === null ? [] : [objectCreated.runTask.role]),
      ...(daemon === null ? [] : daemonRoles(name)),
      ...(managedDaemon === null ? [] : [managedDaemon.role]),
    ],
    registry: registryPlan(design.registry),
    environment,
    name,
    region,
    cluster: { name: clusterName, arn: cluster },
    logGroup,
    taskDefinition,
    placement: placementPlan(input, fargate, capacityProviderName),
    capacity,
    daemon,
    domainJoin:
      capacity === null || design.storage.type !== 'fsx-windows'
        ? null
        : {
            associationName: `${name}-domain-join`,
            document: DOMAIN_JOIN_DOCUMENT,
            target: { tagKey: 'Name', tagValue: capacity.nameTag },
          },
    managedInstances,
    managedDaemon,
    queues,
    fileSystem,
    loadBalancer: service ? loadBalancerPlan(input) : null,
    service: service ? servicePlan(input, volumeRole) : null,
    scaling,
    schedule,
    objectCreated,
    taskStoppedRule: monitoring === undefined ? null : taskStoppedRulePlan(monitoring, region, cluster),
    scratchDisk: ecsScratchDisk(input),
  };
  return { ...plan, notes: notesOf(input, plan) };
}

/** What to know before applying the files, from what the plan holds. */
function notesOf(input: StarterConfigInput, plan: Omit<EcsPlan, 'notes'>): string[] {
  const { workload, design } = input;
  const notes: string[] = [];
  if (plan.scaling?.cannotStartFromZero === true) notes.push(NOTES.backlogFromZero);
  if (plan.objectCreated !== null) notes.push(NOTES.eventTemplateFields);
  switch (design.storage.type) {
    case 'efs':
      notes.push(NOTES.efsVolume(design.iam.taskRole.name));
      break;
    case 'ebs':
      notes.push(NOTES.ebsVolume);
      break;
    case 'fsx-windows':
      notes.push(NOTES.fsxVolume(design.iam.executionRole.name));
      break;
    default:
      break;
  }
  if (plan.daemon !== null) notes.push(NOTES.daemons(plan.daemon.serviceName, DAEMON_SIZE));
  if (plan.managedInstances !== null) notes.push(NOTES.managedInstancesLifetime);
  if (plan.managedDaemon !== null) notes.push(NOTES.managedDaemon(plan.managedDaemon.name));
  if (plan.capacity?.ami === ECS_AMIS.arm64 && workload.control.gpu) notes.push(NOTES.noArm64GpuAmi);
  if (plan.taskDefinition.container.healthCheck !== undefined) notes.push(NOTES.curlHealthCheck);
  if (plan.taskDefinition.networkMode === 'host')
    notes.push(
      NOTES.hostNetwork(
        plan.managedInstances === null ? 'launch template' : 'capacity provider',
        plan.loadBalancer !== null,
      ),
    );
  return notes;
}

function taskDefinitionPlan(
  input: StarterConfigInput,
  {
    fargate,
    onManagedInstances,
    logGroup,
    createsQueue,
    fileSystem,
    environment,
  }: {
    fargate: boolean;
    onManagedInstances: boolean;
    logGroup: LogGroupPlan;
    createsQueue: boolean;
    fileSystem: FileSystemPlan | null;
    environment: ContainerEnvironmentPlan;
  },
): TaskDefinitionPlan {
  const { workload, facts, design } = input;
  const { cpuUnits, memoryMiB } = taskUnits(facts);
  const windows = facts.runtime.os === 'windows';
  const volume = volumePlan(input, fileSystem);
  const queueName = workload.trigger?.type === 'sqs' ? workload.trigger.queueName : undefined;
  const healthCheck = containerHealthCheck(input);
  const hostNetwork = workload.control.hostNetwork;
  const container: ContainerPlan = {
    name: workload.name,
    image: design.registry.imageUri,
    imageFromRequest: workload.image,
    portMappings: portMappingsPlan(input).map((mapping) =>
      hostNetwork ? { ...mapping, hostPort: mapping.containerPort } : mapping,
    ),
    // Tells the code which queue to poll, so the name lives in one place: the configuration.
    environment: [
      ...(queueName === undefined
        ? []
        : [
            {
              name: QUEUE_NAME_VARIABLE,
              value: createsQueue ? reference('workload-queue', 'name', queueName) : queueName,
            },
          ]),
      ...environment.variables,
    ],
    secrets: environment.secrets.map(({ variable, arn }) => ({ name: variable, valueFrom: arn })),
    logGroup: reference('log-group', 'name', logGroup.name),
    region: workload.region,
    streamPrefix: 'ecs',
    ...(healthCheck === undefined ? {} : { healthCheck }),
    ...(volume !== null && design.storage.mountPath !== undefined
      ? { mountPath: design.storage.mountPath }
      : {}),
    ...(workload.control.gpu ? { gpus: 1 } : {}),
    privileged: workload.control.privileged && !fargate,
    addedCapabilities: [...workload.control.capabilities],
    ...(windows ? { containerSize: { cpu: cpuUnits, memory: memoryMiB } } : {}),
  };
  return {
    family: workload.name,
    compatibility: fargate ? 'FARGATE' : onManagedInstances ? 'MANAGED_INSTANCES' : 'EC2',
    networkMode: hostNetwork ? 'host' : 'awsvpc',
    cpu: String(cpuUnits),
    memory: String(memoryMiB),
    operatingSystemFamily: windows ? 'WINDOWS_SERVER_2022_CORE' : 'LINUX',
    cpuArchitecture: facts.runtime.architecture === 'arm64' ? 'ARM64' : 'X86_64',
    executionRole: reference(roleKey('executionRole'), 'arn', iamRoleArn(design.iam.executionRole.name)),
    taskRole: reference(roleKey('taskRole'), 'arn', iamRoleArn(design.iam.taskRole.name)),
    container,
    volume,
  };
}

/**
 * The traffic port, and the TCP port the load balancer health-checks when it is not the traffic port: a
 * Network Load Balancer checks UDP targets over TCP, so a UDP service also exposes its TCP health-check
 * port, the same number unless traffic.healthCheckPort names another.
 */
function portMappingsPlan(input: StarterConfigInput): PortMappingPlan[] {
  const { workload } = input;
  const port = workload.containerPort;
  if (workload.workloadType !== 'web' || port === undefined) return [];
  const udp = workload.traffic.protocol === 'udp';
  const traffic: PortMappingPlan = {
    name: `${workload.name}-${port}`,
    containerPort: port,
    protocol: udp ? 'udp' : 'tcp',
  };
  const healthCheckPort = healthCheckPortOf(workload) ?? port;
  if (healthCheckPort !== port)
    return [
      traffic,
      { name: `${workload.name}-${healthCheckPort}`, containerPort: healthCheckPort, protocol: 'tcp' },
    ];
  return udp
    ? [traffic, { name: `${workload.name}-${port}-tcp`, containerPort: port, protocol: 'tcp' }]
    : [traffic];
}

/**
 * An HTTP check with curl, for HTTP workloads on Linux only: the load balancer already checks every
 * protocol, and this one adds container health (which the deployment circuit breaker and task replacement
 * use) where a check command is likely to exist in the image.
 */
function containerHealthCheck(input: StarterConfigInput): HealthCheckPlan | undefined {
  const { workload, facts } = input;
  const path = workload.healthCheckPath;
  if (
    workload.workloadType !== 'web' ||
    facts.runtime.os !== 'linux' ||
    !servesPlainHttp(workload) ||
    workload.containerPort === undefined ||
    path === undefined ||
    !SHELL_SAFE_PATH.test(path)
  ) {
    return undefined;
  }
  return {
    // The same port and path the load balancer checks, so both agree on what healthy means.
    command: ['CMD-SHELL', `curl -fsS http://localhost:${healthCheckPortOf(workload)}${path} || exit 1`],
    interval: 30,
    timeout: 5,
    retries: 3,
    startPeriod: 60,
  };
}

function volumePlan(input: StarterConfigInput, fileSystem: FileSystemPlan | null): VolumePlan | null {
  switch (input.design.storage.type) {
    case 'efs':
      return fileSystem === null
        ? null
        : { kind: 'efs', fileSystemId: fileSystem.fileSystemId, accessPointId: fileSystem.accessPointId };
    case 'ebs':
      return { kind: 'ebs' };
    case 'fsx-windows':
      return {
        kind: 'fsx-windows',
        rootDirectory: 'share',
        credentials: reference('fsx-credentials-secret', 'arn', PLACEHOLDERS.fsxCredentialsSecretArn),
      };
    default:
      return null;
  }
}

function placementPlan(
  input: StarterConfigInput,
  fargate: boolean,
  capacityProviderName: string,
): PlacementPlan {
  const strategy = (input.design.scaling.capacityProviderStrategy ?? []).map(
    (item): StrategyItem => ({
      capacityProvider: fargate
        ? item.capacityProvider
        : reference('capacity-provider', 'name', item.capacityProvider ?? capacityProviderName),
      weight: item.weight,
      ...(item.base === undefined ? {} : { base: item.base }),
    }),
  );
  return {
    strategy,
    launchType: fargate
      ? 'FARGATE'
      : input.platform.capacity === 'managed-instances'
        ? 'MANAGED_INSTANCES'
        : 'EC2',
    ...(fargate ? { platformVersion: 'LATEST' as const } : {}),
  };
}

/** The ECS-optimized AMI of the container instances: the instances' OS and architecture decide first. */
function ecsAmi(input: StarterConfigInput): EcsAmi {
  const { facts, workload } = input;
  if (facts.runtime.os === 'windows') return ECS_AMIS.windows;
  // AWS publishes no arm64 GPU variant of the ECS-optimized AMI: the arm64 one is the one that boots on arm64 hosts.
  if (facts.runtime.architecture === 'arm64') return ECS_AMIS.arm64;
  return workload.control.gpu ? ECS_AMIS.gpu : ECS_AMIS.linux;
}

function ec2CapacityPlan(input: StarterConfigInput, capacityProviderName: string): Ec2CapacityPlan {
  const { workload, facts, design } = input;
  const nodeRole = design.iam.nodeRole;
  if (nodeRole === undefined)
    throw new StarterConfigError(`${facts.platform.id} has no container instance role in its design`);
  const spot = design.scaling.instanceMarket === 'spot';
  const { instanceTypes } = hostInstances(input);
  const policy = design.scaling.policies.find(
    (candidate) => candidate.type === 'capacity-provider-managed-scaling',
  );
  const provider: CapacityProviderPlan =
    policy === undefined
      ? {
          name: capacityProviderName,
          managedScaling: { status: 'ENABLED', targetCapacity: 100 },
          managedTerminationProtection: 'DISABLED',
          managedDraining: 'ENABLED',
          designed: false,
        }
      : {
          name: capacityProviderName,
          managedScaling: {
            status: 'ENABLED',
            targetCapacity: policy.targetValue ?? 100,
            minimumScalingStepSize: 1,
            maximumScalingStepSize: MAXIMUM_SCALING_STEP_SIZE,
            ...(typeof policy.instanceWarmupPeriodSeconds === 'number'
              ? { instanceWarmupPeriod: policy.instanceWarmupPeriodSeconds }
              : {}),
          },
          managedTerminationProtection:
            policy.managedTerminationProtection === false ? 'DISABLED' : 'ENABLED',
          managedDraining: 'ENABLED',
          designed: true,
        };
  return {
    instanceRole: reference(roleKey('nodeRole'), 'arn', iamRoleArn(nodeRole.name)),
    instanceProfileName: nodeRole.name,
    ami: ecsAmi(input),
    instanceTypes,
    spot,
    os: facts.runtime.os === 'windows' ? 'windows' : 'linux',
    maxSize: Math.max(1, design.scaling.maxCapacity),
    nameTag: `${workload.name}-ecs`,
    provider,
  };
}

function loadBalancerPlan(input: StarterConfigInput): LoadBalancerPlan | null {
  const { workload, design } = input;
  const { loadBalancer } = design;
  const targetGroup = loadBalancer.targetGroup;
  if (
    (loadBalancer.type !== 'alb' && loadBalancer.type !== 'nlb') ||
    targetGroup === undefined ||
    workload.containerPort === undefined
  )
    return null;
  // Settings beyond the documented target-group fields (gRPC success codes) travel as extra properties.
  const extra: Record<string, unknown> = targetGroup;
  const matcher =
    typeof extra.healthCheckMatcher === 'object' && extra.healthCheckMatcher !== null
      ? Object.fromEntries(
          Object.entries(extra.healthCheckMatcher).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : {};
  // Protocol versions, health-check paths and matchers are ALB settings; an NLB target group takes none.
  const alb = loadBalancer.type === 'alb';
  return {
    type: loadBalancer.type,
    name: workload.name,
    internal: loadBalancer.scheme === 'internal',
    clients: loadBalancer.scheme === 'internal' ? 'vpc' : 'anywhere',
    listeners: loadBalancer.listeners.map((listener) => ({ ...listener })),
    targetGroup: {
      name: workload.name,
      protocol: targetGroup.protocol,
      ...(alb && targetGroup.protocolVersion !== undefined
        ? { protocolVersion: targetGroup.protocolVersion }
        : {}),
      port: targetGroup.port,
      targetType: targetGroup.targetType,
      ...(targetGroup.healthCheckProtocol === undefined
        ? {}
        : { healthCheckProtocol: targetGroup.healthCheckProtocol }),
      ...(targetGroup.healthCheckPort === undefined || targetGroup.healthCheckPort === targetGroup.port
        ? {}
        : { healthCheckPort: targetGroup.healthCheckPort }),
      ...(alb && targetGroup.healthCheckPath !== undefined
        ? { healthCheckPath: targetGroup.healthCheckPath }
        : {}),
      matcher: alb ? matcher : {},
      stickiness: targetGroup.stickiness === true ? (alb ? 'lb_cookie' : 'source_ip') : null,
    },
  };
}

function daemonPlan(input: StarterConfigInput, workloadTask: TaskDefinitionPlan): DaemonPlan {
  const { name } = input.workload;
  const [executionRole, taskRole] = daemonRoles(name);
  return {
    serviceName: `${name}-agent`,
    family: `${name}-agent`,
    container: {
      name: 'agent',
      image: PLACEHOLDERS.daemonImage,
      ...DAEMON_SIZE,
      logGroup: workloadTask.container.logGroup,
      region: workloadTask.container.region,
      streamPrefix: 'agent',
    },
    operatingSystemFamily: workloadTask.operatingSystemFamily,
    cpuArchitecture: workloadTask.cpuArchitecture,
    executionRole: reference(executionRole.key, 'arn', iamRoleArn(executionRole.name)),
    taskRole: reference(taskRole.key, 'arn', iamRoleArn(taskRole.name)),
  };
}

/** The agent's own roles: it pulls and logs like the workload's tasks, and is allowed no AWS call yet. */
function daemonRoles(name: string): [RolePlan, RolePlan] {
  const execution = `${name}-agent-execution`;
  const task = `${name}-agent-task`;
  return [
    literalRole(`role:${execution}`, {
      name: execution,
      trustedService: 'ecs-tasks.amazonaws.com',
      managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
      statements: [],
      description: "Used by the ECS agent to pull the per-host agent's image and send its logs.",
    }),
    literalRole(`role:${task}`, {
      name: task,
      trustedService: 'ecs-tasks.amazonaws.com',
      managedPolicyArns: [],
      statements: [],
      description: 'Assumed by the per-host agent; it allows nothing until you add what the agent calls.',
    }),
  ];
}

/** The role ECS uses to create and attach the EBS volume each task gets, when the storage is EBS. */
function ebsVolumeRole(name: string): IamRole {
  return {
    name: `${name}-ecs-volumes`,
    trustedService: 'ecs.amazonaws.com',
    managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes'],
    statements: [],
    description: "Assumed by Amazon ECS to create, attach and delete each task's EBS volume.",
  };
}

function servicePlan(input: StarterConfigInput, volumeRole: RolePlan | null): ServicePlan {
  const { workload, design, platform } = input;
  const type = design.loadBalancer.type;
  const details = design.storage.details ?? {};
  return {
    name: workload.name,
    desiredCount: design.scaling.minCapacity,
    loadBalancer:
      (type !== 'alb' && type !== 'nlb') || workload.containerPort === undefined
        ? null
        : {
            targetGroup: reference('target-group', 'arn', PLACEHOLDERS.targetGroupArn),
            containerName: workload.name,
            containerPort: workload.containerPort,
          },
    healthCheckGracePeriodSeconds: HEALTH_CHECK_GRACE_PERIOD_SECONDS,
    ebsVolume:
      volumeRole === null
        ? null
        : {
            ...(design.storage.sizeGiB === undefined ? {} : { sizeInGiB: design.storage.sizeGiB }),
            volumeType: typeof details.volumeType === 'string' ? details.volumeType : 'gp3',
            encrypted: details.encrypted !== false,
            filesystemType: ebsFilesystemType(details.filesystemType),
            role: reference(volumeRole.key, 'arn', iamRoleArn(volumeRole.name)),
          },
    distinctInstances: workload.control.hostNetwork && platform.capacity === 'ec2',
  };
}

function scalingPlan(input: StarterConfigInput, createsQueue: boolean): ServiceScalingPlan | null {
  const { workload, facts, design } = input;
  const policy = design.scaling.policies.find((candidate) => SERVICE_POLICY_TYPES.has(candidate.type));
  if (policy === undefined) return null;
  const clusterName = reference('cluster', 'name', facts.runtime.clusterName);
  const serviceName = reference('service', 'name', workload.name);
  const backlog = policy.type === 'sqs-backlog-per-task';
  const queueName =
    typeof policy.queueName === 'string' ? policy.queueName : (workload.trigger?.queueName ?? '');
  return {
    clusterName,
    serviceName,
    minCapacity: design.scaling.minCapacity,
    maxCapacity: design.scaling.maxCapacity,
    policyName: `${workload.name}-${policy.type}`,
    targetValue: policy.targetValue ?? workload.resources.targetCpuUtilization,
    ...(typeof policy.scaleOutCooldownSeconds === 'number'
      ? { scaleOutCooldown: policy.scaleOutCooldownSeconds }
      : {}),
    ...(typeof policy.scaleInCooldownSeconds === 'number'
      ? { scaleInCooldown: policy.scaleInCooldownSeconds }
      : {}),
    metric: backlog
      ? {
          kind: 'backlog-per-task',
          queueName: createsQueue ? reference('workload-queue', 'name', queueName) : queueName,
          clusterName,
          serviceName,
        }
      : {
          kind: 'predefined',
          type:
            policy.metric === 'ECSServiceAverageMemoryUtilization'
              ? 'ECSServiceAverageMemoryUtilization'
              : 'ECSServiceAverageCPUUtilization',
        },
    cannotStartFromZero:
      design.scaling.minCapacity === 0 &&
      design.scaling.policies.some((candidate) => candidate.type === 'sqs-backlog-per-task'),
  };
}

/**
 * The role EventBridge (Scheduler) assumes to start the task: RunTask on the task definition, and passing
 * the task's roles to ECS. Not part of the design, which describes the workload's own roles; the triggers
 * cannot work without it.
 */
function runTaskPlan(
  input: StarterConfigInput,
  cluster: Reference,
  principal: 'scheduler.amazonaws.com' | 'events.amazonaws.com',
): RunTaskPlan {
  const { workload, design, facts } = input;
  const region = workload.region;
  const scheduler = principal === 'scheduler.amazonaws.com';
  const role: IamRole = {
    name: `${workload.name}-${scheduler ? 'scheduler' : 'events'}`,
    trustedService: principal,
    managedPolicyArns: [],
    statements: [
      {
        effect: 'Allow',
        actions: ['ecs:RunTask'],
        resources: [
          `arn:aws:ecs:${region}:*:task-definition/${workload.name}`,
          `arn:aws:ecs:${region}:*:task-definition/${workload.name}:*`,
        ],
      },
      {
        effect: 'Allow',
        actions: ['ecs:TagResource'],
        resources: [`arn:aws:ecs:${region}:*:task/${facts.runtime.clusterName}/*`],
      },
      {
        effect: 'Allow',
        actions: ['iam:PassRole'],
        resources: [design.iam.executionRole.name, design.iam.taskRole.name].map(
          (name) => `arn:aws:iam::*:role/${name}`,
        ),
      },
    ],
    description: `Assumed by ${scheduler ? 'EventBridge Scheduler' : 'EventBridge'} to start the workload's task with ECS RunTask.`,
  };
  return {
    cluster,
    taskDefinition: reference(
      'task-definition',
      'arn',
      `arn:aws:ecs:${region}:${PLACEHOLDERS.accountId}:task-definition/${workload.name}`,
    ),
    role: literalRole(`role:${role.name}`, role),
    roleArn: reference(`role:${role.name}`, 'arn', iamRoleArn(role.name)),
    passRoles: [
      reference(roleKey('executionRole'), 'arn', iamRoleArn(design.iam.executionRole.name)),
      reference(roleKey('taskRole'), 'arn', iamRoleArn(design.iam.taskRole.name)),
    ],
    group: facts.runtime.taskGroup,
    retry: RUN_TASK_RETRY,
  };
}

/** The RunTask overrides EventBridge fills in from each event: the bucket and key as environment variables. */
function containerOverridesTemplate(containerName: string): string {
  return s3EventInputTemplate((eventValue) => ({
    containerOverrides: [
      {
        name: containerName,
        environment: [
          { name: 'S3_BUCKET', value: eventValue('bucket') },
          { name: 'S3_KEY', value: eventValue('key') },
        ],
      },
    ],
  }));
}

/** The file systems ECS can format a managed EBS volume with (ntfs for Windows tasks). */
const EBS_FILESYSTEM_TYPES = ['ext3', 'ext4', 'xfs', 'ntfs'] as const;
type EbsFilesystemType = (typeof EBS_FILESYSTEM_TYPES)[number];

function ebsFilesystemType(designed: unknown): EbsFilesystemType {
  return EBS_FILESYSTEM_TYPES.find((type) => type === designed) ?? 'ext4';
}

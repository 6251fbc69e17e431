import { z } from 'zod';
import {
  type components,
  platformCapacityValues,
  platformIdValues,
  platformServiceValues,
} from '../contract/generated/openapi-types';

/** The platform ids the contract (openapi.yaml) defines: the catalogue describes each exactly once. */
export const PLATFORM_IDS = platformIdValues;
export type PlatformId = components['schemas']['PlatformId'];

/**
 * The unit of code behind a platform: platforms of one family share how they are planned and rendered to
 * starter files, and differ only in the data of their catalogue entry (capacity, traits, capabilities).
 */
export const PLATFORM_FAMILIES = ['ecs', 'ecs-express-mode', 'app-runner', 'eks', 'batch'] as const;
export type PlatformFamily = (typeof PLATFORM_FAMILIES)[number];

const capability = z.strictObject({
  supported: z.union([z.boolean(), z.array(z.string())]),
  note: z.string().min(1),
  source: z.string().min(1),
});

/**
 * Where a platform is offered: "*" for every Region, or a list; `excluded` names exceptions to "*";
 * `unconfirmed` names Regions counted as offered on a secondary source or an assumption only (the answer
 * warns there), so the note says so.
 */
const regions = z.strictObject({
  supported: z.array(z.string()).min(1),
  excluded: z.array(z.string()),
  unconfirmed: z.array(z.string()).optional(),
  note: z.string().min(1),
  source: z.string().min(1),
});

const gib = z.number().positive();

/**
 * The scratch disk one task or pod gets (`resources.ephemeralStorageGiB`): `maxGiB` is the limit the
 * eligibility rule tests, and `setting` says how a starter configuration sizes it, so each family's
 * generator reads the data instead of asking which platform it is:
 * - `task-definition`: the task definition's `ephemeralStorage.sizeInGiB`, written only above `defaultGiB`
 *   and never below `minSettableGiB` (AWS Fargate);
 * - `pod-request`: the pod's `ephemeral-storage` request and limit (EKS on Fargate);
 * - `host-root-volume`: the tasks or pods on one EC2 instance share its root volume, sized for as many of
 *   them as the instance holds plus `hostAllowanceGiB` for the operating system and images (`maxGiB` is
 *   the EBS volume's own limit);
 * - `none`: a fixed amount the starter cannot change (`supported` false, `maxGiB` is that amount).
 */
const ephemeralStorageBase = { maxGiB: gib, note: z.string().min(1), source: z.string().min(1) };
const ephemeralStorage = z.discriminatedUnion('setting', [
  z.strictObject({
    supported: z.literal(true),
    setting: z.literal('task-definition'),
    defaultGiB: gib,
    minSettableGiB: gib,
    ...ephemeralStorageBase,
  }),
  z.strictObject({
    supported: z.literal(true),
    setting: z.literal('pod-request'),
    defaultGiB: gib,
    ...ephemeralStorageBase,
  }),
  z.strictObject({
    supported: z.literal(true),
    setting: z.literal('host-root-volume'),
    hostAllowanceGiB: z.strictObject({ linux: gib, windows: gib }),
    ...ephemeralStorageBase,
  }),
  z.strictObject({ supported: z.literal(false), setting: z.literal('none'), ...ephemeralStorageBase }),
]);

const capabilities = z.strictObject({
  workloadTypes: capability,
  protocols: capability,
  privateExposure: capability,
  storage: capability,
  gpu: capability,
  privileged: capability,
  /**
   * The Linux capabilities a container can add (`control.capabilities`): `true` for every name ECS
   * accepts, or the list of the only ones accepted (`[]`: none).
   */
  linuxCapabilities: capability,
  /**
   * The operating systems whose containers can run in the host's network namespace (`control.hostNetwork`):
   * ECS's host network mode, Kubernetes' `hostNetwork: true`; `[]` where every task has its own interface.
   */
  hostNetwork: capability,
  daemons: capability,
  architectures: capability,
  hostControl: capability,
  spot: capability,
  newCustomers: capability,
  regions,
  ephemeralStorage,
  /**
   * Whether a task that an EventBridge rule or EventBridge Scheduler starts can get a block (EBS) volume:
   * on ECS the volume is configured in the launch call itself, which those launchers cannot pass.
   */
  blockStorageWhenTriggered: capability,
  /** Limits only some platforms have: how long a host lives, whether tasks share hosts, the task network modes. */
  hostLifetime: capability.optional(),
  tasksPerHost: capability.optional(),
  networkModes: capability.optional(),
});

/**
 * What kind of platform this is, in the words rules test (`platform` fact, `$.traits.<name>`): rules and
 * code ask these questions instead of naming platform ids, so a new platform that answers them like an
 * existing one behaves like it. Each trait is documented here and nowhere else.
 */
const traits = z
  .strictObject({
    kubernetes: z
      .boolean()
      .describe(
        'Kubernetes schedules the pods (Amazon EKS): the workload is written as Kubernetes manifests and the cluster follows Kubernetes releases.',
      ),
    serverless: z
      .boolean()
      .describe(
        'No servers in your account: each task or instance runs on capacity AWS sizes, runs and bills per task or instance (AWS Fargate, App Runner).',
      ),
    hostsManagedBy: z
      .enum(['aws', 'shared', 'customer'])
      .describe(
        'Who patches, replaces and scales the hosts: `aws` (Fargate and App Runner, and EC2 instances AWS operates in your account such as ECS Managed Instances or EKS Auto Mode), `shared` (EKS managed node groups: AWS provisions and updates the nodes when you ask), `customer` (your own Auto Scaling groups and AMIs).',
      ),
    managedIngress: z
      .boolean()
      .describe(
        'The platform builds and runs the endpoint in front of the service, so Berth designs no load balancer: true exactly when `ingress` is `managed-load-balancer` or `service-endpoint`.',
      ),
    ingress: z
      .enum(['load-balancer', 'managed-load-balancer', 'service-endpoint', 'none'])
      .describe(
        "What receives the traffic: `load-balancer` (an ALB or NLB the starter configuration defines in your account), `managed-load-balancer` (an ALB the platform creates and runs in your account, billed to you: ECS Express Mode), `service-endpoint` (the service's own HTTPS endpoint, part of its price: App Runner), `none` (nothing connects to the containers: AWS Batch runs jobs only).",
      ),
    compute: z
      .enum(['fargate', 'ec2', 'app-runner', 'managed-instances', 'compute-environment'])
      .describe(
        "What the containers run on: `fargate` (AWS Fargate, one right-sized host per task or pod), `ec2` (EC2 instances in your account that you or EKS node groups launch), `app-runner` (App Runner's own instances, outside your account), `managed-instances` (EC2 instances in your account that ECS Managed Instances launches, patches and replaces from instance requirements, billed as EC2 plus a management fee per instance-hour), `compute-environment` (an AWS Batch compute environment: Fargate or EC2 instances Batch launches, as the design's computeEnvironment chooses per workload).",
      ),
    infrastructureManagedBy: z
      .enum(['customer', 'aws'])
      .describe(
        'Who defines what surrounds the containers (load balancer, scaling policy, capacity provider strategy, deployments): `customer` (the starter configuration defines each piece: ECS services, EKS) or `aws` (the platform builds them from a few inputs and an infrastructure or access role: ECS Express Mode, App Runner).',
      ),
    taskNetwork: z
      .enum(['private-subnets', 'public-subnets', 'service-owned'])
      .describe(
        "Where the tasks' network interfaces are in the starter configuration: `private-subnets` of your VPC (outbound through a NAT gateway), `public-subnets` (a public IPv4 address per task and no NAT: Express Mode in the default VPC), `service-owned` (the service's own VPC, nothing in yours: App Runner).",
      ),
    cluster: z
      .enum(['per-workload', 'account-default', 'none', 'service-managed'])
      .describe(
        "The cluster the workload is placed in: `per-workload` (one named after the workload, which the starter configuration creates), `account-default` (the account's `default` ECS cluster, where Express Mode puts a service unless told otherwise), `none` (the service has no clusters: App Runner), `service-managed` (the service creates and names the ECS cluster itself: AWS Batch, one per compute environment).",
      ),
    jobQueue: z
      .boolean()
      .describe(
        'Work is submitted as jobs to a queue that holds them until capacity is free, retries failed attempts (Spot interruptions included) and runs arrays of them: AWS Batch. False where each trigger starts a task or pod directly (ECS RunTask, Kubernetes Jobs).',
      ),
  })
  .refine(
    (value) =>
      value.managedIngress ===
      (value.ingress === 'managed-load-balancer' || value.ingress === 'service-endpoint'),
    {
      message:
        'managedIngress must be true exactly when ingress is "managed-load-balancer" or "service-endpoint"',
      path: ['managedIngress'],
    },
  );

/** What each trait means, from the descriptions above: GET /v1/platforms documents the traits with it. */
export const PLATFORM_TRAIT_DESCRIPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(traits.shape).map(([name, schema]) => [name, schema.description ?? '']),
);

/**
 * Limits of the EC2 hosts a platform launches and operates itself (AWS-managed hosts), each with its note and
 * source; GET /v1/platforms lists them among the platform's limits.
 */
const hostLimits = z.strictObject({
  /** How long a host lives before the platform replaces it. */
  lifetime: z.strictObject({
    maximumDays: z.int().positive(),
    note: z.string().min(1),
    source: z.string().min(1),
  }),
  /** The smallest hosts the platform launches: the instance chooser never picks a type below this. */
  sizes: z.strictObject({
    minimumVcpu: z.number().positive(),
    note: z.string().min(1),
    source: z.string().min(1),
  }),
});

export const platformSchema = z.strictObject({
  id: z.enum(platformIdValues),
  family: z.enum(PLATFORM_FAMILIES),
  service: z.enum(platformServiceValues),
  capacity: z.enum(platformCapacityValues),
  name: z.string().min(1),
  seedSection: z.string().min(1),
  summary: z.string().min(1),
  traits,
  /** A model named in task-sizes.json; the rule-set loader checks that it exists. */
  sizingModel: z.string().min(1),
  targetType: z.enum(['ip', 'instance']),
  capabilities,
  hostLimits: hostLimits.optional(),
});

export const platformCatalogueSchema = z.strictObject({
  description: z.string(),
  platforms: z
    .array(platformSchema)
    .refine(
      (platforms) =>
        platforms.length === PLATFORM_IDS.length &&
        PLATFORM_IDS.every((id) => platforms.some((p) => p.id === id)),
      `the catalogue must describe each of ${PLATFORM_IDS.join(', ')} exactly once`,
    ),
});

/** One platform Berth can recommend, with what it can and cannot do (rules/catalogue/platforms.json). */
export type Platform = z.output<typeof platformSchema>;
export type PlatformTraits = Platform['traits'];
export type PlatformCatalogue = z.output<typeof platformCatalogueSchema>;
export type EphemeralStorageCapability = Platform['capabilities']['ephemeralStorage'];

/** The capabilities of `requested` that the platform cannot add to a container, in the request's order. */
export function refusedLinuxCapabilities(platform: Platform, requested: readonly string[]): string[] {
  const accepted = platform.capabilities.linuxCapabilities.supported;
  if (accepted === true) return [];
  return requested.filter((name) => accepted === false || !accepted.includes(name));
}

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
export const PLATFORM_FAMILIES = ['ecs', 'ecs-express-mode', 'app-runner', 'eks'] as const;
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

const capabilities = z.strictObject({
  workloadTypes: capability,
  protocols: capability,
  privateExposure: capability,
  storage: capability,
  gpu: capability,
  privileged: capability,
  daemons: capability,
  architectures: capability,
  hostControl: capability,
  spot: capability,
  newCustomers: capability,
  regions,
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
        'The platform builds and runs the endpoint in front of the service, so Berth designs no load balancer: true exactly when `ingress` is not `load-balancer`.',
      ),
    ingress: z
      .enum(['load-balancer', 'managed-load-balancer', 'service-endpoint'])
      .describe(
        "What receives the traffic: `load-balancer` (an ALB or NLB the starter configuration defines in your account), `managed-load-balancer` (an ALB the platform creates and runs in your account, billed to you: ECS Express Mode), `service-endpoint` (the service's own HTTPS endpoint, part of its price: App Runner).",
      ),
    compute: z
      .enum(['fargate', 'ec2', 'app-runner'])
      .describe(
        "What the containers run on: `fargate` (AWS Fargate, one right-sized host per task or pod), `ec2` (EC2 instances in your account, whoever manages them), `app-runner` (App Runner's own instances, outside your account).",
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
      .enum(['per-workload', 'account-default', 'none'])
      .describe(
        "The cluster the workload is placed in: `per-workload` (one named after the workload, which the starter configuration creates), `account-default` (the account's `default` ECS cluster, where Express Mode puts a service unless told otherwise), `none` (the service has no clusters: App Runner).",
      ),
  })
  .refine((value) => value.managedIngress === (value.ingress !== 'load-balancer'), {
    message: 'managedIngress must be true exactly when ingress is not "load-balancer"',
    path: ['managedIngress'],
  });

/** What each trait means, from the descriptions above: GET /v1/platforms documents the traits with it. */
export const PLATFORM_TRAIT_DESCRIPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(traits.shape).map(([name, schema]) => [name, schema.description ?? '']),
);

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

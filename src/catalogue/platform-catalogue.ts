import { z } from 'zod';

export const PLATFORM_IDS = [
  'ecs-fargate',
  'ecs-express-mode',
  'ecs-ec2',
  'eks-managed-nodes',
  'eks-fargate',
  'eks-self-managed-nodes',
  'app-runner',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

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

/** Where a platform is offered: "*" for every Region, or a list; `excluded` names exceptions to "*". */
const regions = z.strictObject({
  supported: z.array(z.string()).min(1),
  excluded: z.array(z.string()),
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

export const platformSchema = z.strictObject({
  id: z.enum(PLATFORM_IDS),
  family: z.enum(PLATFORM_FAMILIES),
  service: z.enum(['ecs', 'eks', 'app-runner']),
  capacity: z.enum([
    'fargate',
    'ec2',
    'managed-node-group',
    'self-managed-nodes',
    'express-mode',
    'app-runner',
  ]),
  name: z.string().min(1),
  seedSection: z.string().min(1),
  summary: z.string().min(1),
  traits: z.strictObject({
    kubernetes: z.boolean(),
    serverless: z.boolean(),
    hostsManagedBy: z.enum(['aws', 'shared', 'customer']),
    managedIngress: z.boolean(),
  }),
  sizingModel: z.enum(['fargate', 'eks-fargate', 'app-runner', 'ec2']),
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
export type PlatformCatalogue = z.output<typeof platformCatalogueSchema>;

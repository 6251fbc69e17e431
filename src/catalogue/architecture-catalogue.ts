import { z } from 'zod';
import { PLATFORM_IDS } from './platform-catalogue';

const platformIds = z.array(z.enum(PLATFORM_IDS)).min(1);
const workloadTypes = z.array(z.enum(['web', 'worker', 'batch'])).min(1);

/**
 * When a way of reaching a dependency applies: every condition given must hold (a caller and its
 * dependency on the listed platforms, of the listed workload types, the dependency on a listed protocol);
 * an entry without conditions applies always, so the last entry is the fallback.
 */
const discoveryConditionsSchema = z.strictObject({
  callerPlatforms: platformIds.optional(),
  targetPlatforms: platformIds.optional(),
  callerWorkloadTypes: workloadTypes.optional(),
  targetWorkloadTypes: workloadTypes.optional(),
  targetProtocols: z.array(z.string()).min(1).optional(),
});

const sharedCostItemSchema = z
  .strictObject({
    item: z.string().min(1).optional(),
    itemStartsWith: z.string().min(1).optional(),
    sharedAs: z.enum(['cluster', 'load-balancer', 'vpc']),
    reason: z.string().min(10),
  })
  .refine((entry) => (entry.item === undefined) !== (entry.itemStartsWith === undefined), {
    message: 'names a cost line by exactly one of item and itemStartsWith',
  });

/** rules/catalogue/architecture.json: how the services of one application share what Berth designs. */
export const architectureCatalogueSchema = z.strictObject({
  description: z.string(),
  serviceDiscovery: z
    .array(
      z.strictObject({
        mechanism: z.enum(['start-order', 'service-connect', 'kubernetes-service', 'load-balancer']),
        description: z.string().min(20),
        source: z.url(),
        when: discoveryConditionsSchema,
      }),
    )
    .min(1)
    .refine((entries) => Object.keys(entries.at(-1)?.when ?? { none: true }).length === 0, {
      message: 'must end with an entry without conditions, which applies when no other does',
    }),
  sharedCostItems: z.array(sharedCostItemSchema),
  routing: z.strictObject({
    firstServicePath: z.string().startsWith('/'),
    otherServicesPath: z.string().includes('{{name}}'),
    pathWarning: z.string().includes('{{services}}'),
  }),
});

export type ArchitectureCatalogue = z.output<typeof architectureCatalogueSchema>;
export type ServiceDiscoveryEntry = ArchitectureCatalogue['serviceDiscovery'][number];
export type SharedCostItem = ArchitectureCatalogue['sharedCostItems'][number];

import { z } from 'zod';

const sourceUrl = z.url({ protocol: /^https$/ });
const architecture = z.enum(['x86_64', 'arm64']);
const operatingSystem = z.enum(['linux', 'windows']);

const family = z.strictObject({
  family: z.string().regex(/^[a-z][a-z0-9-]*$/),
  category: z.enum(['general-purpose', 'memory-optimized', 'accelerated-computing']),
  /** The generation digit of the family name (m7i is the 7th generation of m). */
  generation: z.int().positive(),
  architecture,
  processor: z.string(),
  gpu: z.strictObject({ kind: z.string(), memoryGiB: z.number().positive() }).nullable(),
  operatingSystems: z.array(operatingSystem).min(1),
  sources: z.array(sourceUrl).min(1),
});

const instanceType = z.strictObject({
  type: z.string(),
  family: z.string(),
  vcpu: z.number().positive(),
  memoryGiB: z.number().positive(),
  gpus: z.int().min(0),
  /** The key of its Linux On-Demand hourly price in the price tables. */
  priceKey: z.string(),
  source: sourceUrl,
});

const reserved = z.strictObject({ vcpu: z.number().min(0), memoryGiB: z.number().min(0) });
const familiesByArchitecture = z.strictObject({
  x86_64: z.array(z.string()).min(1),
  arm64: z.array(z.string()).min(1),
});

export const NEEDS = ['general', 'memory', 'gpu'] as const;
export type Need = (typeof NEEDS)[number];

export const instanceCatalogueSchema = z
  .strictObject({
    description: z.string(),
    notes: z.array(z.strictObject({ decision: z.string(), sources: z.array(sourceUrl).min(1) })).min(1),
    hostReserved: z.strictObject({
      description: z.string(),
      ecs: z.strictObject({ linux: reserved, windows: reserved }),
      eks: z.strictObject({ linux: reserved, windows: reserved }),
      perHostAgent: z.strictObject({
        description: z.string(),
        vcpu: z.number().positive(),
        memoryGiB: z.number().positive(),
      }),
      sources: z.array(sourceUrl).min(1),
    }),
    linuxSystemNodes: z.strictObject({
      description: z.string(),
      count: z.int().positive(),
      vcpu: z.number().positive(),
      memoryGiB: z.number().positive(),
      sources: z.array(sourceUrl).min(1),
    }),
    selection: z.strictObject({
      description: z.string(),
      memoryOptimizedAboveGiBPerVcpu: z.number().positive(),
      general: familiesByArchitecture,
      memory: familiesByArchitecture,
      gpu: familiesByArchitecture,
    }),
    families: z.array(family).min(1),
    instanceTypes: z.array(instanceType).min(1),
  })
  .superRefine((catalogue, context) => {
    const families = new Map(catalogue.families.map((entry) => [entry.family, entry]));
    catalogue.instanceTypes.forEach((entry, index) => {
      const owner = families.get(entry.family);
      if (owner === undefined || !entry.type.startsWith(`${entry.family}.`))
        context.addIssue({
          code: 'custom',
          path: ['instanceTypes', index, 'family'],
          message: `${entry.type} names family "${entry.family}", which is not listed under families or is not its prefix`,
        });
      else if ((owner.gpu === null) !== (entry.gpus === 0))
        context.addIssue({
          code: 'custom',
          path: ['instanceTypes', index, 'gpus'],
          message: `${entry.type} has ${entry.gpus} GPUs but family ${owner.family} ${owner.gpu === null ? 'has none' : 'is a GPU family'}`,
        });
    });
    for (const need of NEEDS) {
      for (const arch of architecture.options) {
        catalogue.selection[need][arch].forEach((name, index) => {
          const entry = families.get(name);
          if (entry === undefined || entry.architecture !== arch || (need === 'gpu') !== (entry.gpu !== null))
            context.addIssue({
              code: 'custom',
              path: ['selection', need, arch, index],
              message: `"${name}" is not a listed ${arch} ${need === 'gpu' ? 'GPU' : 'non-GPU'} family`,
            });
        });
      }
    }
  });

/** The EC2 instance types container hosts are chosen from (rules/catalogue/instance-types.json). */
export type InstanceCatalogue = z.output<typeof instanceCatalogueSchema>;
export type InstanceType = InstanceCatalogue['instanceTypes'][number];
export type Architecture = z.output<typeof architecture>;
export type OperatingSystem = z.output<typeof operatingSystem>;
/** The orchestrator that runs tasks on the hosts: each keeps its own share of a host. */
export type Orchestrator = 'ecs' | 'eks';

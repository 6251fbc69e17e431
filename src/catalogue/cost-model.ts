import { z } from 'zod';
import { platformCapacityValues } from '../contract/generated/openapi-types';

const byPattern = z.strictObject({
  description: z.string(),
  steady: z.number().min(0).max(1),
  spiky: z.number().min(0).max(1),
  intermittent: z.number().min(0).max(1),
});

export const costModelSchema = z.strictObject({
  description: z.string(),
  averageTaskLoad: byPattern,
  appRunnerActiveFraction: byPattern,
  batch: z.strictObject({
    description: z.string(),
    runMinutes: z.number().positive(),
    runsPerMonth: z.strictObject({ manual: z.number().min(0), 's3-object-created': z.number().min(0) }),
    lowDurationFactor: z.number().positive(),
    highDurationFactor: z.number().positive(),
    scheduledRuns: z.strictObject({
      description: z.string(),
      /** Whether the scheduler that starts the runs starts one on every tick, even while a run is going. */
      overlapByScheduler: z.strictObject({
        'eventbridge-schedule': z.boolean(),
        'kubernetes-cronjob': z.boolean(),
      }),
      source: z.string(),
    }),
  }),
  architectureByCost: z.strictObject({
    description: z.string(),
    /** The cost sensitivities at which a workload that runs on "any" architecture is priced on both. */
    sensitivities: z.array(z.enum(['low', 'medium', 'high'])),
    source: z.string(),
  }),
  fargateSpot: z.strictObject({ description: z.string(), serviceSpotShare: z.number().min(0).max(1) }),
  ec2: z.strictObject({
    description: z.string(),
    spotPlanningDiscount: z.number().min(0).max(1),
    spotSource: z.string(),
  }),
  hostManagementFees: z.strictObject({
    description: z.string(),
    fees: z.array(
      z.strictObject({
        /** The platform capacity (platforms.json `capacity`) the fee applies to. */
        capacity: z.enum(platformCapacityValues),
        item: z.string().min(1),
        shareOfOnDemand: z.number().min(0).max(1),
        status: z.enum(['PUBLISHED', 'ESTIMATE']),
        /** What the share rests on. */
        basis: z.string().min(1),
        source: z.url({ protocol: /^https$/ }),
      }),
    ),
  }),
  logs: z.strictObject({ description: z.string(), gibPerTaskMonth: z.number().min(0) }),
  loadBalancer: z.strictObject({
    description: z.string(),
    albRequestsPerLcu: z.number().positive(),
    nlbRequestsPerLcu: z.number().positive(),
    availabilityZones: z.int().positive(),
  }),
  natGateways: z.strictObject({ description: z.string(), count: z.int().min(0) }),
});

/** The assumptions estimates make beyond the price table (rules/catalogue/cost-model.json). */
export type CostModel = z.output<typeof costModelSchema>;

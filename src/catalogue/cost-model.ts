import { z } from 'zod';

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
  }),
  fargateSpot: z.strictObject({ description: z.string(), serviceSpotShare: z.number().min(0).max(1) }),
  ec2: z.strictObject({
    description: z.string(),
    spotPlanningDiscount: z.number().min(0).max(1),
    spotSource: z.string(),
  }),
  logs: z.strictObject({ description: z.string(), gibPerTaskMonth: z.number().min(0) }),
  loadBalancer: z.strictObject({
    description: z.string(),
    albRequestsPerLcu: z.number().positive(),
    nlbRequestsPerLcu: z.number().positive(),
    availabilityZones: z.int().positive(),
  }),
  natGateways: z.strictObject({ description: z.string(), count: z.int().min(0) }),
  managedInstances: z.strictObject({
    description: z.string(),
    /** The management fee per instance-hour as a share of the instance's On-Demand price: an estimate. */
    managementFeeShareOfOnDemand: z.number().min(0).max(1),
    basis: z.string(),
    sources: z.array(z.url({ protocol: /^https$/ })).min(1),
  }),
});

/** The assumptions estimates make beyond the price table (rules/catalogue/cost-model.json). */
export type CostModel = z.output<typeof costModelSchema>;

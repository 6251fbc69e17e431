import { z } from 'zod';
import { AWS_ACCESS_SERVICES } from '../contract/workload-schema';

const actions = z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z*]+$/)).min(1);
const serviceActions = z.strictObject({ read: actions, write: actions });

export const awsAccessActionsSchema = z.strictObject({
  description: z.string(),
  source: z.string(),
  services: z.strictObject(
    Object.fromEntries(AWS_ACCESS_SERVICES.map((service) => [service, serviceActions])) as Record<
      (typeof AWS_ACCESS_SERVICES)[number],
      typeof serviceActions
    >,
  ),
});

/** The IAM actions each awsAccess entry grants, per service and access level. */
export type AwsAccessActions = z.output<typeof awsAccessActionsSchema>;

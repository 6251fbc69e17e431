import { z } from 'zod';
import { text, valueOrFact } from './event-values';
import { ruleEvent } from './rule-event';

/** Chooses the ECS capacity provider strategy (and names the market the instances come from). */
export const capacity = ruleEvent({
  type: 'capacity',
  params: z.strictObject({
    capacityProviderStrategy: z
      .array(
        z.strictObject({
          capacityProvider: text,
          weight: z.int().min(0).max(1000),
          base: z.int().min(0).max(100_000),
        }),
      )
      .optional(),
    instanceMarket: valueOrFact(z.enum(['spot', 'on-demand'])).optional(),
  }),
  engines: ['design'],
  decides: 'chooses the capacity (on-demand or Spot, capacity providers)',
  explain: (_params, { ruleDescription }) => ({ effect: 'capacity', message: ruleDescription }),
  fold: (draft, { capacityProviderStrategy }) =>
    capacityProviderStrategy === undefined ? draft : { ...draft, capacityProviderStrategy },
});

import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/** Moves an eligible platform's score up or down, with the reason. */
export const score = ruleEvent({
  type: 'score',
  params: z.strictObject({
    points: z
      .int()
      .min(-50)
      .max(50)
      .refine((points) => points !== 0, 'must not be 0'),
    reason: text,
  }),
  engines: ['platform-fit', 'cost-fit'],
  decides: "moves an eligible platform's score",
  explain: ({ points, reason }, { platformId }) => ({
    effect: `${points > 0 ? '+' : ''}${points} ${platformId}`,
    message: reason,
  }),
});

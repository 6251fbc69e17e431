import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/** Rules a platform out: the request fields to blame, and whether changing them could lift it. */
export const blocker = ruleEvent({
  type: 'blocker',
  params: z.strictObject({
    message: text,
    fields: z.array(text).min(1),
    changeable: z.boolean().optional(),
  }),
  engines: ['platform-fit'],
  decides: 'makes a platform ineligible',
  explain: ({ message }, { platformId }) => ({ effect: `excludes ${platformId}`, message }),
});

import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/** A warning in the answer: about a platform (platform-fit, cost-fit) or about the design. */
export const warning = ruleEvent({
  type: 'warning',
  params: z.strictObject({ message: text }),
  engines: ['platform-fit', 'cost-fit', 'design'],
  decides: 'adds a warning',
  explain: ({ message }, { platformId }) => ({
    effect: platformId === undefined ? 'warns' : `warns about ${platformId}`,
    message,
  }),
  fold: (draft, { message }) => ({ ...draft, warnings: [...draft.warnings, message] }),
});

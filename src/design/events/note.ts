import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/** A remark in the rationale only: it changes nothing. */
export const note = ruleEvent({
  type: 'note',
  params: z.strictObject({ message: text }),
  engines: ['platform-fit', 'cost-fit', 'design'],
  decides: 'adds a note to the rationale',
  explain: ({ message }) => ({ effect: 'notes', message }),
});

import { z } from 'zod';
import { IAM_SLOTS, STATEMENT_RESOURCE_REFS } from '../design-draft';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

export const iamStatementSchema = z.strictObject({
  effect: z.enum(['Allow', 'Deny']),
  actions: z.array(text).min(1),
  resources: z.array(text).min(1),
});

/** Adds a statement to a role another rule creates. */
export const iamStatement = ruleEvent({
  type: 'iam-statement',
  params: z.strictObject({
    slot: z.enum(IAM_SLOTS),
    statement: iamStatementSchema,
    resourceRef: z.enum(STATEMENT_RESOURCE_REFS).optional(),
  }),
  engines: ['design'],
  decides: 'adds a permission to an IAM role',
  explain: ({ slot }, { ruleDescription }) => ({ effect: `IAM ${slot} statement`, message: ruleDescription }),
  fold: (draft, { slot, statement, resourceRef }) => ({
    ...draft,
    extraStatements: [
      ...draft.extraStatements,
      { slot, statement, ...(resourceRef === undefined ? {} : { resourceRef }) },
    ],
  }),
});

import { z } from 'zod';
import { IAM_SLOTS, IncompleteDesignError } from '../design-draft';
import { text } from './event-values';
import { iamStatementSchema } from './iam-statement';
import { ruleEvent } from './rule-event';

/** Fills one IAM role of the design; `grantsFromAwsAccess` adds the workload's awsAccess to it. */
export const iamRole = ruleEvent({
  type: 'iam-role',
  params: z.strictObject({
    slot: z.enum(IAM_SLOTS),
    grantsFromAwsAccess: z.boolean().optional(),
    role: z.strictObject({
      name: text,
      trustedService: text,
      trustActions: z.array(z.string().startsWith('sts:')).min(1).optional(),
      managedPolicyArns: z.array(z.string().startsWith('arn:aws:iam::aws:policy/')),
      statements: z.array(iamStatementSchema),
      description: text,
    }),
  }),
  engines: ['design'],
  decides: 'defines an IAM role',
  explain: ({ slot, role }) => ({ effect: `IAM ${slot}: ${role.name}`, message: role.description }),
  fold: (draft, { slot, role, grantsFromAwsAccess }, { ruleName }) => {
    if (draft.roles[slot] !== undefined)
      throw new IncompleteDesignError(`two rules fill IAM role ${slot} (…, ${ruleName})`);
    return {
      ...draft,
      roles: { ...draft.roles, [slot]: role },
      grantsFromAwsAccess:
        grantsFromAwsAccess === true ? [...draft.grantsFromAwsAccess, slot] : draft.grantsFromAwsAccess,
    };
  },
});

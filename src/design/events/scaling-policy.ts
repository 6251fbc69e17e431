import { z } from 'zod';
import { text, valueOrFact } from './event-values';
import { ruleEvent } from './rule-event';

/** Adds a scaling policy; its other settings depend on the policy type and pass through as the rule gives them. */
export const scalingPolicy = ruleEvent({
  type: 'scaling-policy',
  params: z.strictObject({
    policy: z.looseObject({
      type: z.enum([
        'target-tracking',
        'sqs-backlog-per-task',
        'capacity-provider-managed-scaling',
        'horizontal-pod-autoscaler',
        'node-autoscaler',
        'app-runner-concurrency',
        'run-per-trigger',
      ]),
      metric: text.optional(),
      targetValue: valueOrFact(z.number()).optional(),
      /** The fewest tasks the policy can work with: its metric has no data below it, so it never scales out. */
      minimumTasks: z.int().min(0).optional(),
      description: text,
    }),
  }),
  engines: ['design'],
  decides: 'adds a scaling policy',
  explain: ({ policy }) => ({ effect: `scaling policy: ${policy.type}`, message: policy.description }),
  fold: (draft, { policy }) => ({ ...draft, policies: [...draft.policies, policy] }),
});

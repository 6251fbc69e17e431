import { z } from 'zod';
import { jsonValue, text, valueOrFact } from './event-values';
import { ruleEvent } from './rule-event';

const seconds = z.int().positive();

/** Adds what starts the work: a schedule, an event rule, a queue or a CronJob. */
export const trigger = ruleEvent({
  type: 'trigger',
  params: z.strictObject({
    trigger: z.strictObject({
      type: z.enum(['eventbridge-schedule', 'eventbridge-rule', 'sqs-queue', 'kubernetes-cronjob']),
      description: text,
      expression: valueOrFact(text).optional(),
      pattern: valueOrFact(z.record(z.string(), jsonValue)).optional(),
      target: text.optional(),
      queueName: valueOrFact(text).optional(),
      deadLetterQueueName: valueOrFact(text).optional(),
      maxReceiveCount: z.int().positive().optional(),
      bucket: valueOrFact(text).optional(),
      visibilityTimeoutSeconds: seconds.optional(),
      messageRetentionSeconds: seconds.optional(),
      deadLetterRetentionSeconds: seconds.optional(),
    }),
  }),
  engines: ['design'],
  decides: 'adds a trigger',
  explain: ({ trigger }) => ({ effect: `trigger: ${trigger.type}`, message: trigger.description }),
  fold: (draft, { trigger }) => ({ ...draft, triggers: [...draft.triggers, trigger] }),
});

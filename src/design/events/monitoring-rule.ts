import { z } from 'zod';
import { jsonValue, text } from './event-values';
import { ruleEvent } from './rule-event';

/** Adds an EventBridge rule that reports on the running workload (for example stopped tasks). */
export const monitoringRule = ruleEvent({
  type: 'monitoring-rule',
  params: z.strictObject({
    rule: z.strictObject({
      type: z.literal('eventbridge-rule'),
      name: text,
      pattern: z.record(z.string(), jsonValue),
      target: text,
      description: text,
    }),
  }),
  engines: ['design'],
  decides: 'adds a monitoring rule',
  explain: ({ rule }) => ({ effect: `monitoring: ${rule.name}`, message: rule.description }),
  fold: (draft, { rule }) => ({ ...draft, monitoring: [...draft.monitoring, rule] }),
});

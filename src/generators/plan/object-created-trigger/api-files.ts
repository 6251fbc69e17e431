import type { ObjectCreatedTriggerPlan } from './plan';

/** The rule's EventPattern as PutRule takes it: JSON text. */
export function objectCreatedEventPattern(trigger: ObjectCreatedTriggerPlan): string {
  return JSON.stringify(trigger.pattern);
}

import type { EventRuleFile, EventTarget } from '../../shared/eventbridge-shapes';
import type { ObjectCreatedTriggerPlan } from './plan';

/** The rule's EventPattern as PutRule takes it: JSON text. */
export function objectCreatedEventPattern(trigger: ObjectCreatedTriggerPlan): string {
  return JSON.stringify(trigger.pattern);
}

/** The PutRule and PutTargets inputs of the rule on the bucket's "Object Created" events, with its one target. */
export function objectCreatedRule(
  trigger: ObjectCreatedTriggerPlan,
  description: string,
  target: EventTarget,
): EventRuleFile {
  return {
    putRule: {
      Name: trigger.ruleName,
      EventPattern: objectCreatedEventPattern(trigger),
      State: 'ENABLED',
      Description: description,
    },
    putTargets: { Rule: trigger.ruleName, Targets: [target] },
  };
}

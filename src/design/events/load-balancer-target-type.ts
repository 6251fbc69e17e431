import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/**
 * Makes the load balancer's targets the instances, whatever the platform's own target type: a task on the
 * host's network has no address of its own to register, only its instance and the host port.
 */
export const loadBalancerTargetType = ruleEvent({
  type: 'load-balancer-target-type',
  params: z.strictObject({ targetType: z.enum(['ip', 'instance']), reason: text }),
  engines: ['design'],
  decides: "sets the load balancer's target type",
  explain: ({ targetType, reason }) => ({ effect: `target type: ${targetType}`, message: reason }),
  fold: (draft, { targetType }) => ({ ...draft, targetType }),
});

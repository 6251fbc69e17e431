import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/** Makes the load balancer internal; without such a rule it is internet-facing. */
export const loadBalancerScheme = ruleEvent({
  type: 'load-balancer-scheme',
  params: z.strictObject({ scheme: z.enum(['internet-facing', 'internal']), reason: text }),
  engines: ['design'],
  decides: "sets the load balancer's scheme",
  explain: ({ scheme, reason }) => ({ effect: `load balancer scheme: ${scheme}`, message: reason }),
  fold: (draft, { scheme }) => ({ ...draft, scheme }),
});

import { z } from 'zod';
import { IncompleteDesignError } from '../design-draft';
import { text, valueOrFact } from './event-values';
import { ruleEvent } from './rule-event';

const protocol = z.enum(['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'TCP_UDP']);
const port = valueOrFact(z.int().min(1).max(65_535));

/** Chooses the load balancer, its listeners and its target group; exactly one such rule fires per design. */
export const loadBalancer = ruleEvent({
  type: 'load-balancer',
  params: z.strictObject({
    type: z.enum(['alb', 'nlb', 'none', 'built-in']),
    listeners: z.array(z.strictObject({ protocol, port, action: z.enum(['forward', 'redirect-to-https']) })),
    targetGroup: z
      .strictObject({
        protocol,
        protocolVersion: z.enum(['HTTP1', 'HTTP2', 'GRPC']).optional(),
        port,
        targetType: valueOrFact(z.enum(['ip', 'instance'])),
        healthCheckPath: valueOrFact(text).optional(),
        healthCheckProtocol: text.optional(),
        healthCheckPort: port.optional(),
        healthCheckMatcher: z
          .strictObject({ GrpcCode: text.optional(), HttpCode: text.optional() })
          .optional(),
        stickiness: valueOrFact(z.boolean()).optional(),
      })
      .optional(),
    reason: text,
  }),
  engines: ['design'],
  decides: 'chooses the load balancer and its listeners',
  explain: ({ type, reason }) => ({ effect: `load balancer: ${type}`, message: reason }),
  fold: (draft, params, { ruleName }) => {
    if (draft.loadBalancer !== undefined)
      throw new IncompleteDesignError(`two load-balancer rules fired (…, ${ruleName})`);
    return { ...draft, loadBalancer: params };
  },
});

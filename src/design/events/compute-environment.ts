import { z } from 'zod';
import { IncompleteDesignError } from '../design-draft';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/**
 * Chooses the AWS Batch managed compute environment a job queue sends its jobs to: its type (Fargate,
 * Fargate Spot, EC2 On-Demand or EC2 Spot), what that capacity is in the answer's words, and for EC2 how
 * Batch picks instance types. ECS_MANAGED_INSTANCES is not offered: botocore 1.43's ComputeResource type
 * and cfn-lint 1.51's AWS::Batch::ComputeEnvironment schema reject it, so its starter files could not be
 * validated.
 */
export const computeEnvironment = ruleEvent({
  type: 'compute-environment',
  params: z.strictObject({
    computeEnvironment: z.strictObject({
      type: z.enum(['FARGATE', 'FARGATE_SPOT', 'EC2', 'SPOT']),
      capacity: z.enum(['fargate', 'ec2']),
      allocationStrategy: z.enum(['BEST_FIT_PROGRESSIVE', 'SPOT_PRICE_CAPACITY_OPTIMIZED']).optional(),
      reason: text,
    }),
  }),
  engines: ['design'],
  decides: 'chooses the AWS Batch compute environment (Fargate, Fargate Spot, EC2 or EC2 Spot)',
  explain: ({ computeEnvironment }) => ({
    effect: `compute environment: ${computeEnvironment.type}`,
    message: computeEnvironment.reason,
  }),
  fold: (draft, { computeEnvironment }, { ruleName }) => {
    if (draft.computeEnvironment !== undefined)
      throw new IncompleteDesignError(`two rules choose the compute environment (…, ${ruleName})`);
    return { ...draft, computeEnvironment };
  },
});

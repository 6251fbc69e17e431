import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/** Defines the ECR repository and the image the workload runs. */
export const registry = ruleEvent({
  type: 'registry',
  params: z.strictObject({
    repositoryName: text,
    imageScanOnPush: z.boolean(),
    imageTagMutability: z.enum(['MUTABLE', 'IMMUTABLE']),
    lifecyclePolicy: z.strictObject({
      keepLastImages: z.int().positive(),
      expireUntaggedAfterDays: z.int().positive(),
    }),
  }),
  engines: ['design'],
  decides: 'defines the image registry',
  explain: ({ repositoryName }, { ruleDescription }) => ({
    effect: `registry: ecr ${repositoryName}`,
    message: ruleDescription,
  }),
  fold: (draft, params, { workload }) => ({
    ...draft,
    registry: {
      type: 'ecr',
      ...params,
      imageUri:
        workload.image ??
        `<account-id>.dkr.ecr.${workload.region}.amazonaws.com/${params.repositoryName}:latest`,
    },
  }),
});

import { z } from 'zod';
import { text } from './event-values';
import { ruleEvent } from './rule-event';

/** Defines the ECR repository and the image the workload runs. */
export const registry = ruleEvent({
  type: 'registry',
  params: z.strictObject({
    repositoryName: text,
    imageScanOnPush: z.boolean(),
    imageTagMutability: z.enum(['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION']),
    /** The tags exempt from IMMUTABLE_WITH_EXCLUSION (ECR wildcard filters). */
    mutableTags: z.array(z.string().regex(/^[0-9a-zA-Z._*-]{1,128}$/)).optional(),
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

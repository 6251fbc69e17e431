import type { components } from '../../../contract/generated/openapi-types';
import type { StarterConfigInput } from '../../shared/starter-file';
import { type Reference, reference } from '../reference';

type Trigger = components['schemas']['Trigger'];

/**
 * An S3 "Object Created" trigger: the EventBridge rule on the bucket's events under the prefix. The bucket
 * exists outside the starter configuration: the API files name it, the stack takes it as a parameter.
 */
export interface ObjectCreatedTriggerPlan {
  ruleName: string;
  bucket: Reference;
  prefix: string;
  /** The designed event pattern; its bucket name is the plan's bucket. */
  pattern: Record<string, unknown>;
}

export function objectCreatedTriggerPlan(
  input: StarterConfigInput,
  trigger: Trigger,
): ObjectCreatedTriggerPlan {
  const { workload, facts } = input;
  return {
    ruleName: `${workload.name}-object-created`,
    bucket: reference('trigger-bucket', 'name', workload.trigger?.bucket ?? trigger.bucket ?? ''),
    prefix: workload.trigger?.prefix ?? '',
    pattern: facts.runtime.s3EventPattern ?? trigger.pattern ?? {},
  };
}

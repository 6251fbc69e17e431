import type { components } from '../../../contract/generated/openapi-types';
import type { StarterConfigInput } from '../../shared/starter-file';
import { type Reference, reference } from '../reference';

type Trigger = components['schemas']['Trigger'];

/** EventBridge passes these JSON paths of an S3 "Object Created" event to the rule's target. */
export const S3_EVENT_PATHS = { bucket: '$.detail.bucket.name', key: '$.detail.object.key' } as const;
export type S3EventPath = keyof typeof S3_EVENT_PATHS;

/**
 * The target input EventBridge builds from each event. In an input template a placeholder written without
 * quotes is replaced by the JSON value (quotes and escaping included), so values with quotes or backslashes
 * stay valid JSON. The template is serialized from the object `build` returns, in which `eventValue(path)`
 * stands for an event value; only those markers, made here, are unquoted afterwards.
 */
export function s3EventInputTemplate(build: (eventValue: (path: S3EventPath) => string) => unknown): string {
  const marker = (path: S3EventPath) => `@@${path}@@`;
  const template = JSON.stringify(build(marker));
  return (Object.keys(S3_EVENT_PATHS) as S3EventPath[]).reduce(
    (text, path) => text.replace(JSON.stringify(marker(path)), `<${path}>`),
    template,
  );
}

/** The InputTransformer of the rule's target, as PutTargets and AWS::Events::Rule both spell it. */
export function s3EventInputTransformer(inputTemplate: string): {
  InputPathsMap: Record<S3EventPath, string>;
  InputTemplate: string;
} {
  return { InputPathsMap: { ...S3_EVENT_PATHS }, InputTemplate: inputTemplate };
}

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

import { join, ref, type TemplateValue } from '../../cloudformation/intrinsics';
import { bucketName } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { apiValue } from '../reference';
import type { StackReferences } from '../stack-references';
import type { ObjectCreatedTriggerPlan } from './plan';

/**
 * The BucketName parameter (defaulting to the planned bucket), so the stack can be pointed at another bucket;
 * provides `trigger-bucket` (name, arn) to references, for the rule's pattern and the role that reads objects.
 */
export function addTriggerBucket(
  template: TemplateBuilder,
  references: StackReferences,
  trigger: ObjectCreatedTriggerPlan,
): TemplateValue {
  const bucket = bucketName(template, apiValue(trigger.bucket));
  references.provide('trigger-bucket', {
    name: bucket,
    arn: join('', ['arn:', ref('AWS::Partition'), ':s3:::', bucket]),
  });
  return bucket;
}

/** The designed pattern with the bucket taken from the stack's bucket. */
export function objectCreatedEventPattern(
  trigger: ObjectCreatedTriggerPlan,
  references: StackReferences,
): TemplateValue {
  // New objects around the designed pattern rather than changes to it: the API files write it as designed.
  const pattern = trigger.pattern as Record<string, TemplateValue>;
  const detail = (pattern.detail ?? {}) as Record<string, TemplateValue>;
  return { ...pattern, detail: { ...detail, bucket: { name: [references.resolve(trigger.bucket)] } } };
}

/** The AWS::Events::Rule on the bucket's "Object Created" events (logical id ObjectCreatedRule), with its one target. */
export function addObjectCreatedRule(
  template: TemplateBuilder,
  references: StackReferences,
  trigger: ObjectCreatedTriggerPlan,
  description: string,
  target: Record<string, TemplateValue>,
): void {
  template.resource('ObjectCreatedRule', {
    Type: 'AWS::Events::Rule',
    Properties: {
      Name: trigger.ruleName,
      Description: description,
      State: 'ENABLED',
      EventPattern: objectCreatedEventPattern(trigger, references),
      Targets: [target],
    },
  });
}

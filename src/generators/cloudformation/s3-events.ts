import { objectCreatedEventPattern } from '../plan/object-created-trigger/cloudformation';
import type { ObjectCreatedTriggerPlan } from '../plan/object-created-trigger/plan';
import { reference } from '../plan/reference';
import { StackReferences } from '../plan/stack-references';
import type { StarterConfigInput } from '../shared/starter-file';
import type { TemplateValue } from './intrinsics';

/**
 * The ECS and EKS templates' S3 event pattern on the bucket parameter they declared themselves, until
 * those families plan the trigger (plan/object-created-trigger).
 */
export function s3EventPattern(input: StarterConfigInput, bucket: TemplateValue): TemplateValue {
  const references = new StackReferences();
  references.provide('trigger-bucket', { name: bucket });
  const trigger: ObjectCreatedTriggerPlan = {
    ruleName: `${input.workload.name}-object-created`,
    bucket: reference('trigger-bucket', 'name', input.workload.trigger?.bucket ?? ''),
    prefix: input.workload.trigger?.prefix ?? '',
    pattern: input.facts.runtime.s3EventPattern ?? {},
  };
  return objectCreatedEventPattern(trigger, references);
}

import type { StarterConfigInput } from '../shared/starter-file';
import type { TemplateValue } from './intrinsics';

/**
 * The EventBridge pattern of the workload's S3 trigger ("Object Created" under its prefix), with the bucket
 * taken from the BucketName parameter, so the stack can be pointed at another bucket.
 */
export function s3EventPattern(input: StarterConfigInput, bucket: TemplateValue): TemplateValue {
  const pattern = structuredClone(input.facts.runtime.s3EventPattern ?? {}) as Record<string, TemplateValue>;
  const detail = (pattern.detail ?? {}) as Record<string, TemplateValue>;
  pattern.detail = { ...detail, bucket: { name: [bucket] } };
  return pattern;
}

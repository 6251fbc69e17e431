import type { StarterConfigInput } from '../shared/starter-file';
import { designedFileSystemArn, fileSystemArn } from './file-system';
import type { ResourceArns } from './iam';
import { join, ref, type TemplateValue } from './intrinsics';
import { designedQueueArn, type StackQueue } from './queues';

/** What the stack created that the designed role statements name by text. */
export interface CreatedResources {
  queue: StackQueue | null;
  fileSystem: boolean;
  /** The bucket parameter, when an S3 trigger starts the workload. */
  bucket: TemplateValue | null;
}

/**
 * The designed statement resources that name something the stack creates or takes as a parameter, each
 * mapped to that resource's ARN in the stack: so a renamed queue or another bucket still gets its permissions.
 */
export function stackResourceArns(input: StarterConfigInput, created: CreatedResources): ResourceArns {
  const arns = new Map<string, TemplateValue>();
  if (created.queue !== null) arns.set(designedQueueArn(input, created.queue), created.queue.arn);
  if (created.fileSystem) arns.set(designedFileSystemArn(input), fileSystemArn());
  const trigger = input.workload.trigger;
  if (created.bucket !== null && trigger?.bucket !== undefined) {
    const prefix = trigger.prefix ?? '';
    arns.set(
      `arn:aws:s3:::${trigger.bucket}/${prefix}*`,
      join('', ['arn:', ref('AWS::Partition'), ':s3:::', created.bucket, `/${prefix}*`]),
    );
  }
  return arns;
}

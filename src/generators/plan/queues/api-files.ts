import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import { apiValue } from '../reference';
import { eventBridgeSendPolicy, type QueuesPlan, queueArn } from './plan';

/** sqs CreateQueue (SQS API 2012-11-05); attribute values are strings, as the API takes them. */
export interface CreateQueueRequest {
  QueueName: string;
  Attributes: Record<string, string>;
}

/** The CreateQueue requests in creation order. */
export function createQueueRequests(plan: QueuesPlan, region: string): CreateQueueRequest[] {
  return plan.queues.map((queue) => {
    const attributes: Record<string, string> = { SqsManagedSseEnabled: 'true' };
    if (queue.visibilityTimeoutSeconds !== undefined)
      attributes.VisibilityTimeout = String(queue.visibilityTimeoutSeconds);
    if (queue.messageRetentionSeconds !== undefined)
      attributes.MessageRetentionPeriod = String(queue.messageRetentionSeconds);
    if (queue.redrive !== undefined) {
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: apiValue(queue.redrive.deadLetterQueue),
        maxReceiveCount: queue.redrive.maxReceiveCount,
      });
    }
    if (queue.sender !== undefined) {
      attributes.Policy = JSON.stringify(
        eventBridgeSendPolicy(queueArn(region, queue.name), apiValue(queue.sender)),
      );
    }
    return { QueueName: queue.name, Attributes: attributes };
  });
}

/** sqs/queues.json, holding the requests in creation order. */
export function sqsQueuesFile(plan: QueuesPlan, region: string): DescribedFile {
  return jsonFile(
    'sqs/queues.json',
    { queues: createQueueRequests(plan, region) },
    'SQS CreateQueue inputs: the queues the workload consumes, dead-letter queues first.',
  );
}

export function sqsQueueSteps(plan: QueuesPlan): string[] {
  return plan.queues.map(
    (queue, index) =>
      `Create queue ${queue.name}: \`aws sqs create-queue --cli-input-json "$(jq '.queues[${index}]' sqs/queues.json)"\``,
  );
}

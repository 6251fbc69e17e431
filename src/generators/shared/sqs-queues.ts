import type { components } from '../../contract/generated/openapi-types';
import { PLACEHOLDERS } from './placeholders';
import { jsonFile } from './serialize';
import type { DescribedFile, StarterConfigInput } from './starter-file';

type Trigger = components['schemas']['Trigger'];

/** sqs CreateQueue (SQS API 2012-11-05); attribute values are strings, as the API takes them. */
export interface CreateQueueRequest {
  QueueName: string;
  Attributes: Record<string, string>;
}

export function queueArn(input: StarterConfigInput, queueName: string): string {
  return `arn:aws:sqs:${input.workload.region}:${PLACEHOLDERS.accountId}:${queueName}`;
}

/**
 * The queues the design names, each encrypted with SQS-managed keys. A work queue comes after its
 * dead-letter queue, which must exist first; a queue fed by an EventBridge rule lets that rule, and only
 * it, send to it.
 */
export function designedQueues(
  input: StarterConfigInput,
  eventRuleName: string | null,
): CreateQueueRequest[] {
  return input.design.triggers.flatMap((trigger) => queuesFor(input, trigger, eventRuleName));
}

/** sqs/queues.json, holding the requests in creation order. */
export function sqsQueuesFile(queues: readonly CreateQueueRequest[]): DescribedFile {
  return jsonFile(
    'sqs/queues.json',
    { queues },
    'SQS CreateQueue inputs: the queues the workload consumes, dead-letter queues first.',
  );
}

export function sqsQueueSteps(queues: readonly CreateQueueRequest[]): string[] {
  return queues.map(
    (queue, index) =>
      `Create queue ${queue.QueueName}: \`aws sqs create-queue --cli-input-json "$(jq '.queues[${index}]' sqs/queues.json)"\``,
  );
}

function queuesFor(
  input: StarterConfigInput,
  trigger: Trigger,
  eventRuleName: string | null,
): CreateQueueRequest[] {
  if (trigger.queueName === undefined) return [];
  // Queue settings beyond the documented Trigger fields travel as extra properties of the trigger.
  const settings: Record<string, unknown> = trigger;
  const numeric = (key: string) => {
    const value = settings[key];
    return typeof value === 'number' ? String(value) : undefined;
  };
  if (trigger.type === 'sqs-queue') {
    const queue: CreateQueueRequest = {
      QueueName: trigger.queueName,
      Attributes: { SqsManagedSseEnabled: 'true' },
    };
    const visibility = numeric('visibilityTimeoutSeconds');
    const retention = numeric('messageRetentionSeconds');
    if (visibility !== undefined) queue.Attributes.VisibilityTimeout = visibility;
    if (retention !== undefined) queue.Attributes.MessageRetentionPeriod = retention;
    if (trigger.deadLetterQueueName === undefined) return [queue];
    queue.Attributes.RedrivePolicy = JSON.stringify({
      deadLetterTargetArn: queueArn(input, trigger.deadLetterQueueName),
      maxReceiveCount: trigger.maxReceiveCount ?? 3,
    });
    const deadLetterRetention = numeric('deadLetterRetentionSeconds');
    const deadLetterQueue: CreateQueueRequest = {
      QueueName: trigger.deadLetterQueueName,
      Attributes: {
        SqsManagedSseEnabled: 'true',
        ...(deadLetterRetention === undefined ? {} : { MessageRetentionPeriod: deadLetterRetention }),
      },
    };
    return [deadLetterQueue, queue];
  }
  if (trigger.type === 'eventbridge-rule' && eventRuleName !== null) {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EventBridgeSendsEvents',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: queueArn(input, trigger.queueName),
          Condition: {
            ArnEquals: {
              'aws:SourceArn': `arn:aws:events:${input.workload.region}:${PLACEHOLDERS.accountId}:rule/${eventRuleName}`,
            },
          },
        },
      ],
    };
    return [
      {
        QueueName: trigger.queueName,
        Attributes: { SqsManagedSseEnabled: 'true', Policy: JSON.stringify(policy) },
      },
    ];
  }
  return [];
}

import type { components } from '../../../contract/generated/openapi-types';
import { PLACEHOLDERS } from '../../shared/placeholders';
import type { StarterConfigInput } from '../../shared/starter-file';
import { type Reference, reference } from '../reference';

type Trigger = components['schemas']['Trigger'];

/** SQS names are at most 80 characters; the design names a dead-letter queue after its queue, plus "-dlq". */
const MAX_QUEUE_NAME_LENGTH = 80;

/** One SQS queue, encrypted with SQS-managed keys. */
export interface QueuePlan {
  key: 'workload-queue' | 'dead-letter-queue';
  name: string;
  visibilityTimeoutSeconds?: number;
  messageRetentionSeconds?: number;
  /** Where messages go after `maxReceiveCount` failed receives. */
  redrive?: { deadLetterQueue: Reference; maxReceiveCount: number };
  /** The EventBridge rule that, alone, may send to the queue. */
  sender?: Reference;
}

/**
 * The queues the workload consumes, in creation order: a work queue after its dead-letter queue, which
 * must exist first. `feeds` says what fills the workload's queue, for the README and the stack's outputs.
 */
export interface QueuesPlan {
  queues: QueuePlan[];
  feeds: 'producers' | 's3-events';
}

/** What the queue is called in an ARN before it exists; the stack's queue is referenced instead. */
export function queueArn(region: string, queueName: string): string {
  return `arn:aws:sqs:${region}:${PLACEHOLDERS.accountId}:${queueName}`;
}

/**
 * The queue the design feeds the workload from, if any: an SQS trigger's queue with its dead-letter queue,
 * or the queue an EventBridge rule (`eventRule`, referenced by key) fills with S3 events. Queue settings
 * beyond the documented Trigger fields travel as extra properties of the trigger.
 */
export function queuesPlan(input: StarterConfigInput, eventRule: Reference | null): QueuesPlan | null {
  const { region } = input.workload;
  const trigger = input.design.triggers.find(
    (candidate) =>
      candidate.queueName !== undefined &&
      (candidate.type === 'sqs-queue' || (candidate.type === 'eventbridge-rule' && eventRule !== null)),
  );
  if (trigger?.queueName === undefined) return null;
  const settings = numericSettings(trigger);
  const queue: QueuePlan = {
    key: 'workload-queue',
    name: trigger.queueName,
    ...(settings.visibilityTimeoutSeconds === undefined
      ? {}
      : { visibilityTimeoutSeconds: settings.visibilityTimeoutSeconds }),
    ...(settings.messageRetentionSeconds === undefined
      ? {}
      : { messageRetentionSeconds: settings.messageRetentionSeconds }),
  };
  if (trigger.type === 'eventbridge-rule' && eventRule !== null) {
    return { queues: [{ ...queue, sender: eventRule }], feeds: 's3-events' };
  }
  if (trigger.deadLetterQueueName === undefined) return { queues: [queue], feeds: 'producers' };
  const deadLetterName = fitQueueName(trigger.deadLetterQueueName);
  const deadLetterQueue: QueuePlan = {
    key: 'dead-letter-queue',
    name: deadLetterName,
    ...(settings.deadLetterRetentionSeconds === undefined
      ? {}
      : { messageRetentionSeconds: settings.deadLetterRetentionSeconds }),
  };
  queue.redrive = {
    deadLetterQueue: reference('dead-letter-queue', 'arn', queueArn(region, deadLetterName)),
    maxReceiveCount: trigger.maxReceiveCount ?? 3,
  };
  return { queues: [deadLetterQueue, queue], feeds: 'producers' };
}

function numericSettings(trigger: Trigger): Record<string, number | undefined> {
  const settings: Record<string, unknown> = trigger;
  const numeric = (key: string) => {
    const value = settings[key];
    return typeof value === 'number' ? value : undefined;
  };
  return {
    visibilityTimeoutSeconds: numeric('visibilityTimeoutSeconds'),
    messageRetentionSeconds: numeric('messageRetentionSeconds'),
    deadLetterRetentionSeconds: numeric('deadLetterRetentionSeconds'),
  };
}

/** A queue name "-dlq" made too long is cut so that it still ends in "-dlq". */
function fitQueueName(name: string): string {
  return name.length <= MAX_QUEUE_NAME_LENGTH ? name : `${name.slice(0, MAX_QUEUE_NAME_LENGTH - 4)}-dlq`;
}

/**
 * The queue policy that lets the EventBridge rule `sourceArn` send to the queue `queueArn`: one document for
 * both renderings, each passing its spelling of the two ARNs.
 */
export function eventBridgeSendPolicy<Value>(queueArn: Value, sourceArn: Value) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EventBridgeSendsEvents',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
      },
    ],
  };
}

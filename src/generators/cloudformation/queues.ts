import type { components } from '../../contract/generated/openapi-types';
import type { StarterConfigInput } from '../shared/starter-file';
import { getAtt, ref, type TemplateValue } from './intrinsics';
import { deadLetterQueueName, queueName } from './parameters';
import type { TemplateBuilder } from './template';

type Trigger = components['schemas']['Trigger'];

/** SQS names are at most 80 characters; the design names a dead-letter queue after its queue, plus "-dlq". */
const MAX_QUEUE_NAME_LENGTH = 80;

/** The queue the workload consumes, as the other resources refer to it. */
export interface StackQueue {
  /** The name the design gives the queue, as the designed IAM statements and scaling metrics spell it. */
  designedName: string;
  name: TemplateValue;
  arn: TemplateValue;
  url: TemplateValue;
}

/**
 * The queue the design feeds the workload from, if any: an SQS trigger's queue with its dead-letter queue,
 * or (on EKS) the queue an EventBridge rule fills with S3 events, which only that rule may send to.
 * Both encrypt with SQS-managed keys, like sqs/queues.json.
 */
export function addQueues(
  template: TemplateBuilder,
  input: StarterConfigInput,
  eventRuleLogicalId: string | null,
): StackQueue | null {
  const trigger = input.design.triggers.find(
    (candidate) =>
      candidate.queueName !== undefined &&
      (candidate.type === 'sqs-queue' ||
        (candidate.type === 'eventbridge-rule' && eventRuleLogicalId !== null)),
  );
  if (trigger?.queueName === undefined) return null;
  const settings = numericSettings(trigger);
  const properties: Record<string, TemplateValue> = {
    QueueName: queueName(template, trigger.queueName),
    SqsManagedSseEnabled: true,
  };
  if (settings.visibilityTimeoutSeconds !== undefined)
    properties.VisibilityTimeout = settings.visibilityTimeoutSeconds;
  if (settings.messageRetentionSeconds !== undefined)
    properties.MessageRetentionPeriod = settings.messageRetentionSeconds;
  if (trigger.type === 'sqs-queue' && trigger.deadLetterQueueName !== undefined) {
    template.resource('DeadLetterQueue', {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: deadLetterQueueName(template, fitQueueName(trigger.deadLetterQueueName)),
        SqsManagedSseEnabled: true,
        ...(settings.deadLetterRetentionSeconds === undefined
          ? {}
          : { MessageRetentionPeriod: settings.deadLetterRetentionSeconds }),
      },
    });
    properties.RedrivePolicy = {
      deadLetterTargetArn: getAtt('DeadLetterQueue', 'Arn'),
      maxReceiveCount: trigger.maxReceiveCount ?? 3,
    };
    template.output('DeadLetterQueueUrl', {
      Description: 'The dead-letter queue: messages the workload failed on, kept for inspection or redrive.',
      Value: ref('DeadLetterQueue'),
    });
  }
  template.resource('Queue', { Type: 'AWS::SQS::Queue', Properties: properties });
  if (trigger.type === 'eventbridge-rule' && eventRuleLogicalId !== null) {
    template.resource('QueuePolicy', {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref('Queue')],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'EventBridgeSendsEvents',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: getAtt('Queue', 'Arn'),
              Condition: { ArnEquals: { 'aws:SourceArn': getAtt(eventRuleLogicalId, 'Arn') } },
            },
          ],
        },
      },
    });
  }
  template.output('QueueUrl', {
    Description:
      trigger.type === 'sqs-queue'
        ? 'Producers send the work to this queue.'
        : 'The queue S3 events arrive in.',
    Value: ref('Queue'),
  });
  return {
    designedName: trigger.queueName,
    name: getAtt('Queue', 'QueueName'),
    arn: getAtt('Queue', 'Arn'),
    url: ref('Queue'),
  };
}

/** How the design rules name a queue in a role statement, so the statement can point at the stack's queue. */
export function designedQueueArn(input: StarterConfigInput, queue: StackQueue): string {
  return `arn:aws:sqs:${input.workload.region}:*:${queue.designedName}`;
}

function numericSettings(trigger: Trigger): Record<string, number | undefined> {
  // Queue settings beyond the documented Trigger fields travel as extra properties of the trigger.
  const settings: Record<string, unknown> = trigger;
  const numeric = (key: string) => (typeof settings[key] === 'number' ? settings[key] : undefined);
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

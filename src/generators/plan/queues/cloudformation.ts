import { getAtt, ref, type TemplateValue } from '../../cloudformation/intrinsics';
import { deadLetterQueueName, queueName } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import type { StackReferences } from '../stack-references';
import { eventBridgeSendPolicy, type QueuePlan, type QueuesPlan } from './plan';

/** The logical id of each planned queue; the names are parameters, defaulting to the planned ones. */
const LOGICAL_IDS: Record<QueuePlan['key'], string> = {
  'dead-letter-queue': 'DeadLetterQueue',
  'workload-queue': 'Queue',
};

/**
 * The planned queues (AWS::SQS::Queue `DeadLetterQueue`, `Queue`) and, for a queue an EventBridge rule fills,
 * the AWS::SQS::QueuePolicy that lets only that rule send to it. Each queue provides its arn, name and url
 * to references, so the roles that consume it and the rule that fills it point at the stack's queue.
 */
export function addQueues(template: TemplateBuilder, references: StackReferences, plan: QueuesPlan): void {
  for (const queue of plan.queues) {
    const logicalId = LOGICAL_IDS[queue.key];
    const properties: Record<string, TemplateValue> = {
      QueueName:
        queue.key === 'workload-queue'
          ? queueName(template, queue.name)
          : deadLetterQueueName(template, queue.name),
      SqsManagedSseEnabled: true,
    };
    if (queue.visibilityTimeoutSeconds !== undefined)
      properties.VisibilityTimeout = queue.visibilityTimeoutSeconds;
    if (queue.messageRetentionSeconds !== undefined)
      properties.MessageRetentionPeriod = queue.messageRetentionSeconds;
    if (queue.redrive !== undefined) {
      properties.RedrivePolicy = {
        deadLetterTargetArn: references.resolve(queue.redrive.deadLetterQueue),
        maxReceiveCount: queue.redrive.maxReceiveCount,
      };
    }
    template.resource(logicalId, { Type: 'AWS::SQS::Queue', Properties: properties });
    references.provide(queue.key, {
      arn: getAtt(logicalId, 'Arn'),
      name: getAtt(logicalId, 'QueueName'),
      url: ref(logicalId),
    });
    if (queue.key === 'dead-letter-queue') {
      template.output('DeadLetterQueueUrl', {
        Description:
          'The dead-letter queue: messages the workload failed on, kept for inspection or redrive.',
        Value: ref(logicalId),
      });
    }
    if (queue.sender !== undefined) addSenderPolicy(template, references, logicalId, queue.sender);
  }
  template.output('QueueUrl', {
    Description:
      plan.feeds === 'producers'
        ? 'Producers send the work to this queue.'
        : 'The queue S3 events arrive in.',
    Value: ref(LOGICAL_IDS['workload-queue']),
  });
}

function addSenderPolicy(
  template: TemplateBuilder,
  references: StackReferences,
  queueLogicalId: string,
  sender: NonNullable<QueuePlan['sender']>,
): void {
  template.resource('QueuePolicy', {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: [ref(queueLogicalId)],
      PolicyDocument: eventBridgeSendPolicy(getAtt(queueLogicalId, 'Arn'), references.resolve(sender)),
    },
  });
}

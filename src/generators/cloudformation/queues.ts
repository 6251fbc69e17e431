import { addQueues as addPlannedQueues } from '../plan/queues/cloudformation';
import { queuesPlan } from '../plan/queues/plan';
import { reference } from '../plan/reference';
import { StackReferences } from '../plan/stack-references';
import { PLACEHOLDERS } from '../shared/placeholders';
import type { StarterConfigInput } from '../shared/starter-file';
import { getAtt, ref, type TemplateValue } from './intrinsics';
import type { TemplateBuilder } from './template';

/** The queue the workload consumes, as the ECS and EKS templates refer to it until they use references. */
export interface StackQueue {
  /** The name the design gives the queue, as the designed IAM statements and scaling metrics spell it. */
  designedName: string;
  name: TemplateValue;
  arn: TemplateValue;
  url: TemplateValue;
}

/**
 * The ECS and EKS templates' queues (plan/queues), the rule that fills an EKS queue named by its logical id.
 * Goes away once those families plan their queues.
 */
export function addQueues(
  template: TemplateBuilder,
  input: StarterConfigInput,
  eventRuleLogicalId: string | null,
): StackQueue | null {
  const references = new StackReferences();
  if (eventRuleLogicalId !== null) {
    references.provide('object-created-rule', { arn: getAtt(eventRuleLogicalId, 'Arn') });
  }
  const { region, name } = input.workload;
  const ruleArn = `arn:aws:events:${region}:${PLACEHOLDERS.accountId}:rule/${name}-object-created`;
  const plan = queuesPlan(
    input,
    eventRuleLogicalId === null ? null : reference('object-created-rule', 'arn', ruleArn),
  );
  const queue = plan?.queues.find((candidate) => candidate.key === 'workload-queue');
  if (plan === null || queue === undefined) return null;
  addPlannedQueues(template, references, plan);
  return {
    designedName: queue.name,
    name: getAtt('Queue', 'QueueName'),
    arn: getAtt('Queue', 'Arn'),
    url: ref('Queue'),
  };
}

/** How the design rules name a queue in a role statement, so the statement can point at the stack's queue. */
export function designedQueueArn(input: StarterConfigInput, queue: StackQueue): string {
  return `arn:aws:sqs:${input.workload.region}:*:${queue.designedName}`;
}

import type { components } from '../../contract/generated/openapi-types';
import { queueArn } from '../plan/queues/plan';
import type { EventRuleFile } from '../shared/eventbridge-shapes';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';

type Trigger = components['schemas']['Trigger'];

/** EventBridge cannot start pods, so on EKS the S3 events go to a queue the pods read. */
export function s3QueueTrigger(input: StarterConfigInput): (Trigger & { queueName: string }) | undefined {
  const trigger = input.design.triggers.find(
    (candidate) => candidate.type === 'eventbridge-rule' && candidate.queueName !== undefined,
  );
  return trigger?.queueName === undefined ? undefined : { ...trigger, queueName: trigger.queueName };
}

export function s3EventRuleName(input: StarterConfigInput): string {
  return `${input.workload.name}-object-created`;
}

/** eks/s3-event-rule.json: the rule on the bucket's "Object Created" events and the queue it sends them to. */
export function s3EventRuleFile(
  input: StarterConfigInput,
  trigger: Trigger & { queueName: string },
): DescribedFile {
  const name = s3EventRuleName(input);
  const rule: EventRuleFile = {
    putRule: {
      Name: name,
      EventPattern: JSON.stringify(input.facts.runtime.s3EventPattern ?? trigger.pattern ?? {}),
      State: 'ENABLED',
      Description: `Sends every object created in the bucket to queue ${trigger.queueName}.`,
    },
    putTargets: {
      Rule: name,
      Targets: [{ Id: 'queue', Arn: queueArn(input.workload.region, trigger.queueName) }],
    },
  };
  return jsonFile(
    'eks/s3-event-rule.json',
    rule,
    `EventBridge PutRule and PutTargets inputs: send each "Object Created" event of the bucket to SQS queue ${trigger.queueName}.`,
  );
}

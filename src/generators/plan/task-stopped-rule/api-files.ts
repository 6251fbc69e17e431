import type { EventRuleFile } from '../../shared/eventbridge-shapes';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import { createLogGroupCommand } from '../log-group/api-files';
import type { TaskStoppedRulePlan } from './plan';

/** The PutRule and PutTargets pair of the rule, sending its events to the log group. */
export function taskStoppedRuleFile(rule: TaskStoppedRulePlan): DescribedFile {
  const logGroupArn = `arn:aws:logs:${rule.region}:${PLACEHOLDERS.accountId}:log-group:${rule.logGroup.name}`;
  const value: EventRuleFile = {
    putRule: {
      Name: rule.name,
      EventPattern: JSON.stringify(rule.pattern),
      State: 'ENABLED',
      ...(rule.description === undefined ? {} : { Description: rule.description }),
    },
    putTargets: { Rule: rule.name, Targets: [{ Id: 'log-group', Arn: logGroupArn }] },
  };
  return jsonFile(
    rule.path,
    value,
    'EventBridge PutRule and PutTargets inputs: log every stopped task with its stop code and reason.',
  );
}

/** Creating the rule's log group, the rule, then its target. */
export function taskStoppedRuleSteps(rule: TaskStoppedRulePlan): string[] {
  return [
    `Create the log group for stopped tasks: \`${createLogGroupCommand(rule.logGroup)}\` (EventBridge also needs a CloudWatch Logs resource policy that lets events.amazonaws.com write to it: the console adds one, the CLI does not)`,
    `Create the rule: \`aws events put-rule --cli-input-json "$(jq .putRule ${rule.path})"\``,
    `Send its events to the log group: \`aws events put-targets --cli-input-json "$(jq .putTargets ${rule.path})"\``,
  ];
}

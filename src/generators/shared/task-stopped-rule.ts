import type { components } from '../../contract/generated/openapi-types';
import type { EventRuleFile } from './eventbridge-shapes';
import { PLACEHOLDERS } from './placeholders';
import { jsonFile } from './serialize';
import type { DescribedFile } from './starter-file';

type MonitoringRule = components['schemas']['MonitoringRule'];

/** The log group the rule's events land in; EventBridge rules conventionally log under /aws/events/. */
export function monitoringLogGroupName(rule: MonitoringRule): string {
  return `/aws/events/${rule.name}`;
}

/**
 * The EventBridge rule that records every stopped task with its stop code and reason, sent to a CloudWatch
 * Logs group so the history survives the 1-hour window in which ECS still describes a stopped task.
 */
export function taskStoppedRuleFile(path: string, rule: MonitoringRule, region: string): DescribedFile {
  const logGroupArn = `arn:aws:logs:${region}:${PLACEHOLDERS.accountId}:log-group:${monitoringLogGroupName(rule)}`;
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
    path,
    value,
    'EventBridge PutRule and PutTargets inputs: log every stopped task with its stop code and reason.',
  );
}

/** Creating the rule's log group, the rule, then its target. */
export function taskStoppedRuleSteps(logGroup: string, path: string): string[] {
  return [
    `Create the log group for stopped tasks: \`aws logs create-log-group --log-group-name ${logGroup}\` (EventBridge also needs a CloudWatch Logs resource policy that lets events.amazonaws.com write to it: the console adds one, the CLI does not)`,
    `Create the rule: \`aws events put-rule --cli-input-json "$(jq .putRule ${path})"\``,
    `Send its events to the log group: \`aws events put-targets --cli-input-json "$(jq .putTargets ${path})"\``,
  ];
}

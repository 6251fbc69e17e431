import type { components } from '../../contract/generated/openapi-types';
import { monitoringLogGroupName } from '../shared/task-stopped-rule';
import { getAtt, sub, subVariable, type TemplateValue } from './intrinsics';
import { addLogGroup } from './log-group';
import type { TemplateBuilder } from './template';

type MonitoringRule = components['schemas']['MonitoringRule'];

/**
 * The log group's resource policy, as the JSON text CloudWatch Logs takes. Written once, here, from an
 * object: its one variable is the log group's ARN, filled in by Fn::Sub.
 */
const LOG_DELIVERY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'EventBridgeWritesStoppedTasks',
      Effect: 'Allow',
      Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: subVariable('LogGroupArn'),
    },
  ],
});

/**
 * The designed stopped-task rule and where it writes: a log group with retention and the resource policy
 * that lets EventBridge write to it. On a cluster the stack creates, the rule matches that cluster's ARN.
 */
export function addTaskStoppedRule(
  template: TemplateBuilder,
  rule: MonitoringRule,
  clusterArn: TemplateValue | null,
): void {
  const logGroup = addLogGroup(template, 'StoppedTasksLogGroup', monitoringLogGroupName(rule));
  template.resource('StoppedTasksLogPolicy', {
    Type: 'AWS::Logs::ResourcePolicy',
    Properties: {
      PolicyName: `${rule.name}-events`,
      PolicyDocument: sub(LOG_DELIVERY_POLICY, { LogGroupArn: getAtt(logGroup, 'Arn') }),
    },
  });
  template.resource('TaskStoppedRule', {
    Type: 'AWS::Events::Rule',
    Properties: {
      Name: rule.name,
      ...(rule.description === undefined ? {} : { Description: rule.description }),
      State: 'ENABLED',
      EventPattern: eventPattern(rule, clusterArn),
      Targets: [{ Id: 'log-group', Arn: getAtt(logGroup, 'Arn') }],
    },
  });
  template.output('StoppedTasksLogGroupName', {
    Description: 'Every stopped task is logged here with its stop code and reason.',
    Value: monitoringLogGroupName(rule),
  });
}

function eventPattern(rule: MonitoringRule, clusterArn: TemplateValue | null): TemplateValue {
  const pattern = structuredClone(rule.pattern) as { [key: string]: TemplateValue };
  const detail = pattern.detail;
  if (clusterArn !== null && typeof detail === 'object' && !Array.isArray(detail) && 'clusterArn' in detail) {
    detail.clusterArn = [clusterArn];
  }
  return pattern;
}

import { getAtt, sub, subVariable, type TemplateValue } from '../../cloudformation/intrinsics';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addLogGroup } from '../log-group/cloudformation';
import type { StackReferences } from '../stack-references';
import type { TaskStoppedRulePlan } from './plan';

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
 * The rule and where it writes: a log group with retention and the resource policy that lets EventBridge
 * write to it. A rule linked to the stack's cluster matches that cluster's ARN.
 */
export function addTaskStoppedRule(
  template: TemplateBuilder,
  references: StackReferences,
  rule: TaskStoppedRulePlan,
): void {
  const logGroup = addLogGroup(template, 'StoppedTasksLogGroup', rule.logGroup);
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
      EventPattern: eventPattern(rule, references),
      Targets: [{ Id: 'log-group', Arn: getAtt(logGroup, 'Arn') }],
    },
  });
  template.output('StoppedTasksLogGroupName', {
    Description: 'Every stopped task is logged here with its stop code and reason.',
    Value: rule.logGroup.name,
  });
}

function eventPattern(rule: TaskStoppedRulePlan, references: StackReferences): TemplateValue {
  // New objects around the designed pattern rather than changes to it: the API files write it as designed.
  const pattern = rule.pattern as { [key: string]: TemplateValue };
  const detail = pattern.detail;
  if (
    rule.cluster !== null &&
    typeof detail === 'object' &&
    !Array.isArray(detail) &&
    'clusterArn' in detail
  ) {
    return { ...pattern, detail: { ...detail, clusterArn: [references.resolve(rule.cluster)] } };
  }
  return pattern;
}

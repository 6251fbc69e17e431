import { runTaskRole, s3EventRuleFile, s3RuleTrigger, scheduleFile, scheduleTrigger } from '../ecs/triggers';
import type { CreateScheduleInput, EventRuleFile } from '../shared/eventbridge-shapes';
import type { StarterConfigInput } from '../shared/starter-file';
import { addRole } from './iam';
import { getAtt, ref, sub, subVariable, type TemplateValue } from './intrinsics';
import { bucketName } from './parameters';
import { s3EventPattern } from './s3-events';
import type { TemplateBuilder } from './template';

/** How the stack's tasks are placed and reached, shared by the service and the tasks triggers start. */
export interface TaskLaunch {
  /** CapacityProviderStrategy, or LaunchType, and PlatformVersion, as CloudFormation spells them. */
  placement: Record<string, TemplateValue>;
  subnets: () => TemplateValue;
  securityGroup: TemplateValue;
}

/**
 * What starts the task when it is not a service: an EventBridge Scheduler schedule, or an EventBridge
 * rule on the bucket's "Object Created" events, each with the role it runs the task with. Their settings
 * (expression, time zone, retries, the container overrides with the bucket and key) are those of
 * ecs/schedule.json and ecs/s3-event-rule.json.
 */
export function addTaskTriggers(
  template: TemplateBuilder,
  input: StarterConfigInput,
  launch: TaskLaunch,
): void {
  const schedule = scheduleTrigger(input);
  if (schedule !== undefined) {
    const file = JSON.parse(scheduleFile(input, schedule).content) as CreateScheduleInput;
    const role = addRunTaskRole(template, input, 'scheduler.amazonaws.com', 'SchedulerRole');
    template.resource('Schedule', {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        Name: file.Name,
        ScheduleExpression: file.ScheduleExpression,
        ...(file.ScheduleExpressionTimezone === undefined
          ? {}
          : { ScheduleExpressionTimezone: file.ScheduleExpressionTimezone }),
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: file.FlexibleTimeWindow.Mode },
        Target: {
          Arn: getAtt('Cluster', 'Arn'),
          RoleArn: getAtt(role, 'Arn'),
          EcsParameters: ecsParameters(input, launch, 'AwsvpcConfiguration'),
          ...(file.Target.RetryPolicy === undefined ? {} : { RetryPolicy: { ...file.Target.RetryPolicy } }),
        },
      },
    });
  }
  const s3Rule = s3RuleTrigger(input);
  if (s3Rule !== undefined) {
    const file = JSON.parse(s3EventRuleFile(input, s3Rule).content) as EventRuleFile;
    const [target] = file.putTargets.Targets;
    const bucket = bucketName(template, input.workload.trigger?.bucket ?? s3Rule.bucket ?? '');
    const role = addRunTaskRole(template, input, 'events.amazonaws.com', 'EventsRole');
    template.resource('ObjectCreatedRule', {
      Type: 'AWS::Events::Rule',
      Properties: {
        Name: file.putRule.Name,
        ...(file.putRule.Description === undefined ? {} : { Description: file.putRule.Description }),
        State: 'ENABLED',
        EventPattern: s3EventPattern(input, bucket),
        Targets: [
          {
            Id: 'run-task',
            Arn: getAtt('Cluster', 'Arn'),
            RoleArn: getAtt(role, 'Arn'),
            EcsParameters: ecsParameters(input, launch, 'AwsVpcConfiguration'),
            ...(target?.InputTransformer === undefined
              ? {}
              : {
                  InputTransformer: {
                    InputPathsMap: { ...target.InputTransformer.InputPathsMap },
                    InputTemplate: target.InputTransformer.InputTemplate,
                  },
                }),
            ...(target?.RetryPolicy === undefined ? {} : { RetryPolicy: { ...target.RetryPolicy } }),
          },
        ],
      },
    });
  }
}

/** RunTask's parameters; EventBridge and EventBridge Scheduler spell the VPC configuration differently. */
function ecsParameters(
  input: StarterConfigInput,
  launch: TaskLaunch,
  vpcConfigurationName: 'AwsvpcConfiguration' | 'AwsVpcConfiguration',
): TemplateValue {
  return {
    TaskDefinitionArn: ref('TaskDefinition'),
    TaskCount: 1,
    ...launch.placement,
    NetworkConfiguration: {
      [vpcConfigurationName]: {
        Subnets: launch.subnets(),
        SecurityGroups: [launch.securityGroup],
        AssignPublicIp: 'DISABLED',
      },
    },
    Group: input.facts.runtime.taskGroup,
    EnableECSManagedTags: true,
    PropagateTags: 'TASK_DEFINITION',
  };
}

/**
 * The role EventBridge (Scheduler) starts the task with, named and trusted as ecs/triggers.ts designs it,
 * with its permissions pointed at the stack's task definition, cluster and task roles.
 */
function addRunTaskRole(
  template: TemplateBuilder,
  input: StarterConfigInput,
  principal: 'scheduler.amazonaws.com' | 'events.amazonaws.com',
  logicalId: string,
): string {
  const role = { ...runTaskRole(input, principal), statements: [] };
  return addRole(template, logicalId, role, new Map(), {
    extraStatements: [
      { Effect: 'Allow', Action: ['ecs:RunTask'], Resource: [ref('TaskDefinition')] },
      {
        Effect: 'Allow',
        Action: ['ecs:TagResource'],
        Resource: [
          sub(
            `arn:${subVariable('AWS::Partition')}:ecs:${subVariable('AWS::Region')}:${subVariable('AWS::AccountId')}:task/${subVariable('Cluster')}/*`,
          ),
        ],
      },
      {
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: [getAtt('ExecutionRole', 'Arn'), getAtt('TaskRole', 'Arn')],
      },
    ],
  });
}

import type { components } from '../../contract/generated/openapi-types';
import type { CreateScheduleInput, EcsParameters, EventRuleFile } from '../shared/eventbridge-shapes';
import { iamRoleArn } from '../shared/placeholders';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, IamRole, StarterConfigInput } from '../shared/starter-file';
import { clusterArn, eventsAwsVpcConfiguration, taskDefinitionArn, taskPlacement } from './task-placement';

type Trigger = components['schemas']['Trigger'];

/** EventBridge passes these JSON paths of an S3 "Object Created" event to the task. */
const S3_EVENT_PATHS = { bucket: '$.detail.bucket.name', key: '$.detail.object.key' } as const;

export function scheduleTrigger(input: StarterConfigInput): Trigger | undefined {
  return input.design.triggers.find((trigger) => trigger.type === 'eventbridge-schedule');
}

export function s3RuleTrigger(input: StarterConfigInput): Trigger | undefined {
  return input.design.triggers.find(
    (trigger) => trigger.type === 'eventbridge-rule' && trigger.target === 'ecs:RunTask',
  );
}

/**
 * The role EventBridge (Scheduler) assumes to start the task: RunTask on the task definition, and passing
 * the task's roles to ECS. Not part of the design, which describes the workload's own roles; the files
 * below cannot work without it.
 */
export function runTaskRole(
  input: StarterConfigInput,
  principal: 'scheduler.amazonaws.com' | 'events.amazonaws.com',
): IamRole {
  const { workload, design } = input;
  const region = workload.region;
  return {
    name: `${workload.name}-${principal === 'scheduler.amazonaws.com' ? 'scheduler' : 'events'}`,
    trustedService: principal,
    managedPolicyArns: [],
    statements: [
      {
        effect: 'Allow',
        actions: ['ecs:RunTask'],
        resources: [
          `arn:aws:ecs:${region}:*:task-definition/${workload.name}`,
          `arn:aws:ecs:${region}:*:task-definition/${workload.name}:*`,
        ],
      },
      {
        effect: 'Allow',
        actions: ['ecs:TagResource'],
        resources: [`arn:aws:ecs:${region}:*:task/${input.facts.runtime.clusterName}/*`],
      },
      {
        effect: 'Allow',
        actions: ['iam:PassRole'],
        resources: [design.iam.executionRole.name, design.iam.taskRole.name].map(
          (name) => `arn:aws:iam::*:role/${name}`,
        ),
      },
    ],
    description: `Assumed by ${principal === 'scheduler.amazonaws.com' ? 'EventBridge Scheduler' : 'EventBridge'} to start the workload's task with ECS RunTask.`,
  };
}

/** ecs/schedule.json: an EventBridge Scheduler schedule that runs one task per occurrence. */
export function scheduleFile(input: StarterConfigInput, trigger: Trigger): DescribedFile {
  const expression = trigger.expression ?? input.workload.trigger?.expression ?? '';
  const schedule: CreateScheduleInput = {
    Name: `${input.workload.name}-schedule`,
    ScheduleExpression: expression,
    ScheduleExpressionTimezone: 'UTC',
    State: 'ENABLED',
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: {
      Arn: clusterArn(input),
      RoleArn: iamRoleArn(runTaskRole(input, 'scheduler.amazonaws.com').name),
      EcsParameters: runTaskParameters(input),
      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
    },
  };
  return jsonFile(
    'ecs/schedule.json',
    schedule,
    'EventBridge Scheduler CreateSchedule input: runs the task on the schedule, in UTC.',
  );
}

/**
 * ecs/s3-event-rule.json: an EventBridge rule on the bucket's "Object Created" events that runs one task
 * per object, handing it the bucket and key as environment variables.
 */
export function s3EventRuleFile(input: StarterConfigInput, trigger: Trigger): DescribedFile {
  const { workload, facts } = input;
  const pattern = facts.runtime.s3EventPattern ?? trigger.pattern ?? {};
  const ruleName = `${workload.name}-object-created`;
  const rule: EventRuleFile = {
    putRule: {
      Name: ruleName,
      EventPattern: JSON.stringify(pattern),
      State: 'ENABLED',
      Description: `Runs ${workload.name} once for every object created in the bucket.`,
    },
    putTargets: {
      Rule: ruleName,
      Targets: [
        {
          Id: 'run-task',
          Arn: clusterArn(input),
          RoleArn: iamRoleArn(runTaskRole(input, 'events.amazonaws.com').name),
          EcsParameters: runTaskParameters(input),
          InputTransformer: {
            InputPathsMap: { ...S3_EVENT_PATHS },
            InputTemplate: containerOverridesTemplate(workload.name),
          },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        },
      ],
    },
  };
  return jsonFile(
    'ecs/s3-event-rule.json',
    rule,
    'EventBridge PutRule and PutTargets inputs: run one task for each object created in the bucket (S3_BUCKET and S3_KEY are set in the container).',
  );
}

function runTaskParameters(input: StarterConfigInput): EcsParameters {
  const placement = taskPlacement(input);
  const parameters: EcsParameters = {
    TaskDefinitionArn: taskDefinitionArn(input),
    TaskCount: 1,
    NetworkConfiguration: { awsvpcConfiguration: eventsAwsVpcConfiguration() },
    Group: input.facts.runtime.taskGroup,
    EnableECSManagedTags: true,
    PropagateTags: 'TASK_DEFINITION',
  };
  if (placement.capacityProviderStrategy !== undefined) {
    parameters.CapacityProviderStrategy = placement.capacityProviderStrategy.map(
      ({ capacityProvider = '', weight, base }) => ({
        capacityProvider,
        ...(weight === undefined ? {} : { weight }),
        ...(base === undefined ? {} : { base }),
      }),
    );
  } else if (placement.launchType === 'EC2' || placement.launchType === 'FARGATE') {
    parameters.LaunchType = placement.launchType;
  }
  if (placement.platformVersion !== undefined) parameters.PlatformVersion = placement.platformVersion;
  return parameters;
}

/**
 * The RunTask overrides EventBridge fills in from the event. In an input template a placeholder written
 * without quotes is replaced by the JSON value (quotes and escaping included), so keys with quotes or
 * backslashes stay valid JSON. The template is serialized from an object with marker strings, and only
 * those markers, which come from this file, are unquoted afterwards.
 */
function containerOverridesTemplate(containerName: string): string {
  const marker = (path: keyof typeof S3_EVENT_PATHS) => `@@${path}@@`;
  const template = JSON.stringify({
    containerOverrides: [
      {
        name: containerName,
        environment: [
          { name: 'S3_BUCKET', value: marker('bucket') },
          { name: 'S3_KEY', value: marker('key') },
        ],
      },
    ],
  });
  return (Object.keys(S3_EVENT_PATHS) as (keyof typeof S3_EVENT_PATHS)[]).reduce(
    (text, path) => text.replace(JSON.stringify(marker(path)), `<${path}>`),
    template,
  );
}

/**
 * The EventBridge and EventBridge Scheduler request shapes the starter configuration writes, named after the
 * AWS API shapes (events 2015-10-07, scheduler 2021-06-30). Declared here rather than pulled in with two more
 * SDK clients for a handful of fields; scripts/validate-aws-shapes.py checks the files against botocore's models.
 */

export interface AwsVpcConfiguration {
  Subnets: string[];
  SecurityGroups?: string[];
  AssignPublicIp?: 'ENABLED' | 'DISABLED';
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

/** The RunTask parameters of an ECS target; events and scheduler spell them the same way. */
export interface EcsParameters {
  TaskDefinitionArn: string;
  TaskCount?: number;
  LaunchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
  CapacityProviderStrategy?: CapacityProviderStrategyItem[];
  NetworkConfiguration?: { awsvpcConfiguration?: AwsVpcConfiguration };
  PlatformVersion?: string;
  Group?: string;
  EnableECSManagedTags?: boolean;
  PropagateTags?: 'TASK_DEFINITION';
}

/** The SubmitJob parameters of an AWS Batch job queue target (events only: Scheduler's Target has none). */
export interface BatchParameters {
  JobDefinition: string;
  JobName: string;
  ArrayProperties?: { Size?: number };
  RetryStrategy?: { Attempts?: number };
}

export interface RetryPolicy {
  MaximumEventAgeInSeconds?: number;
  MaximumRetryAttempts?: number;
}

/** scheduler CreateSchedule. */
export interface CreateScheduleInput {
  Name: string;
  GroupName?: string;
  Description?: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  State?: 'ENABLED' | 'DISABLED';
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  Target: {
    Arn: string;
    RoleArn: string;
    EcsParameters?: EcsParameters;
    Input?: string;
    RetryPolicy?: RetryPolicy;
  };
}

/** events PutRule. */
export interface PutRuleRequest {
  Name: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State?: 'ENABLED' | 'DISABLED';
  Description?: string;
  RoleArn?: string;
  EventBusName?: string;
}

export interface EventTarget {
  Id: string;
  Arn: string;
  RoleArn?: string;
  Input?: string;
  InputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string };
  EcsParameters?: EcsParameters;
  BatchParameters?: BatchParameters;
  RetryPolicy?: RetryPolicy;
}

/** events PutTargets. */
export interface PutTargetsRequest {
  Rule: string;
  EventBusName?: string;
  Targets: EventTarget[];
}

/** The two calls that make one EventBridge rule: the rule, then where its events go. */
export interface EventRuleFile {
  putRule: PutRuleRequest;
  putTargets: PutTargetsRequest;
}

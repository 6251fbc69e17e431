import type { RoleDefinition } from '../../src/generators/plan/roles/api-files';
import type { CreateScheduleInput, EventRuleFile } from '../../src/generators/shared/eventbridge-shapes';
import { jsonAt, starterFiles } from './support/starter';

/** A team that wants AWS to run everything keeps these jobs on ECS on Fargate (AWS Batch would win otherwise). */
const SCHEDULED = {
  workloadType: 'batch',
  trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
  cost: { interruptible: true },
  control: { level: 'minimal' },
};
const S3 = {
  workloadType: 'batch',
  trigger: { type: 's3-object-created', bucket: 'uploads', prefix: 'in/' },
  control: { level: 'minimal' },
};

/** What EventBridge does with an input template: each unquoted <name> becomes the JSON value at its path. */
function fillTemplate(template: string, values: Record<string, string>): string {
  return Object.entries(values).reduce(
    (text, [name, value]) => text.replace(`<${name}>`, JSON.stringify(value)),
    template,
  );
}

describe('ECS triggers', () => {
  describe('when the batch runs on a schedule', () => {
    it('creates an EventBridge Scheduler schedule that runs the task in UTC, exactly on time', async () => {
      const schedule = jsonAt<CreateScheduleInput>(await starterFiles(SCHEDULED), 'ecs/schedule.json');
      expect(schedule).toMatchObject({
        Name: 'app-schedule',
        ScheduleExpression: 'cron(0 2 * * ? *)',
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: 'arn:aws:ecs:us-east-1:<account-id>:cluster/app',
          RoleArn: 'arn:aws:iam::<account-id>:role/app-scheduler',
          EcsParameters: {
            TaskDefinitionArn: 'arn:aws:ecs:us-east-1:<account-id>:task-definition/app',
            TaskCount: 1,
            NetworkConfiguration: {
              awsvpcConfiguration: { Subnets: ['<subnet-id>'], AssignPublicIp: 'DISABLED' },
            },
          },
        },
      });
    });

    it('runs the task on Fargate Spot when the work is interruptible', async () => {
      const schedule = jsonAt<CreateScheduleInput>(await starterFiles(SCHEDULED), 'ecs/schedule.json');
      expect(schedule.Target.EcsParameters?.CapacityProviderStrategy).toEqual([
        { capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 },
      ]);
      expect(schedule.Target.EcsParameters).not.toHaveProperty('LaunchType');
    });

    it('creates the role the scheduler starts the task with', async () => {
      const { roles } = jsonAt<{ roles: RoleDefinition[] }>(await starterFiles(SCHEDULED), 'iam/roles.json');
      const role = roles.find((candidate) => candidate.RoleName === 'app-scheduler');
      expect(role?.AssumeRolePolicyDocument.Statement[0]?.Principal).toEqual({
        Service: 'scheduler.amazonaws.com',
      });
      expect(role?.Policy?.PolicyDocument.Statement.flatMap((statement) => statement.Action)).toEqual([
        'ecs:RunTask',
        'ecs:TagResource',
        'iam:PassRole',
      ]);
    });
  });

  describe('when the batch runs for each object created in a bucket', () => {
    it('creates a rule on the S3 "Object Created" events of the bucket and prefix', async () => {
      const { putRule } = jsonAt<EventRuleFile>(await starterFiles(S3), 'ecs/s3-event-rule.json');
      expect(putRule.Name).toBe('app-object-created');
      expect(JSON.parse(putRule.EventPattern ?? '')).toEqual({
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { bucket: { name: ['uploads'] }, object: { key: [{ prefix: 'in/' }] } },
      });
    });

    it('runs one task per event with the bucket and key as environment variables', async () => {
      const { putTargets } = jsonAt<EventRuleFile>(await starterFiles(S3), 'ecs/s3-event-rule.json');
      const [target] = putTargets.Targets;
      expect(target?.EcsParameters).toMatchObject({
        TaskCount: 1,
        TaskDefinitionArn: 'arn:aws:ecs:us-east-1:<account-id>:task-definition/app',
      });
      expect(target?.InputTransformer?.InputPathsMap).toEqual({
        bucket: '$.detail.bucket.name',
        key: '$.detail.object.key',
      });
      const filled = fillTemplate(target?.InputTransformer?.InputTemplate ?? '', {
        bucket: 'uploads',
        key: 'in/a "quoted"\\key.csv',
      });
      expect(JSON.parse(filled)).toEqual({
        containerOverrides: [
          {
            name: 'app',
            environment: [
              { name: 'S3_BUCKET', value: 'uploads' },
              { name: 'S3_KEY', value: 'in/a "quoted"\\key.csv' },
            ],
          },
        ],
      });
    });
  });

  describe('when the workload runs on ECS', () => {
    it('logs every stopped task of the workload', async () => {
      const rule = jsonAt<EventRuleFile>(
        await starterFiles({ workloadType: 'web' }),
        'ecs/task-stopped-rule.json',
      );
      expect(rule.putRule.Name).toBe('app-task-stopped');
      expect(JSON.parse(rule.putRule.EventPattern ?? '')).toMatchObject({
        source: ['aws.ecs'],
        'detail-type': ['ECS Task State Change'],
        detail: { group: ['service:app'], lastStatus: ['STOPPED'] },
      });
      expect(rule.putTargets).toEqual({
        Rule: 'app-task-stopped',
        Targets: [
          {
            Id: 'log-group',
            Arn: 'arn:aws:logs:us-east-1:<account-id>:log-group:/aws/events/app-task-stopped',
          },
        ],
      });
    });
  });
});

import type { RoleDefinition } from '../../../src/generators/plan/roles/api-files';

/** One request to check: an AWS API operation and the parameters a starter file gives it. */
export interface ShapeRequest {
  label: string;
  service: string;
  operation: string;
  params: unknown;
}

type JsonFile = Record<string, unknown>;

/** The operations (botocore service name, operation name) a JSON file is the input of. */
interface FileOperations {
  path: RegExp;
  /** Every operation this entry can produce, so the test can tell an entry no file reaches any more. */
  operations: readonly `${string} ${string}`[];
  requests: (file: JsonFile, label: string) => ShapeRequest[];
}

function request(service: string, operation: string, params: unknown, label: string): ShapeRequest {
  return { label: `${label} ${operation}`, service, operation, params };
}

/** A file that is the input of one operation as it stands. */
function whole(service: string, operation: string): Pick<FileOperations, 'operations' | 'requests'> {
  return {
    operations: [`${service} ${operation}`],
    requests: (file, label) => [request(service, operation, file, label)],
  };
}

/** IAM takes policy documents as JSON strings; iam/roles.json keeps them as objects, to be readable. */
function roleRequests(file: JsonFile, label: string): ShapeRequest[] {
  return (file.roles as RoleDefinition[]).flatMap((role) => {
    const where = `${label} ${role.RoleName}`;
    return [
      request(
        'iam',
        'CreateRole',
        {
          RoleName: role.RoleName,
          AssumeRolePolicyDocument: JSON.stringify(role.AssumeRolePolicyDocument),
          ...(role.Description === undefined ? {} : { Description: role.Description }),
        },
        where,
      ),
      ...role.ManagedPolicyArns.map((arn) =>
        request('iam', 'AttachRolePolicy', { RoleName: role.RoleName, PolicyArn: arn }, where),
      ),
      ...(role.Policy === undefined
        ? []
        : [
            request(
              'iam',
              'PutRolePolicy',
              {
                RoleName: role.RoleName,
                PolicyName: role.Policy.PolicyName,
                PolicyDocument: JSON.stringify(role.Policy.PolicyDocument),
              },
              where,
            ),
          ]),
    ];
  });
}

/**
 * Every JSON starter file, by path, and the AWS API calls it feeds; the first match wins. A JSON file no
 * entry matches fails test/generators/aws-api-shapes.test.ts, so a new file (a new platform's included) is
 * checked from the day it exists: add its entry here.
 */
export const AWS_API_OPERATIONS: readonly FileOperations[] = [
  { path: /^ecs\/task-definition\.json$/, ...whole('ecs', 'RegisterTaskDefinition') },
  { path: /^ecs\/service\.json$/, ...whole('ecs', 'CreateService') },
  { path: /^ecs\/capacity-provider\.json$/, ...whole('ecs', 'CreateCapacityProvider') },
  { path: /^ecs\/daemon-task-definition\.json$/, ...whole('ecs', 'RegisterTaskDefinition') },
  { path: /^ecs\/daemon-service\.json$/, ...whole('ecs', 'CreateService') },
  { path: /^ssm\/domain-join-association\.json$/, ...whole('ssm', 'CreateAssociation') },
  { path: /^ecs\/managed-daemon-task-definition\.json$/, ...whole('ecs', 'RegisterDaemonTaskDefinition') },
  { path: /^ecs\/managed-daemon\.json$/, ...whole('ecs', 'CreateDaemon') },
  { path: /^batch\/compute-environment\.json$/, ...whole('batch', 'CreateComputeEnvironment') },
  { path: /^batch\/job-queue\.json$/, ...whole('batch', 'CreateJobQueue') },
  { path: /^batch\/job-definition\.json$/, ...whole('batch', 'RegisterJobDefinition') },
  { path: /^ecs\/express-gateway-service\.json$/, ...whole('ecs', 'CreateExpressGatewayService') },
  { path: /^ecs\/schedule\.json$/, ...whole('scheduler', 'CreateSchedule') },
  {
    path: /^ecs\/scaling\.json$/,
    operations: [
      'application-autoscaling RegisterScalableTarget',
      'application-autoscaling PutScalingPolicy',
    ],
    requests: (file, label) => [
      request('application-autoscaling', 'RegisterScalableTarget', file.registerScalableTarget, label),
      request('application-autoscaling', 'PutScalingPolicy', file.putScalingPolicy, label),
    ],
  },
  {
    // EventBridge rules: the rule, then its targets.
    path: /^[a-z-]+\/[a-z0-9-]+-rule\.json$/,
    operations: ['events PutRule', 'events PutTargets'],
    requests: (file, label) => [
      request('events', 'PutRule', file.putRule, label),
      request('events', 'PutTargets', file.putTargets, label),
    ],
  },
  { path: /^app-runner\/create-service\.json$/, ...whole('apprunner', 'CreateService') },
  {
    path: /^app-runner\/auto-scaling-configuration\.json$/,
    ...whole('apprunner', 'CreateAutoScalingConfiguration'),
  },
  { path: /^ecr\/repository\.json$/, ...whole('ecr', 'CreateRepository') },
  { path: /^ecr\/lifecycle-policy\.json$/, ...whole('ecr', 'PutLifecyclePolicy') },
  {
    path: /^sqs\/queues\.json$/,
    operations: ['sqs CreateQueue'],
    requests: (file, label) =>
      (file.queues as unknown[]).map((queue) => request('sqs', 'CreateQueue', queue, label)),
  },
  {
    path: /^iam\/roles\.json$/,
    operations: ['iam CreateRole', 'iam AttachRolePolicy', 'iam PutRolePolicy'],
    requests: roleRequests,
  },
];

/** The entry of a JSON file's path, or undefined when the table has none. */
export function operationsOf(path: string): FileOperations | undefined {
  return AWS_API_OPERATIONS.find((entry) => entry.path.test(path));
}

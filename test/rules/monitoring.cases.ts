import type { components } from '../../src/contract/generated/openapi-types';
import { batchWorkload, webWorkload } from '../support/workloads';
import type { DeepPartial, DesignCase } from './rule-case';

type MonitoringRule = components['schemas']['MonitoringRule'];

const stoppedTasks = (cluster: string, group: string) => ({
  source: ['aws.ecs'],
  'detail-type': ['ECS Task State Change'],
  detail: {
    clusterArn: [{ wildcard: `arn:aws:ecs:us-east-1:*:cluster/${cluster}` }],
    group: [group],
    lastStatus: ['STOPPED'],
  },
});

/**
 * rules/monitoring.json: on ECS, always an EventBridge rule on "ECS Task State Change" with lastStatus
 * STOPPED (docs/sources.md §6); services are grouped as service:<name>, standalone tasks as family:<name>;
 * Express Mode runs in the "default" cluster (§1). Patterns are compared exactly.
 */
export const monitoringCases: DesignCase<DeepPartial<MonitoringRule>[]>[] = [
  {
    given: 'a web service named orders-api runs on ECS Fargate',
    rule: 'intercept-stopped-tasks',
    workload: webWorkload({ name: 'orders-api' }),
    platform: 'ecs-fargate',
    want: [
      {
        type: 'eventbridge-rule',
        name: 'orders-api-task-stopped',
        pattern: stoppedTasks('orders-api', 'service:orders-api'),
      },
    ],
  },
  {
    given: 'a batch job named nightly runs as standalone tasks',
    rule: 'intercept-stopped-tasks',
    workload: batchWorkload({ name: 'nightly' }),
    platform: 'ecs-fargate',
    want: [{ name: 'nightly-task-stopped', pattern: stoppedTasks('nightly', 'family:nightly') }],
  },
  {
    given: 'a GPU service named inference runs on EC2 container instances its team needs full control of',
    rule: 'intercept-stopped-tasks',
    workload: webWorkload({ name: 'inference', control: { gpu: true, level: 'full' } }),
    platform: 'ecs-ec2',
    want: [{ name: 'inference-task-stopped', pattern: stoppedTasks('inference', 'service:inference') }],
  },
  {
    given: 'a GPU service named inference runs on ECS Managed Instances',
    rule: 'intercept-stopped-tasks',
    workload: webWorkload({ name: 'inference', control: { gpu: true, level: 'minimal' } }),
    platform: 'ecs-managed-instances',
    want: [{ name: 'inference-task-stopped', pattern: stoppedTasks('inference', 'service:inference') }],
  },
  {
    given: 'a minimal-ops web app named shop runs on Express Mode',
    rule: 'intercept-stopped-tasks',
    workload: webWorkload({ name: 'shop', control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: [{ name: 'shop-task-stopped', pattern: stoppedTasks('default', 'service:shop') }],
  },
  {
    given: 'the workload runs on Kubernetes',
    rule: 'intercept-stopped-tasks',
    workload: webWorkload({ control: { kubernetes: 'required' } }),
    platform: 'eks-auto-mode',
    fires: false,
    want: [],
  },
  {
    given: 'an existing App Runner customer serves an intermittent web app',
    rule: 'intercept-stopped-tasks',
    workload: webWorkload({
      existingAppRunnerCustomer: true,
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
    }),
    platform: 'app-runner',
    fires: false,
    want: [],
  },
];

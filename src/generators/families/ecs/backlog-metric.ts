import type { PlanValue } from '../../plan/reference';
import type { ScalingMetricPlan } from './plan';

type BacklogPerTask = Extract<ScalingMetricPlan, { kind: 'backlog-per-task' }>;

/**
 * One query of target tracking's metric math, in the shape both the API and CloudFormation take (a type,
 * not an interface, so that it is assignable to the template's JSON values).
 */
export type MetricDataQuery<Value> = {
  Id: string;
  Label: string;
  MetricStat?: {
    Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: Value }[] };
    Stat: string;
  };
  Expression?: string;
  ReturnData: boolean;
};

/**
 * The backlog-per-task metric as metric math: visible messages over running tasks. Written once for both
 * renderings; each passes how it spells a plan value (the API files' literal, or CloudFormation's Ref).
 */
export function backlogPerTaskQueries<Value>(
  metric: BacklogPerTask,
  render: (value: PlanValue) => Value,
): MetricDataQuery<Value>[] {
  return [
    {
      Id: 'm1',
      Label: 'Visible messages',
      MetricStat: {
        Metric: {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: render(metric.queueName) }],
        },
        Stat: 'Sum',
      },
      ReturnData: false,
    },
    {
      Id: 'm2',
      Label: 'Running tasks',
      MetricStat: {
        Metric: {
          Namespace: 'ECS/ContainerInsights',
          MetricName: 'RunningTaskCount',
          Dimensions: [
            { Name: 'ClusterName', Value: render(metric.clusterName) },
            { Name: 'ServiceName', Value: render(metric.serviceName) },
          ],
        },
        Stat: 'Average',
      },
      ReturnData: false,
    },
    { Id: 'e1', Label: 'Backlog per task', Expression: 'm1 / m2', ReturnData: true },
  ];
}

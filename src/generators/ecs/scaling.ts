import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
  TargetTrackingScalingPolicyConfiguration,
} from '@aws-sdk/client-application-auto-scaling';
import type { components } from '../../contract/generated/openapi-types';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';

type ScalingPolicy = components['schemas']['ScalingPolicy'];

/** The two Application Auto Scaling calls that scale the service: the target, then its policy. */
export interface ServiceScaling {
  registerScalableTarget: RegisterScalableTargetCommandInput;
  putScalingPolicy: PutScalingPolicyCommandInput;
}

/** The service-level policies this file can express; the others scale instances or are not ECS services. */
const SERVICE_POLICY_TYPES = new Set<ScalingPolicy['type']>(['target-tracking', 'sqs-backlog-per-task']);

/** ecs/scaling.json, or nothing when no service-level policy was designed (batch run per trigger). */
export function scalingFile(input: StarterConfigInput): DescribedFile | null {
  const policy = input.design.scaling.policies.find((candidate) => SERVICE_POLICY_TYPES.has(candidate.type));
  if (policy === undefined) return null;
  const { workload, facts, design } = input;
  const resourceId = `service/${facts.runtime.clusterName}/${workload.name}`;
  const scaling: ServiceScaling = {
    registerScalableTarget: {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: resourceId,
      MinCapacity: design.scaling.minCapacity,
      MaxCapacity: design.scaling.maxCapacity,
    },
    putScalingPolicy: {
      PolicyName: `${workload.name}-${policy.type}`,
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: resourceId,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: targetTracking(input, policy),
    },
  };
  return jsonFile(
    'ecs/scaling.json',
    scaling,
    'Application Auto Scaling RegisterScalableTarget and PutScalingPolicy inputs: the task-count range and the target-tracking policy.',
  );
}

function targetTracking(
  input: StarterConfigInput,
  policy: ScalingPolicy,
): TargetTrackingScalingPolicyConfiguration {
  const configuration: TargetTrackingScalingPolicyConfiguration = {
    TargetValue: policy.targetValue ?? input.workload.resources.targetCpuUtilization,
  };
  if (typeof policy.scaleOutCooldownSeconds === 'number')
    configuration.ScaleOutCooldown = policy.scaleOutCooldownSeconds;
  if (typeof policy.scaleInCooldownSeconds === 'number')
    configuration.ScaleInCooldown = policy.scaleInCooldownSeconds;
  if (policy.type === 'sqs-backlog-per-task') {
    const queueName =
      typeof policy.queueName === 'string' ? policy.queueName : (input.workload.trigger?.queueName ?? '');
    configuration.CustomizedMetricSpecification = backlogPerTask(input, queueName);
  } else {
    configuration.PredefinedMetricSpecification = {
      PredefinedMetricType:
        policy.metric === 'ECSServiceAverageMemoryUtilization'
          ? policy.metric
          : 'ECSServiceAverageCPUUtilization',
    };
  }
  return configuration;
}

/**
 * Visible messages divided by running tasks, with metric math: AWS's recommended target for queue
 * workers, since queue depth alone does not shrink as tasks are added. RunningTaskCount comes from
 * Container Insights, which the cluster must have enabled.
 */
function backlogPerTask(
  input: StarterConfigInput,
  queueName: string,
): NonNullable<TargetTrackingScalingPolicyConfiguration['CustomizedMetricSpecification']> {
  return {
    Metrics: [
      {
        Id: 'm1',
        Label: 'Visible messages',
        MetricStat: {
          Metric: {
            Namespace: 'AWS/SQS',
            MetricName: 'ApproximateNumberOfMessagesVisible',
            Dimensions: [{ Name: 'QueueName', Value: queueName }],
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
              { Name: 'ClusterName', Value: input.facts.runtime.clusterName },
              { Name: 'ServiceName', Value: input.workload.name },
            ],
          },
          Stat: 'Average',
        },
        ReturnData: false,
      },
      { Id: 'e1', Label: 'Backlog per task', Expression: 'm1 / m2', ReturnData: true },
    ],
  };
}

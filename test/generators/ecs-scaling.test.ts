import type { ServiceScaling } from '../../src/generators/families/ecs/api-files';
import { jsonAt, starterFiles } from './support/starter';

async function scaling(body: Record<string, unknown>): Promise<ServiceScaling> {
  return jsonAt<ServiceScaling>(await starterFiles(body), 'ecs/scaling.json');
}

describe('ECS service scaling', () => {
  describe('when the workload is a web service', () => {
    it('registers the service desired count between the task bounds', async () => {
      expect(
        (await scaling({ workloadType: 'web', name: 'shop', resources: { minTasks: 2, maxTasks: 8 } }))
          .registerScalableTarget,
      ).toEqual({
        ServiceNamespace: 'ecs',
        ScalableDimension: 'ecs:service:DesiredCount',
        ResourceId: 'service/shop/shop',
        MinCapacity: 2,
        MaxCapacity: 8,
      });
    });

    it('tracks average CPU at the requested target', async () => {
      const { putScalingPolicy } = await scaling({
        workloadType: 'web',
        resources: { targetCpuUtilization: 65 },
      });
      expect(putScalingPolicy).toMatchObject({
        PolicyType: 'TargetTrackingScaling',
        ResourceId: 'service/app/app',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 65,
          PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        },
      });
    });
  });

  describe('when the workload is a queue worker', () => {
    it('tracks visible messages per running task with metric math', async () => {
      const { putScalingPolicy } = await scaling({
        workloadType: 'worker',
        trigger: { type: 'sqs', queueName: 'orders' },
      });
      const configuration = putScalingPolicy.TargetTrackingScalingPolicyConfiguration;
      expect(configuration?.TargetValue).toBe(100);
      expect(configuration?.PredefinedMetricSpecification).toBeUndefined();
      expect(configuration?.CustomizedMetricSpecification?.Metrics).toEqual([
        expect.objectContaining({
          Id: 'm1',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/SQS',
              MetricName: 'ApproximateNumberOfMessagesVisible',
              Dimensions: [{ Name: 'QueueName', Value: 'orders' }],
            },
            Stat: 'Sum',
          },
          ReturnData: false,
        }),
        expect.objectContaining({
          Id: 'm2',
          MetricStat: {
            Metric: {
              Namespace: 'ECS/ContainerInsights',
              MetricName: 'RunningTaskCount',
              Dimensions: [
                { Name: 'ClusterName', Value: 'app' },
                { Name: 'ServiceName', Value: 'app' },
              ],
            },
            Stat: 'Average',
          },
          ReturnData: false,
        }),
        expect.objectContaining({ Id: 'e1', Expression: 'm1 / m2', ReturnData: true }),
      ]);
    });
  });

  describe('when each trigger runs one task', () => {
    it('writes no scaling file', async () => {
      const files = await starterFiles({
        workloadType: 'batch',
        trigger: { type: 's3-object-created', bucket: 'uploads' },
      });
      expect(files.map((file) => file.path)).not.toContain('ecs/scaling.json');
    });
  });
});

import type { ServiceScaling } from '../../src/generators/families/ecs/api-files';
import { jsonAt, recommend, starterFiles } from './support/starter';

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

  // Target tracking cannot scale when its metric has no data points
  // (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html):
  // at zero tasks there is no task CPU to average and no running task to divide the backlog by.
  describe('when minTasks is 0', () => {
    const cases = [
      { given: 'a web service scaled on CPU', body: { workloadType: 'web', resources: { minTasks: 0 } } },
      {
        given: 'a queue worker scaled on backlog per task',
        body: { workloadType: 'worker', resources: { minTasks: 0 } },
      },
      { given: 'a queue-fed batch job', body: { workloadType: 'batch', trigger: { type: 'sqs' } } },
    ];

    it.each(cases)('keeps one task running, given $given', async ({ body }) => {
      const recommendation = await recommend(body);
      const files = recommendation.starterConfig.files;
      expect(jsonAt<ServiceScaling>(files, 'ecs/scaling.json').registerScalableTarget.MinCapacity).toBe(1);
      expect(jsonAt<{ desiredCount: number }>(files, 'ecs/service.json').desiredCount).toBe(1);
      expect(recommendation.scaling.minCapacity).toBe(1);
      expect(recommendation.warnings.join(' ')).toMatch(/minTasks is 0, but .* keeps one task running/);
    });

    it('prices the task it keeps at the low end', async () => {
      const recommendation = await recommend({
        workloadType: 'web',
        resources: { minTasks: 0, maxTasks: 1 },
      });
      const cost = recommendation.platform.monthlyCost;
      expect(cost?.low).toBe(cost?.total);
    });
  });

  describe('when the worker runs continuously, fed by no queue (trigger none)', () => {
    const body = {
      workloadType: 'worker',
      trigger: { type: 'none' },
      resources: { targetCpuUtilization: 60 },
    };

    it('tracks average CPU instead of a queue backlog', async () => {
      const { putScalingPolicy } = await scaling(body);
      expect(putScalingPolicy).toMatchObject({
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 60,
          PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        },
      });
    });

    it('creates no queue, no schedule and no event rule for it', async () => {
      const recommendation = await recommend(body);
      expect(recommendation.triggers).toEqual([]);
      const paths = recommendation.starterConfig.files.map((file) => file.path);
      expect(paths).toContain('ecs/service.json');
      expect(paths.filter((path) => /queue|schedule|trigger/.test(path))).toEqual([]);
      const template = recommendation.starterConfig.files.find(
        (file) => file.path === 'cloudformation/template.yaml',
      );
      expect(template?.content).not.toMatch(/AWS::SQS::Queue|AWS::Scheduler::Schedule/);
      expect(JSON.stringify(recommendation.workload.trigger)).toBe('{"type":"none"}');
    });
  });
});

import type { CreateExpressGatewayServiceCommandInput } from '@aws-sdk/client-ecs';
import { jsonAt, starterFiles } from './support/starter';

const EXPRESS = { workloadType: 'web', control: { level: 'minimal' } };

async function expressService(
  body: Record<string, unknown>,
): Promise<CreateExpressGatewayServiceCommandInput> {
  return jsonAt<CreateExpressGatewayServiceCommandInput>(
    await starterFiles(body),
    'ecs/express-gateway-service.json',
  );
}

describe('ECS Express Mode service', () => {
  describe('when the workload is a public web service', () => {
    it('names the roles, the container and the default cluster', async () => {
      expect(
        await expressService({ ...EXPRESS, containerPort: 3000, healthCheckPath: '/ping' }),
      ).toMatchObject({
        serviceName: 'app',
        cluster: 'default',
        executionRoleArn: 'arn:aws:iam::<account-id>:role/app-execution',
        infrastructureRoleArn: 'arn:aws:iam::<account-id>:role/app-infrastructure',
        taskRoleArn: 'arn:aws:iam::<account-id>:role/app-task',
        healthCheckPath: '/ping',
        primaryContainer: {
          image: '<account-id>.dkr.ecr.us-east-1.amazonaws.com/app:latest',
          containerPort: 3000,
          awsLogsConfiguration: { logGroup: '/ecs/app', logStreamPrefix: 'ecs' },
        },
      });
    });

    it.each([
      { given: { cpu: 0.5, memoryGiB: 1 }, want: { cpu: '512', memory: '1024' } },
      { given: { cpu: 1, memoryGiB: 2 }, want: { cpu: '1024', memory: '2048' } },
      { given: { cpu: 2, memoryGiB: 5 }, want: { cpu: '2048', memory: '5120' } },
    ])(
      'always sets cpu and memory explicitly: $given.cpu vCPU / $given.memoryGiB GiB → $want.cpu / $want.memory',
      async ({ given, want }) => {
        const service = await expressService({ ...EXPRESS, resources: given });
        expect({ cpu: service.cpu, memory: service.memory }).toEqual(want);
      },
    );

    it('scales on average CPU between the task bounds', async () => {
      expect(
        (
          await expressService({
            ...EXPRESS,
            resources: { minTasks: 2, maxTasks: 5, targetCpuUtilization: 70 },
          })
        ).scalingTarget,
      ).toEqual({
        minTaskCount: 2,
        maxTaskCount: 5,
        autoScalingMetric: 'AVERAGE_CPU',
        autoScalingTargetValue: 70,
      });
    });

    it('leaves the network to Express Mode', async () => {
      expect(await expressService(EXPRESS)).not.toHaveProperty('networkConfiguration');
    });

    it('also logs stopped tasks', async () => {
      const files = await starterFiles(EXPRESS);
      expect(files.map((file) => file.path)).toContain('ecs/task-stopped-rule.json');
    });
  });

  describe('when the workload is private', () => {
    it('places the service in the private subnets', async () => {
      expect(
        (await expressService({ ...EXPRESS, traffic: { exposure: 'private' } })).networkConfiguration,
      ).toEqual({
        subnets: ['<subnet-id>'],
        securityGroups: ['<security-group-id>'],
      });
    });
  });
});

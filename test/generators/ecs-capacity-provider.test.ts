import type { CreateCapacityProviderCommandInput } from '@aws-sdk/client-ecs';
import { jsonAt, starterFiles } from './support/starter';

describe('ECS capacity provider', () => {
  describe('when the workload runs on EC2 with managed scaling', () => {
    it('lets ECS scale the Auto Scaling group to the designed target capacity, protecting busy instances', async () => {
      const provider = jsonAt<CreateCapacityProviderCommandInput>(
        await starterFiles({ workloadType: 'web', control: { gpu: true, level: 'full' } }),
        'ecs/capacity-provider.json',
      );
      expect(provider).toMatchObject({
        name: 'app-ec2',
        autoScalingGroupProvider: {
          autoScalingGroupArn: '<auto-scaling-group-arn>',
          managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: 300 },
          managedTerminationProtection: 'ENABLED',
        },
      });
    });
  });

  describe('when the workload runs on Fargate', () => {
    it('writes no capacity provider', async () => {
      const files = await starterFiles({ workloadType: 'web' });
      expect(files.map((file) => file.path)).not.toContain('ecs/capacity-provider.json');
    });
  });
});

import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { jsonAt, recommend, starterFiles } from './support/starter';

async function service(body: Record<string, unknown>): Promise<CreateServiceCommandInput> {
  return jsonAt<CreateServiceCommandInput>(await starterFiles(body), 'ecs/service.json');
}

describe('ECS service', () => {
  describe('when the workload is a web service on Fargate', () => {
    it('runs the task definition in the cluster on the designed capacity, in private subnets', async () => {
      expect(
        await service({ workloadType: 'web', name: 'shop', resources: { minTasks: 2, maxTasks: 6 } }),
      ).toMatchObject({
        cluster: 'shop',
        serviceName: 'shop',
        taskDefinition: 'shop',
        desiredCount: 2,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
        platformVersion: 'LATEST',
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: ['<subnet-id>'],
            securityGroups: ['<security-group-id>'],
            assignPublicIp: 'DISABLED',
          },
        },
        propagateTags: 'SERVICE',
        enableECSManagedTags: true,
      });
    });

    it('registers the container with the load balancer and waits 60 seconds before health checks count', async () => {
      const created = await service({ workloadType: 'web', containerPort: 3000 });
      expect(created.loadBalancers).toEqual([
        { targetGroupArn: '<target-group-arn>', containerName: 'app', containerPort: 3000 },
      ]);
      expect(created.healthCheckGracePeriodSeconds).toBe(60);
    });

    it('rolls back a deployment that fails', async () => {
      expect(
        (await service({ workloadType: 'web' })).deploymentConfiguration?.deploymentCircuitBreaker,
      ).toEqual({ enable: true, rollback: true });
    });

    it('names no launch type, since the capacity provider strategy decides', async () => {
      expect(await service({ workloadType: 'web' })).not.toHaveProperty('launchType');
    });
  });

  describe('when the protocol is udp', () => {
    it('registers the container with the network load balancer', async () => {
      expect(
        (await service({ workloadType: 'web', traffic: { protocol: 'udp' } })).loadBalancers,
      ).toHaveLength(1);
    });
  });

  describe('when the workload is a worker', () => {
    it('has no load balancer and no health-check grace period', async () => {
      const created = await service({ workloadType: 'worker' });
      expect(created).not.toHaveProperty('loadBalancers');
      expect(created).not.toHaveProperty('healthCheckGracePeriodSeconds');
    });
  });

  describe('when the workload is a batch fed by a queue', () => {
    // Backlog per task (visible messages ÷ running tasks) has no value at zero tasks, so target tracking
    // would never start the first one.
    it('runs as a service that keeps one task, the fewest its backlog scaling can start from', async () => {
      expect((await service({ workloadType: 'batch', trigger: { type: 'sqs' } })).desiredCount).toBe(1);
    });
  });

  describe('when the workload is a scheduled batch', () => {
    it('has no service', async () => {
      const files = await starterFiles({
        workloadType: 'batch',
        trigger: { type: 'schedule', expression: 'rate(1 hour)' },
      });
      expect(files.map((file) => file.path)).not.toContain('ecs/service.json');
    });
  });

  describe('when the workload runs on EC2', () => {
    it('uses the capacity provider the design names', async () => {
      expect(
        (await service({ workloadType: 'web', control: { gpu: true, level: 'full' } }))
          .capacityProviderStrategy,
      ).toEqual([{ capacityProvider: 'app-ec2', weight: 1, base: 0 }]);
    });

    it('has no Fargate platform version', async () => {
      expect(
        await service({ workloadType: 'web', control: { gpu: true, level: 'full' } }),
      ).not.toHaveProperty('platformVersion');
    });
  });

  describe('when the workload needs block storage', () => {
    it('has ECS create an encrypted gp3 volume of the designed size for each task', async () => {
      expect(
        (await service({ workloadType: 'web', persistence: { type: 'block', sizeGiB: 50 } }))
          .volumeConfigurations,
      ).toEqual([
        {
          name: 'data',
          managedEBSVolume: {
            sizeInGiB: 50,
            volumeType: 'gp3',
            encrypted: true,
            filesystemType: 'ext4',
            roleArn: 'arn:aws:iam::<account-id>:role/app-ecs-volumes',
          },
        },
      ]);
    });

    it('creates the role ECS manages the volumes with', async () => {
      const { roles } = jsonAt<{ roles: { RoleName: string; ManagedPolicyArns: string[] }[] }>(
        await starterFiles({ workloadType: 'web', persistence: { type: 'block' } }),
        'iam/roles.json',
      );
      expect(roles.find((role) => role.RoleName === 'app-ecs-volumes')?.ManagedPolicyArns).toEqual([
        'arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes',
      ]);
    });
  });

  describe('when a Windows workload needs block storage', () => {
    const windowsBlock = {
      workloadType: 'web',
      control: { os: 'windows' },
      persistence: { type: 'block', sizeGiB: 50 },
    };

    it('runs on Windows EC2 instances and has ECS create an NTFS volume for each task', async () => {
      const recommendation = await recommend(windowsBlock);
      expect(recommendation.platform.id).toBe('ecs-ec2');
      expect(
        jsonAt<CreateServiceCommandInput>(recommendation.starterConfig.files, 'ecs/service.json')
          .volumeConfigurations?.[0]?.managedEBSVolume,
      ).toMatchObject({ sizeInGiB: 50, filesystemType: 'ntfs' });
    });

    it('mounts the volume at a Windows path', async () => {
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(
        await starterFiles(windowsBlock),
        'ecs/task-definition.json',
      );
      expect(definition.volumes).toEqual([{ name: 'data', configuredAtLaunch: true }]);
      expect(definition.containerDefinitions?.[0]?.mountPoints).toEqual([
        { sourceVolume: 'data', containerPath: 'C:\\data', readOnly: false },
      ]);
    });
  });
});

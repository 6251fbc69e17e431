import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { CreateScheduleInput } from '../../src/generators/shared/eventbridge-shapes';
import { fileAt, jsonAt, starterFiles } from './support/starter';

/** Every CPU/memory pair Fargate accepts (CPU units → MiB), from the Fargate task-size table. */
const FARGATE_SIZES: Record<string, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  return Array.from({ length: (to - from) / step + 1 }, (_, index) => from + index * step);
}

async function taskDefinition(body: Record<string, unknown>): Promise<RegisterTaskDefinitionCommandInput> {
  return jsonAt<RegisterTaskDefinitionCommandInput>(await starterFiles(body), 'ecs/task-definition.json');
}

describe('ECS task definition', () => {
  describe('when the workload runs on Fargate', () => {
    const cases = [
      { given: { cpu: 0.5, memoryGiB: 1 }, want: { cpu: '512', memory: '1024' } },
      { given: { cpu: 0.25, memoryGiB: 0.5 }, want: { cpu: '256', memory: '512' } },
      { given: { cpu: 0.5, memoryGiB: 3 }, want: { cpu: '512', memory: '3072' } },
      { given: { cpu: 1.5, memoryGiB: 3 }, want: { cpu: '2048', memory: '4096' } },
      { given: { cpu: 4, memoryGiB: 9.5 }, want: { cpu: '4096', memory: '10240' } },
      { given: { cpu: 16, memoryGiB: 100 }, want: { cpu: '16384', memory: '106496' } },
    ];
    it.each(cases)(
      'sizes $given.cpu vCPU / $given.memoryGiB GiB as cpu $want.cpu, memory $want.memory',
      async ({ given, want }) => {
        const definition = await taskDefinition({ workloadType: 'web', resources: given });
        expect(definition.requiresCompatibilities).toEqual(['FARGATE']);
        expect({ cpu: definition.cpu, memory: definition.memory }).toEqual(want);
      },
    );

    it.each(cases)(
      'gives $given.cpu vCPU / $given.memoryGiB GiB a size Fargate accepts',
      async ({ given }) => {
        const { cpu = '', memory = '' } = await taskDefinition({ workloadType: 'web', resources: given });
        expect(FARGATE_SIZES[cpu]).toContain(Number(memory));
      },
    );

    it('uses awsvpc networking, one essential container named after the workload and awslogs', async () => {
      const definition = await taskDefinition({
        workloadType: 'web',
        name: 'orders-api',
        region: 'eu-west-1',
      });
      expect(definition).toMatchObject({
        family: 'orders-api',
        networkMode: 'awsvpc',
        runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
        executionRoleArn: 'arn:aws:iam::<account-id>:role/orders-api-execution',
        taskRoleArn: 'arn:aws:iam::<account-id>:role/orders-api-task',
      });
      expect(definition.containerDefinitions).toHaveLength(1);
      expect(definition.containerDefinitions?.[0]).toMatchObject({
        name: 'orders-api',
        image: '<account-id>.dkr.ecr.eu-west-1.amazonaws.com/orders-api:latest',
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/orders-api',
            'awslogs-region': 'eu-west-1',
            'awslogs-stream-prefix': 'ecs',
          },
        },
      });
    });

    it('leaves ephemeral storage at its default', async () => {
      expect(await taskDefinition({ workloadType: 'web' })).not.toHaveProperty('ephemeralStorage');
    });
  });

  describe('when the workload runs on EC2', () => {
    it('sizes the task exactly as requested, in CPU units and MiB', async () => {
      const definition = await taskDefinition({
        workloadType: 'web',
        control: { gpu: true, level: 'full' },
        resources: { cpu: 1.3, memoryGiB: 2.7 },
      });
      expect(definition).toMatchObject({ requiresCompatibilities: ['EC2'], cpu: '1331', memory: '2765' });
    });
  });

  describe('when the workload needs a GPU', () => {
    it('requests one GPU per container', async () => {
      const definition = await taskDefinition({ workloadType: 'web', control: { gpu: true, level: 'full' } });
      expect(definition.containerDefinitions?.[0]?.resourceRequirements).toEqual([
        { type: 'GPU', value: '1' },
      ]);
    });
  });

  describe('when the workload needs privileged containers', () => {
    it('grants privileged mode, which only EC2 allows', async () => {
      const definition = await taskDefinition({
        workloadType: 'worker',
        control: { privileged: true, kubernetes: 'avoid', level: 'full' },
      });
      expect(definition.requiresCompatibilities).toEqual(['EC2']);
      expect(definition.containerDefinitions?.[0]?.privileged).toBe(true);
    });
  });

  describe('when the workload is not privileged', () => {
    it('says nothing of privileged mode', async () => {
      expect((await taskDefinition({ workloadType: 'web' })).containerDefinitions?.[0]).not.toHaveProperty(
        'privileged',
      );
    });
  });

  describe('when the protocol is udp', () => {
    it('maps the container port as udp, and over tcp for the health check', async () => {
      const definition = await taskDefinition({
        workloadType: 'web',
        traffic: { protocol: 'udp' },
        containerPort: 5353,
      });
      expect(definition.containerDefinitions?.[0]?.portMappings).toEqual([
        { name: 'app-5353', containerPort: 5353, protocol: 'udp' },
        { name: 'app-5353-tcp', containerPort: 5353, protocol: 'tcp' },
      ]);
    });

    it('adds no curl health check', async () => {
      expect(
        (await taskDefinition({ workloadType: 'web', traffic: { protocol: 'udp' } }))
          .containerDefinitions?.[0],
      ).not.toHaveProperty('healthCheck');
    });
  });

  describe('when the protocol is http', () => {
    it('checks the health-check path from inside the container', async () => {
      const definition = await taskDefinition({ workloadType: 'web', healthCheckPath: '/ready' });
      expect(definition.containerDefinitions?.[0]?.healthCheck?.command).toEqual([
        'CMD-SHELL',
        'curl -fsS http://localhost:8080/ready || exit 1',
      ]);
    });
  });

  describe('when the workload is a worker', () => {
    it('maps no ports, checks no health and names its queue', async () => {
      const container = (
        await taskDefinition({ workloadType: 'worker', trigger: { type: 'sqs', queueName: 'orders' } })
      ).containerDefinitions?.[0];
      expect(container).not.toHaveProperty('portMappings');
      expect(container).not.toHaveProperty('healthCheck');
      expect(container?.environment).toEqual([{ name: 'QUEUE_NAME', value: 'orders' }]);
    });
  });

  describe('when the workload shares files', () => {
    it('mounts EFS through an access point, encrypted in transit and authorized with the task role', async () => {
      const definition = await taskDefinition({ workloadType: 'web', persistence: { type: 'shared-file' } });
      expect(definition.volumes).toEqual([
        {
          name: 'data',
          efsVolumeConfiguration: {
            fileSystemId: '<efs-file-system-id>',
            transitEncryption: 'ENABLED',
            authorizationConfig: { accessPointId: '<efs-access-point-id>', iam: 'ENABLED' },
          },
        },
      ]);
      expect(definition.containerDefinitions?.[0]?.mountPoints).toEqual([
        { sourceVolume: 'data', containerPath: '/mnt/data', readOnly: false },
      ]);
    });
  });

  describe('when the workload needs block storage', () => {
    it('declares a volume configured at launch, mounted in the container', async () => {
      const definition = await taskDefinition({ workloadType: 'web', persistence: { type: 'block' } });
      expect(definition.volumes).toEqual([{ name: 'data', configuredAtLaunch: true }]);
      expect(definition.containerDefinitions?.[0]?.mountPoints).toEqual([
        { sourceVolume: 'data', containerPath: '/mnt/data', readOnly: false },
      ]);
    });
  });

  describe('when the workload needs a Windows file share', () => {
    it('runs Windows Server 2022 Core and mounts FSx for Windows File Server', async () => {
      const definition = await taskDefinition({
        workloadType: 'web',
        control: { os: 'windows' },
        persistence: { type: 'windows-file' },
      });
      expect(definition.runtimePlatform).toEqual({
        operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE',
        cpuArchitecture: 'X86_64',
      });
      expect(definition.volumes?.[0]).toEqual({
        name: 'data',
        fsxWindowsFileServerVolumeConfiguration: {
          fileSystemId: '<fsx-file-system-id>',
          rootDirectory: 'share',
          authorizationConfig: {
            credentialsParameter: '<fsx-credentials-secret-arn>',
            domain: '<active-directory-domain>',
          },
        },
      });
      expect(definition.containerDefinitions?.[0]?.mountPoints?.[0]?.containerPath).toBe('C:\\data');
    });
  });

  describe('when the workload runs on arm64', () => {
    it('asks for the ARM64 runtime platform', async () => {
      const definition = await taskDefinition({ workloadType: 'web', control: { architecture: 'arm64' } });
      expect(definition.runtimePlatform?.cpuArchitecture).toBe('ARM64');
    });

    // FARGATE_SPOT supports Linux tasks with the ARM64 architecture on platform version 1.4.0 or later:
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    it('runs an interruptible worker on Fargate Spot with the ARM64 runtime platform', async () => {
      const files = await starterFiles({
        workloadType: 'worker',
        control: { architecture: 'arm64' },
        cost: { interruptible: true },
      });
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json');
      const service = jsonAt<CreateServiceCommandInput>(files, 'ecs/service.json');
      expect(definition.runtimePlatform).toEqual({
        operatingSystemFamily: 'LINUX',
        cpuArchitecture: 'ARM64',
      });
      expect(service.capacityProviderStrategy?.map((item) => item.capacityProvider)).toEqual([
        'FARGATE',
        'FARGATE_SPOT',
      ]);
      expect(service.platformVersion).toBe('LATEST');
    });
  });

  describe('when the container adds Linux capabilities', () => {
    it('adds SYS_PTRACE on Fargate, the one capability Fargate accepts', async () => {
      const definition = await taskDefinition({
        workloadType: 'web',
        control: { capabilities: ['SYS_PTRACE'] },
      });
      expect(definition.requiresCompatibilities).toEqual(['FARGATE']);
      expect(definition.containerDefinitions?.[0]?.linuxParameters).toEqual({
        capabilities: { add: ['SYS_PTRACE'] },
      });
    });

    it.each([
      { platform: 'ecs-ec2', compatibility: 'EC2' },
      { platform: 'ecs-managed-instances', compatibility: 'MANAGED_INSTANCES' },
    ] as const)('adds NET_ADMIN and NET_RAW on $platform', async ({ platform, compatibility }) => {
      const files = await starterFiles(
        { workloadType: 'web', control: { capabilities: ['NET_ADMIN', 'NET_RAW'] } },
        platform,
      );
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json');
      expect(definition.requiresCompatibilities).toEqual([compatibility]);
      expect(definition.containerDefinitions?.[0]?.linuxParameters).toEqual({
        capabilities: { add: ['NET_ADMIN', 'NET_RAW'] },
      });
    });

    it('says nothing of linuxParameters when the container adds none', async () => {
      expect((await taskDefinition({ workloadType: 'web' })).containerDefinitions?.[0]).not.toHaveProperty(
        'linuxParameters',
      );
    });
  });

  describe("when the container needs the host's network", () => {
    const hostWeb = { workloadType: 'web', containerPort: 8080, control: { hostNetwork: true } };

    it.each([
      { platform: 'ecs-ec2', compatibility: 'EC2' },
      { platform: 'ecs-managed-instances', compatibility: 'MANAGED_INSTANCES' },
    ] as const)(
      'runs the task in host network mode on $platform, its container port bound on the host',
      async ({ platform, compatibility }) => {
        const files = await starterFiles(hostWeb, platform);
        const definition = jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json');
        expect(definition.requiresCompatibilities).toEqual([compatibility]);
        expect(definition.networkMode).toBe('host');
        expect(definition.containerDefinitions?.[0]?.portMappings).toEqual([
          { name: 'app-8080', containerPort: 8080, hostPort: 8080, protocol: 'tcp' },
        ]);
        const service = jsonAt<CreateServiceCommandInput>(files, 'ecs/service.json');
        // No interface of its own: awsvpc's subnets and security group would be refused with host mode.
        expect(service).not.toHaveProperty('networkConfiguration');
        expect(service.loadBalancers?.[0]).toMatchObject({ containerPort: 8080 });
        expect(fileAt(files, 'README.md').content).toContain('--target-type instance');
        expect(fileAt(files, 'README.md').content).toContain('networkMode host');
      },
    );

    it('places one task per container instance on EC2, so no second task finds its port taken', async () => {
      const files = await starterFiles({ ...hostWeb, resources: { maxTasks: 4 } }, 'ecs-ec2');
      expect(jsonAt<CreateServiceCommandInput>(files, 'ecs/service.json').placementConstraints).toEqual([
        { type: 'distinctInstance' },
      ]);
    });

    it('leaves Managed Instances to place tasks by their ports, which ECS does', async () => {
      const files = await starterFiles(hostWeb, 'ecs-managed-instances');
      expect(jsonAt<CreateServiceCommandInput>(files, 'ecs/service.json')).not.toHaveProperty(
        'placementConstraints',
      );
    });

    it('starts a scheduled job without a network configuration', async () => {
      const files = await starterFiles(
        {
          workloadType: 'batch',
          control: { hostNetwork: true },
          trigger: { type: 'schedule', expression: 'rate(1 hour)' },
        },
        'ecs-ec2',
      );
      expect(jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json').networkMode).toBe(
        'host',
      );
      expect(
        jsonAt<CreateScheduleInput>(files, 'ecs/schedule.json').Target?.EcsParameters,
      ).not.toHaveProperty('NetworkConfiguration');
    });

    it('keeps awsvpc when the container keeps its own network', async () => {
      const definition = await taskDefinition({ workloadType: 'web' });
      expect(definition.networkMode).toBe('awsvpc');
      expect(definition.containerDefinitions?.[0]?.portMappings?.[0]).not.toHaveProperty('hostPort');
    });
  });
});

import type {
  CreateCapacityProviderCommandInput,
  CreateDaemonCommandInput,
  CreateServiceCommandInput,
  RegisterDaemonTaskDefinitionCommandInput,
  RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import YAML from 'yaml';
import type { StarterFile } from '../../src/generators/starter-config';
import { at, fileAt, jsonAt, recommend, starterFiles } from './support/starter';

const gpuService = { workloadType: 'web', name: 'vision', control: { gpu: true, level: 'minimal' } };
const agentService = { workloadType: 'web', name: 'ledger', control: { daemons: true, kubernetes: 'avoid' } };

function template(files: readonly StarterFile[]): Record<string, unknown> {
  return YAML.parse(fileAt(files, 'cloudformation/template.yaml').content) as Record<string, unknown>;
}

const launchTemplate = (provider: CreateCapacityProviderCommandInput) =>
  provider.managedInstancesProvider?.instanceLaunchTemplate;

describe('ECS Managed Instances starter configuration', () => {
  describe('when a GPU service runs on Managed Instances', () => {
    let files: StarterFile[];
    beforeAll(async () => {
      files = await starterFiles(gpuService);
    });

    it('creates the capacity provider in the cluster, with the infrastructure role and instance profile', () => {
      const provider = jsonAt<CreateCapacityProviderCommandInput>(files, 'ecs/capacity-provider.json');
      expect(provider).toMatchObject({
        name: 'managed-instances-vision',
        cluster: 'vision',
        managedInstancesProvider: {
          infrastructureRoleArn: 'arn:aws:iam::<account-id>:role/vision-infrastructure',
          instanceLaunchTemplate: {
            ec2InstanceProfileArn: 'arn:aws:iam::<account-id>:instance-profile/ecsInstanceRole-vision',
            networkConfiguration: { subnets: ['<subnet-id>'], securityGroups: ['<security-group-id>'] },
            capacityOptionType: 'ON_DEMAND',
          },
        },
      });
    });

    it('asks for one NVIDIA GPU and the size of the type the estimate prices, limited to that type', async () => {
      const provider = jsonAt<CreateCapacityProviderCommandInput>(files, 'ecs/capacity-provider.json');
      const estimate = (await recommend(gpuService)).platform.monthlyCost;
      const pricedType = estimate?.lines
        .map((line) => /^EC2 (\S+) instances/.exec(line.item)?.[1])
        .find((type) => type !== undefined);
      expect(launchTemplate(provider)?.instanceRequirements).toEqual({
        vCpuCount: { min: 4, max: 4 },
        memoryMiB: { min: 16384 },
        cpuManufacturers: ['amd'],
        acceleratorTypes: ['gpu'],
        acceleratorManufacturers: ['nvidia'],
        acceleratorCount: { min: 1, max: 1 },
        allowedInstanceTypes: [pricedType],
      });
    });

    it('registers the task definition for MANAGED_INSTANCES with its GPU', () => {
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json');
      expect(definition).toMatchObject({
        networkMode: 'awsvpc',
        requiresCompatibilities: ['MANAGED_INSTANCES'],
      });
      expect(definition.containerDefinitions?.[0]?.resourceRequirements).toEqual([
        { type: 'GPU', value: '1' },
      ]);
    });

    it('places the service on the capacity provider, with no launch type', () => {
      const service = jsonAt<CreateServiceCommandInput>(files, 'ecs/service.json');
      expect(service.capacityProviderStrategy).toEqual([
        { capacityProvider: 'managed-instances-vision', weight: 1, base: 0 },
      ]);
      expect(service).not.toHaveProperty('launchType');
    });

    it('names the instance role ecsInstanceRole-…, the only names the managed infrastructure policy passes', () => {
      const roles = JSON.parse(fileAt(files, 'iam/roles.json').content) as {
        roles: { RoleName: string; ManagedPolicyArns: string[] }[];
      };
      expect(roles.roles).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            RoleName: 'vision-infrastructure',
            ManagedPolicyArns: [
              'arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForManagedInstances',
            ],
          }),
          expect.objectContaining({
            RoleName: 'ecsInstanceRole-vision',
            ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonECSInstanceRolePolicyForManagedInstances'],
          }),
        ]),
      );
    });

    it('creates the cluster before the capacity provider in the README', () => {
      const readme = fileAt(files, 'README.md').content;
      const cluster = readme.indexOf('aws ecs create-cluster --cluster-name vision');
      const provider = readme.indexOf('file://ecs/capacity-provider.json');
      expect(cluster).toBeGreaterThan(-1);
      expect(provider).toBeGreaterThan(cluster);
    });

    it('renders the same capacity provider in CloudFormation, in the stack cluster', () => {
      const resources = template(files).Resources;
      expect(at(resources, 'CapacityProvider', 'Type')).toBe('AWS::ECS::CapacityProvider');
      expect(at(resources, 'CapacityProvider', 'Properties', 'ClusterName')).toEqual({ Ref: 'Cluster' });
      expect(
        at(
          resources,
          'CapacityProvider',
          'Properties',
          'ManagedInstancesProvider',
          'InstanceLaunchTemplate',
          'InstanceRequirements',
          'AcceleratorManufacturers',
        ),
      ).toEqual(['nvidia']);
      expect(at(resources, 'InstanceRole', 'Properties', 'RoleName')).toBe('ecsInstanceRole-vision');
      expect(at(resources, 'TaskDefinition', 'Properties', 'RequiresCompatibilities')).toEqual([
        'MANAGED_INSTANCES',
      ]);
    });
  });

  describe('when the work is interruptible and built for arm64', () => {
    it('launches Graviton Spot instances', async () => {
      const provider = jsonAt<CreateCapacityProviderCommandInput>(
        await starterFiles({
          workloadType: 'worker',
          control: { privileged: true, architecture: 'arm64', kubernetes: 'avoid' },
          cost: { interruptible: true },
        }),
        'ecs/capacity-provider.json',
      );
      expect(launchTemplate(provider)?.capacityOptionType).toBe('SPOT');
      expect(launchTemplate(provider)?.instanceRequirements?.cpuManufacturers).toEqual([
        'amazon-web-services',
      ]);
      expect(launchTemplate(provider)?.instanceRequirements?.allowedInstanceTypes).toEqual([
        'm7g.large',
        'm6g.large',
      ]);
    });
  });

  describe('when the workload needs a per-host agent', () => {
    let files: StarterFile[];
    beforeAll(async () => {
      files = await starterFiles(agentService);
    });

    it('registers a daemon task definition for the agent with a task role of its own', () => {
      const definition = jsonAt<RegisterDaemonTaskDefinitionCommandInput>(
        files,
        'ecs/managed-daemon-task-definition.json',
      );
      expect(definition).toMatchObject({
        family: 'ledger-agent',
        taskRoleArn: 'arn:aws:iam::<account-id>:role/ledger-agent',
        executionRoleArn: 'arn:aws:iam::<account-id>:role/ledger-execution',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'ledger-agent', image: '<daemon-image>', essential: true }],
      });
    });

    it('creates the Managed Daemon on the capacity provider of the cluster', () => {
      expect(jsonAt<CreateDaemonCommandInput>(files, 'ecs/managed-daemon.json')).toEqual({
        daemonName: 'ledger-agent',
        clusterArn: 'arn:aws:ecs:us-east-1:<account-id>:cluster/ledger',
        daemonTaskDefinitionArn: 'arn:aws:ecs:us-east-1:<account-id>:daemon-task-definition/ledger-agent:1',
        capacityProviderArns: [
          'arn:aws:ecs:us-east-1:<account-id>:capacity-provider/managed-instances-ledger',
        ],
        propagateTags: 'DAEMON',
        enableECSManagedTags: true,
      });
    });

    it('leaves room on every instance for the agent beside the tasks', async () => {
      const assumptions = (await recommend(agentService)).platform.monthlyCost?.assumptions ?? [];
      expect(assumptions).toContainEqual(
        expect.stringMatching(/0\.25 vCPU \/ 1 GiB an ECS Linux host keeps with its per-host agent/),
      );
    });

    it('starts the service only after the daemon exists, and takes the agent image as a parameter', () => {
      const document = template(files);
      expect(at(document, 'Resources', 'Daemon', 'Type')).toBe('AWS::ECS::Daemon');
      expect(at(document, 'Resources', 'DaemonTaskDefinition', 'Type')).toBe(
        'AWS::ECS::DaemonTaskDefinition',
      );
      expect(at(document, 'Resources', 'Service', 'DependsOn')).toContain('Daemon');
      expect(at(document, 'Parameters', 'DaemonImageUri', 'Default')).toBeUndefined();
    });
  });
});

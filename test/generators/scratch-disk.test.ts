import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import YAML from 'yaml';
import { at, fileAt, jsonAt, kubernetesObject, starterFiles, yamlDocumentsAt } from './support/starter';

/**
 * resources.ephemeralStorageGiB in the starter files: Fargate's task definition setting (20 GiB without
 * it, 21-200 GiB with it), the root volume of EC2 hosts, and the pods' ephemeral-storage on EKS.
 */
function stackResource(files: Awaited<ReturnType<typeof starterFiles>>, logicalId: string): unknown {
  const template = YAML.parse(fileAt(files, 'cloudformation/template.yaml').content) as unknown;
  return at(template, 'Resources', logicalId, 'Properties');
}

describe('scratch disk in the starter configuration', () => {
  describe('when a Fargate task asks for more than the default 20 GiB', () => {
    const cases = [
      { given: 150, want: 150 },
      { given: 21, want: 21 },
      { given: 200, want: 200 },
    ];
    it.each(cases)('sets ephemeralStorage.sizeInGiB to $want for $given GiB', async ({ given, want }) => {
      const files = await starterFiles({ workloadType: 'batch', resources: { ephemeralStorageGiB: given } });
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json');
      expect(definition.ephemeralStorage).toEqual({ sizeInGiB: want });
      expect(at(stackResource(files, 'TaskDefinition'), 'EphemeralStorage')).toEqual({ SizeInGiB: want });
    });
  });

  describe('when a Fargate task asks for no more than the default', () => {
    it.each([1, 10, 20])('leaves the setting out for %i GiB (the task gets 20 GiB)', async (given) => {
      const files = await starterFiles({ workloadType: 'batch', resources: { ephemeralStorageGiB: given } });
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json');
      expect(definition.ephemeralStorage).toBeUndefined();
      expect(at(stackResource(files, 'TaskDefinition'), 'EphemeralStorage')).toBeUndefined();
    });
  });

  describe('when ECS tasks on EC2 ask for scratch disk', () => {
    const body = {
      workloadType: 'batch',
      control: { level: 'full' },
      resources: { cpu: 0.5, memoryGiB: 1, ephemeralStorageGiB: 150 },
    };

    it("sizes the instances' root volume for every task an instance holds plus 30 GiB", async () => {
      // 0.5 vCPU / 1 GiB tasks: an m7i.large (2 vCPU, 8 GiB less 0.5 GiB for the agent) holds 4.
      const files = await starterFiles(body);
      expect(at(stackResource(files, 'LaunchTemplate'), 'LaunchTemplateData', 'BlockDeviceMappings')).toEqual(
        [
          {
            DeviceName: '/dev/xvda',
            Ebs: { VolumeSize: 4 * 150 + 30, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true },
          },
        ],
      );
    });

    it('gives the README the same root volume', async () => {
      const readme = fileAt(await starterFiles(body), 'README.md').content;
      expect(readme).toContain('DeviceName /dev/xvda, Ebs VolumeSize 630');
      expect(readme).toContain('4 task(s) per instance × 150 GiB of scratch disk + 30 GiB');
    });

    it('writes nothing into the task definition', async () => {
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(
        await starterFiles(body),
        'ecs/task-definition.json',
      );
      expect(definition.ephemeralStorage).toBeUndefined();
    });
  });

  describe('when Windows tasks on EC2 ask for scratch disk', () => {
    it('resizes the Windows root device /dev/sda1 with 50 GiB for the OS', async () => {
      const files = await starterFiles({
        workloadType: 'batch',
        control: { os: 'windows', level: 'full' },
        resources: { cpu: 1, memoryGiB: 2, ephemeralStorageGiB: 40 },
      });
      const [mapping] = at(
        stackResource(files, 'LaunchTemplate'),
        'LaunchTemplateData',
        'BlockDeviceMappings',
      ) as unknown[];
      expect(at(mapping, 'DeviceName')).toBe('/dev/sda1');
      expect((Number(at(mapping, 'Ebs', 'VolumeSize')) - 50) % 40).toBe(0);
    });
  });

  describe('when a Kubernetes job asks for scratch disk', () => {
    const body = {
      workloadType: 'batch',
      control: { kubernetes: 'required' },
      resources: { cpu: 2, memoryGiB: 8, ephemeralStorageGiB: 190 },
    };

    it('requests and limits the ephemeral storage of its pod', async () => {
      const job = kubernetesObject(yamlDocumentsAt(await starterFiles(body), 'eks/manifests.yaml'), 'Job');
      const [container] = at(job, 'spec', 'template', 'spec', 'containers') as unknown[];
      expect(at(container, 'resources', 'requests', 'ephemeral-storage')).toBe('190Gi');
      expect(at(container, 'resources', 'limits', 'ephemeral-storage')).toBe('190Gi');
    });

    it('gives the managed node group a root volume the kubelet leaves 10% of free', async () => {
      // 2 vCPU / 8 GiB pods: an m7i.xlarge (4 vCPU, 16 GiB less the node's reserve) holds one;
      // (1 × 190 + 30) / 0.9 = 244.4.
      const files = await starterFiles(body);
      const [group] = at(
        YAML.parse(fileAt(files, 'eks/cluster.yaml').content),
        'managedNodeGroups',
      ) as unknown[];
      expect(at(group, 'volumeSize')).toBe(245);
      expect(at(stackResource(files, 'NodeGroup'), 'DiskSize')).toBe(245);
    });
  });

  describe('when a request sets no scratch disk', () => {
    it('leaves every default alone', async () => {
      const files = await starterFiles({ workloadType: 'batch', control: { level: 'full' } });
      expect(
        jsonAt<RegisterTaskDefinitionCommandInput>(files, 'ecs/task-definition.json').ephemeralStorage,
      ).toBeUndefined();
      expect(
        at(stackResource(files, 'LaunchTemplate'), 'LaunchTemplateData', 'BlockDeviceMappings'),
      ).toBeUndefined();
    });
  });
});

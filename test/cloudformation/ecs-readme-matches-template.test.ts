import YAML from 'yaml';
import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import type { WorkloadRequest } from '../../src/contract/workload';
import type { TemplateDocument } from '../../src/generators/cloudformation/template';
import { generateStarterConfig } from '../../src/generators/starter-config';
import { at, fileAt } from '../generators/support/starter';
import { webWorkload } from '../support/workloads';
import { inputsOnEveryEligiblePlatform } from './support/starter-inputs';

const SSM = '/aws/service/ecs/optimized-ami/amazon-linux-2023';

/** The README and the template of a workload on ECS (on EC2 unless said otherwise). */
async function ecsStarter(
  body: WorkloadRequest,
  platform: PlatformId = 'ecs-ec2',
): Promise<{ readme: string; template: TemplateDocument }> {
  const input = (await inputsOnEveryEligiblePlatform(body)).find(
    (candidate) => candidate.platform.id === platform,
  );
  if (input === undefined) throw new Error(`${platform} cannot run ${JSON.stringify(body)}`);
  const files = generateStarterConfig(input);
  return {
    readme: fileAt(files, 'README.md').content,
    template: YAML.parse(fileAt(files, 'cloudformation/template.yaml').content) as TemplateDocument,
  };
}

describe('the container instances of ECS on EC2, in the README and the template', () => {
  const cases: { given: WorkloadRequest['control']; want: { name: string; ssmParameter: string } }[] = [
    {
      given: { architecture: 'x86_64' },
      want: { name: 'Amazon Linux 2023 AMI', ssmParameter: `${SSM}/recommended/image_id` },
    },
    {
      given: { architecture: 'arm64' },
      want: { name: 'Amazon Linux 2023 arm64 AMI', ssmParameter: `${SSM}/arm64/recommended/image_id` },
    },
    {
      given: { gpu: true, architecture: 'x86_64' },
      want: { name: 'Amazon Linux 2023 GPU AMI', ssmParameter: `${SSM}/gpu/recommended/image_id` },
    },
    // AWS publishes no arm64 GPU variant: the arm64 AMI is the one that boots on the arm64 (G5g) hosts.
    {
      given: { gpu: true, architecture: 'arm64', kubernetes: 'avoid' },
      want: { name: 'Amazon Linux 2023 arm64 AMI', ssmParameter: `${SSM}/arm64/recommended/image_id` },
    },
  ];

  describe.each(cases)('when the control is $given', ({ given, want }) => {
    it('names in the README the AMI the template starts the instances from', async () => {
      const { readme, template } = await ecsStarter(webWorkload({ control: given }));
      expect(template.Parameters.AmiId).toMatchObject({
        Default: want.ssmParameter,
        Description: `The ECS-optimized ${want.name}, from its public SSM parameter.`,
      });
      expect(readme).toContain(
        `Create a launch template from the ECS-optimized ${want.name} (SSM parameter ${want.ssmParameter})`,
      );
    });
  });

  describe('when the instances are on-demand', () => {
    it('names in the README the instance type the template launches', async () => {
      const { readme, template } = await ecsStarter(webWorkload());
      const instanceType = template.Parameters.InstanceType?.Default;
      expect(instanceType).toEqual(expect.any(String));
      expect(readme).toContain(`for ${instanceType} instances, with the instance profile`);
    });
  });

  describe('when the instances are Spot', () => {
    it('names in the README every type the mixed instances policy buys', async () => {
      const { readme, template } = await ecsStarter(webWorkload({ cost: { interruptible: true } }));
      const overrides = at(
        template.Resources.AutoScalingGroup,
        'Properties',
        'MixedInstancesPolicy',
        'LaunchTemplate',
        'Overrides',
      ) as { InstanceType: unknown }[];
      const types = overrides.map(({ InstanceType }) =>
        typeof InstanceType === 'string' ? InstanceType : template.Parameters.InstanceType?.Default,
      );
      expect(types.length).toBeGreaterThan(1);
      expect(readme).toContain(`a mixed instances policy that buys Spot capacity of ${types.join(', ')}.`);
    });
  });

  describe('when a GPU workload runs on arm64', () => {
    it('says that the arm64 AMI has no NVIDIA driver', async () => {
      const { readme } = await ecsStarter(
        webWorkload({ control: { gpu: true, architecture: 'arm64', kubernetes: 'avoid' } }),
      );
      expect(readme).toContain('AWS publishes no arm64 GPU variant of the ECS-optimized AMI');
    });
  });
});

describe('the log group of ECS tasks', () => {
  describe.each(['ecs-fargate', 'ecs-ec2'] as const)('on %s', (platform) => {
    it('tells the README reader to keep events as long as the stack does', async () => {
      const { readme, template } = await ecsStarter(webWorkload(), platform);
      const retention = at(template.Resources.LogGroup, 'Properties', 'RetentionInDays');
      expect(retention).toEqual(expect.any(Number));
      expect(readme).toContain(
        `aws logs put-retention-policy --log-group-name /ecs/app --retention-in-days ${retention}`,
      );
    });
  });
});

import type { CreateCapacityProviderCommandInput } from '@aws-sdk/client-ecs';
import { capacityProviderFile } from '../ecs/capacity-provider';
import { nodeChoice } from '../shared/node-choice';
import { StarterConfigError } from '../shared/starter-config-error';
import type { StarterConfigInput } from '../shared/starter-file';
import { addRole, instanceProfile, type ResourceArns } from './iam';
import { base64, getAtt, ref, sub, subVariable, type TemplateValue } from './intrinsics';
import { amiId, instanceType } from './parameters';
import { pascalCaseProperties } from './property-names';
import type { TemplateBuilder } from './template';

/** Instance metadata: IMDSv2 only, and two hops so containers on the host can still reach it. */
export const METADATA_OPTIONS = { HttpTokens: 'required', HttpPutResponseHopLimit: 2 };

/** The ECS agent's configuration, written by user data; the Cluster variable is the cluster's name. */
const LINUX_USER_DATA = [
  '#!/bin/bash',
  "cat <<'EOF' >> /etc/ecs/ecs.config",
  `ECS_CLUSTER=${subVariable('Cluster')}`,
];
const SPOT_DRAINING = 'ECS_ENABLE_SPOT_INSTANCE_DRAINING=true';
const WINDOWS_USER_DATA = [
  '<powershell>',
  'Import-Module ECSTools',
  `Initialize-ECSAgent -Cluster ${subVariable('Cluster')} -EnableTaskIAMRole -AwsvpcBlockIMDS`,
  '</powershell>',
];

/** The public SSM parameters that hold the latest ECS-optimized AMIs. */
const ECS_AMI_PARAMETERS = {
  linux: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  arm64: '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
  gpu: '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id',
  windows: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-ECS_Optimized/image_id',
};

/**
 * The EC2 capacity of an ECS cluster: the container instances' role and instance profile, a launch template
 * from the ECS-optimized AMI (read from its SSM parameter at deploy time) that joins the cluster, an Auto
 * Scaling group in the private subnets (Spot through a mixed instances policy when the work is
 * interruptible), and the capacity provider that lets ECS scale the group to fit the tasks.
 * Returns the capacity provider's logical id.
 */
export function addEc2Capacity(
  template: TemplateBuilder,
  input: StarterConfigInput,
  vpc: TemplateValue,
  privateSubnets: TemplateValue,
  resourceArns: ResourceArns,
): string {
  const { workload, facts, design } = input;
  const nodeRole = design.iam.nodeRole;
  if (nodeRole === undefined)
    throw new StarterConfigError(`${facts.platform.id} has no container instance role in its design`);
  const windows = facts.runtime.os === 'windows';
  const spot = design.scaling.instanceMarket === 'spot';
  const [primaryType, ...alternatives] = nodeChoice(input).instanceTypes;

  addRole(template, 'InstanceRole', nodeRole, resourceArns);
  template.resource('InstanceProfile', instanceProfile('InstanceRole', nodeRole.name));
  template.resource('InstanceSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription:
        'ECS container instances: no inbound traffic (tasks have their own network interfaces)',
      VpcId: vpc,
    },
  });
  const instance = instanceType(
    template,
    'InstanceType',
    primaryType,
    'The EC2 instance type of the container instances: the smallest current type that holds one task with room for the agent.',
  );
  const userData = windows
    ? WINDOWS_USER_DATA
    : [...LINUX_USER_DATA, ...(spot ? [SPOT_DRAINING] : []), 'EOF'];
  template.resource('LaunchTemplate', {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: {
      LaunchTemplateData: {
        ImageId: amiId(
          template,
          'AmiId',
          amiParameter(input),
          `The ${amiName(input)}, from its public SSM parameter.`,
        ),
        ...(spot ? {} : { InstanceType: instance }),
        IamInstanceProfile: { Arn: getAtt('InstanceProfile', 'Arn') },
        SecurityGroupIds: [ref('InstanceSecurityGroup')],
        MetadataOptions: METADATA_OPTIONS,
        UserData: base64(sub(`${userData.join('\n')}\n`, { Cluster: ref('Cluster') })),
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `${workload.name}-ecs` }] },
        ],
      },
    },
  });
  const launchTemplate = {
    LaunchTemplateId: ref('LaunchTemplate'),
    Version: getAtt('LaunchTemplate', 'LatestVersionNumber'),
  };
  const managedScaling = capacityProvider(input);
  const protect = managedScaling.managedTerminationProtection === 'ENABLED';
  template.resource('AutoScalingGroup', {
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    Properties: {
      VPCZoneIdentifier: privateSubnets,
      MinSize: '0',
      // At most one instance per task: an upper bound the capacity provider never reaches when tasks share hosts.
      MaxSize: String(Math.max(1, design.scaling.maxCapacity)),
      ...(protect ? { NewInstancesProtectedFromScaleIn: true } : {}),
      ...(spot
        ? {
            MixedInstancesPolicy: {
              LaunchTemplate: {
                LaunchTemplateSpecification: launchTemplate,
                Overrides: [instance, ...alternatives].map((type) => ({ InstanceType: type })),
              },
              InstancesDistribution: {
                OnDemandBaseCapacity: 0,
                OnDemandPercentageAboveBaseCapacity: 0,
                SpotAllocationStrategy: 'price-capacity-optimized',
              },
            },
          }
        : { LaunchTemplate: launchTemplate }),
    },
  });
  template.resource('CapacityProvider', {
    Type: 'AWS::ECS::CapacityProvider',
    Properties: {
      AutoScalingGroupProvider: pascalCaseProperties({
        ...managedScaling,
        autoScalingGroupArn: ref('AutoScalingGroup'),
      }) as Record<string, TemplateValue>,
    },
  });
  return 'CapacityProvider';
}

/**
 * The capacity provider settings of ecs/capacity-provider.json (managed scaling, termination protection,
 * draining), or ECS's defaults when the design asks for none.
 */
function capacityProvider(
  input: StarterConfigInput,
): NonNullable<CreateCapacityProviderCommandInput['autoScalingGroupProvider']> {
  const file = capacityProviderFile(input);
  const fallback = {
    autoScalingGroupArn: '',
    managedScaling: { status: 'ENABLED' as const, targetCapacity: 100 },
    managedTerminationProtection: 'DISABLED' as const,
    managedDraining: 'ENABLED' as const,
  };
  if (file === null) return fallback;
  const request = JSON.parse(file.content) as CreateCapacityProviderCommandInput;
  return request.autoScalingGroupProvider ?? fallback;
}

function amiParameter(input: StarterConfigInput): string {
  const { facts, workload } = input;
  if (facts.runtime.os === 'windows') return ECS_AMI_PARAMETERS.windows;
  if (facts.runtime.architecture === 'arm64') return ECS_AMI_PARAMETERS.arm64;
  return workload.control.gpu ? ECS_AMI_PARAMETERS.gpu : ECS_AMI_PARAMETERS.linux;
}

function amiName(input: StarterConfigInput): string {
  const { facts, workload } = input;
  if (facts.runtime.os === 'windows') return 'ECS-optimized Windows Server 2022 Core AMI';
  if (facts.runtime.architecture === 'arm64') return 'ECS-optimized Amazon Linux 2023 arm64 AMI';
  return workload.control.gpu
    ? 'ECS-optimized Amazon Linux 2023 GPU AMI'
    : 'ECS-optimized Amazon Linux 2023 AMI';
}

import { getAtt, ref, sub, subVariable, type TemplateValue } from '../../cloudformation/intrinsics';
import { daemonImageUri } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addRole } from '../../plan/roles/cloudformation';
import { roleIn } from '../../plan/roles/plan';
import type { StackReferences } from '../../plan/stack-references';
import type {
  InstanceRequirementsPlan,
  ManagedDaemonPlan,
  ManagedInstancesCapacityPlan,
} from './managed-instances-plan';
import type { EcsPlan } from './plan';

/**
 * The Managed Instances capacity of the cluster: the infrastructure role ECS launches instances with, the
 * instance role and its profile (named ecsInstanceRole… so the infrastructure role's managed policy may pass
 * it), the instances' security group, and the capacity provider in the cluster, in the task subnets.
 */
export function addManagedInstancesCapacity(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EcsPlan,
  capacity: ManagedInstancesCapacityPlan,
  vpc: TemplateValue,
  subnets: TemplateValue,
): void {
  addRole(template, references, 'InfrastructureRole', roleIn(plan.roles, capacity.infrastructureRole.to));
  addRole(template, references, 'InstanceRole', roleIn(plan.roles, capacity.instanceRole.to));
  template.resource('InstanceProfile', {
    Type: 'AWS::IAM::InstanceProfile',
    Properties: { InstanceProfileName: capacity.instanceProfileName, Roles: [ref('InstanceRole')] },
  });
  template.resource('InstanceSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription:
        plan.taskDefinition.networkMode === 'host'
          ? 'ECS managed instances: their tasks on the instance network, inbound only from the load balancer'
          : 'ECS managed instances: no inbound traffic (tasks have their own network interfaces)',
      VpcId: vpc,
    },
  });
  template.resource('CapacityProvider', {
    Type: 'AWS::ECS::CapacityProvider',
    Properties: {
      Name: capacity.name,
      ClusterName: references.resolve(capacity.cluster),
      ManagedInstancesProvider: {
        InfrastructureRoleArn: getAtt('InfrastructureRole', 'Arn'),
        InstanceLaunchTemplate: {
          Ec2InstanceProfileArn: getAtt('InstanceProfile', 'Arn'),
          NetworkConfiguration: { Subnets: subnets, SecurityGroups: [ref('InstanceSecurityGroup')] },
          StorageConfiguration: { StorageSizeGiB: capacity.storageSizeGiB },
          CapacityOptionType: capacity.capacityOptionType,
          InstanceRequirements: instanceRequirements(capacity.instanceRequirements),
        },
      },
    },
  });
  references.provide('capacity-provider', {
    name: ref('CapacityProvider'),
    // AWS::ECS::CapacityProvider returns only its name; the daemon takes the provider's ARN.
    arn: sub(
      `arn:${subVariable('AWS::Partition')}:ecs:${subVariable('AWS::Region')}:${subVariable('AWS::AccountId')}:capacity-provider/${subVariable('CapacityProvider')}`,
    ),
  });
}

function instanceRequirements(requirements: InstanceRequirementsPlan): TemplateValue {
  const { accelerator } = requirements;
  return {
    VCpuCount: { Min: requirements.vcpu, Max: requirements.vcpu },
    MemoryMiB: { Min: requirements.memoryMiB },
    CpuManufacturers: [...requirements.cpuManufacturers],
    ...(accelerator === null
      ? {}
      : {
          AcceleratorTypes: ['gpu'],
          AcceleratorManufacturers: [...accelerator.manufacturers],
          AcceleratorCount: { Min: accelerator.count, Max: accelerator.count },
        }),
    AllowedInstanceTypes: [...requirements.allowedInstanceTypes],
  };
}

/**
 * The Managed Daemon: its own task role, a daemon task definition on the DaemonImageUri parameter (which
 * has no default: the agent is the deployer's to name), and the daemon on the stack's capacity provider.
 */
export function addManagedDaemon(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EcsPlan,
  daemon: ManagedDaemonPlan,
): void {
  addRole(template, references, 'DaemonTaskRole', roleIn(plan.roles, daemon.taskRole.to));
  template.resource('DaemonTaskDefinition', {
    Type: 'AWS::ECS::DaemonTaskDefinition',
    Properties: {
      Family: daemon.family,
      Cpu: daemon.cpu,
      Memory: daemon.memory,
      TaskRoleArn: references.resolve(daemon.taskRole),
      ExecutionRoleArn: references.resolve(daemon.executionRole),
      ContainerDefinitions: [
        {
          Name: daemon.name,
          Image: daemonImageUri(template),
          Essential: true,
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: {
              'awslogs-group': references.resolve(daemon.logGroup),
              'awslogs-region': ref('AWS::Region'),
              'awslogs-stream-prefix': daemon.streamPrefix,
            },
          },
        },
      ],
    },
  });
  references.provide('daemon-task-definition', {
    arn: getAtt('DaemonTaskDefinition', 'DaemonTaskDefinitionArn'),
  });
  template.resource('Daemon', {
    Type: 'AWS::ECS::Daemon',
    Properties: {
      DaemonName: daemon.name,
      ClusterArn: references.resolve(daemon.cluster),
      DaemonTaskDefinitionArn: references.resolve(daemon.taskDefinition),
      CapacityProviderArns: [references.resolve(daemon.capacityProvider)],
      PropagateTags: 'DAEMON',
      EnableECSManagedTags: true,
    },
  });
}

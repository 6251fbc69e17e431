import { METADATA_OPTIONS } from '../../cloudformation/instance-metadata';
import {
  base64,
  getAtt,
  join,
  ref,
  sub,
  subVariable,
  type TemplateValue,
} from '../../cloudformation/intrinsics';
import {
  activeDirectoryParameters,
  amiId,
  certificateArn,
  daemonImageUri,
  EFS_SUBNETS_NOTE,
  fsxParameters,
  imageUri,
  instanceType,
  privateSubnetIds,
  publicSubnetIds,
  vpcCidr,
  vpcId,
} from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addSecrets } from '../../plan/container-environment/cloudformation';
import { addFileSystem, type StackFileSystem } from '../../plan/file-system/cloudformation';
import { addLogGroup } from '../../plan/log-group/cloudformation';
import { addObjectCreatedRule, addTriggerBucket } from '../../plan/object-created-trigger/cloudformation';
import { s3EventInputTransformer } from '../../plan/object-created-trigger/plan';
import { addQueues } from '../../plan/queues/cloudformation';
import { addRepository } from '../../plan/registry/cloudformation';
import { addRole } from '../../plan/roles/cloudformation';
import { roleIn } from '../../plan/roles/plan';
import { StackReferences } from '../../plan/stack-references';
import { addTaskStoppedRule } from '../../plan/task-stopped-rule/cloudformation';
import { StarterConfigError } from '../../shared/starter-config-error';
import { stickinessAttributes } from '../../shared/target-group-stickiness';
import { backlogPerTaskQueries } from './backlog-metric';
import { addManagedDaemon, addManagedInstancesCapacity } from './managed-instances-cloudformation';
import {
  ANYWHERE_IPV4,
  type ContainerPlan,
  DATA_VOLUME_NAME,
  type DaemonPlan,
  type DomainJoinPlan,
  type Ec2CapacityPlan,
  type EcsPlan,
  type LoadBalancerPlan,
  type RunTaskPlan,
  type ServicePlan,
  type ServiceScalingPlan,
} from './plan';

/** The TLS policy of TLS and HTTPS listeners: TLS 1.3 and 1.2 only, as AWS recommends. */
const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
/** ALB and NLB default to 300 s; a stateless service needs far less to finish its requests. */
const DEREGISTRATION_DELAY_SECONDS = '30';

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

/** How the stack's tasks are placed and reached, shared by the service and the tasks triggers start. */
interface TaskLaunch {
  placement: Record<string, TemplateValue>;
  subnets: () => TemplateValue;
  securityGroup: TemplateValue;
  /** On the host's network a task has no interface of its own: RunTask and the service take no network configuration. */
  networkMode: EcsPlan['taskDefinition']['networkMode'];
}

/** What the service must wait for, and the load balancer's parts the tasks accept traffic from. */
interface StackLoadBalancer {
  /** ECS rejects a target group with no load balancer yet, so the service waits for the listeners. */
  listeners: string[];
}

/**
 * ECS on Fargate or on EC2, whole: cluster and capacity, task definition, the service behind its load
 * balancer with auto scaling (or the schedule or rule that runs the task), storage, queues, roles, the
 * image repository, logs and the stopped-task rule, in an existing VPC.
 */
export function addEcsResources(plan: EcsPlan, template: TemplateBuilder): void {
  const references = new StackReferences();
  const vpc = vpcId(template);
  const efs = plan.fileSystem !== null;
  // Declared where first used: a task only ever run by hand needs no subnets from the stack.
  const privateSubnets = () => privateSubnetIds(template, efs ? EFS_SUBNETS_NOTE : '');

  addRepository(template, plan.registry);
  addSecrets(template, references, plan.environment);
  const logGroup = addLogGroup(template, 'LogGroup', plan.logGroup);
  references.provide('log-group', { name: ref(logGroup) });
  if (plan.queues !== null) addQueues(template, references, plan.queues);
  if (plan.objectCreated !== null) addTriggerBucket(template, references, plan.objectCreated.trigger);

  const { networkMode } = plan.taskDefinition;
  if (networkMode === 'host' && plan.capacity === null && plan.managedInstances === null)
    throw new StarterConfigError('a task on the host network needs EC2 instances, and the plan has none');
  // On the host's network the instances' security group is the tasks': the load balancer and EFS admit it.
  const taskSecurityGroup = networkMode === 'host' ? 'InstanceSecurityGroup' : 'TaskSecurityGroup';
  if (networkMode === 'awsvpc') {
    template.resource('TaskSecurityGroup', {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'ECS tasks: inbound only from the load balancer, on the container port',
        VpcId: vpc,
      },
    });
    template.output('TaskSecurityGroupId', {
      Description: 'The security group of the tasks (aws ecs run-task takes it with the private subnets).',
      Value: ref('TaskSecurityGroup'),
    });
  }
  const loadBalancer =
    plan.loadBalancer === null
      ? null
      : addLoadBalancer(template, references, plan.loadBalancer, vpc, taskSecurityGroup);

  const fileSystem: StackFileSystem | null =
    plan.fileSystem === null
      ? null
      : addFileSystem(template, references, plan.fileSystem, {
          vpc,
          privateSubnets: privateSubnets(),
          clientSecurityGroup: ref(taskSecurityGroup),
        });
  // Every private subnet has a mount target, so tasks (and EC2 instances) run in all of them.
  const taskSubnets = privateSubnets;
  // The execution role's designed statement on the credentials secret resolves to the secret the stack is given.
  if (plan.taskDefinition.volume?.kind === 'fsx-windows')
    references.provide('fsx-credentials-secret', { arn: fsxParameters(template).credentialsParameter });
  addRole(template, references, 'ExecutionRole', roleIn(plan.roles, plan.taskDefinition.executionRole.to));
  addRole(template, references, 'TaskRole', roleIn(plan.roles, plan.taskDefinition.taskRole.to));

  const clusterSettings = [{ Name: 'containerInsights', Value: 'enabled' }];
  const { capacity, managedInstances } = plan;
  if (capacity === null && managedInstances === null) {
    template.resource('Cluster', {
      Type: 'AWS::ECS::Cluster',
      Properties: {
        ClusterName: plan.cluster.name,
        ClusterSettings: clusterSettings,
        CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        ...(plan.placement.strategy.length === 0
          ? {}
          : { DefaultCapacityProviderStrategy: capacityProviderStrategy(plan, references) }),
      },
    });
    provideCluster(references);
  } else {
    template.resource('Cluster', {
      Type: 'AWS::ECS::Cluster',
      Properties: { ClusterName: plan.cluster.name, ClusterSettings: clusterSettings },
    });
    provideCluster(references);
    if (capacity !== null) {
      addEc2Capacity(template, references, plan, capacity, vpc, taskSubnets());
      if (plan.domainJoin !== null) addDomainJoin(template, plan.domainJoin);
      template.resource('ClusterCapacityProviders', {
        Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
        Properties: {
          Cluster: ref('Cluster'),
          CapacityProviders: [ref('CapacityProvider')],
          DefaultCapacityProviderStrategy: capacityProviderStrategy(plan, references),
        },
      });
    } else if (managedInstances !== null) {
      // The capacity provider is created in the cluster (ClusterName); the service names it in its strategy.
      addManagedInstancesCapacity(template, references, plan, managedInstances, vpc, taskSubnets());
    }
  }
  template.output('ClusterName', { Description: 'The ECS cluster.', Value: ref('Cluster') });

  addTaskDefinition(template, references, plan);
  if (plan.managedDaemon !== null) addManagedDaemon(template, references, plan, plan.managedDaemon);
  template.output('TaskDefinitionArn', {
    Description: 'The task definition (aws ecs run-task starts it by hand).',
    Value: ref('TaskDefinition'),
  });

  const launch: TaskLaunch = {
    placement: placement(plan, references),
    subnets: taskSubnets,
    securityGroup: ref(taskSecurityGroup),
    networkMode,
  };
  if (plan.service !== null) {
    addService(template, references, plan, plan.service, launch, {
      listeners: loadBalancer?.listeners ?? [],
      mountTargets: fileSystem?.mountTargets ?? [],
    });
    if (plan.scaling !== null) addServiceScaling(template, references, plan.scaling);
  }
  if (plan.daemon !== null) addDaemon(template, references, plan, plan.daemon);
  if (plan.schedule !== null) {
    const { schedule } = plan;
    const role = addRunTaskRole(template, references, schedule.runTask, 'SchedulerRole');
    template.resource('Schedule', {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        Name: schedule.name,
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: schedule.timezone,
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: references.resolve(schedule.runTask.cluster),
          RoleArn: getAtt(role, 'Arn'),
          EcsParameters: ecsParameters(references, schedule.runTask, launch, 'AwsvpcConfiguration'),
          RetryPolicy: { ...schedule.runTask.retry },
        },
      },
    });
  }
  if (plan.objectCreated !== null) {
    const run = plan.objectCreated;
    const role = addRunTaskRole(template, references, run.runTask, 'EventsRole');
    addObjectCreatedRule(template, references, run.trigger, run.description, {
      Id: 'run-task',
      Arn: references.resolve(run.runTask.cluster),
      RoleArn: getAtt(role, 'Arn'),
      EcsParameters: ecsParameters(references, run.runTask, launch, 'AwsVpcConfiguration'),
      InputTransformer: s3EventInputTransformer(run.inputTemplate),
      RetryPolicy: { ...run.runTask.retry },
    });
  }
  if (plan.taskStoppedRule !== null) addTaskStoppedRule(template, references, plan.taskStoppedRule);
}

function provideCluster(references: StackReferences): void {
  references.provide('cluster', { arn: getAtt('Cluster', 'Arn'), name: ref('Cluster') });
}

/** The plan's capacity provider strategy, with the EC2 capacity provider the stack creates. */
function capacityProviderStrategy(plan: EcsPlan, references: StackReferences): TemplateValue[] {
  return plan.placement.strategy.map((item) => ({
    CapacityProvider: references.value(item.capacityProvider),
    Weight: item.weight,
    ...(item.base === undefined ? {} : { Base: item.base }),
  }));
}

function placement(plan: EcsPlan, references: StackReferences): Record<string, TemplateValue> {
  const strategy = capacityProviderStrategy(plan, references);
  return {
    ...(strategy.length > 0
      ? { CapacityProviderStrategy: strategy }
      : { LaunchType: plan.placement.launchType }),
    ...(plan.placement.platformVersion === undefined
      ? {}
      : { PlatformVersion: plan.placement.platformVersion }),
  };
}

/**
 * The EC2 capacity of the cluster: the container instances' role and instance profile, a launch template
 * from the planned ECS-optimized AMI (read from its SSM parameter at deploy time) that joins the cluster, an
 * Auto Scaling group in the task subnets, and the capacity provider that lets ECS scale the group.
 */
function addEc2Capacity(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EcsPlan,
  capacity: Ec2CapacityPlan,
  vpc: TemplateValue,
  subnets: TemplateValue,
): void {
  const [primaryType, ...alternatives] = capacity.instanceTypes;
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
          ? 'ECS container instances: their tasks on the instance network, inbound only from the load balancer'
          : 'ECS container instances: no inbound traffic (tasks have their own network interfaces)',
      VpcId: vpc,
    },
  });
  const instance = instanceType(
    template,
    'InstanceType',
    primaryType,
    'The EC2 instance type of the container instances: the smallest current type that holds one task with room for the agent.',
  );
  const userData =
    capacity.os === 'windows'
      ? WINDOWS_USER_DATA
      : [...LINUX_USER_DATA, ...(capacity.spot ? [SPOT_DRAINING] : []), 'EOF'];
  template.resource('LaunchTemplate', {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: {
      LaunchTemplateData: {
        ImageId: amiId(
          template,
          'AmiId',
          capacity.ami.ssmParameter,
          `The ${capacity.ami.name}, from its public SSM parameter.`,
        ),
        ...(capacity.spot ? {} : { InstanceType: instance }),
        IamInstanceProfile: { Arn: getAtt('InstanceProfile', 'Arn') },
        SecurityGroupIds: [ref('InstanceSecurityGroup')],
        MetadataOptions: METADATA_OPTIONS,
        UserData: base64(sub(`${userData.join('\n')}\n`, { Cluster: ref('Cluster') })),
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: capacity.nameTag }] }],
        ...rootVolumeMapping(plan.scratchDisk.rootVolume),
      },
    },
  });
  const launchTemplate = {
    LaunchTemplateId: ref('LaunchTemplate'),
    Version: getAtt('LaunchTemplate', 'LatestVersionNumber'),
  };
  const { provider } = capacity;
  template.resource('AutoScalingGroup', {
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    Properties: {
      VPCZoneIdentifier: subnets,
      MinSize: '0',
      MaxSize: String(capacity.maxSize),
      ...(provider.managedTerminationProtection === 'ENABLED'
        ? { NewInstancesProtectedFromScaleIn: true }
        : {}),
      ...(capacity.spot
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
  const scaling = provider.managedScaling;
  template.resource('CapacityProvider', {
    Type: 'AWS::ECS::CapacityProvider',
    Properties: {
      AutoScalingGroupProvider: {
        AutoScalingGroupArn: ref('AutoScalingGroup'),
        ManagedScaling: {
          Status: scaling.status,
          TargetCapacity: scaling.targetCapacity,
          ...(scaling.minimumScalingStepSize === undefined
            ? {}
            : { MinimumScalingStepSize: scaling.minimumScalingStepSize }),
          ...(scaling.maximumScalingStepSize === undefined
            ? {}
            : { MaximumScalingStepSize: scaling.maximumScalingStepSize }),
          ...(scaling.instanceWarmupPeriod === undefined
            ? {}
            : { InstanceWarmupPeriod: scaling.instanceWarmupPeriod }),
        },
        ManagedTerminationProtection: provider.managedTerminationProtection,
        ManagedDraining: provider.managedDraining,
      },
    },
  });
  references.provide('capacity-provider', { name: ref('CapacityProvider') });
}

/**
 * The per-host agent: its roles, its task definition on the DaemonImageUri parameter, and the DAEMON service
 * on the EC2 launch type. It waits for the capacity provider association, which cannot be removed while a
 * service still runs on the cluster.
 */
function addDaemon(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EcsPlan,
  daemon: DaemonPlan,
): void {
  addRole(template, references, 'DaemonExecutionRole', roleIn(plan.roles, daemon.executionRole.to));
  addRole(template, references, 'DaemonTaskRole', roleIn(plan.roles, daemon.taskRole.to));
  const { container } = daemon;
  template.resource('DaemonTaskDefinition', {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Family: daemon.family,
      RequiresCompatibilities: ['EC2'],
      RuntimePlatform: {
        OperatingSystemFamily: daemon.operatingSystemFamily,
        CpuArchitecture: daemon.cpuArchitecture,
      },
      ExecutionRoleArn: references.resolve(daemon.executionRole),
      TaskRoleArn: references.resolve(daemon.taskRole),
      ContainerDefinitions: [
        {
          Name: container.name,
          Image: daemonImageUri(template),
          Essential: true,
          Cpu: container.cpu,
          Memory: container.memory,
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: {
              'awslogs-group': references.resolve(container.logGroup),
              'awslogs-region': ref('AWS::Region'),
              'awslogs-stream-prefix': container.streamPrefix,
            },
          },
        },
      ],
    },
  });
  template.resource('DaemonService', {
    Type: 'AWS::ECS::Service',
    DependsOn: ['ClusterCapacityProviders'],
    Properties: {
      ServiceName: daemon.serviceName,
      Cluster: ref('Cluster'),
      TaskDefinition: ref('DaemonTaskDefinition'),
      SchedulingStrategy: 'DAEMON',
      LaunchType: 'EC2',
      PropagateTags: 'SERVICE',
      EnableECSManagedTags: true,
    },
  });
  template.output('DaemonServiceName', {
    Description: 'The DAEMON service that runs the per-host agent on every container instance.',
    Value: getAtt('DaemonService', 'Name'),
  });
}

/** The State Manager association that joins every container instance, found by its Name tag, to the directory. */
function addDomainJoin(template: TemplateBuilder, domainJoin: DomainJoinPlan): void {
  const directory = activeDirectoryParameters(template);
  template.resource('DomainJoinAssociation', {
    Type: 'AWS::SSM::Association',
    Properties: {
      Name: domainJoin.document,
      AssociationName: domainJoin.associationName,
      Parameters: {
        directoryId: [directory.directoryId],
        directoryName: [directory.domain],
        dnsIpAddresses: directory.dnsIpAddresses,
      },
      Targets: [{ Key: `tag:${domainJoin.target.tagKey}`, Values: [domainJoin.target.tagValue] }],
    },
  });
}

/** The planned task definition on the stack's image parameter, roles, log group, queue and volumes. */
function addTaskDefinition(template: TemplateBuilder, references: StackReferences, plan: EcsPlan): void {
  const { taskDefinition } = plan;
  template.resource('TaskDefinition', {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Family: taskDefinition.family,
      NetworkMode: taskDefinition.networkMode,
      RequiresCompatibilities: [taskDefinition.compatibility],
      Cpu: taskDefinition.cpu,
      Memory: taskDefinition.memory,
      RuntimePlatform: {
        OperatingSystemFamily: taskDefinition.operatingSystemFamily,
        CpuArchitecture: taskDefinition.cpuArchitecture,
      },
      ExecutionRoleArn: references.resolve(taskDefinition.executionRole),
      TaskRoleArn: references.resolve(taskDefinition.taskRole),
      ContainerDefinitions: [containerDefinition(template, references, taskDefinition.container)],
      ...volumes(template, references, plan),
      ...(plan.scratchDisk.taskSizeInGiB === null
        ? {}
        : { EphemeralStorage: { SizeInGiB: plan.scratchDisk.taskSizeInGiB } }),
    },
  });
  references.provide('task-definition', { arn: ref('TaskDefinition') });
}

function containerDefinition(
  template: TemplateBuilder,
  references: StackReferences,
  container: ContainerPlan,
): TemplateValue {
  const { portMappings, healthCheck } = container;
  return {
    Name: container.name,
    Image: imageUri(template, container.imageFromRequest),
    Essential: true,
    ...(portMappings.length === 0
      ? {}
      : {
          PortMappings: portMappings.map((mapping) => ({
            Name: mapping.name,
            ContainerPort: mapping.containerPort,
            ...(mapping.hostPort === undefined ? {} : { HostPort: mapping.hostPort }),
            Protocol: mapping.protocol,
          })),
        }),
    ...(container.environment.length === 0
      ? {}
      : {
          Environment: container.environment.map(({ name, value }) => ({
            Name: name,
            Value: references.value(value),
          })),
        }),
    ...(container.secrets.length === 0
      ? {}
      : {
          Secrets: container.secrets.map(({ name, valueFrom }) => ({
            Name: name,
            ValueFrom: references.resolve(valueFrom),
          })),
        }),
    LogConfiguration: {
      LogDriver: 'awslogs',
      Options: {
        'awslogs-group': references.resolve(container.logGroup),
        'awslogs-region': ref('AWS::Region'),
        'awslogs-stream-prefix': container.streamPrefix,
      },
    },
    ...(healthCheck === undefined
      ? {}
      : {
          HealthCheck: {
            Command: [...healthCheck.command],
            Interval: healthCheck.interval,
            Timeout: healthCheck.timeout,
            Retries: healthCheck.retries,
            StartPeriod: healthCheck.startPeriod,
          },
        }),
    ...(container.mountPath === undefined
      ? {}
      : {
          MountPoints: [
            { SourceVolume: DATA_VOLUME_NAME, ContainerPath: container.mountPath, ReadOnly: false },
          ],
        }),
    ...(container.gpus === undefined
      ? {}
      : { ResourceRequirements: [{ Type: 'GPU', Value: String(container.gpus) }] }),
    ...(container.privileged ? { Privileged: true } : {}),
    ...(container.addedCapabilities.length === 0
      ? {}
      : { LinuxParameters: { Capabilities: { Add: [...container.addedCapabilities] } } }),
    ...(container.containerSize === undefined
      ? {}
      : { Cpu: container.containerSize.cpu, Memory: container.containerSize.memory }),
  };
}

function volumes(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EcsPlan,
): Record<string, TemplateValue> {
  const volume = plan.taskDefinition.volume;
  switch (volume?.kind) {
    case 'efs':
      return {
        Volumes: [
          {
            Name: DATA_VOLUME_NAME,
            EFSVolumeConfiguration: {
              FilesystemId: references.resolve(volume.fileSystemId),
              TransitEncryption: 'ENABLED',
              AuthorizationConfig: {
                AccessPointId: references.resolve(volume.accessPointId),
                IAM: 'ENABLED',
              },
            },
          },
        ],
      };
    case 'ebs':
      return { Volumes: [{ Name: DATA_VOLUME_NAME, ConfiguredAtLaunch: true }] };
    case 'fsx-windows': {
      const fsx = fsxParameters(template);
      return {
        Volumes: [
          {
            Name: DATA_VOLUME_NAME,
            FSxWindowsFileServerVolumeConfiguration: {
              FileSystemId: fsx.fileSystemId,
              RootDirectory: volume.rootDirectory,
              AuthorizationConfig: {
                CredentialsParameter: references.resolve(volume.credentials),
                Domain: fsx.domain,
              },
            },
          },
        ],
      };
    }
    default:
      return {};
  }
}

/** The ECS service: rollback on failed deployments, private networking, the load balancer. */
function addService(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EcsPlan,
  service: ServicePlan,
  launch: TaskLaunch,
  waitFor: { listeners: string[]; mountTargets: string[] },
): void {
  const volume = service.ebsVolume;
  if (volume !== null) addRole(template, references, 'VolumeRole', roleIn(plan.roles, volume.role.to));
  template.resource('Service', {
    Type: 'AWS::ECS::Service',
    DependsOn: [
      ...waitFor.listeners,
      ...waitFor.mountTargets,
      ...(plan.capacity === null ? [] : ['ClusterCapacityProviders']),
      // Managed instances start the agent before any task, so the daemon exists before the service's first task.
      ...(plan.managedDaemon === null ? [] : ['Daemon']),
    ],
    Properties: {
      ServiceName: service.name,
      Cluster: ref('Cluster'),
      TaskDefinition: ref('TaskDefinition'),
      DesiredCount: service.desiredCount,
      ...launch.placement,
      ...(launch.networkMode === 'awsvpc'
        ? {
            NetworkConfiguration: {
              AwsvpcConfiguration: {
                Subnets: launch.subnets(),
                SecurityGroups: [launch.securityGroup],
                AssignPublicIp: 'DISABLED',
              },
            },
          }
        : {}),
      ...(service.distinctInstances ? { PlacementConstraints: [{ Type: 'distinctInstance' }] } : {}),
      DeploymentConfiguration: {
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MaximumPercent: 200,
        MinimumHealthyPercent: 100,
      },
      PropagateTags: 'SERVICE',
      EnableECSManagedTags: true,
      ...(service.loadBalancer === null
        ? {}
        : {
            LoadBalancers: [
              {
                TargetGroupArn: references.resolve(service.loadBalancer.targetGroup),
                ContainerName: service.loadBalancer.containerName,
                ContainerPort: service.loadBalancer.containerPort,
              },
            ],
            HealthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
          }),
      ...(volume === null
        ? {}
        : {
            VolumeConfigurations: [
              {
                Name: DATA_VOLUME_NAME,
                ManagedEBSVolume: {
                  ...(volume.sizeInGiB === undefined ? {} : { SizeInGiB: volume.sizeInGiB }),
                  VolumeType: volume.volumeType,
                  Encrypted: volume.encrypted,
                  FilesystemType: volume.filesystemType,
                  RoleArn: references.resolve(volume.role),
                },
              },
            ],
          }),
    },
  });
  references.provide('service', { name: getAtt('Service', 'Name') });
  template.output('ServiceName', { Description: 'The ECS service.', Value: getAtt('Service', 'Name') });
}

/** The Application Auto Scaling target and policy, on the stack's service (and, for backlog, its queue). */
function addServiceScaling(
  template: TemplateBuilder,
  references: StackReferences,
  scaling: ServiceScalingPlan,
): void {
  template.resource('ScalableTarget', {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: join('/', [
        'service',
        references.resolve(scaling.clusterName),
        references.resolve(scaling.serviceName),
      ]),
      MinCapacity: scaling.minCapacity,
      MaxCapacity: scaling.maxCapacity,
      // The service-linked role Application Auto Scaling creates for ECS; named, because some Regions require it.
      RoleARN: sub(
        `arn:${subVariable('AWS::Partition')}:iam::${subVariable('AWS::AccountId')}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`,
      ),
    },
  });
  const { metric } = scaling;
  const configuration: Record<string, TemplateValue> = { TargetValue: scaling.targetValue };
  if (scaling.scaleOutCooldown !== undefined) configuration.ScaleOutCooldown = scaling.scaleOutCooldown;
  if (scaling.scaleInCooldown !== undefined) configuration.ScaleInCooldown = scaling.scaleInCooldown;
  if (metric.kind === 'predefined') {
    configuration.PredefinedMetricSpecification = { PredefinedMetricType: metric.type };
  } else {
    configuration.CustomizedMetricSpecification = {
      Metrics: backlogPerTaskQueries(metric, (value) => references.value(value)),
    };
  }
  template.resource('ScalingPolicy', {
    Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    Properties: {
      PolicyName: scaling.policyName,
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref('ScalableTarget'),
      TargetTrackingScalingPolicyConfiguration: configuration,
    },
  });
}

/** RunTask's parameters; EventBridge and EventBridge Scheduler spell the VPC configuration differently. */
function ecsParameters(
  references: StackReferences,
  runTask: RunTaskPlan,
  launch: TaskLaunch,
  vpcConfigurationName: 'AwsvpcConfiguration' | 'AwsVpcConfiguration',
): TemplateValue {
  return {
    TaskDefinitionArn: references.resolve(runTask.taskDefinition),
    TaskCount: 1,
    ...launch.placement,
    ...(launch.networkMode === 'awsvpc'
      ? {
          NetworkConfiguration: {
            [vpcConfigurationName]: {
              Subnets: launch.subnets(),
              SecurityGroups: [launch.securityGroup],
              AssignPublicIp: 'DISABLED',
            },
          },
        }
      : {}),
    Group: runTask.group,
    EnableECSManagedTags: true,
    PropagateTags: 'TASK_DEFINITION',
  };
}

/**
 * The role EventBridge (Scheduler) starts the task with, named and trusted as planned, with its permissions
 * pointed at the stack's task definition, cluster and task roles.
 */
function addRunTaskRole(
  template: TemplateBuilder,
  references: StackReferences,
  runTask: RunTaskPlan,
  logicalId: string,
): string {
  return addRole(
    template,
    references,
    logicalId,
    { ...runTask.role, statements: [] },
    {
      extraStatements: [
        { Effect: 'Allow', Action: ['ecs:RunTask'], Resource: [references.resolve(runTask.taskDefinition)] },
        {
          Effect: 'Allow',
          Action: ['ecs:TagResource'],
          Resource: [
            sub(
              `arn:${subVariable('AWS::Partition')}:ecs:${subVariable('AWS::Region')}:${subVariable('AWS::AccountId')}:task/${subVariable('Cluster')}/*`,
            ),
          ],
        },
        {
          Effect: 'Allow',
          Action: ['iam:PassRole'],
          Resource: runTask.passRoles.map((role) => references.resolve(role)),
        },
      ],
    },
  );
}

/**
 * The designed load balancer in front of the service: its security group (open on the listener ports), an
 * IP target group on the container port, and one listener per designed listener. A TLS listener always
 * needs the CertificateArn parameter: without a certificate the stack does not deploy, rather than serve
 * an HTTPS or TLS workload in plain text.
 */
function addLoadBalancer(
  template: TemplateBuilder,
  references: StackReferences,
  loadBalancer: LoadBalancerPlan,
  vpc: TemplateValue,
  /** The tasks' security group, or on the host's network the instances'. */
  targetSecurityGroup: string,
): StackLoadBalancer {
  const { targetGroup, internal } = loadBalancer;
  const alb = loadBalancer.type === 'alb';
  const tls = loadBalancer.listeners.some(
    (listener) => listener.protocol === 'HTTPS' || listener.protocol === 'TLS',
  );
  const certificate = tls ? certificateArn(template) : null;
  const clients = loadBalancer.clients === 'vpc' ? vpcCidr(template) : ANYWHERE_IPV4;

  template.resource('LoadBalancerSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `${internal ? 'Internal' : 'Internet-facing'} load balancer: the listener ports`,
      VpcId: vpc,
      SecurityGroupIngress: loadBalancer.listeners.map((listener) => ({
        Description: `${listener.protocol} on ${listener.port}`,
        IpProtocol: listener.protocol === 'UDP' ? 'udp' : 'tcp',
        FromPort: listener.port,
        ToPort: listener.port,
        CidrIp: clients,
      })),
    },
  });
  template.resource('LoadBalancer', {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      Type: alb ? 'application' : 'network',
      Scheme: internal ? 'internal' : 'internet-facing',
      Subnets: internal ? privateSubnetIds(template) : publicSubnetIds(template),
      SecurityGroups: [ref('LoadBalancerSecurityGroup')],
      ...(alb
        ? {
            LoadBalancerAttributes: [
              { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
            ],
          }
        : {}),
    },
  });
  const attributes = [
    { Key: 'deregistration_delay.timeout_seconds', Value: DEREGISTRATION_DELAY_SECONDS },
    ...(targetGroup.stickiness === null ? [] : stickinessAttributes(targetGroup.stickiness)),
  ];
  const matcher = Object.entries(targetGroup.matcher);
  template.resource('TargetGroup', {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: {
      VpcId: vpc,
      TargetType: targetGroup.targetType,
      Protocol: targetGroup.protocol,
      Port: targetGroup.port,
      ...(targetGroup.protocolVersion === undefined ? {} : { ProtocolVersion: targetGroup.protocolVersion }),
      ...(targetGroup.healthCheckProtocol === undefined
        ? {}
        : { HealthCheckProtocol: targetGroup.healthCheckProtocol }),
      // CloudFormation takes the port as a string ("traffic-port" is its default).
      ...(targetGroup.healthCheckPort === undefined
        ? {}
        : { HealthCheckPort: String(targetGroup.healthCheckPort) }),
      ...(targetGroup.healthCheckPath === undefined ? {} : { HealthCheckPath: targetGroup.healthCheckPath }),
      ...(matcher.length === 0 ? {} : { Matcher: Object.fromEntries(matcher) }),
      TargetGroupAttributes: attributes,
    },
  });
  references.provide('target-group', { arn: ref('TargetGroup') });
  const listeners = loadBalancer.listeners.map((listener) => addListener(template, listener, certificate));
  addLoadBalancerOutputs(template, alb, tls);
  const ingress = (logicalId: string, protocol: 'tcp' | 'udp', port: number, what: string) =>
    template.resource(logicalId, {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: ref(targetSecurityGroup),
        Description: `${protocol.toUpperCase()} on the ${what}, from the load balancer`,
        IpProtocol: protocol,
        FromPort: port,
        ToPort: port,
        SourceSecurityGroupId: ref('LoadBalancerSecurityGroup'),
      },
    });
  const udp = targetGroup.protocol === 'UDP';
  ingress('TaskIngressFromLoadBalancer', udp ? 'udp' : 'tcp', targetGroup.port, 'container port');
  // The NLB checks a UDP target's health over TCP: on the same port, unless the health-check port is another.
  const healthCheckPort = targetGroup.healthCheckPort ?? targetGroup.port;
  if (udp || healthCheckPort !== targetGroup.port)
    ingress('TaskIngressFromLoadBalancerHealthCheck', 'tcp', healthCheckPort, 'health-check port');
  return { listeners };
}

/** Adds one listener and gives its logical id. */
function addListener(
  template: TemplateBuilder,
  listener: LoadBalancerPlan['listeners'][number],
  certificate: TemplateValue | null,
): string {
  const logicalId = `Listener${listener.protocol}${listener.port}`;
  const forward = [{ Type: 'forward', TargetGroupArn: ref('TargetGroup') }];
  const redirect = [
    { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
  ];
  const certificates = certificate === null ? [] : [{ CertificateArn: certificate }];
  const common = { LoadBalancerArn: ref('LoadBalancer'), Port: listener.port };
  const tls: Record<string, TemplateValue> =
    listener.protocol === 'HTTPS' || listener.protocol === 'TLS'
      ? { Certificates: certificates, SslPolicy: TLS_POLICY }
      : {};
  template.resource(logicalId, {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      ...common,
      Protocol: listener.protocol,
      ...tls,
      DefaultActions: listener.action === 'redirect-to-https' ? redirect : forward,
    },
  });
  return logicalId;
}

function addLoadBalancerOutputs(template: TemplateBuilder, alb: boolean, tls: boolean): void {
  const dnsName = getAtt('LoadBalancer', 'DNSName');
  template.output('LoadBalancerDNSName', {
    Description: 'The load balancer: point your domain (a CNAME or Route 53 alias) at this name.',
    Value: dnsName,
  });
  if (!alb) return;
  template.output('ServiceUrl', {
    Description: 'The service, through the load balancer (TLS is valid for your domain, not for this name).',
    Value: join('', [tls ? 'https://' : 'http://', dnsName]),
  });
}

/** The container instances' root volume, enlarged for the tasks' scratch disk (plan.scratchDisk). */
function rootVolumeMapping(volume: EcsPlan['scratchDisk']['rootVolume']): Record<string, unknown> {
  if (volume === null) return {};
  return {
    BlockDeviceMappings: [
      {
        DeviceName: volume.deviceName,
        Ebs: { VolumeSize: volume.sizeGiB, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true },
      },
    ],
  };
}

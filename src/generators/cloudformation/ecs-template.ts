import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ServiceScaling } from '../ecs/scaling';
import { scalingFile } from '../ecs/scaling';
import { ebsVolumeRole, runsAsService } from '../ecs/service';
import { DATA_VOLUME_NAME, taskDefinitionFile } from '../ecs/task-definition';
import { isFargate, logGroupName } from '../ecs/task-placement';
import { s3RuleTrigger } from '../ecs/triggers';
import { StarterConfigError } from '../shared/starter-config-error';
import type { StarterConfigInput } from '../shared/starter-file';
import { addEc2Capacity } from './ecs-capacity';
import { addLoadBalancer, type StackLoadBalancer } from './ecs-load-balancer';
import { addTaskTriggers, type TaskLaunch } from './ecs-triggers';
import { addFileSystem, type StackFileSystem } from './file-system';
import { addRole } from './iam';
import { getAtt, join, ref, sub, subVariable, type TemplateValue } from './intrinsics';
import { addLogGroup } from './log-group';
import { bucketName, fsxParameters, imageUri, privateSubnetIds, vpcId } from './parameters';
import { pascalCaseProperties } from './property-names';
import { addQueues, type StackQueue } from './queues';
import { addRepository } from './registry';
import { stackResourceArns } from './resource-arns';
import { addTaskStoppedRule } from './task-stopped-rule';
import type { TemplateBuilder } from './template';

/** Long enough for a typical app to start before failed load-balancer health checks count against it. */
const HEALTH_CHECK_GRACE_PERIOD_SECONDS = 60;

/**
 * ECS on Fargate or on EC2, whole: cluster and capacity, task definition, the service behind its load
 * balancer with auto scaling (or the schedule or rule that runs the task), storage, queues, roles, the
 * image repository, logs and the stopped-task rule, in an existing VPC.
 */
export function addEcsResources(template: TemplateBuilder, input: StarterConfigInput): void {
  const { workload, facts, design } = input;
  const fargate = isFargate(input);
  const vpc = vpcId(template);
  const efs = design.storage.type === 'efs';
  // Declared where first used: a task only ever run by hand needs no subnets from the stack.
  const privateSubnets = () =>
    privateSubnetIds(
      template,
      efs ? ' The tasks run in the first two listed, where the EFS file system has its mount targets.' : '',
    );

  addRepository(template, input);
  const logGroup = addLogGroup(template, 'LogGroup', logGroupName(input));
  const queue = addQueues(template, input, null);
  const bucket =
    s3RuleTrigger(input) !== undefined ? bucketName(template, workload.trigger?.bucket ?? '') : null;

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
  const loadBalancer = runsAsService(input) ? addLoadBalancer(template, input, vpc) : null;
  if (loadBalancer !== null) addTaskIngress(template, input, loadBalancer);

  const fileSystem = efs
    ? addFileSystem(template, input, vpc, privateSubnets(), ref('TaskSecurityGroup'))
    : null;
  // Tasks (and, on EC2, the instances their network interfaces attach to) run where they can mount the file system.
  const taskSubnets = () => (fileSystem === null ? privateSubnets() : fileSystem.subnets);
  const resourceArns = stackResourceArns(input, { queue, fileSystem: fileSystem !== null, bucket });
  const fsx = design.storage.type === 'fsx-windows' ? fsxParameters(template) : null;
  addRole(template, 'ExecutionRole', design.iam.executionRole, resourceArns, {
    ...(fsx === null
      ? {}
      : {
          extraStatements: [
            {
              Effect: 'Allow',
              Action: ['secretsmanager:GetSecretValue', 'ssm:GetParameters'],
              Resource: [fsx.credentialsParameter],
            },
          ],
        }),
  });
  addRole(template, 'TaskRole', design.iam.taskRole, resourceArns);

  const clusterSettings = [{ Name: 'containerInsights', Value: 'enabled' }];
  const strategy = design.scaling.capacityProviderStrategy ?? [];
  let capacityProvider: string | null = null;
  if (fargate) {
    template.resource('Cluster', {
      Type: 'AWS::ECS::Cluster',
      Properties: {
        ClusterName: facts.runtime.clusterName,
        ClusterSettings: clusterSettings,
        CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        ...(strategy.length === 0
          ? {}
          : { DefaultCapacityProviderStrategy: capacityProviderStrategy(input, null) }),
      },
    });
  } else {
    template.resource('Cluster', {
      Type: 'AWS::ECS::Cluster',
      Properties: { ClusterName: facts.runtime.clusterName, ClusterSettings: clusterSettings },
    });
    capacityProvider = addEc2Capacity(template, input, vpc, taskSubnets(), resourceArns);
    template.resource('ClusterCapacityProviders', {
      Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
      Properties: {
        Cluster: ref('Cluster'),
        CapacityProviders: [ref(capacityProvider)],
        DefaultCapacityProviderStrategy: capacityProviderStrategy(input, capacityProvider),
      },
    });
  }
  template.output('ClusterName', { Description: 'The ECS cluster.', Value: ref('Cluster') });

  addTaskDefinition(template, input, { queue, fileSystem, logGroup, fsx });
  template.output('TaskDefinitionArn', {
    Description: 'The task definition (aws ecs run-task starts it by hand).',
    Value: ref('TaskDefinition'),
  });

  const launch: TaskLaunch = {
    placement: placement(input, capacityProvider),
    subnets: taskSubnets,
    securityGroup: ref('TaskSecurityGroup'),
  };
  if (runsAsService(input)) {
    addService(template, input, launch, { loadBalancer, fileSystem, capacityProvider });
    addServiceScaling(template, input, queue);
  }
  addTaskTriggers(template, input, launch);
  const monitoring = design.monitoring[0];
  if (monitoring !== undefined) addTaskStoppedRule(template, input, monitoring, getAtt('Cluster', 'Arn'));
}

function addTaskIngress(
  template: TemplateBuilder,
  input: StarterConfigInput,
  loadBalancer: StackLoadBalancer,
): void {
  const port = input.workload.containerPort ?? 0;
  loadBalancer.targetProtocols.forEach((protocol, index) => {
    template.resource(`TaskIngressFromLoadBalancer${index === 0 ? '' : protocol.toUpperCase()}`, {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: ref('TaskSecurityGroup'),
        Description: `${protocol.toUpperCase()} on the container port, from the load balancer`,
        IpProtocol: protocol,
        FromPort: port,
        ToPort: port,
        SourceSecurityGroupId: ref(loadBalancer.securityGroup),
      },
    });
  });
}

interface TaskDefinitionResources {
  queue: StackQueue | null;
  fileSystem: StackFileSystem | null;
  logGroup: string;
  fsx: ReturnType<typeof fsxParameters> | null;
}

/**
 * The task definition of ecs/task-definition.json (size, runtime platform, container, health check),
 * pointed at the stack's image parameter, roles, log group, queue and volumes.
 */
function addTaskDefinition(
  template: TemplateBuilder,
  input: StarterConfigInput,
  resources: TaskDefinitionResources,
): void {
  const request = JSON.parse(taskDefinitionFile(input).content) as RegisterTaskDefinitionCommandInput;
  const [container] = request.containerDefinitions ?? [];
  if (container === undefined) throw new StarterConfigError('ecs/task-definition.json has no container');
  template.resource('TaskDefinition', {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Family: request.family ?? input.workload.name,
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: request.requiresCompatibilities ?? [],
      ...(request.cpu === undefined ? {} : { Cpu: request.cpu }),
      ...(request.memory === undefined ? {} : { Memory: request.memory }),
      ...(request.runtimePlatform === undefined
        ? {}
        : { RuntimePlatform: pascalCaseProperties(request.runtimePlatform) }),
      ExecutionRoleArn: getAtt('ExecutionRole', 'Arn'),
      TaskRoleArn: getAtt('TaskRole', 'Arn'),
      ContainerDefinitions: [containerDefinition(template, input, container, resources)],
      ...volumes(input, resources),
    },
  });
}

function containerDefinition(
  template: TemplateBuilder,
  input: StarterConfigInput,
  container: ContainerDefinition,
  resources: TaskDefinitionResources,
): TemplateValue {
  const definition = pascalCaseProperties(container, new Set(['Options'])) as Record<string, TemplateValue>;
  definition.Image = imageUri(template, input.workload.image);
  definition.LogConfiguration = {
    LogDriver: 'awslogs',
    Options: {
      'awslogs-group': ref(resources.logGroup),
      'awslogs-region': ref('AWS::Region'),
      'awslogs-stream-prefix': 'ecs',
    },
  };
  if (resources.queue !== null && container.environment?.some((variable) => variable.name === 'QUEUE_NAME')) {
    definition.Environment = [{ Name: 'QUEUE_NAME', Value: resources.queue.name }];
  }
  return definition;
}

function volumes(
  input: StarterConfigInput,
  resources: TaskDefinitionResources,
): Record<string, TemplateValue> {
  switch (input.design.storage.type) {
    case 'efs':
      if (resources.fileSystem === null) return {};
      return {
        Volumes: [
          {
            Name: DATA_VOLUME_NAME,
            EFSVolumeConfiguration: {
              FilesystemId: resources.fileSystem.fileSystemId,
              TransitEncryption: 'ENABLED',
              AuthorizationConfig: { AccessPointId: resources.fileSystem.accessPointId, IAM: 'ENABLED' },
            },
          },
        ],
      };
    case 'ebs':
      return { Volumes: [{ Name: DATA_VOLUME_NAME, ConfiguredAtLaunch: true }] };
    case 'fsx-windows':
      if (resources.fsx === null) return {};
      return {
        Volumes: [
          {
            Name: DATA_VOLUME_NAME,
            FSxWindowsFileServerVolumeConfiguration: {
              FileSystemId: resources.fsx.fileSystemId,
              RootDirectory: 'share',
              AuthorizationConfig: {
                CredentialsParameter: resources.fsx.credentialsParameter,
                Domain: resources.fsx.domain,
              },
            },
          },
        ],
      };
    default:
      return {};
  }
}

/** The design's capacity provider strategy, with the EC2 capacity provider the stack creates. */
function capacityProviderStrategy(
  input: StarterConfigInput,
  capacityProvider: string | null,
): TemplateValue[] {
  return (input.design.scaling.capacityProviderStrategy ?? []).map((item) => ({
    CapacityProvider:
      capacityProvider === null ? (item.capacityProvider ?? 'FARGATE') : ref(capacityProvider),
    ...(item.weight === undefined ? {} : { Weight: item.weight }),
    ...(item.base === undefined ? {} : { Base: item.base }),
  }));
}

function placement(
  input: StarterConfigInput,
  capacityProvider: string | null,
): Record<string, TemplateValue> {
  const strategy = capacityProviderStrategy(input, capacityProvider);
  const fargate = isFargate(input);
  return {
    ...(strategy.length > 0
      ? { CapacityProviderStrategy: strategy }
      : { LaunchType: fargate ? 'FARGATE' : 'EC2' }),
    // LATEST is 1.4.0 or later, which EFS and EBS volumes need.
    ...(fargate ? { PlatformVersion: 'LATEST' } : {}),
  };
}

interface ServiceDependencies {
  loadBalancer: StackLoadBalancer | null;
  fileSystem: StackFileSystem | null;
  capacityProvider: string | null;
}

/** The ECS service of ecs/service.json: rollback on failed deployments, private networking, the load balancer. */
function addService(
  template: TemplateBuilder,
  input: StarterConfigInput,
  launch: TaskLaunch,
  { loadBalancer, fileSystem, capacityProvider }: ServiceDependencies,
): void {
  const { workload, design } = input;
  const volumeRole = ebsVolumeRole(input);
  if (volumeRole !== null) addRole(template, 'VolumeRole', volumeRole, new Map());
  const details = design.storage.details ?? {};
  template.resource('Service', {
    Type: 'AWS::ECS::Service',
    DependsOn: [
      ...(loadBalancer?.listeners ?? []),
      ...(fileSystem?.mountTargets ?? []),
      ...(capacityProvider === null ? [] : ['ClusterCapacityProviders']),
    ],
    Properties: {
      ServiceName: workload.name,
      Cluster: ref('Cluster'),
      TaskDefinition: ref('TaskDefinition'),
      DesiredCount: design.scaling.minCapacity,
      ...launch.placement,
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          Subnets: launch.subnets(),
          SecurityGroups: [launch.securityGroup],
          AssignPublicIp: 'DISABLED',
        },
      },
      DeploymentConfiguration: {
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MaximumPercent: 200,
        MinimumHealthyPercent: 100,
      },
      PropagateTags: 'SERVICE',
      EnableECSManagedTags: true,
      ...(loadBalancer === null || workload.containerPort === undefined
        ? {}
        : {
            LoadBalancers: [
              {
                TargetGroupArn: ref(loadBalancer.targetGroup),
                ContainerName: workload.name,
                ContainerPort: workload.containerPort,
              },
            ],
            HealthCheckGracePeriodSeconds: HEALTH_CHECK_GRACE_PERIOD_SECONDS,
          }),
      ...(volumeRole === null
        ? {}
        : {
            VolumeConfigurations: [
              {
                Name: DATA_VOLUME_NAME,
                ManagedEBSVolume: {
                  ...(design.storage.sizeGiB === undefined ? {} : { SizeInGiB: design.storage.sizeGiB }),
                  VolumeType: typeof details.volumeType === 'string' ? details.volumeType : 'gp3',
                  Encrypted: details.encrypted !== false,
                  FilesystemType: details.filesystemType === 'xfs' ? 'xfs' : 'ext4',
                  RoleArn: getAtt('VolumeRole', 'Arn'),
                },
              },
            ],
          }),
    },
  });
  template.output('ServiceName', { Description: 'The ECS service.', Value: getAtt('Service', 'Name') });
}

/**
 * The Application Auto Scaling target and policy of ecs/scaling.json, on the stack's service; a backlog
 * policy reads the stack's queue, whatever it is named.
 */
function addServiceScaling(
  template: TemplateBuilder,
  input: StarterConfigInput,
  queue: StackQueue | null,
): void {
  const file = scalingFile(input);
  if (file === null) return;
  const scaling = JSON.parse(file.content) as ServiceScaling;
  const { registerScalableTarget: target, putScalingPolicy: policy } = scaling;
  template.resource('ScalableTarget', {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: join('/', ['service', ref('Cluster'), getAtt('Service', 'Name')]),
      MinCapacity: target.MinCapacity ?? input.design.scaling.minCapacity,
      MaxCapacity: target.MaxCapacity ?? input.design.scaling.maxCapacity,
      // The service-linked role Application Auto Scaling creates for ECS; named, because some Regions require it.
      RoleARN: sub(
        `arn:${subVariable('AWS::Partition')}:iam::${subVariable('AWS::AccountId')}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`,
      ),
    },
  });
  const configuration = pascalCaseProperties(policy.TargetTrackingScalingPolicyConfiguration ?? {});
  template.resource('ScalingPolicy', {
    Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    Properties: {
      PolicyName: policy.PolicyName ?? `${input.workload.name}-scaling`,
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref('ScalableTarget'),
      TargetTrackingScalingPolicyConfiguration: withStackDimensions(configuration, queue),
    },
  });
}

/** Points the metric dimensions of a customized metric at the stack's queue, cluster and service. */
function withStackDimensions(value: TemplateValue, queue: StackQueue | null): TemplateValue {
  if (Array.isArray(value)) return value.map((item) => withStackDimensions(item, queue));
  if (typeof value !== 'object' || value === null) return value;
  if ('Name' in value && 'Value' in value && typeof value.Name === 'string') {
    const stackValue: Record<string, TemplateValue> = {
      QueueName: queue?.name ?? value.Value,
      ClusterName: ref('Cluster'),
      ServiceName: getAtt('Service', 'Name'),
    };
    return { Name: value.Name, Value: stackValue[value.Name] ?? value.Value };
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withStackDimensions(item, queue)]),
  );
}

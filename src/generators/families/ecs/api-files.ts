import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
  TargetTrackingScalingPolicyConfiguration,
} from '@aws-sdk/client-application-auto-scaling';
import type {
  ContainerDefinition,
  CreateCapacityProviderCommandInput,
  CreateServiceCommandInput,
  RegisterTaskDefinitionCommandInput,
  Volume,
} from '@aws-sdk/client-ecs';
import type { components } from '../../../contract/generated/openapi-types';
import { fileSystemSteps } from '../../plan/file-system/api-files';
import { createLogGroupCommand, putRetentionPolicyCommand } from '../../plan/log-group/api-files';
import { objectCreatedRule } from '../../plan/object-created-trigger/api-files';
import { s3EventInputTransformer } from '../../plan/object-created-trigger/plan';
import { sqsQueueSteps, sqsQueuesFile } from '../../plan/queues/api-files';
import { apiValue } from '../../plan/reference';
import { taskStoppedRuleFile, taskStoppedRuleSteps } from '../../plan/task-stopped-rule/api-files';
import type { CreateScheduleInput, EcsParameters } from '../../shared/eventbridge-shapes';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { rootVolumeReason } from '../../shared/scratch-disk';
import { jsonFile } from '../../shared/serialize';
import type { CreateAssociationInput } from '../../shared/ssm-shapes';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { DescribedFile } from '../../shared/starter-file';
import { stickinessAttributes } from '../../shared/target-group-stickiness';
import { backlogPerTaskQueries } from './backlog-metric';
import {
  daemonFile,
  daemonTaskDefinitionFile,
  managedInstancesCapacityProviderFile,
} from './managed-instances-api-files';
import {
  ANYWHERE_IPV4,
  type CapacityProviderPlan,
  type ContainerPlan,
  DATA_VOLUME_NAME,
  type DaemonPlan,
  type DomainJoinPlan,
  type EcsPlan,
  type ObjectCreatedRunPlan,
  type PlacementPlan,
  type RunTaskPlan,
  type SchedulePlan,
  type ServicePlan,
  type ServiceScalingPlan,
  type VolumePlan,
} from './plan';
import { STEPS } from './steps';

type Listener = components['schemas']['Listener'];

/** The two Application Auto Scaling calls that scale the service: the target, then its policy. */
export interface ServiceScaling {
  registerScalableTarget: RegisterScalableTargetCommandInput;
  putScalingPolicy: PutScalingPolicyCommandInput;
}

/** The task definition, and whatever creates capacity for it, feeds it and runs it. */
export function ecsFiles(plan: EcsPlan): DescribedFile[] {
  const files = [taskDefinitionFile(plan)];
  if (plan.capacity?.provider.designed === true) files.push(capacityProviderFile(plan.capacity.provider));
  if (plan.domainJoin !== null) files.push(domainJoinAssociationFile(plan.domainJoin));
  if (plan.managedInstances !== null) files.push(managedInstancesCapacityProviderFile(plan.managedInstances));
  if (plan.managedDaemon !== null)
    files.push(daemonTaskDefinitionFile(plan.managedDaemon), daemonFile(plan.managedDaemon));
  if (plan.queues !== null) files.push(sqsQueuesFile(plan.queues, plan.region));
  if (plan.service !== null) files.push(serviceFile(plan, plan.service));
  if (plan.daemon !== null) files.push(...daemonFiles(plan, plan.daemon));
  if (plan.scaling !== null) files.push(scalingFile(plan.scaling));
  if (plan.schedule !== null) files.push(scheduleFile(plan, plan.schedule));
  if (plan.objectCreated !== null) files.push(objectCreatedRuleFile(plan, plan.objectCreated));
  if (plan.taskStoppedRule !== null) files.push(taskStoppedRuleFile(plan.taskStoppedRule));
  return files;
}

/** The README's commands, in the order they can run: capacity, cluster, task definition, then what runs it. */
export function ecsSteps(plan: EcsPlan): string[] {
  const steps: string[] = [];
  const { capacity } = plan;
  if (capacity !== null) {
    steps.push(
      STEPS.instanceProfile(capacity.instanceProfileName),
      ...(plan.domainJoin === null ? [] : [STEPS.createDomainJoinAssociation]),
      STEPS.launchTemplate(capacity.ami, capacity.instanceTypes, capacity.spot, plan.cluster.name),
    );
    const { rootVolume } = plan.scratchDisk;
    if (rootVolume !== null)
      steps.push(
        STEPS.rootVolume(rootVolume.deviceName, rootVolume.sizeGiB, rootVolumeReason(rootVolume, 'task')),
      );
    if (capacity.provider.designed) steps.push(STEPS.createCapacityProvider);
  }
  const { managedInstances } = plan;
  steps.push(
    managedInstances === null
      ? STEPS.createCluster(
          plan.cluster.name,
          capacity === null ? 'FARGATE FARGATE_SPOT' : capacity.provider.name,
        )
      : STEPS.createClusterForManagedInstances(plan.cluster.name),
  );
  // A Managed Instances capacity provider is created inside its cluster, so after it.
  if (managedInstances !== null) {
    steps.push(STEPS.instanceProfile(managedInstances.instanceProfileName), STEPS.createCapacityProvider);
  }
  steps.push(
    STEPS.createLogGroup(
      createLogGroupCommand(plan.logGroup),
      putRetentionPolicyCommand(plan.logGroup),
      plan.logGroup.retentionInDays,
    ),
    ...(plan.fileSystem === null
      ? []
      : fileSystemSteps(plan.fileSystem, { securityGroup: PLACEHOLDERS.securityGroupId, accessPoint: true })),
    STEPS.registerTaskDefinition,
  );
  if (plan.managedDaemon !== null)
    steps.push(STEPS.registerManagedDaemonTaskDefinition, STEPS.createManagedDaemon);
  if (plan.queues !== null) steps.push(...sqsQueueSteps(plan.queues));
  if (plan.service !== null) {
    steps.push(...loadBalancerSteps(plan), STEPS.createService);
    if (plan.scaling !== null) steps.push(STEPS.registerScalableTarget, STEPS.putScalingPolicy);
  }
  if (plan.daemon !== null) steps.push(STEPS.registerDaemonTaskDefinition, STEPS.createDaemonService);
  if (plan.schedule !== null) steps.push(STEPS.createSchedule);
  if (plan.objectCreated !== null) {
    steps.push(
      STEPS.bucketNotifications(apiValue(plan.objectCreated.trigger.bucket)),
      STEPS.putObjectCreatedRule,
      STEPS.putObjectCreatedTargets,
    );
  }
  if (plan.taskStoppedRule !== null) steps.push(...taskStoppedRuleSteps(plan.taskStoppedRule));
  return steps;
}

/** ecs/task-definition.json: RegisterTaskDefinition for one essential container named after the workload. */
function taskDefinitionFile({ taskDefinition, scratchDisk }: EcsPlan): DescribedFile {
  const volumes = taskVolumes(taskDefinition.volume);
  const request: RegisterTaskDefinitionCommandInput = {
    family: taskDefinition.family,
    networkMode: taskDefinition.networkMode,
    requiresCompatibilities: [taskDefinition.compatibility],
    cpu: taskDefinition.cpu,
    memory: taskDefinition.memory,
    runtimePlatform: {
      operatingSystemFamily: taskDefinition.operatingSystemFamily,
      cpuArchitecture: taskDefinition.cpuArchitecture,
    },
    executionRoleArn: apiValue(taskDefinition.executionRole),
    taskRoleArn: apiValue(taskDefinition.taskRole),
    containerDefinitions: [containerDefinition(taskDefinition.container)],
    ...(volumes.length > 0 ? { volumes } : {}),
    ...(scratchDisk.taskSizeInGiB === null
      ? {}
      : { ephemeralStorage: { sizeInGiB: scratchDisk.taskSizeInGiB } }),
  };
  return jsonFile(
    'ecs/task-definition.json',
    request,
    'ECS RegisterTaskDefinition input: the task size, runtime platform, roles, container, logging and volumes.',
  );
}

function containerDefinition(container: ContainerPlan): ContainerDefinition {
  const definition: ContainerDefinition = { name: container.name, image: container.image, essential: true };
  if (container.portMappings.length > 0)
    definition.portMappings = container.portMappings.map((mapping) => ({ ...mapping }));
  if (container.environment.length > 0) {
    definition.environment = container.environment.map(({ name, value }) => ({
      name,
      value: apiValue(value),
    }));
  }
  if (container.secrets.length > 0)
    definition.secrets = container.secrets.map(({ name, valueFrom }) => ({
      name,
      valueFrom: apiValue(valueFrom),
    }));
  definition.logConfiguration = {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': apiValue(container.logGroup),
      'awslogs-region': container.region,
      'awslogs-stream-prefix': container.streamPrefix,
    },
  };
  if (container.healthCheck !== undefined) {
    definition.healthCheck = { ...container.healthCheck, command: [...container.healthCheck.command] };
  }
  if (container.mountPath !== undefined) {
    definition.mountPoints = [
      { sourceVolume: DATA_VOLUME_NAME, containerPath: container.mountPath, readOnly: false },
    ];
  }
  if (container.gpus !== undefined)
    definition.resourceRequirements = [{ type: 'GPU', value: String(container.gpus) }];
  if (container.privileged) definition.privileged = true;
  if (container.addedCapabilities.length > 0)
    definition.linuxParameters = { capabilities: { add: [...container.addedCapabilities] } };
  if (container.containerSize !== undefined) {
    definition.cpu = container.containerSize.cpu;
    definition.memory = container.containerSize.memory;
  }
  return definition;
}

function taskVolumes(volume: VolumePlan | null): Volume[] {
  switch (volume?.kind) {
    case 'efs':
      return [
        {
          name: DATA_VOLUME_NAME,
          efsVolumeConfiguration: {
            fileSystemId: apiValue(volume.fileSystemId),
            transitEncryption: 'ENABLED',
            authorizationConfig: { accessPointId: apiValue(volume.accessPointId), iam: 'ENABLED' },
          },
        },
      ];
    case 'ebs':
      return [{ name: DATA_VOLUME_NAME, configuredAtLaunch: true }];
    case 'fsx-windows':
      return [
        {
          name: DATA_VOLUME_NAME,
          fsxWindowsFileServerVolumeConfiguration: {
            fileSystemId: PLACEHOLDERS.fsxFileSystemId,
            rootDirectory: volume.rootDirectory,
            authorizationConfig: {
              credentialsParameter: apiValue(volume.credentials),
              domain: PLACEHOLDERS.activeDirectoryDomain,
            },
          },
        },
      ];
    default:
      return [];
  }
}

/**
 * ssm/domain-join-association.json: the State Manager association that joins each container instance to the
 * directory, with the directory's id, domain name and DNS addresses as placeholders.
 */
function domainJoinAssociationFile(domainJoin: DomainJoinPlan): DescribedFile {
  const request: CreateAssociationInput = {
    Name: domainJoin.document,
    AssociationName: domainJoin.associationName,
    Parameters: {
      directoryId: [PLACEHOLDERS.activeDirectoryId],
      directoryName: [PLACEHOLDERS.activeDirectoryDomain],
      dnsIpAddresses: [PLACEHOLDERS.activeDirectoryDnsIp, PLACEHOLDERS.activeDirectoryDnsIp],
    },
    Targets: [{ Key: `tag:${domainJoin.target.tagKey}`, Values: [domainJoin.target.tagValue] }],
  };
  return jsonFile(
    'ssm/domain-join-association.json',
    request,
    'Systems Manager CreateAssociation input: runs AWS-JoinDirectoryServiceDomain on every container instance, so FSx for Windows File Server shares can be mounted.',
  );
}

/**
 * ecs/capacity-provider.json: CreateCapacityProvider over the customer's Auto Scaling group, when the design
 * lets ECS manage the group's scaling.
 */
function capacityProviderFile(provider: CapacityProviderPlan): DescribedFile {
  const request: CreateCapacityProviderCommandInput = {
    name: provider.name,
    autoScalingGroupProvider: {
      autoScalingGroupArn: PLACEHOLDERS.autoScalingGroupArn,
      managedScaling: { ...provider.managedScaling },
      managedTerminationProtection: provider.managedTerminationProtection,
      managedDraining: provider.managedDraining,
    },
  };
  return jsonFile(
    'ecs/capacity-provider.json',
    request,
    'ECS CreateCapacityProvider input: lets ECS scale the EC2 Auto Scaling group to fit the tasks.',
  );
}

/** Tasks never get public IPs: they reach the internet through a NAT gateway and are reached through the load balancer. */
function awsVpcConfiguration(): { subnets: string[]; securityGroups: string[]; assignPublicIp: 'DISABLED' } {
  return {
    subnets: [PLACEHOLDERS.subnetId],
    securityGroups: [PLACEHOLDERS.securityGroupId],
    assignPublicIp: 'DISABLED',
  };
}

function taskPlacement(
  placement: PlacementPlan,
): Pick<CreateServiceCommandInput, 'capacityProviderStrategy' | 'launchType' | 'platformVersion'> {
  return {
    ...(placement.strategy.length > 0
      ? {
          capacityProviderStrategy: placement.strategy.map((item) => ({
            capacityProvider: apiValue(item.capacityProvider),
            weight: item.weight,
            ...(item.base === undefined ? {} : { base: item.base }),
          })),
        }
      : { launchType: placement.launchType }),
    ...(placement.platformVersion === undefined ? {} : { platformVersion: placement.platformVersion }),
  };
}

/** ecs/service.json: CreateService with rollback on failed deployments, behind the designed load balancer. */
function serviceFile(plan: EcsPlan, service: ServicePlan): DescribedFile {
  const request: CreateServiceCommandInput = {
    cluster: plan.cluster.name,
    serviceName: service.name,
    taskDefinition: plan.taskDefinition.family,
    desiredCount: service.desiredCount,
    ...taskPlacement(plan.placement),
    // On the host's network the task uses its instance's interface: there is no network configuration.
    ...(plan.taskDefinition.networkMode === 'awsvpc'
      ? { networkConfiguration: { awsvpcConfiguration: awsVpcConfiguration() } }
      : {}),
    ...(service.distinctInstances ? { placementConstraints: [{ type: 'distinctInstance' as const }] } : {}),
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    propagateTags: 'SERVICE',
    enableECSManagedTags: true,
  };
  if (service.loadBalancer !== null) {
    request.loadBalancers = [
      {
        targetGroupArn: apiValue(service.loadBalancer.targetGroup),
        containerName: service.loadBalancer.containerName,
        containerPort: service.loadBalancer.containerPort,
      },
    ];
    request.healthCheckGracePeriodSeconds = service.healthCheckGracePeriodSeconds;
  }
  const volume = service.ebsVolume;
  if (volume !== null) {
    request.volumeConfigurations = [
      {
        name: DATA_VOLUME_NAME,
        managedEBSVolume: {
          ...(volume.sizeInGiB === undefined ? {} : { sizeInGiB: volume.sizeInGiB }),
          volumeType: volume.volumeType,
          encrypted: volume.encrypted,
          filesystemType: volume.filesystemType,
          roleArn: apiValue(volume.role),
        },
      },
    ];
  }
  return jsonFile(
    'ecs/service.json',
    request,
    `ECS CreateService input: task count, capacity, ${plan.taskDefinition.networkMode === 'host' ? "one task per instance on the instance's network" : 'private networking'}, load balancer and deployment rollback.`,
  );
}

/**
 * ecs/daemon-task-definition.json and ecs/daemon-service.json: the per-host agent's task definition and the
 * DAEMON service that runs one of its tasks on every container instance, on the EC2 launch type.
 */
function daemonFiles(plan: EcsPlan, daemon: DaemonPlan): DescribedFile[] {
  const { container } = daemon;
  const taskDefinition: RegisterTaskDefinitionCommandInput = {
    family: daemon.family,
    requiresCompatibilities: ['EC2'],
    runtimePlatform: {
      operatingSystemFamily: daemon.operatingSystemFamily,
      cpuArchitecture: daemon.cpuArchitecture,
    },
    executionRoleArn: apiValue(daemon.executionRole),
    taskRoleArn: apiValue(daemon.taskRole),
    containerDefinitions: [
      {
        name: container.name,
        image: container.image,
        essential: true,
        cpu: container.cpu,
        memory: container.memory,
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': apiValue(container.logGroup),
            'awslogs-region': container.region,
            'awslogs-stream-prefix': container.streamPrefix,
          },
        },
      },
    ],
  };
  const service: CreateServiceCommandInput = {
    cluster: plan.cluster.name,
    serviceName: daemon.serviceName,
    taskDefinition: daemon.family,
    schedulingStrategy: 'DAEMON',
    launchType: 'EC2',
    propagateTags: 'SERVICE',
    enableECSManagedTags: true,
  };
  return [
    jsonFile(
      'ecs/daemon-task-definition.json',
      taskDefinition,
      "ECS RegisterTaskDefinition input: the per-host agent's container (your image), its roles and logging.",
    ),
    jsonFile(
      'ecs/daemon-service.json',
      service,
      'ECS CreateService input: the DAEMON service that runs the agent once on every container instance.',
    ),
  ];
}

/** ecs/scaling.json: the task-count range and the target-tracking policy. */
function scalingFile(scaling: ServiceScalingPlan): DescribedFile {
  const resourceId = `service/${apiValue(scaling.clusterName)}/${apiValue(scaling.serviceName)}`;
  const request: ServiceScaling = {
    registerScalableTarget: {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: resourceId,
      MinCapacity: scaling.minCapacity,
      MaxCapacity: scaling.maxCapacity,
    },
    putScalingPolicy: {
      PolicyName: scaling.policyName,
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: resourceId,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: targetTracking(scaling),
    },
  };
  return jsonFile(
    'ecs/scaling.json',
    request,
    'Application Auto Scaling RegisterScalableTarget and PutScalingPolicy inputs: the task-count range and the target-tracking policy.',
  );
}

function targetTracking(scaling: ServiceScalingPlan): TargetTrackingScalingPolicyConfiguration {
  const configuration: TargetTrackingScalingPolicyConfiguration = { TargetValue: scaling.targetValue };
  if (scaling.scaleOutCooldown !== undefined) configuration.ScaleOutCooldown = scaling.scaleOutCooldown;
  if (scaling.scaleInCooldown !== undefined) configuration.ScaleInCooldown = scaling.scaleInCooldown;
  const { metric } = scaling;
  if (metric.kind === 'predefined') {
    configuration.PredefinedMetricSpecification = { PredefinedMetricType: metric.type };
    return configuration;
  }
  configuration.CustomizedMetricSpecification = { Metrics: backlogPerTaskQueries(metric, apiValue) };
  return configuration;
}

/** RunTask's parameters as EventBridge and EventBridge Scheduler take them. */
function runTaskParameters(plan: EcsPlan, runTask: RunTaskPlan): EcsParameters {
  const { placement } = plan;
  const { subnets, securityGroups, assignPublicIp } = awsVpcConfiguration();
  const parameters: EcsParameters = {
    TaskDefinitionArn: apiValue(runTask.taskDefinition),
    TaskCount: 1,
    ...(plan.taskDefinition.networkMode === 'awsvpc'
      ? {
          NetworkConfiguration: {
            awsvpcConfiguration: {
              Subnets: subnets,
              SecurityGroups: securityGroups,
              AssignPublicIp: assignPublicIp,
            },
          },
        }
      : {}),
    Group: runTask.group,
    EnableECSManagedTags: true,
    PropagateTags: 'TASK_DEFINITION',
  };
  if (placement.strategy.length > 0) {
    parameters.CapacityProviderStrategy = placement.strategy.map((item) => ({
      capacityProvider: apiValue(item.capacityProvider),
      weight: item.weight,
      ...(item.base === undefined ? {} : { base: item.base }),
    }));
  } else if (placement.launchType === 'MANAGED_INSTANCES') {
    // EventBridge and Scheduler know no MANAGED_INSTANCES launch type: such tasks start through the strategy.
    throw new StarterConfigError(
      'a Managed Instances task needs its capacity provider strategy to be started by EventBridge',
    );
  } else {
    parameters.LaunchType = placement.launchType;
  }
  if (placement.platformVersion !== undefined) parameters.PlatformVersion = placement.platformVersion;
  return parameters;
}

/** ecs/schedule.json: an EventBridge Scheduler schedule that runs one task per occurrence. */
function scheduleFile(plan: EcsPlan, schedule: SchedulePlan): DescribedFile {
  const request: CreateScheduleInput = {
    Name: schedule.name,
    ScheduleExpression: schedule.expression,
    ScheduleExpressionTimezone: schedule.timezone,
    State: 'ENABLED',
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: {
      Arn: apiValue(schedule.runTask.cluster),
      RoleArn: apiValue(schedule.runTask.roleArn),
      EcsParameters: runTaskParameters(plan, schedule.runTask),
      RetryPolicy: { ...schedule.runTask.retry },
    },
  };
  return jsonFile(
    'ecs/schedule.json',
    request,
    'EventBridge Scheduler CreateSchedule input: runs the task on the schedule, in UTC.',
  );
}

/**
 * ecs/s3-event-rule.json: an EventBridge rule on the bucket's "Object Created" events that runs one task
 * per object, handing it the bucket and key as environment variables.
 */
function objectCreatedRuleFile(plan: EcsPlan, run: ObjectCreatedRunPlan): DescribedFile {
  const rule = objectCreatedRule(run.trigger, run.description, {
    Id: 'run-task',
    Arn: apiValue(run.runTask.cluster),
    RoleArn: apiValue(run.runTask.roleArn),
    EcsParameters: runTaskParameters(plan, run.runTask),
    InputTransformer: s3EventInputTransformer(run.inputTemplate),
    RetryPolicy: { ...run.runTask.retry },
  });
  return jsonFile(
    'ecs/s3-event-rule.json',
    rule,
    'EventBridge PutRule and PutTargets inputs: run one task for each object created in the bucket (S3_BUCKET and S3_KEY are set in the container).',
  );
}

/**
 * The Elastic Load Balancing calls that put the designed load balancer in front of the service: its
 * target group, the load balancer and one listener per designed listener.
 */
function loadBalancerSteps(plan: EcsPlan): string[] {
  const { loadBalancer } = plan;
  if (loadBalancer === null) return [];
  const { targetGroup } = loadBalancer;
  const matcher = Object.entries(targetGroup.matcher);
  const options = [
    `--name ${targetGroup.name}`,
    `--protocol ${targetGroup.protocol}`,
    ...(targetGroup.protocolVersion === undefined
      ? []
      : [`--protocol-version ${targetGroup.protocolVersion}`]),
    `--port ${targetGroup.port}`,
    `--target-type ${targetGroup.targetType}`,
    `--vpc-id ${PLACEHOLDERS.vpcId}`,
    ...(targetGroup.healthCheckProtocol === undefined
      ? []
      : [`--health-check-protocol ${targetGroup.healthCheckProtocol}`]),
    ...(targetGroup.healthCheckPort === undefined
      ? []
      : [`--health-check-port ${targetGroup.healthCheckPort}`]),
    ...(targetGroup.healthCheckPath === undefined
      ? []
      : [`--health-check-path ${targetGroup.healthCheckPath}`]),
    ...(matcher.length === 0
      ? []
      : [`--matcher ${matcher.map(([key, value]) => `${key}=${value}`).join(',')}`]),
  ];
  const type = loadBalancer.type === 'alb' ? 'application' : 'network';
  const clients = loadBalancer.clients === 'vpc' ? PLACEHOLDERS.vpcCidr : ANYWHERE_IPV4;
  const securityGroup = PLACEHOLDERS.loadBalancerSecurityGroupId;
  return [
    STEPS.createTargetGroup(options.join(' ')),
    ...(targetGroup.stickiness === null
      ? []
      : [
          STEPS.turnOnStickiness(
            `aws elbv2 modify-target-group-attributes --target-group-arn ${PLACEHOLDERS.targetGroupArn} --attributes ${stickinessAttributes(
              targetGroup.stickiness,
            )
              .map(({ Key, Value }) => `Key=${Key},Value=${Value}`)
              .join(' ')}`,
          ),
        ]),
    STEPS.createLoadBalancerSecurityGroup(
      `aws ec2 create-security-group --group-name ${loadBalancer.name}-load-balancer --description "${loadBalancer.internal ? 'Internal' : 'Internet-facing'} load balancer: the listener ports" --vpc-id ${PLACEHOLDERS.vpcId}`,
    ),
    ...loadBalancer.listeners.map((listener) =>
      STEPS.openListenerPort(
        listener.port,
        `aws ec2 authorize-security-group-ingress --group-id ${securityGroup} --protocol ${listener.protocol === 'UDP' ? 'udp' : 'tcp'} --port ${listener.port} --cidr ${clients}`,
      ),
    ),
    STEPS.createLoadBalancer(
      type,
      `aws elbv2 create-load-balancer --name ${loadBalancer.name} --type ${type} --scheme ${loadBalancer.internal ? 'internal' : 'internet-facing'} --subnets ${PLACEHOLDERS.publicSubnetId} ${PLACEHOLDERS.publicSubnetId} --security-groups ${securityGroup}`,
    ),
    ...loadBalancer.listeners.map((listener) =>
      STEPS.createListener(listener.protocol, listener.port, listenerCommand(listener)),
    ),
  ];
}

function listenerCommand(listener: Listener): string {
  const certificate =
    listener.protocol === 'HTTPS' || listener.protocol === 'TLS'
      ? ` --certificates CertificateArn=${PLACEHOLDERS.acmCertificateArn}`
      : '';
  const action =
    listener.action === 'redirect-to-https'
      ? "'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'"
      : `Type=forward,TargetGroupArn=${PLACEHOLDERS.targetGroupArn}`;
  return `aws elbv2 create-listener --load-balancer-arn ${PLACEHOLDERS.loadBalancerArn} --protocol ${listener.protocol} --port ${listener.port}${certificate} --default-actions ${action}`;
}

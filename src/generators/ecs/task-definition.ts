import type {
  ContainerDefinition,
  HealthCheck,
  MountPoint,
  PortMapping,
  RegisterTaskDefinitionCommandInput,
  Volume,
} from '@aws-sdk/client-ecs';
import { iamRoleArn, PLACEHOLDERS } from '../shared/placeholders';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';
import { taskUnits } from '../shared/task-size';
import { isFargate, logGroupName } from './task-placement';

/** The task's one data volume, whatever backs it. */
export const DATA_VOLUME_NAME = 'data';

/** Protocols a container-level HTTP health check can probe (gRPC and layer-4 ones need other tools). */
const HTTP_PROTOCOLS = new Set(['http', 'https', 'websocket']);

/**
 * The path goes into a shell command run inside the container, so only paths made of characters that mean
 * nothing to a shell are used there. The request schema already restricts it; this keeps the guarantee local.
 */
const SHELL_SAFE_PATH = /^\/[A-Za-z0-9._~/%-]*$/;

/** ecs/task-definition.json: RegisterTaskDefinition for one essential container named after the workload. */
export function taskDefinitionFile(input: StarterConfigInput): DescribedFile {
  const { workload, facts, design } = input;
  const fargate = isFargate(input);
  const { cpuUnits, memoryMiB } = taskUnits(facts);
  const volumes = taskVolumes(input);
  const taskDefinition: RegisterTaskDefinitionCommandInput = {
    family: workload.name,
    networkMode: 'awsvpc',
    requiresCompatibilities: [fargate ? 'FARGATE' : 'EC2'],
    cpu: String(cpuUnits),
    memory: String(memoryMiB),
    runtimePlatform: {
      operatingSystemFamily: facts.runtime.os === 'windows' ? 'WINDOWS_SERVER_2022_CORE' : 'LINUX',
      cpuArchitecture: facts.runtime.architecture === 'arm64' ? 'ARM64' : 'X86_64',
    },
    executionRoleArn: iamRoleArn(design.iam.executionRole.name),
    taskRoleArn: iamRoleArn(design.iam.taskRole.name),
    containerDefinitions: [containerDefinition(input, volumes.length > 0)],
    ...(volumes.length > 0 ? { volumes } : {}),
  };
  return jsonFile(
    'ecs/task-definition.json',
    taskDefinition,
    'ECS RegisterTaskDefinition input: the task size, runtime platform, roles, container, logging and volumes.',
  );
}

function containerDefinition(input: StarterConfigInput, hasVolume: boolean): ContainerDefinition {
  const { workload, facts, design } = input;
  const container: ContainerDefinition = {
    name: workload.name,
    image: design.registry.imageUri,
    essential: true,
  };
  const portMappings = containerPortMappings(input);
  if (portMappings.length > 0) container.portMappings = portMappings;
  const environment = containerEnvironment(input);
  if (environment.length > 0) container.environment = environment;
  container.logConfiguration = {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': logGroupName(input),
      'awslogs-region': workload.region,
      'awslogs-stream-prefix': 'ecs',
    },
  };
  const healthCheck = containerHealthCheck(input);
  if (healthCheck !== undefined) container.healthCheck = healthCheck;
  if (hasVolume && design.storage.mountPath !== undefined) {
    const mountPoint: MountPoint = {
      sourceVolume: DATA_VOLUME_NAME,
      containerPath: design.storage.mountPath,
      readOnly: false,
    };
    container.mountPoints = [mountPoint];
  }
  if (workload.control.gpu) container.resourceRequirements = [{ type: 'GPU', value: '1' }];
  // Fargate rejects privileged containers outright; only EC2 hosts can grant it.
  if (workload.control.privileged && !isFargate(input)) container.privileged = true;
  if (facts.runtime.os === 'windows') {
    // Windows containers ignore task-level sizes; the container-level ones are what ECS reserves on the host.
    const { cpuUnits, memoryMiB } = taskUnits(facts);
    container.cpu = cpuUnits;
    container.memory = memoryMiB;
  }
  return container;
}

function containerPortMappings(input: StarterConfigInput): PortMapping[] {
  const { workload } = input;
  if (workload.workloadType !== 'web' || workload.containerPort === undefined) return [];
  return [
    {
      name: `${workload.name}-${workload.containerPort}`,
      containerPort: workload.containerPort,
      protocol: workload.traffic.protocol === 'udp' ? 'udp' : 'tcp',
    },
  ];
}

/** Tells the code which queue to poll, so the name lives in one place: the configuration. */
function containerEnvironment(input: StarterConfigInput): { name: string; value: string }[] {
  const queueName = input.workload.trigger?.type === 'sqs' ? input.workload.trigger.queueName : undefined;
  return queueName === undefined ? [] : [{ name: 'QUEUE_NAME', value: queueName }];
}

/**
 * An HTTP check with curl, for HTTP workloads on Linux only: the load balancer already checks every
 * protocol, and this one adds container health (which the deployment circuit breaker and task replacement
 * use) where a check command is likely to exist in the image.
 */
function containerHealthCheck(input: StarterConfigInput): HealthCheck | undefined {
  const { workload, facts } = input;
  const path = workload.healthCheckPath;
  if (
    workload.workloadType !== 'web' ||
    facts.runtime.os !== 'linux' ||
    !HTTP_PROTOCOLS.has(workload.traffic.protocol ?? '') ||
    workload.containerPort === undefined ||
    path === undefined ||
    !SHELL_SAFE_PATH.test(path)
  ) {
    return undefined;
  }
  return {
    command: ['CMD-SHELL', `curl -fsS http://localhost:${workload.containerPort}${path} || exit 1`],
    interval: 30,
    timeout: 5,
    retries: 3,
    startPeriod: 60,
  };
}

function taskVolumes(input: StarterConfigInput): Volume[] {
  const { storage } = input.design;
  switch (storage.type) {
    case 'efs':
      return [
        {
          name: DATA_VOLUME_NAME,
          efsVolumeConfiguration: {
            fileSystemId: PLACEHOLDERS.efsFileSystemId,
            transitEncryption: 'ENABLED',
            authorizationConfig: { accessPointId: PLACEHOLDERS.efsAccessPointId, iam: 'ENABLED' },
          },
        },
      ];
    case 'ebs':
      // The volume itself (size, type, encryption) is described by the service or RunTask that launches the task.
      return [{ name: DATA_VOLUME_NAME, configuredAtLaunch: true }];
    case 'fsx-windows':
      return [
        {
          name: DATA_VOLUME_NAME,
          fsxWindowsFileServerVolumeConfiguration: {
            fileSystemId: PLACEHOLDERS.fsxFileSystemId,
            rootDirectory: 'share',
            authorizationConfig: {
              credentialsParameter: PLACEHOLDERS.fsxCredentialsSecretArn,
              domain: PLACEHOLDERS.activeDirectoryDomain,
            },
          },
        },
      ];
    default:
      return [];
  }
}

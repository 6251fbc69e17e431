import type { CreateServiceCommandInput, ImageRepositoryType } from '@aws-sdk/client-apprunner';
import { iamRoleArn, PLACEHOLDERS } from '../shared/placeholders';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';
import { taskUnits } from '../shared/task-size';
import { appRunnerServiceName } from './app-runner-names';

/** App Runner pulls only from Amazon ECR (with an access role) or ECR Public (without one). */
export function imageRepositoryType(imageUri: string): ImageRepositoryType {
  return imageUri.startsWith('public.ecr.aws/') ? 'ECR_PUBLIC' : 'ECR';
}

/** app-runner/create-service.json: CreateService from the image, with manual deployments. */
export function appRunnerServiceFile(input: StarterConfigInput): DescribedFile {
  const { workload, facts, design } = input;
  const imageUri = design.registry.imageUri;
  const repositoryType = imageRepositoryType(imageUri);
  const { cpuUnits, memoryMiB } = taskUnits(facts);
  const service: CreateServiceCommandInput = {
    ServiceName: appRunnerServiceName(workload.name),
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: imageUri,
        ImageRepositoryType: repositoryType,
        ImageConfiguration: { Port: String(workload.containerPort ?? 8080) },
      },
      // Deploy on purpose rather than on every push to the tag: a starter configuration should not ship surprises.
      AutoDeploymentsEnabled: false,
      ...(repositoryType === 'ECR'
        ? { AuthenticationConfiguration: { AccessRoleArn: iamRoleArn(design.iam.executionRole.name) } }
        : {}),
    },
    InstanceConfiguration: {
      Cpu: String(cpuUnits),
      Memory: String(memoryMiB),
      InstanceRoleArn: iamRoleArn(design.iam.taskRole.name),
    },
    HealthCheckConfiguration: {
      Protocol: 'HTTP',
      Path: workload.healthCheckPath ?? '/',
    },
    NetworkConfiguration: {
      IngressConfiguration: { IsPubliclyAccessible: workload.traffic.exposure !== 'private' },
    },
    AutoScalingConfigurationArn: PLACEHOLDERS.autoScalingConfigurationArn,
  };
  return jsonFile(
    'app-runner/create-service.json',
    service,
    'App Runner CreateService input: the image, instance size and roles, health check and ingress.',
  );
}

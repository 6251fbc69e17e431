import type {
  CreateAutoScalingConfigurationCommandInput,
  CreateServiceCommandInput,
} from '@aws-sdk/client-apprunner';
import { apiValue } from '../../plan/reference';
import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import type { AppRunnerPlan } from './plan';

/** The scaling configuration, then the service that uses it. */
export function appRunnerFiles(plan: AppRunnerPlan): DescribedFile[] {
  return [serviceFile(plan), autoScalingConfigurationFile(plan)];
}

/** app-runner/create-service.json: CreateService from the image, with manual deployments. */
function serviceFile({ service }: AppRunnerPlan): DescribedFile {
  const request: CreateServiceCommandInput = {
    ServiceName: service.name,
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: service.imageUri,
        ImageRepositoryType: service.repositoryType,
        ImageConfiguration: {
          Port: service.port,
          ...(service.environment.length === 0
            ? {}
            : {
                RuntimeEnvironmentVariables: Object.fromEntries(
                  service.environment.map(({ name, value }) => [name, value]),
                ),
              }),
          ...(service.secrets.length === 0
            ? {}
            : {
                RuntimeEnvironmentSecrets: Object.fromEntries(
                  service.secrets.map(({ name, valueFrom }) => [name, apiValue(valueFrom)]),
                ),
              }),
        },
      },
      // Deploy on purpose rather than on every push to the tag: a starter configuration should not ship surprises.
      AutoDeploymentsEnabled: false,
      ...(service.repositoryType === 'ECR'
        ? { AuthenticationConfiguration: { AccessRoleArn: apiValue(service.accessRole) } }
        : {}),
    },
    InstanceConfiguration: {
      Cpu: service.cpu,
      Memory: service.memory,
      InstanceRoleArn: apiValue(service.instanceRole),
    },
    HealthCheckConfiguration: { Protocol: 'HTTP', Path: service.healthCheckPath },
    NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: service.isPublic } },
    AutoScalingConfigurationArn: apiValue(service.autoScalingConfiguration),
  };
  return jsonFile(
    'app-runner/create-service.json',
    request,
    'App Runner CreateService input: the image, instance size and roles, health check and ingress.',
  );
}

/** app-runner/auto-scaling-configuration.json: CreateAutoScalingConfiguration with the designed concurrency. */
function autoScalingConfigurationFile({ scaling }: AppRunnerPlan): DescribedFile {
  const request: CreateAutoScalingConfigurationCommandInput = {
    AutoScalingConfigurationName: scaling.name,
    MaxConcurrency: scaling.maxConcurrency,
    MinSize: scaling.minSize,
    MaxSize: scaling.maxSize,
  };
  return jsonFile(
    'app-runner/auto-scaling-configuration.json',
    request,
    'App Runner CreateAutoScalingConfiguration input: concurrent requests per instance, and the instance range.',
  );
}

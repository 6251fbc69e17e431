import { PLACEHOLDERS } from '../shared/placeholders';
import type { PlatformStarter, StarterConfigInput } from '../shared/starter-file';
import { appRunnerScaling, autoScalingConfigurationFile } from './auto-scaling-configuration';
import { appRunnerServiceFile, imageRepositoryType } from './service';

/** The files for App Runner: the scaling configuration, then the service that uses it. */
export function appRunnerStarter(input: StarterConfigInput): PlatformStarter {
  const scaling = appRunnerScaling(input);
  const notes = [...scaling.adjustments];
  const imageUri = input.design.registry.imageUri;
  const inPrivateEcr =
    imageUri.startsWith(`${PLACEHOLDERS.accountId}.dkr.ecr.`) || /^\d{12}\.dkr\.ecr\./.test(imageUri);
  if (imageRepositoryType(imageUri) === 'ECR' && !inPrivateEcr) {
    notes.push(
      'App Runner pulls images only from Amazon ECR or ECR Public: push the image to the ECR repository first and use its URI.',
    );
  }
  if (input.workload.traffic.exposure === 'private') {
    notes.push(
      'A private App Runner service is reached through an interface VPC endpoint: create one with `aws apprunner create-vpc-ingress-connection` after the service.',
    );
  }
  return {
    files: [appRunnerServiceFile(input), autoScalingConfigurationFile(scaling)],
    supportingRoles: [],
    steps: [
      'Create the auto scaling configuration, then copy its AutoScalingConfigurationArn: `aws apprunner create-auto-scaling-configuration --cli-input-json file://app-runner/auto-scaling-configuration.json`',
      'Create the service: `aws apprunner create-service --cli-input-json file://app-runner/create-service.json`',
    ],
    notes,
  };
}

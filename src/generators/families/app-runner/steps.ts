/** The README's App Runner commands, in the order they run. */
export const STEPS = {
  createAutoScalingConfiguration:
    'Create the auto scaling configuration, then copy its AutoScalingConfigurationArn: `aws apprunner create-auto-scaling-configuration --cli-input-json file://app-runner/auto-scaling-configuration.json`',
  createService:
    'Create the service: `aws apprunner create-service --cli-input-json file://app-runner/create-service.json`',
} as const;

/** The README's App Runner notes; the ones with numbers say what had to change to fit App Runner's limits. */
export const NOTES = {
  minSizeRaised: (limit: number, minSize: number, designed: number) =>
    `App Runner keeps at least ${limit} instance provisioned, so MinSize is ${minSize} rather than ${designed}.`,
  maxSizeLowered: (limit: number, maxSize: number, designed: number) =>
    `App Runner runs at most ${limit} instances per service, so MaxSize is ${maxSize} rather than ${designed}.`,
  imageOutsideEcr:
    'App Runner pulls images only from Amazon ECR or ECR Public: push the image to the ECR repository first and use its URI.',
  privateService:
    'A private App Runner service is reached through an interface VPC endpoint: create one with `aws apprunner create-vpc-ingress-connection` after the service.',
} as const;

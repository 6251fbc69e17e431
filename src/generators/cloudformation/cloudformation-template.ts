import { PLACEHOLDERS } from '../shared/placeholders';
import type { DeployInstructions } from '../shared/readme';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';
import { requiredParameters, TEMPLATE_PATH, type TemplateDocument, templateFile } from './template';

/** The capabilities the stack needs: it creates IAM roles with the names the design gives them. */
export const STACK_CAPABILITIES = ['CAPABILITY_NAMED_IAM'];

/** What to put in place of each required parameter in the deploy command, in the README's angle brackets. */
const EXAMPLE_VALUES: Record<string, string> = {
  VpcId: PLACEHOLDERS.vpcId,
  VpcCidr: PLACEHOLDERS.vpcCidr,
  PrivateSubnetIds: `${PLACEHOLDERS.subnetId},${PLACEHOLDERS.subnetId}`,
  PublicSubnetIds: `${PLACEHOLDERS.publicSubnetId},${PLACEHOLDERS.publicSubnetId}`,
  ImageUri: '<image-uri>',
  DaemonImageUri: PLACEHOLDERS.daemonImage,
  CertificateArn: PLACEHOLDERS.acmCertificateArn,
  FsxFileSystemId: PLACEHOLDERS.fsxFileSystemId,
  FsxCredentialsParameter: PLACEHOLDERS.fsxCredentialsSecretArn,
  ActiveDirectoryDomain: PLACEHOLDERS.activeDirectoryDomain,
  ActiveDirectoryId: PLACEHOLDERS.activeDirectoryId,
  ActiveDirectoryDnsIps: `${PLACEHOLDERS.activeDirectoryDnsIp},${PLACEHOLDERS.activeDirectoryDnsIp}`,
};

/** The template's description: one stack per recommendation, in an existing VPC. */
export function templateDescription({ workload, platform }: StarterConfigInput): string {
  return `Berth starter configuration: ${workload.name} on ${platform.name}, in an existing VPC.`;
}

export function cloudFormationTemplateFile(template: TemplateDocument): DescribedFile {
  return templateFile(
    template,
    'CloudFormation template: the whole architecture in one stack, in an existing VPC (see "Deploy with CloudFormation").',
  );
}

/**
 * How to deploy the template, for the README: the `aws cloudformation deploy` command with every parameter
 * it cannot do without, what each parameter means, and the outputs to read afterwards.
 */
export function deployInstructions(
  input: StarterConfigInput,
  template: TemplateDocument,
  familyNextSteps: readonly string[],
): DeployInstructions {
  const stackName = input.workload.name;
  const overrides = requiredParameters(template).map(
    (name) => `${name}=${EXAMPLE_VALUES[name] ?? `<${name}>`}`,
  );
  return {
    templatePath: TEMPLATE_PATH,
    commandLines: [
      `aws cloudformation deploy --template-file ${TEMPLATE_PATH} --stack-name ${stackName}`,
      `--capabilities ${STACK_CAPABILITIES.join(' ')}`,
      ...(overrides.length === 0 ? [] : [`--parameter-overrides ${overrides.join(' ')}`]),
    ],
    parameters: Object.entries(template.Parameters).map(([name, parameter]) => ({
      name,
      description: parameter.Description,
      ...(parameter.Default === undefined ? {} : { default: parameter.Default }),
    })),
    outputs: Object.entries(template.Outputs).map(([name, output]) => ({
      name,
      description: output.Description,
    })),
    outputsCommand: `aws cloudformation describe-stacks --stack-name ${stackName} --query 'Stacks[0].Outputs'`,
    nextSteps: [...bucketNotificationSteps(input), ...familyNextSteps],
  };
}

/** What the stack cannot do itself: change a bucket it did not create. */
function bucketNotificationSteps({ workload }: StarterConfigInput): string[] {
  const bucket = workload.trigger?.type === 's3-object-created' ? workload.trigger.bucket : undefined;
  if (bucket === undefined) return [];
  return [
    `Turn on EventBridge notifications for the bucket: \`aws s3api put-bucket-notification-configuration --bucket ${bucket} --notification-configuration '{"EventBridgeConfiguration":{}}'\``,
  ];
}

import { PLACEHOLDERS } from '../shared/placeholders';
import type { DeployInstructions } from '../shared/readme';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';
import { addAppRunnerResources } from './app-runner-template';
import { addEcsResources } from './ecs-template';
import { addEksResources } from './eks-template';
import { addExpressModeResources } from './express-mode-template';
import { PARAMETER_ORDER } from './parameters';
import {
  requiredParameters,
  TEMPLATE_PATH,
  TemplateBuilder,
  type TemplateDocument,
  templateFile,
} from './template';

/** The capabilities the stack needs: it creates IAM roles with the names the design gives them. */
export const STACK_CAPABILITIES = ['CAPABILITY_NAMED_IAM'];

/** What to put in place of each required parameter in the deploy command, in the README's angle brackets. */
const EXAMPLE_VALUES: Record<string, string> = {
  VpcId: PLACEHOLDERS.vpcId,
  PrivateSubnetIds: `${PLACEHOLDERS.subnetId},${PLACEHOLDERS.subnetId}`,
  PublicSubnetIds: `${PLACEHOLDERS.publicSubnetId},${PLACEHOLDERS.publicSubnetId}`,
  ImageUri: '<image-uri>',
  CertificateArn: PLACEHOLDERS.acmCertificateArn,
  FsxFileSystemId: PLACEHOLDERS.fsxFileSystemId,
  FsxCredentialsParameter: PLACEHOLDERS.fsxCredentialsSecretArn,
  ActiveDirectoryDomain: PLACEHOLDERS.activeDirectoryDomain,
};

/**
 * One CloudFormation template per recommendation that stands up the whole recommended architecture in an
 * existing VPC. Built as objects (intrinsic functions included) and serialized by the YAML library; every
 * name in it comes from the workload's validated name, every unknown from a typed parameter.
 */
export function cloudFormationTemplate(input: StarterConfigInput): TemplateDocument {
  const template = new TemplateBuilder(PARAMETER_ORDER);
  const { platform, workload } = input;
  if (platform.capacity === 'express-mode') addExpressModeResources(template, input);
  else if (platform.service === 'app-runner') addAppRunnerResources(template, input);
  else if (platform.service === 'eks') addEksResources(template, input);
  else addEcsResources(template, input);
  return template.build(
    `Berth starter configuration: ${workload.name} on ${platform.name}, in an existing VPC.`,
  );
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
    nextSteps: nextSteps(input),
  };
}

/** What the stack cannot do itself: change a bucket it did not create, or apply Kubernetes objects. */
function nextSteps(input: StarterConfigInput): string[] {
  const { workload, platform, design } = input;
  const steps: string[] = [];
  const bucket = workload.trigger?.type === 's3-object-created' ? workload.trigger.bucket : undefined;
  if (bucket !== undefined) {
    steps.push(
      `Turn on EventBridge notifications for the bucket: \`aws s3api put-bucket-notification-configuration --bucket ${bucket} --notification-configuration '{"EventBridgeConfiguration":{}}'\``,
    );
  }
  if (platform.service !== 'eks') return steps;
  steps.push(
    `Let kubectl reach the cluster: \`aws eks update-kubeconfig --name ${workload.name} --region ${workload.region}\``,
    'Put your values in place of the placeholders of `eks/manifests.yaml` (listed below); the ids the stack created are among its outputs.',
  );
  if (design.loadBalancer.type === 'alb' || design.loadBalancer.type === 'nlb') {
    steps.push(
      'Install the AWS Load Balancer Controller, as the steps below do, so the manifests get their load balancer.',
    );
  }
  steps.push('Apply the manifests: `kubectl apply -f eks/manifests.yaml`');
  return steps;
}

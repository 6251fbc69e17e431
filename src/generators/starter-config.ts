import type { PlatformId } from '../catalogue/platform-catalogue';
import { appRunnerStarter } from './app-runner/app-runner-starter';
import {
  cloudFormationTemplate,
  cloudFormationTemplateFile,
  deployInstructions,
} from './cloudformation/cloudformation-template';
import { ecsStarter } from './ecs/ecs-starter';
import { eksStarter } from './eks/eks-starter';
import { expressModeStarter } from './express-mode/express-mode-starter';
import { ecrLifecyclePolicyFile, ecrRepositoryFile } from './shared/ecr-repository';
import { iamRoleSteps, iamRolesFile, roleDefinitions } from './shared/iam-roles';
import { readmeFile } from './shared/readme';
import {
  type DescribedFile,
  type PlatformStarter,
  type StarterConfigInput,
  type StarterFile,
  WEB_IDENTITY_ROLES_STEP,
} from './shared/starter-file';

export type { StarterConfigInput, StarterFile } from './shared/starter-file';

const STARTERS: Record<PlatformId, (input: StarterConfigInput) => PlatformStarter> = {
  'ecs-fargate': ecsStarter,
  'ecs-ec2': ecsStarter,
  'ecs-express-mode': expressModeStarter,
  'app-runner': appRunnerStarter,
  'eks-managed-nodes': eksStarter,
  'eks-self-managed-nodes': eksStarter,
  'eks-fargate': eksStarter,
};

/**
 * Builds the starter configuration files for the chosen platform: the platform's own files, the IAM roles
 * and ECR repository every platform needs, a CloudFormation template that creates all of it as one stack,
 * and a README that ties them together. Sorted by path, and the
 * same input always gives the same bytes.
 */
export function generateStarterConfig(input: StarterConfigInput): StarterFile[] {
  const { workload, platform, design } = input;
  const starter = STARTERS[platform.id](input);
  const roles = roleDefinitions(design.iam, starter.supportingRoles, {
    namespace: workload.name,
    name: workload.name,
  });
  const lifecyclePolicy = ecrLifecyclePolicyFile(design.registry);
  const template = cloudFormationTemplate(input);
  const files: DescribedFile[] = [
    ...starter.files,
    iamRolesFile(roles),
    ecrRepositoryFile(design.registry),
    ...(lifecyclePolicy === null ? [] : [lifecyclePolicy]),
    cloudFormationTemplateFile(template),
  ];
  const steps = [
    'Create the image repository: `aws ecr create-repository --cli-input-json file://ecr/repository.json`',
    ...(lifecyclePolicy === null
      ? []
      : [
          'Give it its lifecycle policy: `aws ecr put-lifecycle-policy --cli-input-json file://ecr/lifecycle-policy.json`',
        ]),
    ...(workload.image === undefined ? [`Build the image and push it to ${design.registry.imageUri}.`] : []),
    ...iamRoleSteps(roles, 'service'),
    ...starter.steps.flatMap((step) =>
      step === WEB_IDENTITY_ROLES_STEP ? iamRoleSteps(roles, 'web-identity') : [step],
    ),
  ];
  const readme = readmeFile({
    workloadName: workload.name,
    platformName: platform.name,
    files,
    deploy: deployInstructions(input, template),
    steps,
    notes: starter.notes,
  });
  return [...files.map(({ path, mediaType, content }) => ({ path, mediaType, content })), readme].sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

import {
  cloudFormationTemplateFile,
  deployInstructions,
  templateDescription,
} from './cloudformation/cloudformation-template';
import { PARAMETER_ORDER } from './cloudformation/parameters';
import { TemplateBuilder, type TemplateDocument } from './cloudformation/template';
import { architectureFiles } from './diagram/architecture-files';
import type { RenderedFamily } from './families/family-unit';
import { FAMILY_UNITS } from './families/family-units';
import { secretStackSteps, secretSteps } from './plan/container-environment/api-files';
import { registryFiles, registrySteps } from './plan/registry/api-files';
import { iamRoleSteps, iamRolesFile } from './plan/roles/api-files';
import { readmeFile } from './shared/readme';
import {
  type DescribedFile,
  lazyFile,
  type StarterConfigInput,
  type StarterFile,
  WEB_IDENTITY_ROLES_STEP,
} from './shared/starter-file';

export type { StarterConfigInput, StarterFile } from './shared/starter-file';

/**
 * Builds the starter configuration files for the chosen platform: its family unit plans the architecture
 * once and renders it as the family's AWS API input files and as one CloudFormation stack; the roles and
 * the ECR repository every family has are rendered here from the same plan, the architecture diagrams
 * from the design, and a README ties them together. Sorted by path, and the same input always gives the same bytes.
 */
export function generateStarterConfig(input: StarterConfigInput): StarterFile[] {
  return starterConfig(input).files;
}

/**
 * The starter files and, as data, the CloudFormation template among them: an application's template is
 * made of its services' templates, and no renderer reads another's serialized output.
 */
export function starterConfig(input: StarterConfigInput): {
  files: StarterFile[];
  template: TemplateDocument;
} {
  const { workload, platform } = input;
  const family = FAMILY_UNITS[platform.family].render(input);
  const { roles, registry, environment } = family.plan;
  const templateDocument = stackTemplate(input, family);
  const files: DescribedFile[] = [
    ...family.apiFiles,
    iamRolesFile(roles),
    ...registryFiles(registry),
    cloudFormationTemplateFile(templateDocument),
    ...architectureFiles(input),
  ];
  const steps = [
    ...registrySteps(registry, workload.image !== undefined),
    ...iamRoleSteps(roles, 'service'),
    ...secretSteps(environment),
    ...family.steps.flatMap((step) =>
      step === WEB_IDENTITY_ROLES_STEP ? iamRoleSteps(roles, 'service-account') : [step],
    ),
  ];
  const readme = readmeFile({
    workloadName: workload.name,
    platformName: platform.name,
    files,
    deploy: deployInstructions(input, templateDocument, [
      ...secretStackSteps(environment),
      ...family.stackNextSteps,
    ]),
    steps,
    notes: family.notes,
  });
  // Each file as the answer shows it (path, media type, content), its content still written only when read.
  const shown = files.map((file) =>
    lazyFile({ path: file.path, mediaType: file.mediaType }, () => file.content),
  );
  return {
    files: [...shown, readme].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    template: templateDocument,
  };
}

/**
 * The CloudFormation template alone: the whole architecture as one stack in an existing VPC, built as
 * objects (intrinsic functions included) and serialized by the YAML library.
 */
export function cloudFormationTemplate(input: StarterConfigInput): TemplateDocument {
  return stackTemplate(input, FAMILY_UNITS[input.platform.family].render(input));
}

function stackTemplate(input: StarterConfigInput, family: RenderedFamily): TemplateDocument {
  const template = new TemplateBuilder(PARAMETER_ORDER);
  family.addCloudFormation(template);
  return template.build(templateDescription(input));
}

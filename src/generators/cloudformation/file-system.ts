import { addFileSystem as addPlannedFileSystem } from '../plan/file-system/cloudformation';
import { fileSystemPlan } from '../plan/file-system/plan';
import { StackReferences } from '../plan/stack-references';
import { PLACEHOLDERS } from '../shared/placeholders';
import { StarterConfigError } from '../shared/starter-config-error';
import type { StarterConfigInput } from '../shared/starter-file';
import { getAtt, type TemplateValue } from './intrinsics';
import type { TemplateBuilder } from './template';

/** The file system as the ECS and EKS templates refer to it until they use references. */
export interface StackFileSystem {
  fileSystemId: TemplateValue;
  accessPointId: TemplateValue;
  subnets: TemplateValue[];
  mountTargets: string[];
}

/** The ECS and EKS templates' EFS file system (plan/file-system), until those families plan it. */
export function addFileSystem(
  template: TemplateBuilder,
  input: StarterConfigInput,
  vpc: TemplateValue,
  privateSubnets: TemplateValue,
  clientSecurityGroup: TemplateValue,
): StackFileSystem {
  const plan = fileSystemPlan(input);
  if (plan === null) throw new StarterConfigError('the design puts no file system on EFS');
  const references = new StackReferences();
  const { subnets, mountTargets } = addPlannedFileSystem(template, references, plan, {
    vpc,
    privateSubnets,
    clientSecurityGroup,
  });
  return {
    fileSystemId: references.resolve(plan.fileSystemId),
    accessPointId: references.resolve(plan.accessPointId),
    subnets,
    mountTargets,
  };
}

/** How the design rules name the file system in the task role's statement, placeholders included. */
export function designedFileSystemArn(input: StarterConfigInput): string {
  return `arn:aws:elasticfilesystem:${input.workload.region}:${PLACEHOLDERS.accountId}:file-system/${PLACEHOLDERS.efsFileSystemId}`;
}

export function fileSystemArn(): TemplateValue {
  return getAtt('FileSystem', 'Arn');
}

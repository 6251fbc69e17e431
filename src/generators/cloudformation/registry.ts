import { ecrLifecyclePolicyFile, type PutLifecyclePolicyRequest } from '../shared/ecr-repository';
import type { StarterConfigInput } from '../shared/starter-file';
import { getAtt } from './intrinsics';
import type { TemplateBuilder } from './template';

/** ECR repository names: 2 to 256 characters, lowercase words joined by single separators. */
const ECR_REPOSITORY_NAME =
  /^(?=.{2,256}$)[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;

/**
 * The workload's ECR repository, as ecr/repository.json describes it, with the lifecycle policy of
 * ecr/lifecycle-policy.json: the policy text is taken from that request, so both say the same thing.
 */
export function addRepository(template: TemplateBuilder, input: StarterConfigInput): void {
  const { registry } = input.design;
  const lifecyclePolicy = ecrLifecyclePolicyFile(registry);
  const policyText =
    lifecyclePolicy === null
      ? undefined
      : (JSON.parse(lifecyclePolicy.content) as PutLifecyclePolicyRequest).lifecyclePolicyText;
  template.resource('Repository', {
    Type: 'AWS::ECR::Repository',
    Properties: {
      RepositoryName: repositoryName(registry.repositoryName),
      ImageTagMutability: registry.imageTagMutability === 'MUTABLE' ? 'MUTABLE' : 'IMMUTABLE',
      ImageScanningConfiguration: { ScanOnPush: registry.imageScanOnPush ?? true },
      EncryptionConfiguration: { EncryptionType: 'AES256' },
      ...(policyText === undefined ? {} : { LifecyclePolicy: { LifecyclePolicyText: policyText } }),
    },
  });
  template.output('RepositoryUri', {
    Description: 'Push new versions of the image here (docker push <uri>:<tag>).',
    Value: getAtt('Repository', 'RepositoryUri'),
  });
}

/**
 * A workload name is a valid repository name unless it ends in a hyphen or has a single character, both of
 * which the request allows and ECR does not: the hyphens are dropped and a name too short gets "-images".
 */
export function repositoryName(name: string): string {
  if (ECR_REPOSITORY_NAME.test(name)) return name;
  const trimmed = name.replace(/-+$/, '');
  return trimmed.length >= 2 ? trimmed : `${trimmed}-images`;
}

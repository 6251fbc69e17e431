import { ecrLifecyclePolicyFile, type PutLifecyclePolicyRequest } from '../shared/ecr-repository';
import type { StarterConfigInput } from '../shared/starter-file';
import { getAtt } from './intrinsics';
import type { TemplateBuilder } from './template';

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
      RepositoryName: registry.repositoryName,
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

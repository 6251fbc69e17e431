import { getAtt } from '../../cloudformation/intrinsics';
import type { TemplateBuilder } from '../../cloudformation/template';
import { lifecyclePolicyText, type RegistryPlan } from './plan';

/** AWS::ECR::Repository `Repository` with the planned lifecycle policy, and its URI as an output. */
export function addRepository(template: TemplateBuilder, registry: RegistryPlan): void {
  template.resource('Repository', {
    Type: 'AWS::ECR::Repository',
    Properties: {
      RepositoryName: registry.repositoryName,
      ImageTagMutability: registry.imageTagMutability,
      ...(registry.mutableTags.length === 0
        ? {}
        : {
            ImageTagMutabilityExclusionFilters: registry.mutableTags.map((tag) => ({
              ImageTagMutabilityExclusionFilterType: 'WILDCARD',
              ImageTagMutabilityExclusionFilterValue: tag,
            })),
          }),
      ImageScanningConfiguration: { ScanOnPush: registry.scanOnPush },
      EncryptionConfiguration: { EncryptionType: 'AES256' },
      ...(registry.lifecycleRules.length === 0
        ? {}
        : { LifecyclePolicy: { LifecyclePolicyText: lifecyclePolicyText(registry.lifecycleRules) } }),
    },
  });
  template.output('RepositoryUri', {
    Description: 'Push new versions of the image here (docker push <uri>:<tag>).',
    Value: getAtt('Repository', 'RepositoryUri'),
  });
}

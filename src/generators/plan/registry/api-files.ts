import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import { lifecyclePolicyText, type RegistryPlan } from './plan';

/** ecr CreateRepository (ECR API 2015-09-21); declared here, as Berth has no ECR client. */
export interface CreateRepositoryRequest {
  repositoryName: string;
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION';
  imageTagMutabilityExclusionFilters?: { filterType: 'WILDCARD'; filter: string }[];
  imageScanningConfiguration: { scanOnPush: boolean };
  encryptionConfiguration: { encryptionType: 'AES256' | 'KMS' };
}

/** ecr PutLifecyclePolicy; the policy itself travels as a JSON string. */
export interface PutLifecyclePolicyRequest {
  repositoryName: string;
  lifecyclePolicyText: string;
}

/** ecr/repository.json, and ecr/lifecycle-policy.json when the plan has lifecycle rules. */
export function registryFiles(registry: RegistryPlan): DescribedFile[] {
  const repository: CreateRepositoryRequest = {
    repositoryName: registry.repositoryName,
    imageTagMutability: registry.imageTagMutability,
    ...(registry.mutableTags.length === 0
      ? {}
      : {
          imageTagMutabilityExclusionFilters: registry.mutableTags.map((tag) => ({
            filterType: 'WILDCARD' as const,
            filter: tag,
          })),
        }),
    imageScanningConfiguration: { scanOnPush: registry.scanOnPush },
    encryptionConfiguration: { encryptionType: 'AES256' },
  };
  const files = [
    jsonFile('ecr/repository.json', repository, 'ECR CreateRepository input: the image repository.'),
  ];
  if (registry.lifecycleRules.length === 0) return files;
  const lifecyclePolicy: PutLifecyclePolicyRequest = {
    repositoryName: registry.repositoryName,
    lifecyclePolicyText: lifecyclePolicyText(registry.lifecycleRules),
  };
  files.push(
    jsonFile(
      'ecr/lifecycle-policy.json',
      lifecyclePolicy,
      'ECR PutLifecyclePolicy input: expire old and untagged images.',
    ),
  );
  return files;
}

/** Creating the repository and its lifecycle policy, and pushing the image when the request named none. */
export function registrySteps(registry: RegistryPlan, imageGiven: boolean): string[] {
  return [
    'Create the image repository: `aws ecr create-repository --cli-input-json file://ecr/repository.json`',
    ...(registry.lifecycleRules.length === 0
      ? []
      : [
          'Give it its lifecycle policy: `aws ecr put-lifecycle-policy --cli-input-json file://ecr/lifecycle-policy.json`',
        ]),
    ...(imageGiven ? [] : [`Build the image and push it to ${registry.imageUri}.`]),
  ];
}

import type { components } from '../../contract/generated/openapi-types';
import { isRecord } from '../../shared/json-value';
import { jsonFile } from './serialize';
import type { DescribedFile } from './starter-file';

type Registry = components['schemas']['Registry'] & Record<string, unknown>;

/** ecr CreateRepository (ECR API 2015-09-21); declared here, as Berth has no ECR client. */
export interface CreateRepositoryRequest {
  repositoryName: string;
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE';
  imageScanningConfiguration: { scanOnPush: boolean };
  encryptionConfiguration: { encryptionType: 'AES256' | 'KMS' };
}

/** ecr PutLifecyclePolicy; the policy itself travels as a JSON string. */
export interface PutLifecyclePolicyRequest {
  repositoryName: string;
  lifecyclePolicyText: string;
}

interface LifecycleRule {
  rulePriority: number;
  description: string;
  selection: {
    tagStatus: 'tagged' | 'untagged' | 'any';
    tagPatternList?: string[];
    countType: 'imageCountMoreThan' | 'sinceImagePushed';
    countUnit?: 'days';
    countNumber: number;
  };
  action: { type: 'expire' };
}

export function ecrRepositoryFile(registry: Registry): DescribedFile {
  const value: CreateRepositoryRequest = {
    repositoryName: registry.repositoryName,
    imageTagMutability: registry.imageTagMutability === 'MUTABLE' ? 'MUTABLE' : 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: registry.imageScanOnPush ?? true },
    encryptionConfiguration: { encryptionType: 'AES256' },
  };
  return jsonFile('ecr/repository.json', value, 'ECR CreateRepository input: the image repository.');
}

/** The lifecycle policy the design asks for, or nothing when it asks for none. */
export function ecrLifecyclePolicyFile(registry: Registry): DescribedFile | null {
  const policy = isRecord(registry.lifecyclePolicy) ? registry.lifecyclePolicy : null;
  if (policy === null) return null;
  const rules: LifecycleRule[] = [];
  if (typeof policy.expireUntaggedAfterDays === 'number') {
    rules.push({
      rulePriority: rules.length + 1,
      description: `Expire untagged images after ${policy.expireUntaggedAfterDays} days`,
      selection: {
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countUnit: 'days',
        countNumber: policy.expireUntaggedAfterDays,
      },
      action: { type: 'expire' },
    });
  }
  if (typeof policy.keepLastImages === 'number') {
    rules.push({
      rulePriority: rules.length + 1,
      description: `Keep the last ${policy.keepLastImages} images`,
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: policy.keepLastImages },
      action: { type: 'expire' },
    });
  }
  if (rules.length === 0) return null;
  const value: PutLifecyclePolicyRequest = {
    repositoryName: registry.repositoryName,
    lifecyclePolicyText: JSON.stringify({ rules }),
  };
  return jsonFile(
    'ecr/lifecycle-policy.json',
    value,
    'ECR PutLifecyclePolicy input: expire old and untagged images.',
  );
}

import type { Design } from '../../../design/design';
import { isRecord } from '../../../shared/json-value';

/** One ECR lifecycle rule, as ECR's lifecycle policy language spells it. */
export interface LifecycleRule {
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

/** The workload's ECR repository: scanned on push, AES256-encrypted, with the designed lifecycle rules. */
export interface RegistryPlan {
  repositoryName: string;
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION';
  /** The tags IMMUTABLE_WITH_EXCLUSION leaves mutable (wildcard filters); empty otherwise. */
  mutableTags: string[];
  scanOnPush: boolean;
  /** Empty when the design asks for no lifecycle policy. */
  lifecycleRules: LifecycleRule[];
  /** The image the workload runs: the request's, or this repository's `latest`. */
  imageUri: string;
}

export function registryPlan(registry: Design['registry']): RegistryPlan {
  return {
    repositoryName: registry.repositoryName,
    imageTagMutability: registry.imageTagMutability ?? 'IMMUTABLE',
    mutableTags:
      registry.imageTagMutability === 'IMMUTABLE_WITH_EXCLUSION' ? (registry.mutableTags ?? []) : [],
    scanOnPush: registry.imageScanOnPush ?? true,
    lifecycleRules: lifecycleRules(registry.lifecyclePolicy),
    imageUri: registry.imageUri,
  };
}

/** The lifecycle policy's text, as both PutLifecyclePolicy and AWS::ECR::Repository take it. */
export function lifecyclePolicyText(rules: readonly LifecycleRule[]): string {
  return JSON.stringify({ rules });
}

function lifecycleRules(designed: unknown): LifecycleRule[] {
  if (!isRecord(designed)) return [];
  const rules: LifecycleRule[] = [];
  if (typeof designed.expireUntaggedAfterDays === 'number') {
    rules.push({
      rulePriority: rules.length + 1,
      description: `Expire untagged images after ${designed.expireUntaggedAfterDays} days`,
      selection: {
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countUnit: 'days',
        countNumber: designed.expireUntaggedAfterDays,
      },
      action: { type: 'expire' },
    });
  }
  if (typeof designed.keepLastImages === 'number') {
    rules.push({
      rulePriority: rules.length + 1,
      description: `Keep the last ${designed.keepLastImages} images`,
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: designed.keepLastImages },
      action: { type: 'expire' },
    });
  }
  return rules;
}

import type { CreateAutoScalingConfigurationCommandInput } from '@aws-sdk/client-apprunner';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';
import { autoScalingConfigurationName } from './app-runner-names';

/** App Runner's limits: at least one provisioned instance, at most 25 per service, 200 concurrent requests each. */
export const APP_RUNNER_MIN_SIZE = 1;
export const APP_RUNNER_MAX_SIZE = 25;
const APP_RUNNER_MAX_CONCURRENCY = 200;
/** App Runner's own default concurrency per instance. */
const DEFAULT_MAX_CONCURRENCY = 100;

export interface AppRunnerScaling {
  request: CreateAutoScalingConfigurationCommandInput;
  /** What had to change to fit App Runner's limits, for the README. */
  adjustments: string[];
}

export function appRunnerScaling(input: StarterConfigInput): AppRunnerScaling {
  const { workload, design } = input;
  const policy = design.scaling.policies.find((candidate) => candidate.type === 'app-runner-concurrency');
  const adjustments: string[] = [];
  const minSize = Math.max(design.scaling.minCapacity, APP_RUNNER_MIN_SIZE);
  if (minSize !== design.scaling.minCapacity) {
    adjustments.push(
      `App Runner keeps at least ${APP_RUNNER_MIN_SIZE} instance provisioned, so MinSize is ${minSize} rather than ${design.scaling.minCapacity}.`,
    );
  }
  const maxSize = Math.max(Math.min(design.scaling.maxCapacity, APP_RUNNER_MAX_SIZE), minSize);
  if (maxSize !== design.scaling.maxCapacity) {
    adjustments.push(
      `App Runner runs at most ${APP_RUNNER_MAX_SIZE} instances per service, so MaxSize is ${maxSize} rather than ${design.scaling.maxCapacity}.`,
    );
  }
  const maxConcurrency = Math.min(policy?.targetValue ?? DEFAULT_MAX_CONCURRENCY, APP_RUNNER_MAX_CONCURRENCY);
  return {
    request: {
      AutoScalingConfigurationName: autoScalingConfigurationName(workload.name),
      MaxConcurrency: maxConcurrency,
      MinSize: minSize,
      MaxSize: maxSize,
    },
    adjustments,
  };
}

/** app-runner/auto-scaling-configuration.json: CreateAutoScalingConfiguration with the designed concurrency. */
export function autoScalingConfigurationFile(scaling: AppRunnerScaling): DescribedFile {
  return jsonFile(
    'app-runner/auto-scaling-configuration.json',
    scaling.request,
    'App Runner CreateAutoScalingConfiguration input: concurrent requests per instance, and the instance range.',
  );
}

import { familyUnit } from '../family-unit';
import { appRunnerFiles } from './api-files';
import { addAppRunnerResources } from './cloudformation';
import { type AppRunnerPlan, appRunnerPlan } from './plan';
import { STEPS } from './steps';

export const appRunnerUnit = familyUnit<AppRunnerPlan>({
  plan: appRunnerPlan,
  apiFiles: appRunnerFiles,
  cloudFormation: addAppRunnerResources,
  steps: () => [STEPS.createAutoScalingConfiguration, STEPS.createService],
  notes: (plan) => plan.notes,
  stackNextSteps: () => [],
});

import { taskStoppedRuleSteps } from '../../plan/task-stopped-rule/api-files';
import { familyUnit } from '../family-unit';
import { expressModeFiles } from './api-files';
import { addExpressModeResources } from './cloudformation';
import { type ExpressModePlan, expressModePlan } from './plan';
import { STEPS } from './steps';

export const ecsExpressModeUnit = familyUnit<ExpressModePlan>({
  plan: expressModePlan,
  apiFiles: expressModeFiles,
  cloudFormation: addExpressModeResources,
  steps: (plan) => [
    STEPS.createService,
    ...(plan.taskStoppedRule === null ? [] : taskStoppedRuleSteps(plan.taskStoppedRule)),
  ],
  notes: (plan) => plan.notes,
  stackNextSteps: () => [],
});

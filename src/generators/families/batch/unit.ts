import { familyUnit } from '../family-unit';
import { batchFiles, batchSteps } from './api-files';
import { addBatchResources } from './cloudformation';
import { type BatchPlan, batchPlan } from './plan';

/** AWS Batch: one plan (compute environment, job queue, job definition, trigger), rendered both ways. */
export const batchUnit = familyUnit<BatchPlan>({
  plan: batchPlan,
  apiFiles: batchFiles,
  cloudFormation: addBatchResources,
  steps: batchSteps,
  notes: (plan) => plan.notes,
  stackNextSteps: () => [],
});

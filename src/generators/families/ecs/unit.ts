import { familyUnit } from '../family-unit';
import { ecsFiles, ecsSteps } from './api-files';
import { addEcsResources } from './cloudformation';
import { type EcsPlan, ecsPlan } from './plan';

/** ECS on Fargate or on EC2: one plan, rendered as the API input files and as the stack's resources. */
export const ecsUnit = familyUnit<EcsPlan>({
  plan: ecsPlan,
  apiFiles: ecsFiles,
  cloudFormation: addEcsResources,
  steps: ecsSteps,
  notes: (plan) => plan.notes,
  stackNextSteps: () => [],
});

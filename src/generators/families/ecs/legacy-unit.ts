import { addEcsResources } from '../../cloudformation/ecs-template';
import { ecsStarter } from '../../ecs/ecs-starter';
import { familyUnit } from '../family-unit';
import { type LegacyPlan, legacyPlan } from '../legacy-plan';

/** ECS on Fargate or EC2 through today's generators (ecs/, cloudformation/ecs-*), until the family is migrated. */
export const ecsLegacyUnit = familyUnit<LegacyPlan>({
  plan: (input) => legacyPlan(input, ecsStarter(input)),
  apiFiles: (plan) => plan.starter.files,
  cloudFormation: (plan, template) => addEcsResources(template, plan.input),
  steps: (plan) => plan.starter.steps,
  notes: (plan) => plan.starter.notes,
  stackNextSteps: () => [],
});

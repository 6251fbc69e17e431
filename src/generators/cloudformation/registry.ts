import { addRepository as addPlannedRepository } from '../plan/registry/cloudformation';
import { registryPlan } from '../plan/registry/plan';
import type { StarterConfigInput } from '../shared/starter-file';
import type { TemplateBuilder } from './template';

/** The ECS and EKS templates' repository, until their family units plan it (plan/registry). */
export function addRepository(template: TemplateBuilder, input: StarterConfigInput): void {
  addPlannedRepository(template, registryPlan(input.design.registry));
}

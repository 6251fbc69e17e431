import { addLogGroup as addPlannedLogGroup } from '../plan/log-group/cloudformation';
import { logGroupPlan } from '../plan/log-group/plan';
import type { TemplateBuilder } from './template';

/** The ECS template's log group by name, until the ECS family plans it (plan/log-group). */
export function addLogGroup(template: TemplateBuilder, logicalId: string, name: string): string {
  return addPlannedLogGroup(template, logicalId, logGroupPlan(name));
}

import type { components } from '../../contract/generated/openapi-types';
import { reference } from '../plan/reference';
import { StackReferences } from '../plan/stack-references';
import { addTaskStoppedRule as addPlannedRule } from '../plan/task-stopped-rule/cloudformation';
import { taskStoppedRulePlan } from '../plan/task-stopped-rule/plan';
import { PLACEHOLDERS } from '../shared/placeholders';
import type { StarterConfigInput } from '../shared/starter-file';
import type { TemplateValue } from './intrinsics';
import type { TemplateBuilder } from './template';

type MonitoringRule = components['schemas']['MonitoringRule'];

/** The ECS template's stopped-task rule on its cluster, until the ECS family plans it (plan/task-stopped-rule). */
export function addTaskStoppedRule(
  template: TemplateBuilder,
  input: StarterConfigInput,
  rule: MonitoringRule,
  clusterArn: TemplateValue,
): void {
  const { region } = input.workload;
  const references = new StackReferences();
  references.provide('cluster', { arn: clusterArn });
  const designedArn = `arn:aws:ecs:${region}:${PLACEHOLDERS.accountId}:cluster/${input.facts.runtime.clusterName}`;
  addPlannedRule(
    template,
    references,
    taskStoppedRulePlan(rule, region, reference('cluster', 'arn', designedArn)),
  );
}

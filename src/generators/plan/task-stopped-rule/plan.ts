import type { components } from '../../../contract/generated/openapi-types';
import { type LogGroupPlan, logGroupPlan } from '../log-group/plan';
import type { Reference } from '../reference';

type MonitoringRule = components['schemas']['MonitoringRule'];

/**
 * The EventBridge rule that records every stopped task with its stop code and reason in a CloudWatch Logs
 * group, so the history survives the hour in which ECS still describes a stopped task. `cluster` links the
 * pattern's cluster to the cluster the family creates; without it (a cluster the platform owns, matched by
 * name) the designed pattern stands as it is. The API files always write the designed pattern.
 */
export interface TaskStoppedRulePlan {
  name: string;
  description?: string;
  pattern: Record<string, unknown>;
  cluster: Reference | null;
  logGroup: LogGroupPlan;
  region: string;
  /** Where the API files put the PutRule / PutTargets pair. */
  path: string;
}

/** The log group the rule's events land in; EventBridge rules conventionally log under /aws/events/. */
export function monitoringLogGroupName(rule: MonitoringRule): string {
  return `/aws/events/${rule.name}`;
}

export function taskStoppedRulePlan(
  rule: MonitoringRule,
  region: string,
  cluster: Reference | null,
  path = 'ecs/task-stopped-rule.json',
): TaskStoppedRulePlan {
  return {
    name: rule.name,
    ...(rule.description === undefined ? {} : { description: rule.description }),
    pattern: rule.pattern,
    cluster,
    logGroup: logGroupPlan(monitoringLogGroupName(rule)),
    region,
    path,
  };
}

/**
 * How long the stack's log groups keep events. CloudWatch Logs keeps them forever by default, which
 * nobody means for a starter configuration; a month covers incident reviews without open-ended cost.
 */
export const LOG_RETENTION_DAYS = 30;

/** A CloudWatch Logs group the plan creates. */
export interface LogGroupPlan {
  name: string;
  retentionInDays: number;
}

export function logGroupPlan(name: string): LogGroupPlan {
  return { name, retentionInDays: LOG_RETENTION_DAYS };
}

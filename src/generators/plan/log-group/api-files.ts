import type { LogGroupPlan } from './plan';

/** Creating the log group with the CLI; its retention is the second call. */
export function createLogGroupCommand(logGroup: LogGroupPlan): string {
  return `aws logs create-log-group --log-group-name ${logGroup.name}`;
}

/** The second call: how long the group keeps events, as the stack's log group does. */
export function putRetentionPolicyCommand(logGroup: LogGroupPlan): string {
  return `aws logs put-retention-policy --log-group-name ${logGroup.name} --retention-in-days ${logGroup.retentionInDays}`;
}

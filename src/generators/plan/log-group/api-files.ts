import type { LogGroupPlan } from './plan';

/** Creating the log group with the CLI; its retention is the second call. */
export function createLogGroupCommand(logGroup: LogGroupPlan): string {
  return `aws logs create-log-group --log-group-name ${logGroup.name}`;
}

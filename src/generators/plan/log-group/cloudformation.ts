import type { TemplateBuilder } from '../../cloudformation/template';
import type { LogGroupPlan } from './plan';

/** AWS::Logs::LogGroup under `logicalId`; returns the logical id. */
export function addLogGroup(template: TemplateBuilder, logicalId: string, logGroup: LogGroupPlan): string {
  return template.resource(logicalId, {
    Type: 'AWS::Logs::LogGroup',
    Properties: { LogGroupName: logGroup.name, RetentionInDays: logGroup.retentionInDays },
  });
}

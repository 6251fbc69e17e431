import type { TemplateBuilder } from './template';

/**
 * How long the stack's log groups keep events. CloudWatch Logs keeps them forever by default, which
 * nobody means for a starter configuration; a month covers incident reviews without open-ended cost.
 */
export const LOG_RETENTION_DAYS = 30;

/** A log group with the retention above; returns its logical id. */
export function addLogGroup(template: TemplateBuilder, logicalId: string, name: string): string {
  return template.resource(logicalId, {
    Type: 'AWS::Logs::LogGroup',
    Properties: { LogGroupName: name, RetentionInDays: LOG_RETENTION_DAYS },
  });
}

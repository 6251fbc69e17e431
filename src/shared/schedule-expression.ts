/**
 * EventBridge schedule expressions as EventBridge accepts them
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html,
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html):
 * - `rate(value unit)`: the unit is singular when the value is 1 and plural otherwise, so `rate(1 hours)` and
 *   `rate(5 hour)` are refused by PutRule and by CloudFormation;
 * - `cron(minutes hours day-of-month month day-of-week year)`: day-of-month and day-of-week cannot both be
 *   given, so exactly one of them is `?`.
 * The request schema's pattern checks the shape; this checks what the pattern cannot, and writes the
 * expression the way the templates carry it (one space between parts, none inside the parentheses).
 */
export type ScheduleExpression =
  | { kind: 'rate'; value: number; unit: string }
  | { kind: 'cron'; fields: string[] };

const RATE = /^rate\(\s*([1-9]\d*)\s+(minute|minutes|hour|hours|day|days)\s*\)$/;
const CRON = /^cron\(\s*(\S+(?:\s+\S+){5})\s*\)$/;

export function parseScheduleExpression(expression: string): ScheduleExpression | null {
  const rate = RATE.exec(expression.trim());
  if (rate !== null) return { kind: 'rate', value: Number(rate[1]), unit: rate[2] ?? '' };
  const cron = CRON.exec(expression.trim());
  if (cron !== null) return { kind: 'cron', fields: (cron[1] ?? '').split(/\s+/) };
  return null;
}

/** Why EventBridge would refuse an expression the schema's pattern lets through; null when it would not. */
export function scheduleExpressionProblem(expression: string): string | null {
  const parsed = parseScheduleExpression(expression);
  if (parsed === null) return null;
  if (parsed.kind === 'rate') {
    const singular = parsed.unit.replace(/s$/, '');
    const wanted = parsed.value === 1 ? singular : `${singular}s`;
    if (parsed.unit === wanted) return null;
    return `EventBridge takes a singular unit for 1 and a plural one otherwise: write "rate(${parsed.value} ${wanted})"`;
  }
  const [, , dayOfMonth, , dayOfWeek] = parsed.fields;
  if ((dayOfMonth === '?') !== (dayOfWeek === '?')) return null;
  return dayOfMonth === '?'
    ? 'cannot have "?" in both day-of-month and day-of-week: give one of them, e.g. "*" for every day of the month'
    : `cannot give both day-of-month ("${dayOfMonth}") and day-of-week ("${dayOfWeek}"): write "?" in one of them, e.g. "cron(0 2 * * ? *)"`;
}

/** The expression with single spaces between its parts and none inside the parentheses. */
export function canonicalScheduleExpression(expression: string): string {
  const parsed = parseScheduleExpression(expression);
  if (parsed === null) return expression;
  return parsed.kind === 'rate' ? `rate(${parsed.value} ${parsed.unit})` : `cron(${parsed.fields.join(' ')})`;
}

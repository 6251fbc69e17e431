import { parseScheduleExpression } from './schedule-expression';

/**
 * EventBridge schedule expressions, rewritten as the five-field cron a Kubernetes CronJob takes. Shared by
 * the rules (a schedule a CronJob cannot express exactly rules the Kubernetes platforms out) and the EKS
 * starter files.
 * EventBridge cron has six fields (minutes hours day-of-month month day-of-week year), `?` for "any",
 * numbers 1-7 for SUN-SAT and the L, W and # forms; Kubernetes has five fields, 0-6 for SUN-SAT and none of
 * L, W or #. A rate keeps its cadence, anchored to the clock rather than to the time the schedule was created.
 */
export interface KubernetesSchedule {
  schedule: string;
  /** False when the CronJob only approximates the expression; `reason` and `note` then say how. */
  exact: boolean;
  /** What of the expression cron cannot say, and what the CronJob would do instead. */
  reason?: string;
  note?: string;
}

const FIELD_CHARACTERS = /^[0-9A-Za-z*,/?#-]+$/;
const PLAIN_FIELD = /^[0-9A-Za-z*,/-]+$/;

/** When nothing sensible can be read from the expression: once a day, at midnight UTC. */
const DAILY = '0 0 * * *';

export function toKubernetesSchedule(expression: string): KubernetesSchedule {
  const parsed = parseScheduleExpression(expression);
  if (parsed?.kind === 'rate')
    return fromRate(parsed.value, parsed.unit, `rate(${parsed.value} ${parsed.unit})`);
  const fields = parsed?.kind === 'cron' ? parsed.fields : [];
  if (fields.length === 6 && fields.every((field) => FIELD_CHARACTERS.test(field))) return fromCron(fields);
  return {
    schedule: DAILY,
    exact: false,
    reason: 'it cannot be read as rate(…) or cron(…)',
    note: `The schedule expression could not be read as rate(…) or cron(…), so the CronJob runs daily at midnight UTC (${DAILY}): set the schedule yourself.`,
  };
}

/** `original` names the expression as written, for the note, when a rate is rewritten in a larger unit. */
function fromRate(value: number, unit: string, original: string): KubernetesSchedule {
  if (unit.startsWith('minute')) {
    if (value % 60 === 0) return fromRate(value / 60, 'hours', original);
    if (value < 60 && 60 % value === 0)
      return { schedule: value === 1 ? '* * * * *' : `*/${value} * * * *`, exact: true };
    if (value < 60) {
      return inexact(
        `*/${value} * * * *`,
        original,
        `cron restarts its count every hour, so the last run of each hour is followed by a shorter gap`,
      );
    }
    const hours = Math.max(1, Math.round(value / 60));
    return inexact(
      fromRate(hours, 'hours', original).schedule,
      original,
      `cron cannot step by ${value} minutes across hours, so it runs every ${hours} hour(s) instead`,
    );
  }
  if (unit.startsWith('hour')) {
    if (value % 24 === 0) return fromRate(value / 24, 'days', original);
    if (value < 24 && 24 % value === 0)
      return { schedule: value === 1 ? '0 * * * *' : `0 */${value} * * *`, exact: true };
    if (value < 24) {
      return inexact(
        `0 */${value} * * *`,
        original,
        'cron restarts its count every day, so the last run of each day is followed by a shorter gap',
      );
    }
    const days = Math.max(1, Math.round(value / 24));
    return inexact(
      fromRate(days, 'days', original).schedule,
      original,
      `cron cannot step by ${value} hours across days, so it runs every ${days} day(s) instead`,
    );
  }
  if (value === 1) return { schedule: DAILY, exact: true };
  if (value === 7) return { schedule: '0 0 * * 0', exact: true };
  return inexact(
    `0 0 */${value} * *`,
    original,
    'cron restarts its count every month, so runs fall on fixed days of the month',
  );
}

function fromCron(fields: string[]): KubernetesSchedule {
  const [minutes = '*', hours = '*', dayOfMonth = '*', month = '*', dayOfWeek = '*', year = '*'] = fields;
  const reasons: string[] = [];
  if (!PLAIN_FIELD.test(minutes) || !PLAIN_FIELD.test(hours) || !PLAIN_FIELD.test(month)) {
    reasons.push('only the day fields may use ?, L, W or #');
  }
  if (year !== '*') reasons.push(`Kubernetes cron has no year field, so the year (${year}) is dropped`);
  const day = convertDayOfMonth(dayOfMonth, reasons);
  const weekday = convertDayOfWeek(dayOfWeek, reasons);
  const schedule = [plain(minutes), plain(hours), day, plain(month), weekday].join(' ');
  const original = `cron(${fields.join(' ')})`;
  return reasons.length === 0 ? { schedule, exact: true } : inexact(schedule, original, reasons.join('; '));
}

function convertDayOfMonth(field: string, reasons: string[]): string {
  if (field === '?') return '*';
  if (field.includes('L')) {
    reasons.push('the last day of the month (L) becomes the 28th, the last day every month has');
    return '28';
  }
  if (field.includes('W')) {
    const day = field.replace(/W/g, '');
    reasons.push(`the nearest weekday to a date (W) becomes the date itself`);
    return /^\d+$/.test(day) ? day : '*';
  }
  return plain(field);
}

/** EventBridge counts days of the week 1-7 from Sunday; Kubernetes counts 0-6. Names are the same in both. */
function convertDayOfWeek(field: string, reasons: string[]): string {
  if (field === '?' || field === '*') return '*';
  let value = field;
  if (value.includes('#')) {
    reasons.push('the nth weekday of the month (#) becomes every such weekday');
    value = value.replace(/#\d+/g, '');
  }
  if (/\dL|^L$/.test(value)) {
    reasons.push('the last weekday of the month (L) becomes every such weekday');
    value = value === 'L' ? '7' : value.replace(/L/g, '');
  }
  return value
    .split(',')
    .map((item) => {
      const [range = '', step] = item.split('/');
      const shifted = range === '*' ? range : range.replace(/\d+/g, (day) => String((Number(day) + 6) % 7));
      return step === undefined ? shifted : `${shifted}/${step}`;
    })
    .join(',');
}

/** Characters Kubernetes cron does not know (a stray `?`) are dropped rather than passed through. */
function plain(field: string): string {
  const cleaned = field.replace(/[^0-9A-Za-z*,/-]/g, '');
  return cleaned === '' ? '*' : cleaned;
}

function inexact(schedule: string, original: string, reason: string): KubernetesSchedule {
  return {
    schedule,
    exact: false,
    reason,
    note: `The schedule ${original} has no exact Kubernetes cron equivalent, so the CronJob uses \`${schedule}\`: ${reason}.`,
  };
}

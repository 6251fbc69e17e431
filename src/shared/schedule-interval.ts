/**
 * The shortest time between two ticks of an EventBridge schedule expression, in minutes: what a run must
 * stay under for runs not to overlap. Exact for rate(); for cron(), read from the minute, hour and day
 * fields (a field this cannot read, such as L, W or #, counts as every day, which gives a lower bound).
 */
export function shortestIntervalMinutes(expression: string): number | null {
  const rate = /^rate\(\s*(\d+)\s+(\w+)\s*\)$/.exec(expression.trim());
  if (rate) {
    const minutes = MINUTES_PER_UNIT[rate[2] ?? ''];
    return minutes === undefined ? null : Number(rate[1]) * minutes;
  }
  const fields = /^cron\((.*)\)$/.exec(expression.trim())?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) return null;
  const [minuteField = '0', hourField = '0', dayOfMonth = '*', , dayOfWeek = '*'] = fields;
  const minutes = valuesOf(minuteField, 0, 59);
  const hours = valuesOf(hourField, 0, 23);
  if (minutes === null || hours === null) return null;
  const [firstMinute, lastMinute] = [minutes[0], minutes[minutes.length - 1]];
  const [firstHour, lastHour] = [hours[0], hours[hours.length - 1]];
  if (
    firstMinute === undefined ||
    lastMinute === undefined ||
    firstHour === undefined ||
    lastHour === undefined
  )
    return null;
  // The day's ticks are every selected minute of every selected hour: the gaps between them are those
  // between the minutes within an hour, and from an hour's last minute to the next hour's first; then
  // from the day's last tick to the first tick of the next day the job runs on. Computed from the
  // fields, not by listing up to 1,440 ticks.
  const gaps = [
    ...gapsOf(minutes),
    ...gapsOf(hours).map((hourGap) => hourGap * 60 + firstMinute - lastMinute),
    daysBetweenRunDays(dayOfMonth, dayOfWeek) * MINUTES_PER_DAY +
      (firstHour * 60 + firstMinute) -
      (lastHour * 60 + lastMinute),
  ];
  return Math.min(...gaps);
}

const MINUTES_PER_DAY = 24 * 60;

/** The differences between consecutive values of a sorted list. */
function gapsOf(values: readonly number[]): number[] {
  return values.slice(1).map((value, index) => value - (values[index] as number));
}

const MINUTES_PER_UNIT: Record<string, number> = {
  minute: 1,
  minutes: 1,
  hour: 60,
  hours: 60,
  day: MINUTES_PER_DAY,
  days: MINUTES_PER_DAY,
};

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The values a cron field selects within [min, max]: *, lists, ranges and steps; null for other forms. */
function valuesOf(field: string, min: number, max: number): number[] | null {
  const selected = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|[0-9A-Za-z]+)(?:-([0-9A-Za-z]+))?(?:\/(\d+))?$/.exec(part);
    if (match === null) return null;
    const [, from = '*', to, step] = match;
    const start = from === '*' ? min : numberOf(from);
    const end = from === '*' ? max : to === undefined ? (step === undefined ? start : max) : numberOf(to);
    if (start === null || end === null || start < min || end > max || end < start) return null;
    for (let value = start; value <= end; value += Number(step ?? 1)) selected.add(value);
  }
  return [...selected].sort((a, b) => a - b);
}

/** A number, or a weekday name counted 1-7 from Sunday as EventBridge counts them. */
function numberOf(text: string): number | null {
  const weekday = WEEKDAYS.indexOf(text.toUpperCase());
  if (weekday >= 0) return weekday + 1;
  return /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The fewest days from one day the job runs on to the next: 1 when every day is selected; for set days of
 * the month, the shortest gap (across the end of a month counted in its shortest length, 28 days); for set
 * days of the week, the shortest gap around the week.
 */
function daysBetweenRunDays(dayOfMonth: string, dayOfWeek: string): number {
  const every = (field: string) => field === '*' || field === '?';
  if (!every(dayOfMonth)) return shortestCyclicGap(valuesOf(dayOfMonth, 1, 31), 28);
  if (!every(dayOfWeek)) return shortestCyclicGap(valuesOf(dayOfWeek, 1, 7), 7);
  return 1;
}

function shortestCyclicGap(values: number[] | null, cycle: number): number {
  const [first] = values ?? [];
  if (values === null || first === undefined) return 1;
  const gaps = values.slice(1).map((value, index) => value - (values[index] as number));
  gaps.push(Math.max(1, cycle + first - (values[values.length - 1] as number)));
  return Math.min(...gaps);
}

import type { CostModel } from '../catalogue/cost-model';
import type { Workload } from '../contract/workload';
import { shortestIntervalMinutes } from '../shared/schedule-interval';

/** How much a workload runs in a month: task-hours at the average, the low and the high end. */
export interface Usage {
  averageTasks: number;
  taskHours: { low: number; total: number; high: number };
  assumptions: string[];
}

/**
 * Services (web, workers, queue-fed batch) run between minTasks and maxTasks all month, at an average the
 * traffic pattern implies; other batch jobs run one task per trigger for the given or an assumed run length,
 * set against the schedule's interval by how its scheduler treats a run that outlasts it.
 */
export function usageOf(
  workload: Workload,
  model: CostModel,
  hoursPerMonth: number,
  deployed: DeployedScale,
): Usage {
  const { minTasks, scheduler } = deployed;
  const { maxTasks } = workload.resources;
  const runsAsService = workload.workloadType !== 'batch' || workload.trigger?.type === 'sqs';
  if (runsAsService) {
    const factor = model.averageTaskLoad[workload.traffic.pattern];
    const averageTasks = minTasks + factor * (maxTasks - minTasks);
    const raised =
      minTasks === workload.resources.minTasks
        ? ''
        : ` (minTasks ${workload.resources.minTasks} raised to the ${minTasks} the scaling policy needs)`;
    return {
      averageTasks,
      taskHours: {
        low: minTasks * hoursPerMonth,
        total: averageTasks * hoursPerMonth,
        high: maxTasks * hoursPerMonth,
      },
      assumptions: [
        `Runs ${round2(averageTasks)} tasks on average (${workload.traffic.pattern} traffic: minTasks + ${factor} × (maxTasks − minTasks)); low = ${minTasks}${raised}, high = ${maxTasks} tasks, ${hoursPerMonth} hours a month.`,
      ],
    };
  }
  const runs = runsPerMonth(workload, model, hoursPerMonth);
  const length = runLength(workload, model, scheduler);
  const total = (runs.count * length.minutes.total) / 60;
  return {
    averageTasks: total / hoursPerMonth,
    taskHours: {
      low: (runs.count * length.minutes.low) / 60,
      total,
      high: (runs.count * length.minutes.high) / 60,
    },
    assumptions: [`${runs.description}, one task per run for ${length.description}.`],
  };
}

/** The scheduler that starts a scheduled job's runs, as the design chose it; null for other triggers. */
export type RunScheduler = 'eventbridge-schedule' | 'kubernetes-cronjob' | null;

/** What the design deploys that the usage depends on: the fewest tasks kept running, and the scheduler. */
export interface DeployedScale {
  minTasks: number;
  scheduler: RunScheduler;
}

interface RunLength {
  /** Minutes billed per tick of the schedule (or per run, for other triggers), at each end. */
  minutes: { low: number; total: number; high: number };
  description: string;
}

/**
 * How long each run is billed: the given run length, or the cost model's assumed one. A scheduled run is
 * set against the shortest interval between ticks: an assumed length is capped at it; a given length that
 * outlasts it is billed in full where the scheduler overlaps runs, and where it skips the ticks that fall
 * during a run, only every whole number of intervals starts one (so the minutes per tick shrink).
 */
function runLength(workload: Workload, model: CostModel, scheduler: RunScheduler): RunLength {
  const given = workload.resources.expectedRunMinutes;
  const assumed = model.batch.runMinutes;
  const expression = workload.trigger?.type === 'schedule' ? workload.trigger.expression : undefined;
  const interval =
    expression === undefined || scheduler === null ? null : shortestIntervalMinutes(expression);
  if (given !== undefined) {
    const minutes = { low: given, total: given, high: given };
    if (interval === null || scheduler === null || given <= interval)
      return { minutes, description: `${round2(given)} minutes (resources.expectedRunMinutes)` };
    if (model.batch.scheduledRuns.overlapByScheduler[scheduler]) {
      return {
        minutes,
        description: `${round2(given)} minutes (resources.expectedRunMinutes), longer than the ${round2(interval)}-minute interval between runs, so about ${round2(given / interval)} runs overlap at a time and each is billed in full`,
      };
    }
    const ticksPerRun = Math.ceil(given / interval);
    const perTick = given / ticksPerRun;
    return {
      minutes: { low: perTick, total: perTick, high: perTick },
      description: `${round2(given)} minutes (resources.expectedRunMinutes), longer than the ${round2(interval)}-minute interval between runs: the CronJob skips the ticks that fall during a run, so a run starts every ${round2(ticksPerRun * interval)} minutes`,
    };
  }
  const capped = (minutes: number) => (interval === null ? minutes : Math.min(minutes, interval));
  const minutes = {
    low: capped(assumed * model.batch.lowDurationFactor),
    total: capped(assumed),
    high: capped(assumed * model.batch.highDurationFactor),
  };
  const range = `low ${round2(minutes.low)}, high ${round2(minutes.high)} minutes; set resources.expectedRunMinutes to give the real length`;
  const cap =
    interval !== null && assumed * model.batch.highDurationFactor > interval
      ? `, capped at the ${round2(interval)}-minute interval between runs`
      : '';
  return {
    minutes,
    description: `about ${round2(minutes.total)} minutes, assumed (${range})${cap}`,
  };
}

function runsPerMonth(
  workload: Workload,
  model: CostModel,
  hoursPerMonth: number,
): { count: number; description: string } {
  const trigger = workload.trigger;
  if (trigger?.type === 'schedule' && trigger.expression !== undefined) {
    const count = schedulesPerMonth(trigger.expression, hoursPerMonth);
    return { count, description: `${trigger.expression} runs about ${round2(count)} times a month` };
  }
  if (trigger?.type === 's3-object-created') {
    const count = model.batch.runsPerMonth['s3-object-created'];
    return { count, description: `Assumes ${count} new objects a month (one run each)` };
  }
  const count = model.batch.runsPerMonth.manual;
  return { count, description: `Assumes ${count} manual runs a month` };
}

const HOURS_PER_UNIT: Record<string, number> = {
  minute: 1 / 60,
  minutes: 1 / 60,
  hour: 1,
  hours: 1,
  day: 24,
  days: 24,
};

/**
 * Runs per month of an EventBridge schedule: exact for rate(); for cron(), counts the minute and hour
 * fields and whether days are limited (a list or range of weekdays, or set days of the month).
 */
export function schedulesPerMonth(expression: string, hoursPerMonth: number): number {
  const rate = /^rate\(\s*(\d+)\s+(\w+)\s*\)$/.exec(expression);
  if (rate) return hoursPerMonth / (Number(rate[1]) * (HOURS_PER_UNIT[rate[2] ?? ''] ?? 1));
  const fields = /^cron\((.*)\)$/.exec(expression)?.[1]?.trim().split(/\s+/) ?? [];
  const [minutes = '0', hours = '0', dayOfMonth = '*', , dayOfWeek = '?'] = fields;
  const perHour = countOf(minutes, 60);
  const perDay = countOf(hours, 24) * perHour;
  const daysPerMonth = hoursPerMonth / 24;
  let days = daysPerMonth;
  if (dayOfMonth !== '*' && dayOfMonth !== '?') days = countOf(dayOfMonth, 31) * (daysPerMonth / 31);
  else if (dayOfWeek !== '*' && dayOfWeek !== '?') days = countOf(dayOfWeek, 7) * (daysPerMonth / 7);
  return perDay * days;
}

/** How many values a cron field selects out of `range`: *, lists, ranges (MON-FRI counts 5) and steps. */
function countOf(field: string, range: number): number {
  if (field === '*' || field === '?') return range;
  const step = /^(\*|\d+)\/(\d+)$/.exec(field);
  if (step) return Math.ceil(range / Number(step[2]));
  return field.split(',').reduce((count, part) => {
    const bounds = part.split('-');
    if (bounds.length !== 2) return count + 1;
    const [from, to] = bounds.map((bound) => WEEKDAYS.indexOf(bound.toUpperCase()) + 1 || Number(bound)) as [
      number,
      number,
    ];
    return count + (Number.isFinite(from) && Number.isFinite(to) && to >= from ? to - from + 1 : 1);
  }, 0);
}

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

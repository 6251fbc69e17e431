import { parseArgs } from 'node:util';

export const SECTIONS = ['advisor', 'unique', 'repeated', 'memory', 'start'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: Section[];
  /** Workloads the in-process section measures (each distinct, each once). */
  advisorWorkloads: number;
  /** Seconds of each autocannon run in the HTTP sections (healthz before, the bodies, healthz after). */
  loadSeconds: number;
  /** Seconds of the memory section's soak of unique bodies. */
  soakSeconds: number;
  /** Starts the start-up section times. */
  starts: number;
  quick: boolean;
}

const DEFAULTS = { advisorWorkloads: 2000, loadSeconds: 10, soakSeconds: 60, starts: 5 };
const QUICK = { advisorWorkloads: 300, loadSeconds: 3, soakSeconds: 10, starts: 3 };

export const USAGE = `npm run bench -- [--only <sections>] [--quick] [--workloads N] [--seconds N] [--soak-seconds N] [--starts N]
  --only          comma-separated sections, of: ${SECTIONS.join(', ')} (default: all; env BENCH_ONLY)
  --quick         a short try-out run: ${QUICK.advisorWorkloads} workloads, ${QUICK.loadSeconds} s runs, a ${QUICK.soakSeconds} s soak, ${QUICK.starts} starts (env BENCH_QUICK=1); its figures are not the targets' measure
  --workloads     workloads the in-process advisor section measures (default ${DEFAULTS.advisorWorkloads}; env BENCH_WORKLOADS)
  --seconds       seconds of each HTTP load run (default ${DEFAULTS.loadSeconds}; env BENCH_SECONDS)
  --soak-seconds  seconds of the memory section's soak (default ${DEFAULTS.soakSeconds}, as the target says; env BENCH_SOAK_SECONDS)
  --starts        times the start-up section starts the server (default ${DEFAULTS.starts}; env BENCH_STARTS)`;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, not "${text}"`);
  return value;
}

function sectionsOf(text: string | undefined): Section[] {
  if (text === undefined || text === '') return [...SECTIONS];
  const wanted = text.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  return SECTIONS.filter((section) => wanted.includes(section));
}

/** The options from the command line, then the environment, then the defaults (or --quick's). */
export function benchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean' },
      workloads: { type: 'string' },
      seconds: { type: 'string' },
      'soak-seconds': { type: 'string' },
      starts: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return 'help';
  const quick = values.quick === true || env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const fallback = quick ? QUICK : DEFAULTS;
  return {
    sections: sectionsOf(values.only ?? env.BENCH_ONLY),
    advisorWorkloads: positive(
      '--workloads',
      values.workloads ?? env.BENCH_WORKLOADS,
      fallback.advisorWorkloads,
    ),
    loadSeconds: positive('--seconds', values.seconds ?? env.BENCH_SECONDS, fallback.loadSeconds),
    soakSeconds: positive(
      '--soak-seconds',
      values['soak-seconds'] ?? env.BENCH_SOAK_SECONDS,
      fallback.soakSeconds,
    ),
    starts: positive('--starts', values.starts ?? env.BENCH_STARTS, fallback.starts),
    quick,
  };
}

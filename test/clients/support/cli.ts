import { availableParallelism } from 'node:os';
import { type CliOptions, type CliRun, runBerth } from '../../../scripts/support/berth-cli';
import { BUILT_CLI } from '../../support/built-tree';

export type { CliRun };

/**
 * The CLI as the tests run it: the built one, which is what bin/berth runs on a built tree (jest's
 * globalSetup compiles dist/ when the sources are newer). The docs' examples run the same runner from
 * source (scripts/support/berth-cli.ts).
 */
export const BUILT_CLI_COMMAND = [process.execPath, BUILT_CLI] as const;

/** One run takes about half a second on a quiet machine; this bounds it on a very busy one. */
const RUN_TIMEOUT_MS = 60_000;

/** At most this many CLI processes at once: more only compete for the same cores. */
const PARALLEL_RUNS = Math.max(2, availableParallelism());

let running = 0;
const waiting: (() => void)[] = [];

async function runSlot<T>(run: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL_RUNS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await run();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Runs the built `berth ...args` as a child process and collects its output and exit code. */
export function berth(args: readonly string[], options: Omit<CliOptions, 'command'> = {}): Promise<CliRun> {
  return runSlot(() => runBerth(args, { command: BUILT_CLI_COMMAND, timeoutMs: RUN_TIMEOUT_MS, ...options }));
}

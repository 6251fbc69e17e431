/** The exit codes of `berth`, as scripts rely on them. */
export const EXIT = {
  /** The command answered (for `recommend`: a recommendation). */
  answered: 0,
  /** The command failed for a reason of its own (a malformed rule file, an unexpected error). */
  failed: 1,
  /** The input is invalid: an unknown command or flag, an unreadable file, or a workload the API would reject. */
  invalidInput: 2,
  /** The workload is valid, but no platform meets every hard requirement. */
  noEligiblePlatform: 3,
} as const;

/** A usage mistake: the message is printed with a pointer to the help, and the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function out(text: string): void {
  process.stdout.write(text);
}

export function err(text: string): void {
  process.stderr.write(text);
}

/** Terminal width for wrapping: the terminal's own, or 100 when the output is not a terminal. */
export function outputWidth(): number {
  return process.stdout.isTTY ? Math.max(60, Math.min(process.stdout.columns, 120)) : 100;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

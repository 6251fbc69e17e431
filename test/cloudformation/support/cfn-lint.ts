import { spawnSync } from 'node:child_process';

/** One finding of cfn-lint's JSON output. */
export interface LintMatch {
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Filename: string;
  Rule: { Id: string; Description: string };
  Location: { Start: { LineNumber: number; ColumnNumber: number } };
}

/** cfn-lint's exit status is a bit field: 2 errors, 4 warnings, 8 informational; anything else is a failure. */
const FINDING_BITS = 2 | 4 | 8;

/**
 * Runs one cfn-lint process over every template (it reads each in turn, far faster than a process per
 * file) and returns its findings. cfn-lint must be on PATH: CI has it, and a template nobody checked must
 * not pass for a checked one, so its absence fails rather than skips.
 */
export function cfnLint(files: readonly string[]): LintMatch[] {
  const result = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error !== undefined) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'cfn-lint is not on PATH. Install it (pip install cfn-lint, version 1.x) to check the CloudFormation templates; CI has it.'
        : `cfn-lint could not run: ${result.error.message}`,
    );
  }
  const status = result.status ?? -1;
  if ((status & ~FINDING_BITS) !== 0) {
    throw new Error(`cfn-lint failed (exit status ${status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout.trim() === '' ? [] : (JSON.parse(result.stdout) as LintMatch[]);
}

/** A finding as one line: file:line:column rule message. */
export function describeMatch(match: LintMatch): string {
  const { LineNumber, ColumnNumber } = match.Location.Start;
  return `${match.Filename}:${LineNumber}:${ColumnNumber} ${match.Rule.Id} ${match.Message}`;
}

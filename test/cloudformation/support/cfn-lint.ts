import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

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
 * Runs cfn-lint over every template and returns its findings: one process per core, each over its share of
 * the templates (a process reads its files in turn, far faster than a process per file; the share keeps
 * every core busy). cfn-lint must be on PATH: CI has it, and a template nobody checked must not pass for a
 * checked one, so its absence fails rather than skips.
 */
export async function cfnLint(
  files: readonly string[],
  options: { signal?: AbortSignal } = {},
): Promise<LintMatch[]> {
  const processes = Math.min(availableParallelism(), files.length);
  const shares = Array.from({ length: processes }, (_, share) =>
    files.filter((_file, index) => index % processes === share),
  );
  return (await Promise.all(shares.map((share) => cfnLintProcess(share, options.signal)))).flat();
}

/** One cfn-lint process over these files; `signal` kills it (a test file that ends before it does). */
function cfnLintProcess(files: readonly string[], signal: AbortSignal | undefined): Promise<LintMatch[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('cfn-lint', ['--format', 'json', '--', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal === undefined ? {} : { signal, killSignal: 'SIGKILL' as const }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'ENOENT'
            ? 'cfn-lint is not on PATH. Install it (pip install cfn-lint, version 1.x) to check the CloudFormation templates; CI has it.'
            : `cfn-lint could not run: ${error.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      const status = code ?? -1;
      if (signal !== null || (status & ~FINDING_BITS) !== 0) {
        reject(new Error(`cfn-lint failed (exit status ${code}, signal ${signal}): ${stderr || stdout}`));
        return;
      }
      try {
        resolve(stdout.trim() === '' ? [] : (JSON.parse(stdout) as LintMatch[]));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** A finding as one line: file:line:column rule message. */
export function describeMatch(match: LintMatch): string {
  const { LineNumber, ColumnNumber } = match.Location.Start;
  return `${match.Filename}:${LineNumber}:${ColumnNumber} ${match.Rule.Id} ${match.Message}`;
}

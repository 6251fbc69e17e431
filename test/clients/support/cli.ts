import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/project-paths';

/** The CLI run from source, as `berth` runs the build: same entry point, no build step in the tests. */
export const CLI_COMMAND = [
  process.execPath,
  '-r',
  'tsx/cjs',
  join(PROJECT_ROOT, 'src/clients/cli/main.ts'),
] as const;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `berth ...args` as a child process, optionally with stdin, and collects its output and exit code. */
export function berth(
  args: readonly string[],
  options: { stdin?: string; cwd?: string } = {},
): Promise<CliRun> {
  const [command, ...prefix] = CLI_COMMAND;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-paths';

/**
 * The CLI run from source, as `berth` runs the build: same entry point, no build step. tsx is resolved from
 * the project, so the command works from any working directory.
 */
export const CLI_COMMAND = [
  process.execPath,
  '-r',
  require.resolve('tsx/cjs', { paths: [PROJECT_ROOT] }),
  join(PROJECT_ROOT, 'src/clients/cli/main.ts'),
] as const;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Written to the CLI's standard input, which is then closed (empty by default). */
  stdin?: string;
  /** The project root by default. */
  cwd?: string;
  /** The CLI's whole environment; this process's by default. */
  env?: NodeJS.ProcessEnv;
}

/** Runs `berth ...args` as a child process and collects its output and exit code. */
export function runBerth(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const [command, ...prefix] = CLI_COMMAND;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: options.env ?? process.env,
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

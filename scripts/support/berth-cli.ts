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
  /** The command that runs the CLI, without the arguments: CLI_COMMAND (from source) by default. */
  command?: readonly string[];
  /** Written to the CLI's standard input, which is then closed (empty by default). */
  stdin?: string;
  /** The project root by default. */
  cwd?: string;
  /** The CLI's whole environment; this process's by default. */
  env?: NodeJS.ProcessEnv;
  /** A run still going after this long is killed and rejected with its output so far (no limit by default). */
  timeoutMs?: number;
}

/** Runs `berth ...args` as a child process and collects its output and exit code. */
export function runBerth(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const [command, ...prefix] = options.command ?? CLI_COMMAND;
  if (command === undefined) throw new Error('runBerth needs a command');
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
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
            reject(
              new Error(
                `berth ${args.join(' ')} ran longer than ${options.timeoutMs} ms:\n${stdout}${stderr}`,
              ),
            );
          }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-paths';
import { runBerth } from '../support/berth-cli';
import { freePort } from '../support/free-port';

/** The real server, from the sources (tsx), on a free loopback port, as `npm run dev` starts it. */
export interface RunningServer {
  readonly base: string;
  stop(): Promise<void>;
}

/** `environment` adds to (or overrides) the variables below, e.g. `BERTH_API_KEYS`. */
export async function startServer(
  environment: Readonly<Record<string, string>> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'src/server.ts')],
    {
      cwd: PROJECT_ROOT,
      // Defaults throughout, except quiet logs and no rate limit: the examples are many quick requests.
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        BERTH_LOG_LEVEL: 'silent',
        BERTH_RATE_LIMIT_REQUESTS: '0',
        ...environment,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready)
      return {
        base,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not become ready in 60 s');
}

export interface CliResult {
  /** stdout then stderr, as a terminal shows a command that writes to only one of them. */
  readonly output: string;
  readonly code: number | null;
}

/**
 * `berth …args` from the sources, in `cwd`, with stdout not a terminal (so lines wrap at 100) and no
 * variables but PATH, so nothing in the caller's environment reaches the examples.
 */
export async function runCli(args: readonly string[], cwd: string): Promise<CliResult> {
  const { code, stdout, stderr } = await runBerth(args, { cwd, env: { PATH: process.env.PATH } });
  return { output: stdout + stderr, code };
}

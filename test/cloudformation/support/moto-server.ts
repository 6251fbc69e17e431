import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../../scripts/support/free-port';

/** A moto server this test run started, on a loopback port of its own. */
export interface MotoServer {
  endpoint: string;
  /** Everything it wrote so far: moto logs there what it skips and why a request failed. */
  output(): string;
  stop(): Promise<void>;
}

/** Generous: starting Python and importing moto takes seconds on a busy machine. It is a wait, not a limit. */
const START_WAIT_MS = 90_000;
const STOP_WAIT_MS = 10_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether the child exits within `ms`; the timer does not outlive the answer. */
function exitsWithin(child: ChildProcess, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void exitOf(child).then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `moto_server` on a free port and waits until it answers. It must be on PATH (CI has it; `pip install
 * "moto[server]"`): a deploy nobody ran must not pass for one that succeeded, so its absence fails. Its output
 * goes to a file in `directory`, not a pipe: a pipe nobody drains while a synchronous step runs fills up and
 * stalls the server.
 */
export async function startMotoServer(directory: string): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const logPath = join(directory, 'moto_server.log');
  const log = openSync(logPath, 'w');
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    cwd: directory,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const output = () => readFileSync(logPath, 'utf8');
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure =
      error.code === 'ENOENT'
        ? new Error(
            'moto_server is not on PATH: install it (pip install "moto[server]") to deploy the templates on moto; CI has it.',
          )
        : error;
  });
  const server: MotoServer = {
    endpoint,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill('SIGTERM');
      if (!(await exitsWithin(child, STOP_WAIT_MS))) {
        child.kill('SIGKILL');
        await exitOf(child);
      }
    },
  };
  const deadline = Date.now() + START_WAIT_MS;
  while (Date.now() < deadline) {
    if (failure !== undefined) throw failure;
    if (child.exitCode !== null)
      throw new Error(`moto_server exited with status ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  await server.stop();
  throw new Error(`moto_server did not answer on ${endpoint} within ${START_WAIT_MS / 1000} s:\n${output()}`);
}

import { type ChildProcess, spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../../src/project-paths';
import { BUILT_SERVER, requireBuiltTree } from '../../support/built-tree';

export { freePort } from '../../../scripts/support/free-port';

import { freePort } from '../../../scripts/support/free-port';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines written so far. */
  logLines(): Record<string, unknown>[];
  /** Settles when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment a child starts with: this one without any BERTH_ setting, plus `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('BERTH_')),
  );
  return { ...inherited, ...env };
}

/** The processes started by this test file that have not exited yet. */
const running = new Set<ChildProcess>();

// A test that fails before it stops its server would leave the process running, and the Jest worker
// waiting on its pipes: every process a test file started is killed when the file is done.
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * How long a server may take to get ready or to log a line. A start takes about a second on a quiet
 * machine; with other work on every core, ten times that and more.
 */
const PROCESS_WAIT_MS = 60_000;

/**
 * Spawns a command as its own process and records its output; `command` is e.g. the real server from
 * source (`node --import tsx src/server.ts`) or the built one.
 */
export function spawnProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number },
): ServerProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    port: options.port,
    base: `http://127.0.0.1:${options.port}`,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
  };
}

/**
 * Starts the built Berth (dist/src/server.js, what `npm start` runs; jest's globalSetup compiles it when
 * the sources are newer) on a free port, without waiting for it.
 */
export async function spawnServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  requireBuiltTree();
  const port = await freePort();
  return spawnProcess(process.execPath, [BUILT_SERVER], {
    cwd: PROJECT_ROOT,
    env: childEnv({ PORT: String(port), ...env }),
    port,
  });
}

/** Waits until GET /readyz answers 200, failing with the process's output if it exits or takes too long. */
export async function waitUntilReady(server: ServerProcess, timeoutMs = PROCESS_WAIT_MS): Promise<void> {
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`${server.base}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  server.child.kill('SIGKILL');
  throw new Error(`the server did not become ready:\n${server.output()}`);
}

/** Starts the built Berth and waits until it is ready. */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await spawnServer(env);
  await waitUntilReady(server);
  return server;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the process has logged a line with this message. */
export async function waitForLog(
  server: ServerProcess,
  message: string,
  timeoutMs = PROCESS_WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.logLines().some((line) => line.msg === message)) return;
    await delay(10);
  }
  throw new Error(`the server did not log "${message}":\n${server.output()}`);
}

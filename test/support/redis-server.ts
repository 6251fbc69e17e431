import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { freePort } from '../../scripts/support/free-port';

/** Debian's package; CI installs it (.ci/run). */
const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

export interface RedisServer {
  port: number;
  url: string;
  /** Kills it at once (SIGKILL), as a crash or a lost node would, and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk) and waits until it answers. */
  restart(): Promise<void>;
  /** Stops it and waits until it is gone. */
  stop(): Promise<void>;
}

/** A certificate (PEM files) for `localhost` that the server presents when it speaks TLS. */
export interface RedisTls {
  certFile: string;
  keyFile: string;
  /** The certificate itself, which a client given it trusts. */
  ca: string;
}

/** Whether a PING on a new connection gets PONG. */
function pings(port: number, tls: RedisTls | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const socket =
      tls === undefined
        ? connect(port, '127.0.0.1')
        : connectTls({ port, host: '127.0.0.1', servername: 'localhost', ca: tls.ca });
    let received = '';
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once(tls === undefined ? 'connect' : 'secureConnect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.includes('\r\n')) done(received.startsWith('+PONG'));
    });
  });
}

function launch(
  port: number,
  tls: RedisTls | undefined,
): { child: ChildProcess; exited: Promise<void>; output: () => string } {
  const listen =
    tls === undefined
      ? ['--port', String(port), '--bind', '127.0.0.1']
      : [
          ...['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '-::1'],
          ...['--tls-cert-file', tls.certFile, '--tls-key-file', tls.keyFile],
          ...['--tls-ca-cert-file', tls.certFile, '--tls-auth-clients', 'no'],
        ];
  const child = spawn(REDIS_SERVER, [...listen, '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += `cannot run ${REDIS_SERVER}: ${error.message} (install Debian's redis-server package)`;
      resolve();
    });
  });
  return { child, exited, output: () => output };
}

async function waitUntilAnswering(
  port: number,
  tls: RedisTls | undefined,
  running: ReturnType<typeof launch>,
  timeoutMs = 20_000,
): Promise<void> {
  let gone = false;
  void running.exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    if (await pings(port, tls)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  running.child.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port}:\n${running.output()}`);
}

/**
 * Starts a redis-server of its own on a free port, keeping nothing on disk, and waits until it answers;
 * with `tls`, it speaks only TLS, for `rediss://localhost:<port>`.
 */
export async function startRedisServer(tls?: RedisTls): Promise<RedisServer> {
  const port = await freePort();
  let running = launch(port, tls);
  await waitUntilAnswering(port, tls, running);
  const end = async (signal: NodeJS.Signals) => {
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill(signal);
    await running.exited;
  };
  return {
    port,
    url: tls === undefined ? `redis://127.0.0.1:${port}` : `rediss://localhost:${port}`,
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGKILL');
      running = launch(port, tls);
      await waitUntilAnswering(port, tls, running);
    },
    stop: () => end('SIGTERM'),
  };
}

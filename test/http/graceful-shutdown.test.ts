import { Agent, createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { GracefulShutdown, SHUTDOWN_MESSAGES } from '../../src/http/graceful-shutdown';
import type { Readiness } from '../../src/http/routes/health';
import { send } from '../production/support/http-client';
import { type LogLine, recordingLogger } from '../support/recording-logger';

/** An answer big enough to take several writes: 200 and a JSON document that says what it echoes. */
const ANSWER = JSON.stringify({ status: 'ok', padding: 'x'.repeat(200_000) });

interface Fixture {
  server: Server;
  port: number;
  readiness: Readiness;
  lines: LogLine[];
  shutdown: GracefulShutdown;
  released: string[];
}

const started: Server[] = [];

async function startFixture(options: { drainMs: number; deadlineMs: number }): Promise<Fixture> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(ANSWER);
    });
  });
  server.keepAliveTimeout = 60_000;
  const readiness: Readiness = { ready: true, reason: '' };
  const lines: LogLine[] = [];
  const released: string[] = [];
  const shutdown = new GracefulShutdown(server, {
    readiness,
    logger: recordingLogger(lines),
    ...options,
    release: async () => {
      released.push(`released after ${lines.filter((line) => line.message.startsWith('shut down')).length}`);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started.push(server);
  return { server, port: (server.address() as AddressInfo).port, readiness, lines, shutdown, released };
}

afterEach(() => {
  for (const server of started.splice(0)) {
    server.closeAllConnections();
    if (server.listening) server.close();
  }
});

function expectFullAnswer(answer: { status: number; headers: Record<string, unknown>; body: string }): void {
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ status: 'ok', padding: expect.any(String) });
  expect(answer.body).toBe(ANSWER);
}

describe('GracefulShutdown', () => {
  describe('when the signal comes', () => {
    it('fails /readyz at once, saying why', async () => {
      const fixture = await startFixture({ drainMs: 60_000, deadlineMs: 120_000 });
      fixture.shutdown.begin('SIGTERM');
      expect(fixture.readiness).toEqual({ ready: false, reason: 'shutting down' });
      expect(fixture.lines[0]).toMatchObject({
        level: 'info',
        message: SHUTDOWN_MESSAGES.draining,
        fields: { signal: 'SIGTERM', drainMs: 60_000, deadlineMs: 120_000 },
      });
    });

    it('keeps accepting new connections for the drain period, answering each with Connection: close', async () => {
      const fixture = await startFixture({ drainMs: 60_000, deadlineMs: 120_000 });
      fixture.shutdown.begin('SIGTERM');
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => send(fixture.port, { method: 'GET', path: '/' }).answer),
      );
      for (const answer of answers) {
        expectFullAnswer(answer);
        expect(answer.headers.connection).toBe('close');
      }
      expect(fixture.server.listening).toBe(true);
    });
  });

  describe('when the drain period is over', () => {
    it('refuses new connections, answers the request in flight in full, releases, then reports 0', async () => {
      const fixture = await startFixture({ drainMs: 200, deadlineMs: 120_000 });
      // In flight across the whole shutdown: a body whose last bytes are held back.
      const slow = send(fixture.port, { method: 'POST', path: '/', body: '{"name":"slow"}', holdBack: 4 });
      await slow.written;
      const progress = fixture.shutdown.begin('SIGTERM');
      await progress.stoppedListening;

      await expect(send(fixture.port, { method: 'GET', path: '/' }).answer).rejects.toThrow(/ECONNREFUSED/);
      expect(fixture.released).toEqual([]);
      slow.finish();
      const answer = await slow.answer;
      expectFullAnswer(answer);
      expect(answer.headers.connection).toBe('close');

      expect(await progress.exitCode).toBe(0);
      expect(fixture.released).toEqual(['released after 1']);
      expect(fixture.lines.map((line) => line.message)).toEqual([
        SHUTDOWN_MESSAGES.draining,
        SHUTDOWN_MESSAGES.stoppedListening,
        SHUTDOWN_MESSAGES.answeredAll,
      ]);
    });

    it('closes an idle keep-alive connection rather than waiting for its client', async () => {
      const fixture = await startFixture({ drainMs: 0, deadlineMs: 120_000 });
      const agent = new Agent({ keepAlive: true });
      const kept = await new Promise<number>((resolve, reject) => {
        request({ port: fixture.port, host: '127.0.0.1', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
          .on('error', reject)
          .end();
      });
      expect(kept).toBe(200);

      // The server keeps idle connections for 60 s, the test's timeout is shorter: only closing it ends this.
      expect(await fixture.shutdown.begin('SIGTERM').exitCode).toBe(0);
      agent.destroy();
    });

    it('closes a connection that never sent a request', async () => {
      const fixture = await startFixture({ drainMs: 0, deadlineMs: 120_000 });
      const silent = connect(fixture.port, '127.0.0.1');
      const closedByServer = new Promise<void>((resolve) => silent.once('close', () => resolve()));
      await new Promise<void>((resolve) => silent.once('connect', () => resolve()));

      expect(await fixture.shutdown.begin('SIGTERM').exitCode).toBe(0);
      await closedByServer;
    });
  });

  describe('when a request is still in flight at the deadline', () => {
    it('cuts it, logs how many, and reports 1', async () => {
      const fixture = await startFixture({ drainMs: 0, deadlineMs: 300 });
      const stuck = send(fixture.port, { method: 'POST', path: '/', body: '{"name":"stuck"}', holdBack: 4 });
      await stuck.written;
      // Connections are accepted in order: once a later one is answered, the stuck request was read.
      expectFullAnswer(await send(fixture.port, { method: 'GET', path: '/' }).answer);

      expect(await fixture.shutdown.begin('SIGTERM').exitCode).toBe(1);
      await expect(stuck.answer).rejects.toThrow();
      expect(fixture.lines).toContainEqual({
        level: 'error',
        message: SHUTDOWN_MESSAGES.deadlinePassed,
        fields: expect.objectContaining({ inFlight: 1, deadlineMs: 300 }),
      });
      expect(fixture.released).toEqual(['released after 0']);
    });
  });

  describe('when a second signal comes', () => {
    it('warns and goes on with the shutdown already under way', async () => {
      const fixture = await startFixture({ drainMs: 60_000, deadlineMs: 120_000 });
      const first = fixture.shutdown.begin('SIGTERM');
      expect(fixture.shutdown.begin('SIGINT')).toBe(first);
      expect(fixture.lines[1]).toMatchObject({
        level: 'warn',
        message: 'SIGINT received while already shutting down',
      });
    });
  });
});

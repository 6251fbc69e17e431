import { webWorkload, workerWorkload } from '../support/workloads';
import { type Answer, type Sent, send, sendRawHead } from './support/http-client';
import { delay, type ServerProcess, spawnServer, startServer, waitForLog } from './support/server-process';

const SHUTTING_DOWN = 'shutting down: accepting no new connections, finishing the requests in flight';

function postWorkload(server: ServerProcess, id: string, holdBack = 0): Sent {
  const name = id.replace(/[^a-z0-9-]/g, '-');
  const body = JSON.stringify(id.length % 2 === 0 ? webWorkload({ name }) : workerWorkload({ name }));
  return send(server.port, {
    method: 'POST',
    path: '/v1/recommendations',
    headers: { 'content-type': 'application/json', 'x-request-id': id },
    body,
    holdBack,
  });
}

/** A full recommendation: 200, as many bytes as announced, and JSON that names a platform. */
function expectFullRecommendation(answer: Answer): void {
  expect(answer.status).toBe(200);
  expect(Buffer.byteLength(answer.body)).toBe(Number(answer.headers['content-length']));
  expect((JSON.parse(answer.body) as { platform: { id: string } }).platform.id).toEqual(expect.any(String));
}

describe('the server process', () => {
  describe.each(['SIGTERM', 'SIGINT'] as const)('on %s', (signal) => {
    it('stops accepting, answers every request it accepted in full, then exits 0', async () => {
      // Without the cache every request runs the engine, so a burst keeps the server busy. On a busy
      // machine answering the burst takes longer than the default 10 s the server gives a request to
      // arrive (the held-back ones would get 408) and than the 25 s shutdown deadline; neither is what
      // this test is about (the deadline has its own below), so both are out of the way.
      const server = await startServer({
        BERTH_CACHE_ENTRIES: '0',
        BERTH_REQUEST_TIMEOUT_MS: '120000',
        BERTH_SHUTDOWN_TIMEOUT_MS: '120000',
      });
      // In flight for as long as the test wants: bodies whose last bytes are held back.
      const slow = Array.from({ length: 20 }, (_, index) => postWorkload(server, `slow-${index}`, 8));
      // A readiness probe whose head is not finished yet.
      const probe = sendRawHead(server.port, 'GET /readyz HTTP/1.1\r\nHost: localhost\r\n');
      await Promise.all([...slow, probe].map((request) => request.written));
      // Connections are accepted in order: once a new one is answered, every one above was accepted.
      expect((await send(server.port, { method: 'GET', path: '/healthz' }).answer).status).toBe(200);

      // A burst of complete requests, each on a connection of its own, racing the signal.
      const burst = Array.from({ length: 60 }, (_, index) => ({
        id: `burst-${index}`,
        request: postWorkload(server, `burst-${index}`),
      }));
      await Promise.all(burst.map(({ request }) => request.written));
      server.child.kill(signal);
      await waitForLog(server, SHUTTING_DOWN);

      await expect(send(server.port, { method: 'GET', path: '/healthz' }).answer).rejects.toThrow(
        /ECONNREFUSED/,
      );
      probe.finish();
      for (const request of slow) request.finish();

      for (const answer of await Promise.all(slow.map((request) => request.answer))) {
        expectFullRecommendation(answer);
      }
      const readiness = await probe.answer;
      expect(readiness).toMatch(/^HTTP\/1\.1 503 /);
      expect(readiness).toMatch(/\r\nConnection: close\r\n/i);
      expect(readiness).toContain('shutting down');

      expect(await server.exited).toEqual({ code: 0, signal: null });
      const lines = server.logLines();
      expect(lines.find((line) => line.msg === SHUTTING_DOWN)?.inFlight).toBeGreaterThanOrEqual(slow.length);
      const messages = lines.map((line) => line.msg);
      expect(messages.indexOf('shut down: every request was answered')).toBeGreaterThan(
        messages.indexOf(SHUTTING_DOWN),
      );
      expect(lines.filter((line) => line.aborted === true)).toEqual([]);
      // A burst request the server received is in its log: it must have had its full answer. One it
      // never received (still in the listen backlog when listening stopped) was refused as a connection.
      const received = new Set(lines.map((line) => line.requestId));
      const outcomes = await Promise.allSettled(burst.map(({ request }) => request.answer));
      burst.forEach(({ id }, index) => {
        const outcome = outcomes[index];
        if (received.has(id)) {
          expect(outcome?.status).toBe('fulfilled');
          if (outcome?.status === 'fulfilled') expectFullRecommendation(outcome.value);
        } else {
          expect(outcome?.status).toBe('rejected');
        }
      });
      expect(burst.filter(({ id }) => received.has(id)).length).toBeGreaterThan(0);
    });
  });

  describe('when requests are still in flight at the shutdown deadline', () => {
    it('cuts them, logs it and exits 1', async () => {
      const server = await startServer({ BERTH_SHUTDOWN_TIMEOUT_MS: '500' });
      const stuck = postWorkload(server, 'stuck', 8);
      await stuck.written;
      await delay(100);
      const signalledAt = Date.now();
      server.child.kill('SIGTERM');

      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(5000);
      await expect(stuck.answer).rejects.toThrow();
      expect(server.logLines()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          msg: 'shutdown deadline passed: closing connections with requests still in flight',
          inFlight: 1,
        }),
      );
    });
  });

  describe('when idle keep-alive connections are open', () => {
    it('does not wait for them', async () => {
      const server = await startServer();
      // fetch keeps its connection open for reuse.
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(2000);
    });
  });

  describe('when a variable has a bad value', () => {
    it.each([
      { variable: 'PORT', value: '70000' },
      { variable: 'BERTH_RATE_LIMIT_REQUESTS', value: 'lots' },
      { variable: 'BERTH_LOG_BODIES', value: 'yes' },
    ])('stops at start-up with a message naming $variable', async ({ variable, value }) => {
      const server = await spawnServer({ [variable]: value });
      expect(await server.exited).toEqual({ code: 1, signal: null });
      const [line] = server.logLines();
      expect(line).toMatchObject({
        level: 'fatal',
        problems: [{ variable, received: JSON.stringify(value) }],
      });
      expect(String(line?.msg)).toContain(`${variable}=${JSON.stringify(value)}`);
    });
  });
});

import { SHUTDOWN_MESSAGES } from '../../src/http/graceful-shutdown';
import { webWorkload, workerWorkload } from '../support/workloads';
import { type Answer, type Sent, send, sendRawHead } from './support/http-client';
import { delay, type ServerProcess, spawnServer, startServer, waitForLog } from './support/server-process';

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

/**
 * Each message logged once, in this order by the lines' times (lines can reach a slow reader of the pipe
 * out of order, so their order in the output proves nothing).
 */
function expectPhasesInOrder(lines: Record<string, unknown>[], messages: string[]): void {
  const times = messages.map((message) =>
    lines.filter((line) => line.msg === message).map((line) => String(line.time)),
  );
  expect(times.map((found) => found.length)).toEqual(messages.map(() => 1));
  expect([...times.flat()].sort()).toEqual(times.flat());
}

/** Waits until `done()` holds, polling; fails with `what` once `timeoutMs` has passed. */
async function until(done: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await delay(20);
  }
}

interface Load {
  /** Recommendations answered so far. */
  answered(): number;
  /** Settles once every client has stopped, with what went wrong (nothing, if all is well). */
  stopped: Promise<{ answers: Answer[]; errors: string[]; readyzFailures: number }>;
}

/**
 * What a load balancer and its clients do: `clients` loops each sending a recommendation on a new
 * connection (no keep-alive) as soon as the last one is answered, while a health check polls /readyz
 * every 20 ms; once it fails, the clients open no new connection and stop when their request is answered.
 */
function loadBalancedClients(server: ServerProcess, clients: number): Load {
  const answers: Answer[] = [];
  const errors: string[] = [];
  let readyzFailures = 0;
  let deregistered = false;
  const healthCheck = async () => {
    while (!deregistered) {
      try {
        const answer = await send(server.port, { method: 'GET', path: '/readyz' }).answer;
        if (answer.status === 503) {
          readyzFailures += 1;
          deregistered = true;
        }
      } catch (error) {
        errors.push(`GET /readyz: ${String(error)}`);
        deregistered = true;
      }
      await delay(20);
    }
  };
  const client = async (index: number) => {
    for (let request = 0; !deregistered; request += 1) {
      try {
        answers.push(await postWorkload(server, `client-${index}-${request % 4}`).answer);
      } catch (error) {
        errors.push(`client ${index}, request ${request}: ${String(error)}`);
      }
    }
  };
  const stopped = Promise.all([
    healthCheck(),
    ...Array.from({ length: clients }, (_, index) => client(index)),
  ]);
  return {
    answered: () => answers.length,
    stopped: stopped.then(() => ({ answers, errors, readyzFailures })),
  };
}

describe('the server process', () => {
  describe.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s, with clients behind a load balancer that stops sending once /readyz fails',
    (signal) => {
      it('resets no connection, answers every request in full, and exits 0', async () => {
        // A generous drain: on a busy machine the health check's answer can take seconds, and the clients
        // only stop once they have it (a load balancer's deregistration is slower still).
        const server = await startServer({ BERTH_SHUTDOWN_DRAIN_MS: '10000' });
        const load = loadBalancedClients(server, 16);
        await until(() => load.answered() >= 48, 'the clients have had 48 answers', 60_000);

        server.child.kill(signal);
        const { answers, errors, readyzFailures } = await load.stopped;

        expect(errors).toEqual([]);
        expect(readyzFailures).toBe(1);
        for (const answer of answers) expectFullRecommendation(answer);
        expect(await server.exited).toEqual({ code: 0, signal: null });
        const lines = server.logLines();
        expectPhasesInOrder(lines, [
          SHUTDOWN_MESSAGES.draining,
          SHUTDOWN_MESSAGES.stoppedListening,
          SHUTDOWN_MESSAGES.answeredAll,
        ]);
        expect(lines.filter((line) => line.aborted === true)).toEqual([]);
      }, 90_000);
    },
  );

  describe('when the drain period is 0', () => {
    it('stops accepting at once, answers every request it accepted in full, then exits 0', async () => {
      const signal = 'SIGTERM';
      // Without the cache every request runs the engine, so a burst keeps the server busy.
      // On a busy machine answering the burst takes longer than the default 10 s the server gives a
      // request to arrive (the held-back ones would get 408) and than the 25 s shutdown deadline; neither
      // is what this test is about (the deadline has its own below), so both are out of the way.
      const server = await startServer({
        BERTH_CACHE_BYTES: '0',
        BERTH_SHUTDOWN_DRAIN_MS: '0',
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
      await waitForLog(server, SHUTDOWN_MESSAGES.stoppedListening);

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
      expect(lines.find((line) => line.msg === SHUTDOWN_MESSAGES.draining)?.inFlight).toBeGreaterThanOrEqual(
        slow.length,
      );
      expectPhasesInOrder(lines, [SHUTDOWN_MESSAGES.stoppedListening, SHUTDOWN_MESSAGES.answeredAll]);
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
      const server = await startServer({ BERTH_SHUTDOWN_TIMEOUT_MS: '500', BERTH_SHUTDOWN_DRAIN_MS: '0' });
      const stuck = postWorkload(server, 'stuck', 8);
      await stuck.written;
      // Connections are accepted in order: once a later one is answered, the stuck request was read.
      expect((await send(server.port, { method: 'GET', path: '/healthz' }).answer).status).toBe(200);
      server.child.kill('SIGTERM');

      expect(await server.exited).toEqual({ code: 1, signal: null });
      await expect(stuck.answer).rejects.toThrow();
      expect(server.logLines()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          msg: SHUTDOWN_MESSAGES.deadlinePassed,
          inFlight: 1,
        }),
      );
    });
  });

  describe('when idle keep-alive connections are open', () => {
    it('closes them instead of waiting for their clients', async () => {
      const server = await startServer({ BERTH_SHUTDOWN_DRAIN_MS: '4000' });
      // fetch keeps its connection open for reuse.
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      // Far below the 65 s an idle keep-alive connection would otherwise stay open.
      expect(Date.now() - signalledAt).toBeLessThan(15_000);
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

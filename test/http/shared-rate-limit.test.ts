import type { Express } from 'express';
import request from 'supertest';
import { RedisConnection } from '../../src/http/redis-connection';
import { RATE_LIMIT_KEY_PREFIX, SharedRateLimitStore } from '../../src/http/shared-rate-limit-store';
import { testApp } from '../support/app';
import { type LogLine, recordingLogger } from '../support/recording-logger';
import { type RedisServer, startRedisServer } from '../support/redis-server';

const LIMIT = 6;

let redis: RedisServer;
const connections: RedisConnection[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis.stop();
});

afterEach(async () => {
  await Promise.all(connections.splice(0).map((connection) => connection.close()));
});

/** Waits until `done()` holds, polling; fails naming `what` after `timeoutMs`. */
async function until(done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Instance {
  app: Express;
  connection: RedisConnection;
  lines: LogLine[];
}

/**
 * A Berth app whose rate limit is shared through the test's Redis, as one replica is. The command timeout
 * is long, so a busy test machine never makes a command fall back to local counting.
 */
function instance(url = redis.url): Instance {
  const lines: LogLine[] = [];
  const logger = recordingLogger(lines);
  const connection = new RedisConnection({ url, logger, commandTimeoutMs: 10_000 });
  connection.connect();
  connections.push(connection);
  const app = testApp({
    rateLimitRequests: LIMIT,
    rateLimitWindowMs: 60_000,
    rateLimitStore: new SharedRateLimitStore(connection),
    logger,
  });
  return { app, connection, lines };
}

/** A raw command on a connection of the test's own: what Redis holds. */
async function redisCommand(args: string[]): Promise<unknown> {
  const probe = new RedisConnection({ url: redis.url, logger: recordingLogger([]) });
  probe.connect();
  try {
    await until(() => probe.isReady, 'the probe connection is ready');
    return await probe.sendCommand(args);
  } finally {
    await probe.close();
  }
}

async function statusOf(app: Express): Promise<number> {
  return (await request(app).get('/v1/platforms')).status;
}

describe('a rate limit shared through Redis', () => {
  beforeEach(async () => {
    await redisCommand(['FLUSHALL']);
  });

  describe('when two instances share one Redis', () => {
    it('counts their requests together: over the limit, either answers 429', async () => {
      const a = instance();
      const b = instance();
      await until(() => a.connection.isReady && b.connection.isReady, 'both instances are connected');

      const statuses: number[] = [];
      for (let index = 0; index < LIMIT; index += 1)
        statuses.push(await statusOf(index % 2 === 0 ? a.app : b.app));
      expect(statuses).toEqual(Array.from({ length: LIMIT }, () => 200));
      expect([await statusOf(a.app), await statusOf(b.app)]).toEqual([429, 429]);
    });

    it('keeps its counts under the berth:rl: prefix', async () => {
      const a = instance();
      await until(() => a.connection.isReady, 'the instance is connected');
      expect(await statusOf(a.app)).toBe(200);
      const keys = await redisCommand(['KEYS', '*']);
      expect(keys).toEqual([expect.stringMatching(new RegExp(`^${RATE_LIMIT_KEY_PREFIX}address:`))]);
    });
  });

  describe('when Redis goes away mid-run', () => {
    it('still answers every request, logs one warning, and shares the counts again once Redis is back', async () => {
      const a = instance();
      const b = instance();
      await until(() => a.connection.isReady && b.connection.isReady, 'both instances are connected');
      expect(await statusOf(a.app)).toBe(200);

      await redis.kill();
      await until(() => !a.connection.isReady && !b.connection.isReady, 'both instances noticed');
      // Each instance counts on its own now: LIMIT requests to each are all answered.
      const statuses: number[] = [];
      for (let index = 0; index < 2 * LIMIT; index += 1)
        statuses.push(await statusOf(index % 2 === 0 ? a.app : b.app));
      expect(statuses).toEqual(Array.from({ length: 2 * LIMIT }, () => 200));
      const warnings = a.lines.filter((line) => line.level === 'warn');
      expect(warnings).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^Redis is unreachable: /) }),
      ]);
      expect(a.lines.filter((line) => line.level === 'error')).toEqual([]);

      await redis.restart();
      await until(() => a.connection.isReady && b.connection.isReady, 'both instances reconnected');
      expect(a.lines.map((line) => line.message)).toContain(
        'Redis is reachable again: rate limits are shared through it again',
      );
      const shared: number[] = [];
      for (let index = 0; index <= LIMIT; index += 1)
        shared.push(await statusOf(index % 2 === 0 ? a.app : b.app));
      expect(shared).toEqual([...Array.from({ length: LIMIT }, () => 200), 429]);
    });
  });

  describe('when Redis cannot be reached at start-up', () => {
    it('answers at once, counting in the process, and warns', async () => {
      // A port nobody listens on: the test's Redis, stopped.
      const unreachable = instance('redis://127.0.0.1:1');
      const statuses: number[] = [];
      for (let index = 0; index <= LIMIT; index += 1) statuses.push(await statusOf(unreachable.app));
      expect(statuses).toEqual([...Array.from({ length: LIMIT }, () => 200), 429]);
      await until(
        () => unreachable.lines.some((line) => line.level === 'warn'),
        'the instance warned that Redis is unreachable',
      );
      expect(unreachable.connection.isReady).toBe(false);
    });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RedisServer, type RedisTls, startRedisServer } from '../support/redis-server';
import { type ServerProcess, spawnServer, startServer, waitForLog } from './support/server-process';

describe('the server process with BERTH_RATE_LIMIT_REDIS_URL', () => {
  let redis: RedisServer | undefined;
  let server: ServerProcess | undefined;

  afterEach(async () => {
    server?.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('connects to Redis in the background, keeps answering when Redis dies, and closes the connection on SIGTERM', async () => {
    redis = await startRedisServer();
    server = await startServer({
      BERTH_RATE_LIMIT_REDIS_URL: redis.url,
      BERTH_RATE_LIMIT_REQUESTS: '100',
      BERTH_SHUTDOWN_DRAIN_MS: '0',
    });
    await waitForLog(server, 'connected to Redis: rate limits are shared through it');
    expect((await fetch(`${server.base}/v1/platforms`)).status).toBe(200);

    await redis.kill();
    await waitForLog(
      server,
      'Redis is unreachable: each process counts rate limits on its own until it is back; retrying',
    );
    const whileDown = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${server?.base}/v1/platforms`).then((response) => response.status),
      ),
    );
    expect(whileDown).toEqual([200, 200, 200, 200, 200]);
    // The readiness probe does not depend on Redis.
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const lines = server.logLines();
    expect(lines.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
    const messages = lines.map((line) => line.msg);
    expect(messages).toContain('closed the connection to Redis');
    // One warning for the outage, however many reconnection attempts failed while it lasted (by the
    // lines' times: lines can reach a slow reader of the pipe out of order).
    const connectedAt = String(
      lines.find((line) => line.msg === 'connected to Redis: rate limits are shared through it')?.time,
    );
    const outageWarnings = lines.filter((line) => line.level === 'warn' && String(line.time) >= connectedAt);
    expect(outageWarnings).toHaveLength(1);
  });

  describe('when the URL is rediss:// (TLS, as ElastiCache with encryption in transit)', () => {
    let folder = '';
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('connects over TLS, checking the certificate against the trusted CAs', async () => {
      folder = mkdtempSync(join(tmpdir(), 'berth-redis-tls-'));
      const tls: RedisTls = {
        certFile: join(folder, 'cert.pem'),
        keyFile: join(folder, 'key.pem'),
        ca: '',
      };
      execFileSync(
        'openssl',
        [
          ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
          ...['-addext', 'subjectAltName=DNS:localhost', '-keyout', tls.keyFile, '-out', tls.certFile],
        ],
        { stdio: 'pipe' },
      );
      tls.ca = readFileSync(tls.certFile, 'utf8');
      redis = await startRedisServer(tls);
      expect(redis.url).toMatch(/^rediss:\/\/localhost:/);
      // The test's certificate is trusted the way a private CA would be; ElastiCache's is trusted already.
      server = await startServer({
        BERTH_RATE_LIMIT_REDIS_URL: redis.url,
        BERTH_SHUTDOWN_DRAIN_MS: '0',
        NODE_EXTRA_CA_CERTS: tls.certFile,
      });
      await waitForLog(server, 'connected to Redis: rate limits are shared through it');
      expect((await fetch(`${server.base}/v1/platforms`)).status).toBe(200);
    });
  });

  it('refuses to start with a URL that is not a Redis URL, without repeating it', async () => {
    server = await spawnServer({ BERTH_RATE_LIMIT_REDIS_URL: 'http://user:secret@cache.internal:6379' });
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output()).toContain('BERTH_RATE_LIMIT_REDIS_URL=(hidden) must be a URL redis://');
    expect(server.output()).not.toContain('secret');
  });
});

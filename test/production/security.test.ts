import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../src/http/middleware/error-handler';
import { requestContext } from '../../src/http/middleware/request-context';
import { requestTimeout } from '../../src/http/middleware/request-timeout';
import { silentLogger } from '../../src/logger';
import { PROBLEM_JSON_TYPE } from '../http/requests';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { webWorkload } from '../support/workloads';

const KEY = 'portal-key-0123456789abcdef';
const OTHER_KEY = 'other-key-0123456789abcdef';

describe('security headers', () => {
  const app = testApp();

  it('sets helmet headers and no X-Powered-By on every answer', async () => {
    for (const path of ['/healthz', '/v1/platforms', '/nowhere']) {
      const response = await request(app).get(path);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
    }
  });

  it('lets Swagger UI load over plain HTTP (no upgrade-insecure-requests)', async () => {
    const response = await request(app).get('/docs/');
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});

describe('CORS', () => {
  const origin = 'https://portal.example.com';

  describe('when no origin is allowed (the default)', () => {
    const app = testApp();

    it('sends no Access-Control-* header', async () => {
      const response = await request(app).get('/v1/platforms').set('Origin', origin);
      expect(response.status).toBe(200);
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });
  });

  describe('when origins are allowed', () => {
    const app = testApp({ corsOrigins: [origin], apiKeys: [KEY] });

    it('answers a preflight from an allowed origin without an API key', async () => {
      const response = await request(app)
        .options('/v1/recommendations')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type');
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers['access-control-allow-headers']).toContain('Authorization');
    });

    it('lets an allowed origin read answers, and exposes the request id', async () => {
      const response = await request(app)
        .post('/v1/recommendations')
        .set('Origin', origin)
        .set('Authorization', `Bearer ${KEY}`)
        .send(webWorkload());
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers['access-control-expose-headers']).toContain('X-Request-Id');
    });

    it('gives any other origin no Access-Control-Allow-Origin', async () => {
      const response = await request(app).get('/healthz').set('Origin', 'https://evil.example.com');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('API keys', () => {
  describe('when no keys are configured (the default)', () => {
    const app = testApp();

    it('leaves the API open', async () => {
      expect((await request(app).post('/v1/recommendations').send(webWorkload())).status).toBe(200);
      expect((await request(app).get('/v1/rules')).status).toBe(200);
    });
  });

  describe('when keys are configured', () => {
    const app = testApp({ apiKeys: [KEY, OTHER_KEY] });

    describe('a request to the API without a valid key', () => {
      const cases = [
        { given: 'no Authorization header', headers: {}, detail: 'the request has no Authorization header' },
        {
          given: 'a Basic Authorization header',
          headers: { Authorization: `Basic ${Buffer.from(`user:${KEY}`).toString('base64')}` },
          detail: 'does not use the Bearer scheme',
        },
        {
          given: 'an unknown key',
          headers: { Authorization: `Bearer ${KEY}x` },
          detail: 'is not one of the API keys',
        },
        {
          given: 'a prefix of a key',
          headers: { Authorization: `Bearer ${KEY.slice(0, 10)}` },
          detail: 'is not one of',
        },
        {
          given: 'an empty Bearer token',
          headers: { Authorization: 'Bearer ' },
          detail: 'does not use the Bearer scheme',
        },
      ];

      it.each(cases)('answers 401 problem+json, given $given', async ({ headers, detail }) => {
        const response = await request(app).post('/v1/recommendations').set(headers).send(webWorkload());
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="berth"/);
        const problem = jsonOf(response);
        expect(schemaErrors('Problem', problem)).toEqual([]);
        expect(problem).toMatchObject({ type: '/problems/unauthorized', status: 401 });
        expect(problem.detail).toContain(detail);
        expect(response.text).not.toContain(KEY);
      });

      it.each([
        ['GET', '/v1/platforms'],
        ['GET', '/v1/rules'],
        ['GET', '/V1/Rules'],
        ['GET', '/v1/tool-definition'],
        ['POST', '/mcp'],
        ['GET', '/v1/no-such-thing'],
        ['GET', '/nowhere'],
      ])('answers 401 to %s %s', async (method, path) => {
        expect((await request(app)[method === 'GET' ? 'get' : 'post'](path)).status).toBe(401);
      });
    });

    it.each([KEY, OTHER_KEY])('answers a request with a configured key (%#)', async (key) => {
      const response = await request(app)
        .post('/v1/recommendations')
        .set('Authorization', `bearer ${key}`)
        .send(webWorkload());
      expect(response.status).toBe(200);
    });

    it.each(['/healthz', '/readyz', '/openapi.yaml', '/openapi.json', '/docs/', '/metrics'])(
      'keeps %s open',
      async (path) => {
        expect((await request(app).get(path)).status).toBe(200);
      },
    );

    describe('and /metrics is configured to need one', () => {
      const closed = testApp({ apiKeys: [KEY], metricsRequireApiKey: true });

      it('answers 401 to /metrics without a key and 200 with one', async () => {
        expect((await request(closed).get('/metrics')).status).toBe(401);
        expect((await request(closed).get('/metrics').set('Authorization', `Bearer ${KEY}`)).status).toBe(
          200,
        );
        expect((await request(closed).get('/healthz')).status).toBe(200);
      });
    });
  });
});

describe('rate limiting', () => {
  describe('when it is off (the test default)', () => {
    const app = testApp();

    it('sends no RateLimit headers', async () => {
      const response = await request(app).get('/v1/platforms');
      expect(response.headers.ratelimit).toBeUndefined();
    });
  });

  describe('when each caller may make 3 requests a minute', () => {
    const limited = () =>
      testApp({ rateLimitRequests: 3, rateLimitWindowMs: 60_000, apiKeys: [KEY, OTHER_KEY] });

    it('answers the 4th request with a 429 problem and Retry-After', async () => {
      const app = limited();
      const get = () => request(app).get('/v1/platforms').set('Authorization', `Bearer ${KEY}`);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await get();
        expect(response.status).toBe(200);
        expect(response.headers.ratelimit).toMatch(/r=\d+; t=\d+/);
      }
      const response = await get();
      expect(response.status).toBe(429);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
      const retryAfter = Number(response.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const problem = jsonOf(response);
      expect(schemaErrors('Problem', problem)).toEqual([]);
      expect(problem).toMatchObject({
        type: '/problems/too-many-requests',
        status: 429,
        retryAfterSeconds: retryAfter,
        detail: `This API key has made more than 3 requests in 60 s; retry after ${retryAfter} s.`,
      });
    });

    it('counts each API key on its own', async () => {
      const app = limited();
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await request(app).get('/v1/rules').set('Authorization', `Bearer ${KEY}`);
      }
      expect((await request(app).get('/v1/rules').set('Authorization', `Bearer ${KEY}`)).status).toBe(429);
      expect((await request(app).get('/v1/rules').set('Authorization', `Bearer ${OTHER_KEY}`)).status).toBe(
        200,
      );
    });

    it('counts callers without a valid key by client address, so guessing keys is limited too', async () => {
      const app = limited();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        statuses.push(
          (await request(app).get('/v1/rules').set('Authorization', `Bearer guess-${attempt}`)).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const problem = jsonOf(await request(app).get('/v1/rules'));
      expect(problem.detail).toMatch(/^This client address has made more than 3 requests/);
    });

    it('never limits the probes, the docs or /metrics', async () => {
      const app = limited();
      for (let attempt = 0; attempt < 6; attempt += 1) {
        for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json']) {
          expect((await request(app).get(path)).status).toBe(200);
        }
      }
    });
  });
});

describe('the body limit', () => {
  const app = testApp();

  it('answers 413 to any path whose declared body is over the limit, before reading it', async () => {
    const response = await request(app)
      .post('/mcp')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ jsonrpc: '2.0', method: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect(jsonOf(response)).toMatchObject({ type: '/problems/payload-too-large', limitBytes: 65_536 });
  });
});

describe('the request timeout', () => {
  // The real routes answer in milliseconds, so a route that waits for the test stands in for a stuck one.
  function appWithRoute(answerWhen: Promise<void>, outcome: { sent?: boolean; settled?: () => void }) {
    const app = express();
    app.use(requestContext(silentLogger));
    app.use(requestTimeout(50));
    app.get('/route', async (_req, res) => {
      try {
        await answerWhen;
        res.json({ late: true });
        outcome.sent = true;
      } finally {
        outcome.settled?.();
      }
    });
    app.use(errorHandler(silentLogger));
    return app;
  }

  it('answers 503 problem+json when the handler takes longer, and drops what it sends later', async () => {
    let answer = () => {};
    const outcome: { sent?: boolean; settled?: () => void } = {};
    const handlerSettled = new Promise<void>((resolve) => {
      outcome.settled = resolve;
    });
    const app = appWithRoute(new Promise((resolve) => (answer = resolve)), outcome);
    const response = await request(app).get('/route');
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
    expect(response.headers.connection).toBe('close');
    expect(jsonOf(response)).toMatchObject({ type: '/problems/request-timeout', status: 503 });
    answer();
    await handlerSettled;
    expect(outcome.sent).toBeUndefined();
  });

  it('lets a handler that answers in time answer', async () => {
    const response = await request(appWithRoute(Promise.resolve(), {})).get('/route');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ late: true });
  });
});

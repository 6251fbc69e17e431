import request from 'supertest';
import { createLogger } from '../../src/logger';
import { Metrics } from '../../src/observability/metrics';
import { testApp } from '../support/app';
import { webWorkload } from '../support/workloads';

/** A logger at debug level whose lines the test can read. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

/** Waits for the log line that the end of a response writes (it is written when the connection closes). */
async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

/** The value of one sample of the Prometheus text, or undefined when the series does not exist. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('request ids', () => {
  const app = testApp();

  it('gives each request a new id and echoes it in X-Request-Id', async () => {
    const first = await request(app).get('/healthz');
    const second = await request(app).get('/healthz');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it("honours the caller's X-Request-Id, on errors too", async () => {
    for (const path of ['/healthz', '/nowhere']) {
      const response = await request(app).get(path).set('X-Request-Id', 'portal-7f3a:42');
      expect(response.headers['x-request-id']).toBe('portal-7f3a:42');
    }
  });

  it.each([['has spaces in it'], ['x'.repeat(129)], ['line\tbreak']])(
    'replaces an X-Request-Id that is not a sensible token (%#)',
    async (received) => {
      const response = await request(app).get('/healthz').set('X-Request-Id', received);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});

describe('the request log', () => {
  it('writes one JSON line per request with its id, route, status and duration, and no body', async () => {
    const { logger, lines } = capturedLogger();
    const app = testApp({ logger });
    await request(app)
      .post('/v1/recommendations')
      .set('X-Request-Id', 'req-1')
      .set('Authorization', 'Bearer secret-token-value')
      .send(webWorkload({ name: 'private-name' }));
    await settle();
    const line = lines.find((candidate) => candidate.requestId === 'req-1');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request answered',
      method: 'POST',
      path: '/v1/recommendations',
      route: '/v1/recommendations',
      status: 200,
      durationMs: expect.any(Number),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(line).not.toHaveProperty('body');
    expect(JSON.stringify(lines)).not.toContain('private-name');
    expect(JSON.stringify(lines)).not.toContain('secret-token-value');
  });

  it('includes the body when BERTH_LOG_BODIES is on', async () => {
    const { logger, lines } = capturedLogger();
    const app = testApp({ logger, logBodies: true });
    await request(app)
      .post('/v1/recommendations')
      .set('X-Request-Id', 'req-2')
      .send(webWorkload({ name: 'shown' }));
    await settle();
    expect(lines.find((line) => line.requestId === 'req-2')?.body).toBe(
      JSON.stringify(webWorkload({ name: 'shown' })),
    );
  });

  it('logs probes at debug, so they can be left out', async () => {
    const { logger, lines } = capturedLogger();
    await request(testApp({ logger })).get('/healthz').set('X-Request-Id', 'probe');
    await settle();
    expect(lines.find((line) => line.requestId === 'probe')?.level).toBe('debug');
  });

  it('names the API key by a short id, never by its value', async () => {
    const { logger, lines } = capturedLogger();
    const key = 'portal-key-0123456789abcdef';
    await request(testApp({ logger, apiKeys: [key] }))
      .get('/v1/platforms')
      .set('X-Request-Id', 'keyed')
      .set('Authorization', `Bearer ${key}`);
    await settle();
    expect(lines.find((line) => line.requestId === 'keyed')?.apiKey).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(lines)).not.toContain(key);
  });
});

describe('GET /metrics', () => {
  it('serves the Prometheus text format', async () => {
    const response = await request(testApp()).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE berth_http_requests_total counter');
    expect(response.text).toContain('# TYPE berth_http_request_duration_seconds histogram');
    expect(response.text).toContain('# TYPE berth_recommendations_total counter');
    expect(response.text).toContain('# TYPE berth_rule_engine_duration_seconds histogram');
  });

  it('includes the process metrics when asked to', async () => {
    const response = await request(testApp({ metrics: new Metrics({ processMetrics: true }) })).get(
      '/metrics',
    );
    expect(response.text).toContain('process_resident_memory_bytes');
    expect(response.text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts requests and their latency by method, route and status', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const app = testApp({ metrics, apiKeys: ['portal-key-0123456789abcdef'] });
    await request(app).get('/healthz');
    await request(app).get('/healthz');
    await request(app).get('/v1/rules');
    await request(app).get('/v1/no-such-path-1');
    await request(app).get('/v1/no-such-path-2');
    await settle();
    const text = await metrics.registry.metrics();
    expect(sample(text, 'berth_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(2);
    expect(sample(text, 'berth_http_requests_total{method="GET",route="/v1/rules",status="401"}')).toBe(1);
    expect(sample(text, 'berth_http_requests_total{method="GET",route="unmatched",status="401"}')).toBe(2);
    expect(
      sample(text, 'berth_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}'),
    ).toBe(2);
    expect(sample(text, 'berth_http_requests_in_flight')).toBe(0);
  });

  it('counts recommendations by platform, answers from the cache included, and times only evaluations', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const app = testApp({ metrics, cacheBytes: 16 * 1024 * 1024 });
    const platformOf = async (body: object) =>
      (await request(app).post('/v1/recommendations').send(body)).body.platform.id as string;
    const answered = [
      await platformOf(webWorkload()),
      await platformOf(webWorkload()),
      await platformOf(webWorkload()),
      await platformOf(webWorkload({ control: { kubernetes: 'required' } })),
    ];
    await request(app)
      .post('/v1/recommendations')
      .send({ workloadType: 'web', control: { gpu: 'yes' } });
    const text = await metrics.registry.metrics();
    const want = new Map<string, number>();
    for (const platform of answered) want.set(platform, (want.get(platform) ?? 0) + 1);
    expect(want.size).toBe(2);
    for (const [platform, count] of want) {
      expect(sample(text, `berth_recommendations_total{platform="${platform}"}`)).toBe(count);
    }
    // Two distinct valid workloads ran the engine; the repeats came from the cache, the invalid one never got there.
    expect(sample(text, 'berth_rule_engine_duration_seconds_count')).toBe(2);
    // Three distinct bodies (the invalid one's 400 is cached too) and two repeats.
    expect(sample(text, 'berth_answer_cache_lookups_total{result="miss"}')).toBe(3);
    expect(sample(text, 'berth_answer_cache_lookups_total{result="hit"}')).toBe(2);
    expect(sample(text, 'berth_answer_cache_entries')).toBe(3);
    expect(sample(text, 'berth_answer_cache_bytes')).toBeGreaterThan(0);
  });
});

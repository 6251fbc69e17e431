import request, { type Response } from 'supertest';
import { BODY_LIMIT_BYTES, testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { LEAKS, PROBLEM_JSON_TYPE, postRaw, postRecommendation } from './requests';

/** Every error is an RFC 9457 problem as application/problem+json that reveals nothing of the server. */
function expectProblem(response: Response, status: number): Record<string, unknown> {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
  const problem = jsonOf(response);
  expect(schemaErrors('Problem', problem)).toEqual([]);
  expect(problem.status).toBe(status);
  for (const leak of LEAKS) expect(response.text).not.toMatch(leak);
  return problem;
}

describe('POST /v1/recommendations', () => {
  const app = testApp();

  describe('when the body is over the size limit', () => {
    it('answers 413 with a problem', async () => {
      const body = JSON.stringify({ workloadType: 'web', image: 'x'.repeat(BODY_LIMIT_BYTES) });
      expectProblem(await postRaw(app, body), 413);
    });

    it('reads a body just under the limit', async () => {
      const padding = BODY_LIMIT_BYTES - 200;
      const response = await postRaw(
        app,
        JSON.stringify({ workloadType: 'web', image: 'x'.repeat(padding) }),
      );
      expect(response.status).not.toBe(413);
      expect(response.status).toBeLessThan(500);
    });
  });

  describe('when the body is not declared as JSON', () => {
    const cases = [
      { given: 'text/plain', contentType: 'text/plain' },
      { given: 'a form', contentType: 'application/x-www-form-urlencoded' },
      { given: 'XML', contentType: 'application/xml' },
    ];

    it.each(cases)('answers 415 with a problem, given $given', async ({ contentType }) => {
      expectProblem(await postRaw(app, '{"workloadType":"web"}', contentType), 415);
    });

    it('answers 415 with a problem when there is no Content-Type at all', async () => {
      const response = await request(app)
        .post('/v1/recommendations')
        .send(Buffer.from('{"workloadType":"web"}'));
      expect(response.request.getHeader('Content-Type')).toBeUndefined();
      expectProblem(response, 415);
    });

    it('accepts application/json with a charset', async () => {
      const response = await postRaw(app, '{"workloadType":"web"}', 'application/json; charset=utf-8');
      expect(response.status).toBe(200);
    });
  });
});

describe('unknown paths', () => {
  const app = testApp();
  const cases = [
    // GET / is the workbench (test/http/workbench.test.ts); nothing else answers at /.
    { method: 'post', path: '/' },
    { method: 'get', path: '/v1/recommendation' },
    { method: 'get', path: '/v2/platforms' },
    { method: 'post', path: '/v1/recommendations/rec_0123' },
    { method: 'get', path: '/openapi.yml' },
    { method: 'delete', path: '/v1/everything' },
  ] as const;

  it.each(cases)('answers $method $path with a JSON 404, never an HTML page', async ({ method, path }) => {
    const response = await request(app)[method](path).set('Accept', 'text/html');
    expectProblem(response, 404);
  });
});

describe('known paths with the wrong method', () => {
  const app = testApp();
  const cases = [
    { method: 'delete', path: '/v1/recommendations', allowed: ['GET', 'HEAD', 'POST'] },
    { method: 'put', path: '/v1/recommendations', allowed: ['GET', 'HEAD', 'POST'] },
    { method: 'patch', path: '/v1/recommendations', allowed: ['GET', 'HEAD', 'POST'] },
    { method: 'post', path: '/healthz', allowed: ['GET'] },
    { method: 'post', path: '/v1/platforms', allowed: ['GET'] },
    { method: 'delete', path: '/v1/rules', allowed: ['GET'] },
  ] as const;

  it.each(cases)('answers $method $path with 405 and an Allow header', async ({ method, path, allowed }) => {
    const response = await request(app)[method](path);
    expectProblem(response, 405);
    const allow = String(response.headers.allow ?? '')
      .split(',')
      .map((value) => value.trim());
    expect(allow).toEqual(expect.arrayContaining(allowed));
    expect(allow).not.toContain(method.toUpperCase());
  });
});

describe('every response', () => {
  const app = testApp();
  const requests: { given: string; send: () => Promise<Response> }[] = [
    { given: 'a recommendation', send: () => postRecommendation(app, { workloadType: 'web' }) },
    {
      given: 'a 422',
      send: () => postRecommendation(app, { workloadType: 'web', persistence: { type: 'windows-file' } }),
    },
    { given: 'a 400', send: () => postRecommendation(app, { workloadType: 'web', colour: 'blue' }) },
    { given: 'malformed JSON', send: () => postRaw(app, '{"workloadType": web}') },
    { given: 'a 413', send: () => postRaw(app, JSON.stringify({ image: 'x'.repeat(BODY_LIMIT_BYTES) })) },
    { given: 'a 415', send: () => postRaw(app, 'workloadType=web', 'application/x-www-form-urlencoded') },
    { given: 'a 404', send: () => request(app).get('/nowhere').set('Accept', 'text/html') },
    { given: 'a 405', send: () => request(app).delete('/v1/recommendations') },
    { given: 'the platforms', send: () => request(app).get('/v1/platforms') },
    { given: 'the rules', send: () => request(app).get('/v1/rules') },
    { given: 'the health check', send: () => request(app).get('/healthz') },
  ];

  it.each(requests)('contains no stack trace and no HTML, given $given', async ({ send }) => {
    const response = await send();
    expect(response.status).toBeLessThan(500);
    for (const leak of LEAKS) expect(response.text).not.toMatch(leak);
  });
});

describe('GET /docs', () => {
  const app = testApp();

  async function docsPage(): Promise<Response> {
    const first = await request(app).get('/docs');
    if (first.status >= 300 && first.status < 400) {
      expect(first.headers.location).toBe('/docs/');
      return request(app).get(first.headers.location as string);
    }
    return first;
  }

  it('serves the Swagger UI page', async () => {
    const page = await docsPage();
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text.toLowerCase()).toContain('swagger');
  });

  it("renders Berth's OpenAPI document", async () => {
    const page = await docsPage();
    const script = /<script src="\.\/(swagger-ui-init\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const init = await request(app).get(`/docs/${script}`);
    expect(init.status).toBe(200);
    const document = jsonOf(await request(app).get('/openapi.json'));
    expect(init.text).toContain('"swaggerDoc"');
    expect(init.text).toContain(JSON.stringify((document.info as { title: string }).title));
    expect(init.text).toContain('"/v1/recommendations"');
  });
});

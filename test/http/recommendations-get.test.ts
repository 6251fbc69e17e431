import request, { type Response } from 'supertest';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { webWorkload, workerWorkload } from '../support/workloads';
import { JSON_TYPE, PROBLEM_JSON_TYPE, workloadParameter } from './requests';

const app = testApp();
const JSON_TEXT = JSON.stringify(webWorkload({ name: 'linked', traffic: { protocol: 'grpc' } }));
const PATH = `/v1/recommendations?workload=${workloadParameter(JSON_TEXT)}`;
const ALL_FORMATS = ['json', 'zip', 'mermaid', 'drawio', 'svg'];

// supertest asks for gzip unless told otherwise; these tests are about the uncompressed answer.
const get = (path: string) => request(app).get(path).set('Accept-Encoding', 'identity');
const head = (path: string) => request(app).head(path).set('Accept-Encoding', 'identity');
const post = (json: string) =>
  request(app)
    .post('/v1/recommendations')
    .set('Content-Type', 'application/json')
    .set('Accept-Encoding', 'identity')
    .send(json);

interface Operation {
  responses: Record<string, { headers?: Record<string, unknown> }>;
}
const getOperation = (
  loadOpenApiDocument(OPENAPI_PATH).json as { paths: Record<string, Record<string, Operation>> }
).paths['/v1/recommendations']?.get;

/** Checks that the contract's GET operation declares this status and every Berth header the answer has. */
function expectInContract(response: Response): void {
  const declared = getOperation?.responses[String(response.status)];
  expect(declared).toBeDefined();
  for (const header of ['etag', 'cache-control', 'berth-rules-version', 'content-encoding']) {
    if (response.headers[header] === undefined) continue;
    const names = Object.keys(declared?.headers ?? {}).map((name) => name.toLowerCase());
    expect(names).toContain(header);
  }
}

function expectQueryProblem(response: Response, parameter: string): Record<string, unknown> {
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
  expect(response.headers['cache-control']).toBe('no-store');
  const problem = jsonOf(response);
  expect(schemaErrors('ValidationProblem', problem)).toEqual([]);
  expect(problem.errors).toEqual([expect.objectContaining({ path: parameter })]);
  expectInContract(response);
  return problem;
}

describe('GET /v1/recommendations', () => {
  describe('when workload is the base64url of a valid workload', () => {
    it('answers 200 with a Recommendation, byte for byte what the POST of the same JSON answers', async () => {
      const got = await get(PATH);
      const posted = await post(JSON_TEXT);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toMatch(JSON_TYPE);
      expect(schemaErrors('Recommendation', jsonOf(got))).toEqual([]);
      expect(got.text).toBe(posted.text);
      expectInContract(got);
    });

    it('carries the same strong ETag as the POST, made from the answer bytes', async () => {
      const got = await get(PATH);
      const posted = await post(JSON_TEXT);
      expect(got.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(posted.headers.etag).toBe(got.headers.etag);
      const other = await get(
        `/v1/recommendations?workload=${workloadParameter(JSON.stringify(workerWorkload()))}`,
      );
      expect(other.headers.etag).not.toBe(got.headers.etag);
    });

    it('says how long the answer stays valid and which rules made it', async () => {
      const got = await get(PATH);
      expect(got.headers['cache-control']).toBe('max-age=3600');
      expect(got.headers['berth-rules-version']).toBe(jsonOf(got).rulesVersion);
    });

    it('accepts the base64url padded with =', async () => {
      const padded = Buffer.from('{"workloadType":"web"}').toString('base64');
      expect(padded.endsWith('=')).toBe(true);
      const response = await get(`/v1/recommendations?workload=${encodeURIComponent(padded)}`);
      expect(response.status).toBe(200);
    });
  });

  describe('when If-None-Match names the answer', () => {
    let etag: string;
    beforeAll(async () => {
      etag = String((await get(PATH)).headers.etag);
    });

    it.each([
      { given: 'its ETag', ifNoneMatch: () => etag },
      { given: 'its ETag as a weak one', ifNoneMatch: () => `W/${etag}` },
      { given: 'a list that holds its ETag', ifNoneMatch: () => `"an-older-answer", ${etag}` },
      { given: '*', ifNoneMatch: () => '*' },
    ])('answers 304 without a body, given $given', async ({ ifNoneMatch }) => {
      const response = await get(PATH).set('If-None-Match', ifNoneMatch());
      expect(response.status).toBe(304);
      expect(response.text).toBe('');
      expect(response.headers['content-length'] ?? '0').toBe('0');
      expect(response.headers.etag).toBe(etag);
      expect(response.headers['cache-control']).toBe('max-age=3600');
      expectInContract(response);
    });

    it('answers 200 with the answer when the ETag does not match', async () => {
      const response = await get(PATH).set('If-None-Match', '"an-older-answer"');
      expect(response.status).toBe(200);
      expect(jsonOf(response).id).toMatch(/^rec_/);
    });

    it('answers a POST in full: 304 is only for GET and HEAD', async () => {
      const response = await request(app)
        .post('/v1/recommendations')
        .set('Content-Type', 'application/json')
        .set('If-None-Match', etag)
        .send(JSON_TEXT);
      expect(response.status).toBe(200);
    });

    it('gives the gzip answer an ETag of its own, and 304 to it', async () => {
      const gzipped = await request(app).get(PATH).set('Accept-Encoding', 'gzip');
      expect(gzipped.headers.etag).toBe(etag.replace(/"$/, '-gzip"'));
      const again = await request(app)
        .get(PATH)
        .set('Accept-Encoding', 'gzip')
        .set('If-None-Match', String(gzipped.headers.etag));
      expect(again.status).toBe(304);
    });
  });

  describe('when the request is HEAD', () => {
    it('answers the GET answer headers without a body', async () => {
      const got = await get(PATH);
      const headers = await head(PATH);
      expect(headers.status).toBe(200);
      expect(headers.text ?? '').toBe('');
      for (const header of ['etag', 'content-type', 'content-length', 'cache-control']) {
        expect(headers.headers[header]).toBe(got.headers[header]);
      }
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const etag = String((await get(PATH)).headers.etag);
      expect((await head(PATH).set('If-None-Match', etag)).status).toBe(304);
    });
  });

  describe('when format is zip', () => {
    it('answers the starter configuration as a zip with an ETag of its own, and 304 to it', async () => {
      const zipPath = `${PATH}&format=zip`;
      const zip = await get(zipPath).buffer(true);
      expect(zip.status).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
      expect(zip.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(zip.headers.etag).not.toBe((await get(PATH)).headers.etag);
      expectInContract(zip);
      const again = await get(zipPath).set('If-None-Match', String(zip.headers.etag));
      expect(again.status).toBe(304);
    });
  });

  describe.each([
    { format: 'mermaid', mediaType: 'text/vnd.mermaid', starterFile: 'architecture.md' },
    { format: 'drawio', mediaType: 'application/vnd.jgraph.mxfile', starterFile: 'architecture.drawio' },
    { format: 'svg', mediaType: 'image/svg+xml', starterFile: undefined },
  ])('when format is $format', ({ format, mediaType, starterFile }) => {
    const diagramPath = `${PATH}&format=${format}`;

    it('answers the architecture diagram with an ETag of its own, and 304 to it', async () => {
      const diagram = await get(diagramPath);
      expect(diagram.status).toBe(200);
      expect(diagram.headers['content-type']).toBe(`${mediaType}; charset=utf-8`);
      expect(diagram.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(diagram.headers.etag).not.toBe((await get(PATH)).headers.etag);
      expectInContract(diagram);
      const again = await get(diagramPath).set('If-None-Match', String(diagram.headers.etag));
      expect(again.status).toBe(304);
    });

    it('answers the same bytes as the POST, and the diagram of the starter files', async () => {
      const diagram = await get(diagramPath);
      const posted = await request(app)
        .post(`/v1/recommendations?format=${format}`)
        .set('Content-Type', 'application/json')
        .set('Accept-Encoding', 'identity')
        .send(JSON_TEXT);
      expect(posted.status).toBe(200);
      expect(posted.text).toBe(diagram.text);
      if (starterFile === undefined) return;
      const files = jsonOf(await get(PATH)).starterConfig as { files: { path: string; content: string }[] };
      const file = files.files.find((candidate) => candidate.path === starterFile);
      expect(file?.content).toContain(diagram.text.trimEnd());
    });

    it('answers a workload no platform can run with the 422 problem', async () => {
      const json = JSON.stringify(webWorkload({ persistence: { type: 'windows-file' } }));
      const got = await get(`/v1/recommendations?workload=${workloadParameter(json)}&format=${format}`);
      expect(got.status).toBe(422);
      expect(got.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
      expect(schemaErrors('NoEligiblePlatformProblem', jsonOf(got))).toEqual([]);
    });
  });

  describe('when the workload is valid JSON but not a valid workload', () => {
    it('answers the 400 the POST answers, with the paths inside the workload', async () => {
      const json = '{"workloadType":"web","resources":{"cpu":"2"}}';
      const got = await get(`/v1/recommendations?workload=${workloadParameter(json)}`);
      expect(got.status).toBe(400);
      expect(got.headers.etag).toBeUndefined();
      expect(got.headers['cache-control']).toBe('no-store');
      expect(got.text).toBe((await post(json)).text);
      expect(jsonOf(got).errors).toEqual([expect.objectContaining({ path: 'resources.cpu' })]);
    });
  });

  describe('when no platform can run the workload', () => {
    it('answers the 422 without an ETag, valid as long as an answer', async () => {
      const json = JSON.stringify(webWorkload({ persistence: { type: 'windows-file' } }));
      const got = await get(`/v1/recommendations?workload=${workloadParameter(json)}`);
      expect(got.status).toBe(422);
      expect(schemaErrors('NoEligiblePlatformProblem', jsonOf(got))).toEqual([]);
      expect(got.headers.etag).toBeUndefined();
      expect(got.headers['cache-control']).toBe('max-age=3600');
      expectInContract(got);
    });
  });

  describe('when the query is not a valid request', () => {
    it.each([
      { given: 'no workload', query: '', parameter: 'workload', says: /is required/ },
      { given: 'an empty workload', query: '?workload=', parameter: 'workload', says: /is required/ },
      {
        given: 'standard base64 with "+" and "/"',
        query: `?workload=${encodeURIComponent('eyJ+/w==')}`,
        parameter: 'workload',
        says: /"-" and "_"/,
      },
      {
        given: 'characters outside base64url',
        query: '?workload=eyJ3b3*',
        parameter: 'workload',
        says: /not base64url/,
      },
      {
        given: 'an impossible length',
        query: '?workload=eyJ3b',
        parameter: 'workload',
        says: /not base64url/,
      },
      {
        given: 'base64url of text that is not JSON',
        query: `?workload=${workloadParameter('workloadType=web')}`,
        parameter: 'workload',
        says: /does not decode to JSON/,
      },
      {
        given: 'base64url of bytes that are not UTF-8',
        query: `?workload=${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}`,
        parameter: 'workload',
        says: /UTF-8/,
      },
      {
        given: 'a workload too long for a URL',
        query: `?workload=${workloadParameter(JSON.stringify({ workloadType: 'web', name: 'x'.repeat(5000) }))}`,
        parameter: 'workload',
        says: /at most 6144 fit in a URL/,
      },
      {
        given: 'workload twice',
        query: `?workload=${workloadParameter('{}')}&workload=${workloadParameter('{}')}`,
        parameter: 'workload',
        says: /more than once/,
      },
      {
        given: 'an unknown format',
        query: `?workload=${workloadParameter(JSON_TEXT)}&format=pdf`,
        parameter: 'format',
        says: /must be one of json, zip, mermaid, drawio, svg/,
      },
      {
        given: 'a parameter the GET does not take',
        query: `?workload=${workloadParameter(JSON_TEXT)}&lang=en`,
        parameter: 'lang',
        says: /not a query parameter/,
      },
    ])('answers 400 naming $parameter, given $given', async ({ query, parameter, says }) => {
      const problem = expectQueryProblem(await get(`/v1/recommendations${query}`), parameter);
      const [error] = problem.errors as { message: string }[];
      expect(error?.message).toMatch(says);
    });

    it('names every problem at once', async () => {
      const response = await get('/v1/recommendations?workload=eyJ3b3*&format=pdf&view=short&lang=en');
      expect(response.status).toBe(400);
      expect((jsonOf(response).errors as { path: string }[]).map((error) => error.path)).toEqual([
        'lang',
        'workload',
        'format',
        'view',
      ]);
    });

    it('names the allowed formats', async () => {
      const problem = expectQueryProblem(await get(`${PATH}&format=pdf`), 'format');
      expect(problem.errors).toEqual([
        { path: 'format', message: expect.any(String), received: 'pdf', allowed: ALL_FORMATS },
      ]);
    });
  });
});

describe('POST /v1/recommendations', () => {
  describe('when format is not one of the formats', () => {
    it('answers 400 naming the allowed formats', async () => {
      const response = await request(app)
        .post('/v1/recommendations?format=yaml')
        .set('Content-Type', 'application/json')
        .send(JSON_TEXT);
      expect(response.status).toBe(400);
      expect(jsonOf(response).errors).toEqual([
        { path: 'format', message: expect.any(String), received: 'yaml', allowed: ALL_FORMATS },
      ]);
    });
  });
});

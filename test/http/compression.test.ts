import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testApp } from '../support/app';
import { webWorkload, workerWorkload } from '../support/workloads';
import { type RawResponse, rawRequest, workloadParameter } from './requests';

const BODY = JSON.stringify(webWorkload({ name: 'compressed', traffic: { protocol: 'https' } }));

/** The body as the client reads it once it undoes the Content-Encoding the answer names. */
function decoded(response: RawResponse): Buffer {
  switch (response.headers['content-encoding']) {
    case undefined:
      return response.body;
    case 'gzip':
      return gunzipSync(response.body);
    case 'br':
      return brotliDecompressSync(response.body);
    default:
      throw new Error(`unexpected Content-Encoding ${response.headers['content-encoding']}`);
  }
}

function varies(response: RawResponse): string[] {
  return String(response.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
}

describe.each([
  { given: 'the answer cache on', cacheBytes: undefined },
  { given: 'the answer cache off', cacheBytes: 0 },
])('compression, with $given', ({ cacheBytes }) => {
  const app = testApp(cacheBytes === undefined ? {} : { cacheBytes });
  const post = (body: string, headers: Record<string, string> = {}) =>
    rawRequest(app, {
      method: 'POST',
      path: '/v1/recommendations',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });

  describe('POST /v1/recommendations', () => {
    describe('when the request has no Accept-Encoding', () => {
      it('answers uncompressed, and says the answer varies with Accept-Encoding', async () => {
        const response = await post(BODY);
        expect(response.status).toBe(200);
        expect(response.headers['content-encoding']).toBeUndefined();
        expect(Number(response.headers['content-length'])).toBe(response.body.length);
        expect(JSON.parse(response.body.toString('utf8')).workload.name).toBe('compressed');
        expect(varies(response)).toEqual(expect.arrayContaining(['accept', 'accept-encoding']));
      });
    });

    describe('when clients that accept different codings ask for the same new workload in turn', () => {
      it.each([
        ['identity', 'gzip', 'br', 'identity'],
        ['gzip', 'identity', 'br', 'gzip'],
        ['br', 'gzip', 'identity', 'br'],
      ])('gives each (%s, then %s, %s, %s) the same bytes in its own coding', async (...codings) => {
        const body = JSON.stringify(
          webWorkload({ name: `turns-${codings.join('-')}`, traffic: { protocol: 'https' } }),
        );
        const answers = [];
        for (const coding of codings) {
          const response = await post(body, coding === 'identity' ? {} : { 'Accept-Encoding': coding });
          expect(response.headers['content-encoding']).toBe(coding === 'identity' ? undefined : coding);
          answers.push(decoded(response).toString('utf8'));
        }
        expect(new Set(answers).size).toBe(1);
      });
    });

    describe.each([
      { acceptEncoding: 'gzip', coding: 'gzip' },
      { acceptEncoding: 'br', coding: 'br' },
      { acceptEncoding: 'gzip, deflate, br', coding: 'gzip' },
      { acceptEncoding: 'br;q=1, gzip;q=0', coding: 'br' },
      { acceptEncoding: '*', coding: 'gzip' },
    ])('when the request has Accept-Encoding: $acceptEncoding', ({ acceptEncoding, coding }) => {
      it(`answers ${coding} that decompresses to exactly the uncompressed bytes`, async () => {
        const plain = await post(BODY);
        const compressed = await post(BODY, { 'Accept-Encoding': acceptEncoding });
        expect(compressed.status).toBe(200);
        expect(compressed.headers['content-encoding']).toBe(coding);
        expect(compressed.body.length).toBeLessThan(plain.body.length / 3);
        expect(Buffer.compare(decoded(compressed), plain.body)).toBe(0);
        expect(varies(compressed)).toContain('accept-encoding');
      });
    });

    describe('when the client accepts neither gzip nor brotli', () => {
      it.each(['deflate', 'identity', 'gzip;q=0, br;q=0'])(
        'answers uncompressed to Accept-Encoding: %s',
        async (acceptEncoding) => {
          const response = await post(BODY, { 'Accept-Encoding': acceptEncoding });
          expect(response.headers['content-encoding']).toBeUndefined();
          expect(Buffer.compare(response.body, (await post(BODY)).body)).toBe(0);
        },
      );
    });

    describe('when the answer is a problem', () => {
      it.each([
        { given: 'a 400', body: '{"workloadType":"web","resources":{"cpu":"2"}}', status: 400 },
        {
          given: 'a 422',
          body: JSON.stringify(webWorkload({ persistence: { type: 'windows-file' } })),
          status: 422,
        },
      ])('decompresses $given to exactly its uncompressed bytes', async ({ body, status }) => {
        const plain = await post(body);
        const compressed = await post(body, { 'Accept-Encoding': 'gzip' });
        expect([plain.status, compressed.status]).toEqual([status, status]);
        expect(Buffer.compare(decoded(compressed), plain.body)).toBe(0);
      });
    });
  });

  describe('GET /v1/recommendations', () => {
    it.each(['gzip', 'br'])('answers %s that decompresses to the bytes the POST answers', async (coding) => {
      const json = JSON.stringify(workerWorkload({ name: 'from-a-url' }));
      const got = await rawRequest(app, {
        path: `/v1/recommendations?workload=${workloadParameter(json)}`,
        headers: { 'Accept-Encoding': coding },
      });
      expect(got.headers['content-encoding']).toBe(coding);
      expect(Buffer.compare(decoded(got), (await post(json)).body)).toBe(0);
    });
  });

  describe('the other answers', () => {
    it.each(['gzip', 'br'])('compresses a large document with %s', async (coding) => {
      const plain = await rawRequest(app, { path: '/v1/rules' });
      const compressed = await rawRequest(app, { path: '/v1/rules', headers: { 'Accept-Encoding': coding } });
      expect(compressed.headers['content-encoding']).toBe(coding);
      expect(Buffer.compare(decoded(compressed), plain.body)).toBe(0);
      expect(varies(compressed)).toContain('accept-encoding');
    });

    it('leaves small answers such as /healthz uncompressed', async () => {
      const response = await rawRequest(app, {
        path: '/healthz',
        headers: { 'Accept-Encoding': 'gzip, br' },
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(response.body.toString('utf8'))).toEqual({ status: 'ok' });
    });
  });
});

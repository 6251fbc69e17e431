import JSZip from 'jszip';
import request, { type Response } from 'supertest';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { webWorkload } from '../support/workloads';

type StarterFile = { path: string; content: string };

/** Collects a binary response body into a Buffer (supertest leaves unknown types unparsed). */
function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

const app = testApp();
const BODY = webWorkload({ name: 'orders-api', traffic: { protocol: 'https' } });

function post(body: unknown, options: { accept?: string; query?: string } = {}): Promise<Response> {
  const call = request(app)
    .post(`/v1/recommendations${options.query ?? ''}`)
    .set('Content-Type', 'application/json')
    .buffer(true)
    .parse(binary);
  if (options.accept !== undefined) call.set('Accept', options.accept);
  return call.send(JSON.stringify(body));
}

async function unzip(response: Response): Promise<StarterFile[]> {
  const zip = await JSZip.loadAsync(response.body as Buffer);
  const files = Object.values(zip.files).filter((entry) => !entry.dir);
  return Promise.all(
    files.map(async (entry) => ({ path: entry.name, content: await entry.async('string') })),
  );
}

async function starterFilesAsJson(body: object): Promise<StarterFile[]> {
  const response = await request(app)
    .post('/v1/recommendations')
    .set('Content-Type', 'application/json')
    .send(body);
  return (jsonOf(response) as { starterConfig: { files: StarterFile[] } }).starterConfig.files.map(
    ({ path, content }) => ({ path, content }),
  );
}

describe('POST /v1/recommendations', () => {
  describe.each([
    { asked: 'with Accept: application/zip', options: { accept: 'application/zip' } },
    { asked: 'with ?format=zip', options: { query: '?format=zip' } },
  ])('when the client asks for a zip $asked', ({ options }) => {
    it('answers the starter configuration as a zip archive named after the workload', async () => {
      const response = await post(BODY, options);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="orders-api-starter-config.zip"',
      );
    });

    it('holds exactly the files of the JSON answer, with the same contents', async () => {
      const [zipped, json] = [await unzip(await post(BODY, options)), await starterFilesAsJson(BODY)];
      const byPath = (a: StarterFile, b: StarterFile) => (a.path < b.path ? -1 : 1);
      expect(zipped.sort(byPath)).toEqual(json.sort(byPath));
      expect(zipped.map((file) => file.path)).toEqual(
        expect.arrayContaining(['README.md', 'cloudformation/template.yaml']),
      );
    });

    it('says in its README how to deploy the stack', async () => {
      const readme = (await unzip(await post(BODY, options))).find((file) => file.path === 'README.md');
      expect(readme?.content).toContain(
        'aws cloudformation deploy --template-file cloudformation/template.yaml --stack-name orders-api',
      );
    });

    it('gives the same bytes for the same request', async () => {
      const [first, second] = [await post(BODY, options), await post(BODY, options)];
      expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    });

    it('still answers an invalid workload with problem+json', async () => {
      const response = await post({ workloadType: 'spaceship' }, options);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('when the client accepts JSON, anything, or a type Berth does not serve', () => {
    it.each(['application/json', '*/*', 'text/csv', 'application/json, application/zip;q=0.5'])(
      'answers %s with JSON',
      async (accept) => {
        const response = await post(BODY, { accept });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.headers.vary).toMatch(/Accept/);
      },
    );
  });
});

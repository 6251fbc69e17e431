import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { testApp } from '../support/app';

const KEY = 'workbench-key-0123456789abcdef';
const ASSET = '/assets/index-Ab12Cd34.js';

describe('GET / (the workbench)', () => {
  let built: string;

  beforeAll(() => {
    built = mkdtempSync(join(tmpdir(), 'berth-workbench-'));
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), `<!doctype html><script type="module" src="${ASSET}"></script>`);
    writeFileSync(join(built, ASSET), 'export {};\n');
  });
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  describe('when the workbench is built', () => {
    const app = () => testApp({ workbenchDir: built });

    it('serves the page, revalidated on every visit', async () => {
      const response = await request(app()).get('/');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
    });

    it('keeps the Content-Security-Policy strict: scripts from the same origin only, diagrams as blob: images', async () => {
      const policy = String((await request(app()).get('/')).headers['content-security-policy']);
      const directive = (name: string) =>
        policy
          .split(';')
          .map((part) => part.trim())
          .find((part) => part.startsWith(`${name} `));
      expect(directive('script-src')).toBe("script-src 'self'");
      expect(directive('img-src')).toBe("img-src 'self' data: blob:");
      expect(directive('object-src')).toBe("object-src 'none'");
    });

    it('serves its hashed assets cached for a year, as immutable', async () => {
      const response = await request(app()).get(ASSET);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('answers an unknown asset with the JSON 404', async () => {
      const response = await request(app()).get('/assets/nothing.js');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    describe('when API keys are configured', () => {
      const keyed = () => testApp({ workbenchDir: built, apiKeys: [KEY] });

      it('serves the page and its assets without a key, so the page can ask for one', async () => {
        expect((await request(keyed()).get('/')).status).toBe(200);
        expect((await request(keyed()).get(ASSET)).status).toBe(200);
      });

      it('still requires the key for the API the page calls', async () => {
        expect((await request(keyed()).get('/v1/platforms')).status).toBe(401);
      });
    });
  });

  describe('when the workbench is not built', () => {
    it('answers / with the JSON 404', async () => {
      const response = await request(testApp({ workbenchDir: join(built, 'missing') })).get('/');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});

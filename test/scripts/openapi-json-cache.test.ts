import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { isOpenApiCacheCurrent, writeOpenApiCache } from '../../scripts/openapi-json-cache.cjs';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';

const CONTRACT = 'openapi: 3.1.0\ninfo: { title: Berth, version: "1" }\npaths: {}\n';

describe('the parsed OpenAPI document cached in dist/openapi.json', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'berth-openapi-cache-'));
    writeFileSync(join(root, 'openapi.yaml'), CONTRACT);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is not current before the build writes it, and is after', () => {
    expect(isOpenApiCacheCurrent(root)).toBe(false);
    writeOpenApiCache(root);
    expect(isOpenApiCacheCurrent(root)).toBe(true);
  });

  it('holds what parsing the YAML gives', () => {
    writeOpenApiCache(root);
    expect(loadOpenApiDocument(join(root, 'openapi.yaml')).json).toEqual(YAML.parse(CONTRACT));
  });

  it('is what the loader uses while its hash is the YAML’s', () => {
    writeOpenApiCache(root);
    const cachePath = join(root, 'dist', 'openapi.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { sourceSha256: string };
    writeFileSync(cachePath, JSON.stringify({ ...cache, document: { served: 'from the cache' } }));
    expect(loadOpenApiDocument(join(root, 'openapi.yaml')).json).toEqual({ served: 'from the cache' });
  });

  describe('when openapi.yaml changed after the build', () => {
    it('is ignored, so the contract is never served stale', () => {
      writeOpenApiCache(root);
      const edited = CONTRACT.replace('version: "1"', 'version: "2"');
      writeFileSync(join(root, 'openapi.yaml'), edited);
      expect(isOpenApiCacheCurrent(root)).toBe(false);
      expect(loadOpenApiDocument(join(root, 'openapi.yaml')).json).toEqual(YAML.parse(edited));
    });
  });

  describe('when it cannot be read', () => {
    it('is ignored', () => {
      writeOpenApiCache(root);
      writeFileSync(join(root, 'dist', 'openapi.json'), '{ not json');
      expect(loadOpenApiDocument(join(root, 'openapi.yaml')).json).toEqual(YAML.parse(CONTRACT));
    });
  });
});

#!/usr/bin/env node
/**
 * Writes dist/openapi.json: openapi.yaml parsed once at build time, with the SHA-256 of the YAML it came
 * from. Parsing the 300 KB YAML takes most of a second on a busy machine and JSON.parse a few
 * milliseconds, so the server starts faster from it; src/contract/openapi-document.ts uses it only when
 * the hash matches the openapi.yaml it reads, so an edited contract is never served stale.
 *
 * CommonJS, like build-if-stale.cjs, which calls it after every build.
 */
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCE = 'openapi.yaml';
const CACHE = join('dist', 'openapi.json');

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** Whether dist/openapi.json holds the document of the current openapi.yaml (true when there is none to cache). */
function isOpenApiCacheCurrent(root = ROOT) {
  const source = join(root, SOURCE);
  if (!existsSync(source)) return true;
  const cache = join(root, CACHE);
  if (!existsSync(cache)) return false;
  try {
    return JSON.parse(readFileSync(cache, 'utf8')).sourceSha256 === sha256(readFileSync(source, 'utf8'));
  } catch {
    return false;
  }
}

/** Parses openapi.yaml with the same library the server falls back to, and writes the cache. */
function writeOpenApiCache(root = ROOT) {
  const source = join(root, SOURCE);
  if (!existsSync(source)) return;
  const YAML = require(require.resolve('yaml', { paths: [root, __dirname] }));
  const text = readFileSync(source, 'utf8');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(
    join(root, CACHE),
    JSON.stringify({ sourceSha256: sha256(text), document: YAML.parse(text) }),
  );
}

module.exports = { isOpenApiCacheCurrent, writeOpenApiCache };

if (require.main === module) writeOpenApiCache();

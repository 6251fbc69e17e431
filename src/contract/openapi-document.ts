import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';

/** The OpenAPI document, read once: the source the types, the docs page and the response tests come from. */
export interface OpenApiDocument {
  yaml: string;
  json: Record<string, unknown>;
}

/**
 * Reads openapi.yaml. The build writes the parsed document to dist/openapi.json with the hash of the YAML
 * it came from (scripts/openapi-json-cache.cjs): parsing the YAML costs most of a second of start-up on a
 * busy machine, JSON a few milliseconds. The cache is used only when its hash is this YAML's.
 */
export function loadOpenApiDocument(path: string): OpenApiDocument {
  const yaml = readFileSync(path, 'utf8');
  return { yaml, json: cachedDocument(path, yaml) ?? (YAML.parse(yaml) as Record<string, unknown>) };
}

function cachedDocument(path: string, yaml: string): Record<string, unknown> | undefined {
  const cachePath = join(dirname(path), 'dist', 'openapi.json');
  if (!existsSync(cachePath)) return undefined;
  try {
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as {
      sourceSha256?: unknown;
      document?: unknown;
    };
    const sha256 = createHash('sha256').update(yaml).digest('hex');
    return cache.sourceSha256 === sha256 && typeof cache.document === 'object' && cache.document !== null
      ? (cache.document as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

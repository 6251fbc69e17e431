import { readFileSync } from 'node:fs';
import YAML from 'yaml';

/** The OpenAPI document, read once: the source the types, the docs page and the response tests come from. */
export interface OpenApiDocument {
  yaml: string;
  json: Record<string, unknown>;
}

export function loadOpenApiDocument(path: string): OpenApiDocument {
  const yaml = readFileSync(path, 'utf8');
  return { yaml, json: YAML.parse(yaml) as Record<string, unknown> };
}

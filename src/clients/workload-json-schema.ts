import type { OpenApiDocument } from '../contract/openapi-document';

/** A JSON Schema, as function-calling APIs (`parameters`, `input_schema`) and MCP (`inputSchema`) take it. */
export type JsonSchema = { [keyword: string]: unknown };

const WORKLOAD_REQUEST_REF = '#/components/schemas/WorkloadRequest';

/**
 * The request body of POST /v1/recommendations as one self-contained JSON Schema, derived from
 * openapi.yaml's `components.schemas.WorkloadRequest` rather than written again: the tool definition, the
 * MCP tools and the API cannot drift apart. Every `$ref` is replaced by what it points at, because
 * function-calling APIs do not follow references into a document they never see; keywords written next to
 * a `$ref` (a field's own description or default) win over the target's, as OpenAPI 3.1 reads them.
 */
export function workloadRequestJsonSchema(document: OpenApiDocument['json']): JsonSchema {
  return inline(document, { $ref: WORKLOAD_REQUEST_REF }, []) as JsonSchema;
}

function inline(document: unknown, node: unknown, expanding: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(document, item, expanding));
  if (typeof node !== 'object' || node === null) return node;
  const { $ref, ...siblings } = node as Record<string, unknown>;
  const own = Object.fromEntries(
    Object.entries(siblings).map(([keyword, value]) => [
      keyword,
      // YAML block scalars end in a newline that means nothing to a model.
      keyword === 'description' && typeof value === 'string'
        ? value.trimEnd()
        : inline(document, value, expanding),
    ]),
  );
  if ($ref === undefined) return own;
  if (typeof $ref !== 'string' || !$ref.startsWith('#/')) {
    throw new Error(
      `openapi.yaml: cannot inline the $ref ${JSON.stringify($ref)}; only local references are supported`,
    );
  }
  if (expanding.includes($ref)) {
    throw new Error(`openapi.yaml: ${[...expanding, $ref].join(' -> ')} is circular and cannot be inlined`);
  }
  const target = inline(document, pointerTarget(document, $ref), [...expanding, $ref]);
  return { ...(target as Record<string, unknown>), ...own };
}

/** Follows a local JSON pointer (RFC 6901, in a URI fragment) through the document. */
export function pointerTarget(document: unknown, ref: string): unknown {
  let current = document;
  for (const encoded of ref.slice(2).split('/')) {
    const token = decodeURIComponent(encoded).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof current !== 'object' || current === null || !(token in current)) {
      throw new Error(`openapi.yaml: the $ref ${ref} points at nothing`);
    }
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

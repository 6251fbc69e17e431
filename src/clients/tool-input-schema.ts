import type { OpenApiDocument } from '../contract/openapi-document';
import { type JsonSchema, pointerTarget } from './workload-json-schema';

const WORKLOAD_REQUEST_REF = '#/components/schemas/WorkloadRequest';

/** The keywords a model needs to fill a field in; the server checks the rest and names what is wrong. */
const KEPT_KEYWORDS = ['type', 'enum', 'const', 'default'];

/**
 * `WorkloadRequest` as the compact JSON Schema a chat model reads on every turn (the input of
 * `recommend_container_platform`, in MCP and in GET /v1/tool-definition), derived from openapi.yaml, never
 * retyped. A field keeps its type, enum and default; its description is cut to what fills it in: its
 * first sentence, any that says it is a hard requirement, never one that repeats `default`. A field whose values are an enum gets the meaning of every value, from the description of
 * the enum's schema (which the field's own description replaces in the full schema): what AWS storage
 * each `persistence.type` maps to, that `control.level: full` rules out every serverless option. Bounds,
 * patterns, lengths and examples are left out: `POST /v1/recommendations` (and the tool) check them and name the
 * field, with the values allowed. An object's fields describe it, so its own description is left out.
 */
export function compactWorkloadSchema(document: OpenApiDocument['json']): JsonSchema {
  const request = pointerTarget(document, WORKLOAD_REQUEST_REF) as JsonSchema;
  return {
    ...compact(document, request, {}),
    description: firstParagraph(String(request.description)),
    additionalProperties: false,
  };
}

function compact(document: unknown, node: JsonSchema, own: JsonSchema): JsonSchema {
  const { $ref, ...siblings } = node;
  if (typeof $ref === 'string') {
    const target = pointerTarget(document, $ref) as JsonSchema;
    return compact(document, target, { ...siblings, ...own });
  }
  const merged: JsonSchema = { ...node, ...own };
  const schema: JsonSchema = {};
  for (const keyword of KEPT_KEYWORDS) if (merged[keyword] !== undefined) schema[keyword] = merged[keyword];
  // An enum of strings says its type already.
  if (Array.isArray(merged.enum)) delete schema.type;
  // An object's fields say what it holds; its own description would only say it again.
  const description = merged.properties === undefined ? describe(merged, node, own) : '';
  if (description !== '') schema.description = description;
  if (isSchema(merged.items)) schema.items = compact(document, merged.items, {});
  if (isSchema(merged.properties)) {
    schema.properties = Object.fromEntries(
      Object.entries(merged.properties).map(([name, property]) => [
        name,
        compact(document, property as JsonSchema, {}),
      ]),
    );
  }
  if (Array.isArray(merged.required)) schema.required = merged.required;
  return schema;
}

/**
 * A field's description, cut: for an enum, the meaning of each value, from the enum's schema (the
 * field's own words when the enum's schema has none); otherwise the field's first sentence, any that
 * says it is a hard requirement, and the one that gives a default the `default` keyword cannot (one per
 * workload type). Never the sentence that repeats `default`.
 */
function describe(merged: JsonSchema, target: JsonSchema, own: JsonSchema): string {
  const hasDefault = merged.default !== undefined;
  const ownText = typeof own.description === 'string' ? own.description : undefined;
  const targetText = typeof target.description === 'string' ? target.description : undefined;
  const sentences = (text: string) =>
    sentencesOf(text).filter((sentence) => !(hasDefault && DEFAULT.test(sentence)));
  if (Array.isArray(merged.enum) && targetText !== undefined) return sentences(targetText).join(' ');
  const text = ownText ?? targetText;
  if (text === undefined) return '';
  return sentences(firstParagraph(text))
    .filter((sentence, index) => index === 0 || HARD.test(sentence) || DEFAULT.test(sentence))
    .join(' ');
}

const HARD = /hard requirement/i;
const DEFAULT = /^Default\b/;

function sentencesOf(text: string): string[] {
  return collapse(text)
    .split(/(?<=\.)\s+(?=[A-Z`])/)
    .filter((sentence) => sentence !== '');
}

function firstParagraph(text: string): string {
  return collapse(text.split(/\n\s*\n/)[0] ?? '');
}

/** One line: YAML block scalars wrap and indent lists, which mean nothing to a model. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { Request } from 'express';
import type { FieldError } from '../contract/field-errors';
import { InvalidQueryProblem } from './problem';

/** The representations of a recommendation `format` asks for; `json` is the default. */
export const RECOMMENDATION_FORMATS = ['json', 'zip', 'mermaid', 'drawio', 'svg'] as const;
export type RecommendationFormat = (typeof RECOMMENDATION_FORMATS)[number];

/** How much of a recommendation a JSON answer carries (`view`); `full` is the default. */
export const RECOMMENDATION_VIEWS = ['full', 'summary'] as const;
export type RecommendationView = (typeof RECOMMENDATION_VIEWS)[number];

/**
 * The longest `workload` query parameter accepted, in characters: the base64url of 4,608 bytes of JSON,
 * many times a workload with every field set. With the path it stays inside the URL limits a request
 * meets on its way: CloudFront's 8,192 bytes, nginx's 8 KiB header buffers, Node.js's 16 KiB of headers.
 */
export const MAX_WORKLOAD_PARAMETER_LENGTH = 6144;

const GET_PARAMETERS = ['workload', 'format', 'view'];
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

type Query = Request['query'];

/** The `format` a request asks for: `json` when it names none; a 400 problem for any other value. */
export function formatFrom(query: Query): RecommendationFormat {
  const format = parseFormat(query.format);
  if ('problem' in format) throw new InvalidQueryProblem([format.problem]);
  return format.format;
}

/** The `view` a request asks for: `full` when it names none; a 400 problem for any other value. */
export function viewFrom(query: Query): RecommendationView {
  const view = parseView(query.view);
  if ('problem' in view) throw new InvalidQueryProblem([view.problem]);
  return view.view;
}

/**
 * The query of GET /v1/recommendations: the workload's JSON text, decoded from the base64url `workload`
 * parameter, the `format` and the `view`. Every problem with them is reported at once, in a 400 naming each
 * parameter; the JSON text is checked to be JSON here, and is validated as a workload as a POSTed body is.
 */
export function recommendationQuery(
  query: Query,
  bodyLimitBytes: number,
): { workloadJson: string; format: RecommendationFormat; view: RecommendationView } {
  const problems: FieldError[] = Object.keys(query)
    .filter((name) => !GET_PARAMETERS.includes(name))
    .map((name) => ({
      path: name,
      message: `is not a query parameter of GET /v1/recommendations, which takes ${GET_PARAMETERS.join(', ')}`,
      received: query[name],
      allowed: [...GET_PARAMETERS],
    }));
  const decoded = decodeWorkload(query.workload, bodyLimitBytes);
  if ('problem' in decoded) problems.push(decoded.problem);
  const format = parseFormat(query.format);
  if ('problem' in format) problems.push(format.problem);
  const view = parseView(query.view);
  if ('problem' in view) problems.push(view.problem);
  if (problems.length > 0 || 'problem' in decoded || 'problem' in format || 'problem' in view)
    throw new InvalidQueryProblem(problems);
  return { workloadJson: decoded.json, format: format.format, view: view.view };
}

function parseView(value: Query[string]): { view: RecommendationView } | { problem: FieldError } {
  if (value === undefined) return { view: 'full' };
  const view = RECOMMENDATION_VIEWS.find((candidate) => candidate === value);
  if (view !== undefined) return { view };
  return { problem: oneOfProblem('view', value, RECOMMENDATION_VIEWS) };
}

/** A query parameter given a value outside its allowed ones, or given more than once. */
function oneOfProblem(path: string, value: Query[string], allowed: readonly string[]): FieldError {
  return {
    path,
    message: Array.isArray(value)
      ? `is given ${value.length} times; give it once, as one of ${allowed.join(', ')}`
      : `must be one of ${allowed.join(', ')}`,
    received: value,
    allowed: [...allowed],
  };
}

function parseFormat(value: Query[string]): { format: RecommendationFormat } | { problem: FieldError } {
  if (value === undefined) return { format: 'json' };
  const format = RECOMMENDATION_FORMATS.find((candidate) => candidate === value);
  if (format !== undefined) return { format };
  return {
    problem: {
      path: 'format',
      message: Array.isArray(value)
        ? `is given ${value.length} times; give it once, as one of ${RECOMMENDATION_FORMATS.join(', ')}`
        : `must be one of ${RECOMMENDATION_FORMATS.join(', ')}`,
      received: value,
      allowed: [...RECOMMENDATION_FORMATS],
    },
  };
}

function decodeWorkload(
  value: Query[string],
  bodyLimitBytes: number,
): { json: string } | { problem: FieldError } {
  const problem = (message: string): { problem: FieldError } => ({ problem: { path: 'workload', message } });
  if (value === undefined || value === '') {
    return problem(
      'is required: the workload as JSON, encoded as base64url (RFC 4648 section 5), e.g. eyJ3b3JrbG9hZFR5cGUiOiJ3ZWIifQ for {"workloadType":"web"}',
    );
  }
  if (typeof value !== 'string') return problem('is given more than once; give it once');
  if (value.length > MAX_WORKLOAD_PARAMETER_LENGTH) {
    return problem(
      `is ${value.length} characters long; at most ${MAX_WORKLOAD_PARAMETER_LENGTH} fit in a URL everywhere, so POST a workload this large to /v1/recommendations instead`,
    );
  }
  const unpadded = value.replace(/={1,2}$/, '');
  const padded = unpadded.length !== value.length;
  if (!BASE64URL.test(unpadded) || unpadded.length % 4 === 1 || (padded && value.length % 4 !== 0)) {
    return problem(
      /[+/ ]/.test(value)
        ? 'is not base64url: it has "+" or "/" (or a space, which is how a query reads an unescaped "+"), the characters of standard base64; base64url uses "-" and "_" instead'
        : 'is not base64url: it may hold only A–Z, a–z, 0–9, "-" and "_", optionally padded with "=" to a multiple of 4 characters',
    );
  }
  const bytes = Buffer.from(unpadded, 'base64url');
  if (bytes.length > bodyLimitBytes) {
    return problem(
      `decodes to ${bytes.length} bytes, more than the ${bodyLimitBytes}-byte limit a request body has (BERTH_BODY_LIMIT_BYTES)`,
    );
  }
  let json: string;
  try {
    json = utf8.decode(bytes);
  } catch {
    return problem(
      'does not decode to UTF-8 text; encode the JSON text of the workload as UTF-8, then as base64url',
    );
  }
  try {
    JSON.parse(json);
  } catch (error) {
    return problem(`does not decode to JSON: ${(error as Error).message}`);
  }
  return { json };
}

import type { components } from '../../contract/generated/openapi-types';
import type { NoEligiblePlatformProblem, Problem, ValidationError } from './berth-client';

type Schemas = components['schemas'];
export type ApplicationArchitecture = Schemas['ApplicationArchitecture'];
export type ApplicationService = ApplicationArchitecture['services'][number];
export type ServiceRecommendation = Schemas['ServiceRecommendation'];
export type ManagedService = ApplicationArchitecture['managedServices'][number];
export type Connection = ApplicationArchitecture['connections'][number];
export type SharedLoadBalancer = ApplicationArchitecture['ingress']['loadBalancers'][number];

/**
 * A problem in a Compose file: the contract's ValidationError, whose `path` points into the file
 * (`services.db.ports[1]`), plus the file's `line` the reader adds where it knows it (objects may carry
 * more fields than documented).
 */
export type ComposeError = ValidationError & { line?: number };
export type ComposeProblem = Problem & { errors: ComposeError[] };

/** The JSON form of POST /v1/architectures/from-compose, as the workbench sends it. */
export interface ComposeRequest {
  compose: string;
  variables?: Record<string, string>;
  profiles?: string[];
}

/** What designing an application can come back with, by status. */
export type ArchitectureOutcome =
  | { kind: 'architecture'; architecture: ApplicationArchitecture }
  | { kind: 'no-platform'; problem: NoEligiblePlatformProblem & { service?: string } }
  | { kind: 'invalid'; problem: ComposeProblem }
  | { kind: 'problem'; problem: Problem };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The problem+json of a status that is not a 200, or one made up when the body is not JSON (a proxy's
 * HTML page, an empty 502), so the user reads the status instead of a parse error.
 */
function problemOf(status: number, body: unknown): Problem {
  if (isObject(body) && typeof body.title === 'string' && typeof body.status === 'number')
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: body.title,
      status: body.status,
      detail: typeof body.detail === 'string' ? body.detail : '',
    };
  return { type: 'about:blank', title: `The server answered ${status}`, status, detail: '' };
}

/** POST /v1/architectures/from-compose with the API key when one is given. */
export async function designFromCompose(
  request: ComposeRequest,
  apiKey: string,
): Promise<ArchitectureOutcome> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const key = apiKey.trim();
  if (key !== '') headers.Authorization = `Bearer ${key}`;
  const response = await fetch('/v1/architectures/from-compose', {
    method: 'POST',
    headers,
    body: JSON.stringify(request),
  });
  const body: unknown = response.headers.get('content-type')?.includes('json')
    ? await response.json()
    : undefined;
  // The contract fixes each status's schema; the casts below name which one, as berth-client does.
  if (response.status === 200 && isObject(body))
    return { kind: 'architecture', architecture: body as ApplicationArchitecture };
  if (response.status === 422 && isObject(body) && Array.isArray(body.platforms))
    return { kind: 'no-platform', problem: body as NoEligiblePlatformProblem & { service?: string } };
  if ((response.status === 400 || response.status === 413) && isObject(body) && Array.isArray(body.errors))
    return { kind: 'invalid', problem: body as ComposeProblem };
  return { kind: 'problem', problem: problemOf(response.status, body) };
}

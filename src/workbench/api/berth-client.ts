import type { components } from '../../contract/generated/openapi-types';
import type { JsonObject, RequestChange } from '../workload/workload-paths';
import { toBase64Url } from './base64url';

type Schemas = components['schemas'];
export type Suggestion = Schemas['Suggestion'];
/** A 200 answer; `suggestions` is optional here until every answer carries it. */
export type Recommendation = Schemas['Recommendation'] & { suggestions?: Suggestion[] };
export type ValidationProblem = Schemas['ValidationProblem'];
export type NoEligiblePlatformProblem = Schemas['NoEligiblePlatformProblem'];
export type Problem = Schemas['Problem'];
export type ValidationError = Schemas['ValidationError'];
export type StarterFile = Schemas['StarterFile'];
export type { RequestChange };

/** What asking for a recommendation can come back with, by status. */
export type Outcome =
  | { kind: 'answer'; answer: Recommendation }
  | { kind: 'no-platform'; problem: NoEligiblePlatformProblem }
  | { kind: 'invalid'; problem: ValidationProblem }
  | { kind: 'problem'; problem: Problem };

/** The workload as the GET form's `workload` parameter carries it. */
export function encodeWorkload(workload: JsonObject): string {
  return toBase64Url(JSON.stringify(workload));
}

/** Berth's HTTP API, as the workbench calls it: the GET form, with the API key when one is given. */
export class BerthClient {
  constructor(private readonly apiKey: () => string) {}

  private headers(): Record<string, string> {
    const key = this.apiKey().trim();
    return key === '' ? {} : { Authorization: `Bearer ${key}` };
  }

  private url(workload: JsonObject, format?: string): string {
    const query = new URLSearchParams({ workload: encodeWorkload(workload) });
    if (format !== undefined) query.set('format', format);
    return `/v1/recommendations?${query.toString()}`;
  }

  async contract(): Promise<unknown> {
    const response = await fetch('/openapi.json');
    if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
    return response.json();
  }

  async recommend(workload: JsonObject): Promise<Outcome> {
    const response = await fetch(this.url(workload), { headers: this.headers() });
    const body: unknown = await response.json();
    if (response.status === 200) return { kind: 'answer', answer: body as Recommendation };
    if (response.status === 422) return { kind: 'no-platform', problem: body as NoEligiblePlatformProblem };
    if (response.status === 400 && Array.isArray((body as { errors?: unknown }).errors)) {
      return { kind: 'invalid', problem: body as ValidationProblem };
    }
    return { kind: 'problem', problem: body as Problem };
  }

  /** The answer in another format (`svg`, `zip`): the bytes on 200, the problem otherwise. */
  async representation(
    workload: JsonObject,
    format: string,
  ): Promise<{ ok: true; blob: Blob } | { ok: false; status: number; problem: Problem | undefined }> {
    const response = await fetch(this.url(workload, format), { headers: this.headers() });
    if (response.ok) return { ok: true, blob: await response.blob() };
    const problem = response.headers.get('content-type')?.includes('json')
      ? ((await response.json()) as Problem)
      : undefined;
    return { ok: false, status: response.status, problem };
  }
}

/**
 * The response examples of openapi.yaml, each produced by asking the real server: what request makes it,
 * and how a long answer is shortened (always by the same rule, said in the example's description).
 *
 * - The `200` examples of POST /v1/recommendations are the answers to the request examples of the same
 *   name, found in the document, so a new pair needs no entry here.
 * - Every other example that Berth can produce on demand has an entry in `PRODUCED` below, by location.
 * - `NOT_PRODUCED` lists the ones it cannot (test/contract/openapi-examples.test.ts compares them with
 *   what src/http/problem.ts builds). An example in neither stops the script, naming it.
 */
import type { RunningServer } from './berth-processes';
import {
  definitionOf,
  type ExampleContent,
  type Location,
  pointer,
  responseExamples,
  valueAt,
} from './openapi-examples';

type JsonObject = Record<string, unknown>;

/** The key the examples' server accepts; every request but the 401 example's sends it. */
export const EXAMPLES_API_KEY = 'openapi-examples-key-0123456789';

export interface SpecExampleContext {
  /** A server started with `BERTH_API_KEYS=EXAMPLES_API_KEY`, otherwise with the defaults. */
  readonly server: RunningServer;
}

export interface SpecExample {
  readonly location: Location;
  produce(context: SpecExampleContext): Promise<ExampleContent>;
}

interface SpecRequest {
  readonly method?: string;
  readonly path: string;
  /** Sent as JSON unless it is a string, which is sent as it is with `contentType`. */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly withoutApiKey?: boolean;
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

function methodOf(request: SpecRequest): string {
  return request.method ?? (request.body === undefined ? 'GET' : 'POST');
}

async function call(context: SpecExampleContext, request: SpecRequest): Promise<Answer> {
  const raw = typeof request.body === 'string';
  const headers: Record<string, string> = {
    ...(request.withoutApiKey === true ? {} : { authorization: `Bearer ${EXAMPLES_API_KEY}` }),
    ...(request.body === undefined ? {} : { 'content-type': request.contentType ?? 'application/json' }),
  };
  const response = await fetch(`${context.server.base}${request.path}`, {
    method: methodOf(request),
    headers,
    ...(request.body === undefined
      ? {}
      : { body: raw ? String(request.body) : JSON.stringify(request.body) }),
  });
  return { status: response.status, text: await response.text() };
}

/** The answer's JSON body, after checking it has the status the example documents. */
async function answerJson(
  context: SpecExampleContext,
  request: SpecRequest,
  status: number,
): Promise<JsonObject> {
  const answer = await call(context, request);
  if (answer.status !== status)
    throw new Error(
      `${methodOf(request)} ${request.path} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 500)}`,
    );
  return JSON.parse(answer.text) as JsonObject;
}

function arrayOf(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not an array`);
  return value;
}

const RULES_VERSION_NOTE =
  '`rulesVersion` is a hash of the rules: it, and every recommendation `id` with it, changes whenever the rules do.';

/** How many `rationale` entries a Recommendation example keeps. */
const RATIONALE_SHOWN = 6;
/** How many entries of the catalogue lists an example keeps. */
const CATALOGUE_SHOWN = 2;

const LOAD_BALANCER_PHRASES: Readonly<Record<string, string>> = {
  alb: ' behind an Application Load Balancer',
  nlb: ' behind a Network Load Balancer',
  'built-in': ' on its own endpoint',
  none: '',
};

/** The answer to a request example, shortened: the first rationale entries and the first file. */
function recommendation(name: string, request: { summary: string; value: unknown }): SpecExample['produce'] {
  return async (context) => {
    const answer = await answerJson(context, { path: '/v1/recommendations', body: request.value }, 200);
    const rationale = arrayOf(answer.rationale, 'rationale');
    const starterConfig = answer.starterConfig as JsonObject;
    const files = arrayOf(starterConfig.files, 'starterConfig.files') as { path: string }[];
    const shown = files.slice(0, 1);
    const platform = answer.platform as { name: string };
    const loadBalancer = (answer.loadBalancer as { type: string }).type;
    const phrase = LOAD_BALANCER_PHRASES[loadBalancer];
    if (phrase === undefined) throw new Error(`no phrase for load balancer type "${loadBalancer}"`);
    return {
      summary: `${request.summary}: ${platform.name}${phrase}`,
      description: `The API's answer to the \`${name}\` request example. ${RULES_VERSION_NOTE} Shortened: \`rationale\` shows its first ${RATIONALE_SHOWN} of ${rationale.length} entries and \`starterConfig.files\` its first of ${files.length} files (${shown.map((file) => `\`${file.path}\``).join(', ')}); every other field is complete.`,
      value: {
        ...answer,
        rationale: rationale.slice(0, RATIONALE_SHOWN),
        starterConfig: { ...starterConfig, files: shown },
      },
    };
  };
}

/** The `200` examples of POST /v1/recommendations, each with the request example of its name. */
function recommendationExamples(spec: JsonObject): SpecExample[] {
  const operation: Location = ['paths', '/v1/recommendations', 'post'];
  const requestsAt = [...operation, 'requestBody', 'content', 'application/json', 'examples'];
  const answersAt = [...operation, 'responses', '200', 'content', 'application/json', 'examples'];
  const requests = valueAt(spec, requestsAt);
  const answers = valueAt(spec, answersAt);
  return Object.entries(answers as JsonObject).map(([name, reference]) => {
    const requestReference = (requests as JsonObject)[name];
    if (requestReference === undefined)
      throw new Error(
        `the 200 example "${name}" of POST /v1/recommendations has no request example of that name`,
      );
    const requestAt = definitionOf(spec, requestReference, [...requestsAt, name]);
    const request = valueAt(spec, requestAt) as { summary: string; value: unknown };
    return {
      location: definitionOf(spec, reference, [...answersAt, name]),
      produce: recommendation(name, request),
    };
  });
}

function quoted(body: unknown): string {
  return `Request: \`${JSON.stringify(body)}\`.`;
}

function problemAnswer(request: SpecRequest, status: number, description: string): SpecExample['produce'] {
  return async (context) => ({ description, value: await answerJson(context, request, status) });
}

const PROBLEM = 'application/problem+json';
const INVALID_BODY = { workloadType: 'web', traffic: { protocol: 'quic' }, resources: { memory: 2048 } };
const WINDOWS_FILE_ON_LINUX = { workloadType: 'web', persistence: { type: 'windows-file' } };
/** Standard base64 (with "+" and "/", escaped in the query) where base64url belongs. */
const STANDARD_BASE64_WORKLOAD = encodeURIComponent('eyJ+/w==');
/** Over the default limit of 64 KiB. */
const OVERSIZED_BODY_BYTES = 70_000;

function oversizedBody(): string {
  const empty = JSON.stringify({ workloadType: 'web', name: '' });
  return JSON.stringify({ workloadType: 'web', name: 'x'.repeat(OVERSIZED_BODY_BYTES - empty.length) });
}

function responseExample(response: string, name: string): Location {
  return ['components', 'responses', response, 'content', PROBLEM, 'examples', name];
}

function pathExample(path: string, status: string, mediaType: string, name: string): Location {
  return ['paths', path, 'get', 'responses', status, 'content', mediaType, 'examples', name];
}

async function text(context: SpecExampleContext, path: string): Promise<string> {
  const answer = await call(context, { path });
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
  return answer.text;
}

const PRODUCED: readonly SpecExample[] = [
  {
    location: ['components', 'examples', 'ValidationProblem'],
    produce: problemAnswer({ path: '/v1/recommendations', body: INVALID_BODY }, 400, quoted(INVALID_BODY)),
  },
  {
    location: ['components', 'examples', 'WindowsFileOnLinuxProblem'],
    produce: problemAnswer(
      { path: '/v1/recommendations', body: WINDOWS_FILE_ON_LINUX },
      422,
      `${quoted(WINDOWS_FILE_ON_LINUX)} ${RULES_VERSION_NOTE}`,
    ),
  },
  {
    location: pathExample('/v1/recommendations', '400', PROBLEM, 'notBase64url'),
    produce: problemAnswer(
      { path: `/v1/recommendations?workload=${STANDARD_BASE64_WORKLOAD}` },
      400,
      `Request: \`GET /v1/recommendations?workload=${STANDARD_BASE64_WORKLOAD}\`.`,
    ),
  },
  {
    location: responseExample('NotFound', 'notFound'),
    produce: problemAnswer({ path: '/v1/recommendation' }, 404, 'Request: `GET /v1/recommendation`.'),
  },
  {
    location: responseExample('UnknownCatalogueEntry', 'unknownPlatform'),
    produce: problemAnswer(
      { path: '/v1/platforms/ecs-fargat' },
      404,
      'Request: `GET /v1/platforms/ecs-fargat`.',
    ),
  },
  {
    location: responseExample('MethodNotAllowed', 'methodNotAllowed'),
    produce: problemAnswer(
      { method: 'DELETE', path: '/v1/platforms' },
      405,
      'Request: `DELETE /v1/platforms`.',
    ),
  },
  {
    location: responseExample('PayloadTooLarge', 'tooLarge'),
    produce: async (context) => {
      const value = await answerJson(context, { path: '/v1/recommendations', body: oversizedBody() }, 413);
      return {
        description: `Request: a ${OVERSIZED_BODY_BYTES}-byte JSON body, with the default limit of ${String(value.limitBytes)} bytes (\`BERTH_BODY_LIMIT_BYTES\`).`,
        value,
      };
    },
  },
  {
    location: responseExample('UnsupportedMediaType', 'notJson'),
    produce: problemAnswer(
      {
        path: '/v1/recommendations',
        body: 'workloadType=web',
        contentType: 'application/x-www-form-urlencoded',
      },
      415,
      'Request: `workloadType=web` with `Content-Type: application/x-www-form-urlencoded`.',
    ),
  },
  {
    location: responseExample('Unauthorized', 'noKey'),
    produce: problemAnswer(
      { path: '/v1/recommendations', body: { workloadType: 'web' }, withoutApiKey: true },
      401,
      'Request: `POST /v1/recommendations` without an Authorization header, with API keys configured.',
    ),
  },
  {
    location: ['components', 'examples', 'PlatformList'],
    produce: async (context) => {
      const answer = await answerJson(context, { path: '/v1/platforms' }, 200);
      const platforms = arrayOf(answer.platforms, 'platforms');
      const traits = Object.entries(answer.traitDescriptions as JsonObject);
      return {
        summary: `The platforms (abbreviated to the first ${CATALOGUE_SHOWN} of ${platforms.length})`,
        description: `Shortened: \`platforms\` shows its first ${CATALOGUE_SHOWN} of ${platforms.length} entries, each complete, and \`traitDescriptions\` ${CATALOGUE_SHOWN} of its ${traits.length}. ${RULES_VERSION_NOTE}`,
        value: {
          ...answer,
          platforms: platforms.slice(0, CATALOGUE_SHOWN),
          traitDescriptions: Object.fromEntries(traits.slice(0, CATALOGUE_SHOWN)),
        },
      };
    },
  },
  {
    location: ['components', 'examples', 'RuleList'],
    produce: async (context) => {
      const answer = await answerJson(context, { path: '/v1/rules' }, 200);
      const rules = arrayOf(answer.rules, 'rules');
      return {
        summary: `The rules (abbreviated to the first ${CATALOGUE_SHOWN} of ${rules.length})`,
        description: `Shortened: \`rules\` shows its first ${CATALOGUE_SHOWN} of ${rules.length} entries, each complete; \`groups\` is complete. ${RULES_VERSION_NOTE}`,
        value: { ...answer, rules: rules.slice(0, CATALOGUE_SHOWN) },
      };
    },
  },
  {
    location: pathExample('/healthz', '200', 'application/json', 'ok'),
    produce: async (context) => ({ value: await answerJson(context, { path: '/healthz' }, 200) }),
  },
  {
    location: pathExample('/readyz', '200', 'application/json', 'ready'),
    produce: async (context) => ({
      description: RULES_VERSION_NOTE,
      value: await answerJson(context, { path: '/readyz' }, 200),
    }),
  },
  {
    location: pathExample('/openapi.yaml', '200', 'application/yaml', 'document'),
    produce: async (context) => {
      const lines = (await text(context, '/openapi.yaml')).split('\n');
      return { value: `${lines.slice(0, 4).join('\n')}\n` };
    },
  },
  {
    location: pathExample('/openapi.json', '200', 'application/json', 'document'),
    produce: async (context) => {
      const document = await answerJson(context, { path: '/openapi.json' }, 200);
      const info = document.info as JsonObject;
      return { value: { openapi: document.openapi, info: { title: info.title, version: info.version } } };
    },
  },
  {
    location: pathExample('/docs', '200', 'text/html', 'page'),
    produce: async (context) => {
      const page = await text(context, '/docs/');
      const end = page.indexOf('</title>');
      if (end < 0) throw new Error('the Swagger UI page has no <title>');
      return { value: page.slice(0, end + '</title>'.length) };
    },
  },
  {
    // Last: the counter counts the recommendations answered above, always the same ones in the same order.
    location: pathExample('/metrics', '200', 'text/plain', 'requests'),
    produce: async (context) => {
      const metric = 'berth_recommendations_total';
      const lines = (await text(context, '/metrics')).split('\n');
      const help = lines.filter(
        (line) => line.startsWith(`# HELP ${metric} `) || line.startsWith(`# TYPE ${metric} `),
      );
      const sample = lines.find((line) => line.startsWith(`${metric}{`));
      if (help.length !== 2 || sample === undefined) throw new Error(`/metrics has no ${metric}`);
      return { value: `${[...help, sample].join('\n')}\n` };
    },
  },
];

/** Why each example that is not produced cannot be, by location. */
export const NOT_PRODUCED: ReadonlyMap<string, string> = new Map([
  [pointer(responseExample('InternalServerError', 'internal')), 'a 500 needs a failure'],
  [
    pointer(responseExample('ServiceUnavailable', 'notReady')),
    'a 503 is answered only while starting or stopping',
  ],
  [
    pointer(responseExample('TooManyRequests', 'tooMany')),
    'its Retry-After depends on when the rate-limit window started',
  ],
]);

/**
 * Every produced example of `spec`, in the order to produce them. Throws, naming them, when an example
 * of the document is neither produced nor listed in `NOT_PRODUCED`, or an entry names no example.
 */
export function specExamples(spec: JsonObject): SpecExample[] {
  const examples = [...recommendationExamples(spec), ...PRODUCED];
  const documented = new Map(responseExamples(spec).map((example) => [pointer(example.location), example]));
  const covered = new Set([...examples.map((example) => pointer(example.location)), ...NOT_PRODUCED.keys()]);
  const unknown = [...covered].filter((name) => !documented.has(name));
  if (unknown.length > 0)
    throw new Error(
      `scripts/docs/spec-examples.ts names examples openapi.yaml does not have: ${unknown.join(', ')}`,
    );
  const uncovered = [...documented.keys()].filter((name) => !covered.has(name));
  if (uncovered.length > 0)
    throw new Error(
      `openapi.yaml has response examples that scripts/docs/spec-examples.ts neither produces nor lists as not producible: ${uncovered.join(', ')}`,
    );
  return examples;
}

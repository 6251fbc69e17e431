import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
import { readConfig } from '../../src/config';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { InternalProblem, NotReadyProblem, TooManyRequestsProblem } from '../../src/http/problem';
import { OPENAPI_PATH } from '../../src/project-paths';
import { postRecommendation } from '../http/requests';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';

type Node = Record<string, unknown>;

const document = loadOpenApiDocument(OPENAPI_PATH).json;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  let current: unknown = document;
  for (const token of ref.replace(/^#\//, '').split('/')) current = (current as Node)[token];
  if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return resolve(current as Node);
}

const operation = resolve(((document.paths as Node)['/v1/recommendations'] as Node).post as Node);
const requestExamples = Object.entries(
  ((resolve(operation.requestBody as Node).content as Node)['application/json'] as Node).examples as Node,
).map(([name, example]) => ({ name, example: resolve(example as Node) }));

function responseExamples(status: string): Record<string, Node> {
  const response = (operation.responses as Node)[status];
  if (response === undefined) return {};
  const content = (resolve(response as Node).content ?? {}) as Node;
  return Object.fromEntries(
    Object.values(content).flatMap((media) =>
      Object.entries(((media as Node).examples ?? {}) as Node).map(([name, example]) => [
        name,
        resolve(example as Node),
      ]),
    ),
  );
}

/** Every response example in the document, with the schema of the media type it is listed under. */
const allResponseExamples = Object.entries(document.paths as Node).flatMap(([path, item]) =>
  METHODS.filter((method) => (item as Node)[method] !== undefined).flatMap((method) =>
    Object.entries(((item as Node)[method] as Node).responses as Node).flatMap(([status, response]) =>
      Object.entries((resolve(response as Node).content ?? {}) as Node).flatMap(([mediaType, media]) =>
        Object.entries(((media as Node).examples ?? {}) as Node).map(([name, example]) => ({
          where: `${method.toUpperCase()} ${path} ${status} ${mediaType} "${name}"`,
          name,
          status,
          schema: (media as Node).schema as Node,
          value: resolve(example as Node).value,
        })),
      ),
    ),
  ),
);

const inlineAjv = new Ajv2020({ strict: false, allErrors: true });

/** The component schemas a media type's schema names: its `$ref`, or each `$ref` of its `oneOf`. */
function schemaNames(schema: Node): string[] {
  const refs = Array.isArray(schema.oneOf) ? (schema.oneOf as Node[]).map((one) => one.$ref) : [schema.$ref];
  return refs.flatMap((ref) => {
    const name = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] : undefined;
    return name === undefined ? [] : [name];
  });
}

function errorsAgainst(schema: Node, value: unknown): string[] {
  if (Array.isArray(schema.oneOf)) {
    // oneOf: exactly one of the named schemas takes the example.
    const names = schemaNames(schema);
    const valid = names.filter((name) => schemaErrors(name, value).length === 0);
    return valid.length === 1 ? [] : [`matches ${valid.length} of ${names.join(', ')}, not exactly one`];
  }
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
    if (name === undefined) throw new Error(`unexpected schema $ref ${ref}`);
    return schemaErrors(name, value);
  }
  const validate = inlineAjv.compile(schema);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('the examples in openapi.yaml', () => {
  const app = testApp();

  it('include request examples for POST /v1/recommendations and response examples', () => {
    expect(requestExamples.length).toBeGreaterThan(0);
    expect(allResponseExamples.length).toBeGreaterThan(0);
  });

  describe('request examples of POST /v1/recommendations', () => {
    const unprocessable = responseExamples('422');
    const recommended = responseExamples('200');
    const cases = requestExamples.map(({ name, example }) => ({
      name,
      body: example.value,
      status: name in unprocessable ? 422 : 200,
    }));

    it.each(cases)('$name is a valid WorkloadRequest', ({ body }) => {
      expect(schemaErrors('WorkloadRequest', body)).toEqual([]);
    });

    it.each(cases)('$name is answered $status', async ({ body, status }) => {
      const response = await postRecommendation(app, body);
      expect({
        status: response.status,
        body: status === response.status ? undefined : jsonOf(response),
      }).toEqual({
        status,
        body: undefined,
      });
    });

    const paired = cases.filter(({ name }) => name in recommended);

    it.each(paired)(
      '$name has a response example that echoes the workload the API echoes',
      async ({ name, body }) => {
        const actual = jsonOf(await postRecommendation(app, body));
        const example = (recommended[name] as Node).value as Node;
        expect(example.workload).toEqual(actual.workload);
      },
    );

    /** Every Recommendation example anywhere in the document, each with the request example of its name. */
    const recommendations = allResponseExamples
      .filter(({ schema }) => schemaNames(schema).includes('Recommendation'))
      .map(({ where, name, value }) => ({
        where,
        body: requestExamples.find((example) => example.name === name)?.example.value,
        value: value as Node,
      }));

    it('include a Recommendation example for a request example', () => {
      expect(recommendations.length).toBeGreaterThan(0);
    });

    it.each(recommendations)(
      '$where recommends the platform and load balancer the API does today for its request',
      async ({ body, value }) => {
        // Paired by name: a Recommendation example without a request example of the same name cannot be checked.
        expect(body).toBeDefined();
        const actual = jsonOf(await postRecommendation(app, body));
        expect({
          platform: (value.platform as Node).id,
          loadBalancer: (value.loadBalancer as Node).type,
        }).toEqual({
          platform: (actual.platform as Node).id,
          loadBalancer: (actual.loadBalancer as Node).type,
        });
      },
    );
  });

  describe('422 examples that quote their request', () => {
    const quoted = Object.entries(responseExamples('422')).flatMap(([name, example]) => {
      const request = /Request: `(\{.*\})`/.exec(String(example.description ?? ''))?.[1];
      return request === undefined ? [] : [{ name, body: JSON.parse(request) as unknown }];
    });

    it('exist', () => {
      expect(quoted.length).toBeGreaterThan(0);
    });

    it.each(quoted)('$name: the quoted request is answered 422', async ({ body }) => {
      expect((await postRecommendation(app, body)).status).toBe(422);
    });
  });

  describe('response examples', () => {
    it.each(allResponseExamples)('$where validates against its schema', ({ schema, value }) => {
      expect(errorsAgainst(schema, value)).toEqual([]);
    });

    // 500 and 503 cannot be produced on demand, so their examples are compared with what problem.ts builds.
    const unproducible = allResponseExamples.filter(({ status }) => status === '500' || status === '503');

    it.each(unproducible)('$where is what src/http/problem.ts answers', ({ status, value }) => {
      const problem =
        status === '500'
          ? new InternalProblem()
          : new NotReadyProblem(String((value as Node | undefined)?.detail ?? ''));
      expect(value).toEqual(problem.toBody());
    });

    // A 429's Retry-After depends on when the window started, so scripts/docs-examples.ts cannot produce it.
    const tooMany = allResponseExamples.filter(({ status }) => status === '429');

    it.each(tooMany)(
      '$where is what src/http/problem.ts answers an API key over the default limit',
      ({ value }) => {
        const { rateLimitRequests, rateLimitWindowMs } = readConfig({});
        const problem = new TooManyRequestsProblem(
          'API key',
          rateLimitRequests,
          rateLimitWindowMs / 1000,
          Number((value as Node | undefined)?.retryAfterSeconds),
        );
        expect(value).toEqual(problem.toBody());
      },
    );

    // Rule names are stable identifiers clients look up in GET /v1/rules.
    it('cite only rules that GET /v1/rules lists', async () => {
      const { rules } = jsonOf(await request(app).get('/v1/rules')) as { rules: { name: string }[] };
      const known = new Set(rules.map((rule) => rule.name));
      const cited = allResponseExamples.flatMap(({ value }) => {
        const example = value as { rationale?: { rule: string }[]; rules?: { name: string }[] };
        return [
          ...(example.rationale ?? []).map((entry) => entry.rule),
          ...(example.rules ?? []).map((rule) => rule.name),
        ];
      });
      expect(cited.length).toBeGreaterThan(0);
      expect(cited.filter((name) => !known.has(name))).toEqual([]);
    });
  });
});

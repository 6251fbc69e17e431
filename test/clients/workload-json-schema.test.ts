import Ajv2020 from 'ajv/dist/2020';
import { workloadRequestJsonSchema } from '../../src/clients/workload-json-schema';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { validateWorkload } from '../../src/contract/workload';
import { PROTOCOLS } from '../../src/contract/workload-schema';
import { OPENAPI_PATH } from '../../src/project-paths';

type Node = Record<string, unknown>;

const document = loadOpenApiDocument(OPENAPI_PATH).json;
const schema = workloadRequestJsonSchema(document);
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

/** Every object in a schema, with its dotted location, to check properties of every level. */
function subschemas(node: unknown, at = ''): { at: string; node: Node }[] {
  if (typeof node !== 'object' || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((item, index) => subschemas(item, `${at}[${index}]`));
  return [
    { at, node: node as Node },
    ...Object.entries(node).flatMap(([key, value]) => subschemas(value, at === '' ? key : `${at}.${key}`)),
  ];
}

/** The properties of an object schema at a dotted field path. */
function field(path: string): Node {
  let current: Node = schema;
  for (const key of path.split('.')) current = (current.properties as Record<string, Node>)[key] as Node;
  return current;
}

describe('workloadRequestJsonSchema', () => {
  describe('given openapi.yaml', () => {
    it('is self-contained: no $ref anywhere', () => {
      expect(subschemas(schema).filter(({ node }) => '$ref' in node)).toEqual([]);
    });

    it('describes every field of every level, for the model that fills it in', () => {
      const fields = subschemas(schema)
        .filter(({ node }) => typeof node.properties === 'object')
        .flatMap(({ at, node }) =>
          Object.entries(node.properties as Record<string, Node>).map(([name, property]) => ({
            field: `${at}.${name}`,
            described: typeof property.description === 'string' && property.description.length > 0,
          })),
        );
      expect(fields.length).toBeGreaterThan(30);
      expect(fields.filter(({ described }) => !described)).toEqual([]);
    });

    it('is closed to unknown fields and requires only workloadType, as the API is', () => {
      expect(schema).toMatchObject({
        type: 'object',
        additionalProperties: false,
        required: ['workloadType'],
      });
    });

    it.each([
      { path: 'traffic.protocol', want: { enum: [...PROTOCOLS], default: 'http' } },
      { path: 'control.level', want: { enum: ['minimal', 'standard', 'full'], default: 'standard' } },
      { path: 'resources.cpu', want: { type: 'number', minimum: 0.25, maximum: 192, default: 0.5 } },
      { path: 'name', want: { pattern: '^[a-z][a-z0-9-]{0,39}$', default: 'app' } },
    ])('keeps the enum, default and constraints of $path', ({ path, want }) => {
      expect(field(path)).toMatchObject(want);
    });

    it("lets a field's own description and default win over those of the type it refers to", () => {
      expect(field('traffic.pattern')).toMatchObject({
        enum: ['steady', 'spiky', 'intermittent'],
        default: 'steady',
        description: 'How load arrives. Default `steady`.',
      });
    });
  });

  describe('given request bodies', () => {
    // Field-level rules are the schema's; the cross-field rules (web-only fields, trigger fields) are
    // documented in its description and checked by the API.
    const cases = [
      { given: 'only the workload type', body: { workloadType: 'web' }, want: true },
      {
        given: 'a full web workload',
        body: {
          workloadType: 'web',
          traffic: { protocol: 'udp' },
          control: { kubernetes: 'avoid' },
          resources: { cpu: 2, memoryGiB: 4 },
        },
        want: true,
      },
      {
        given: 'an unknown protocol',
        body: { workloadType: 'web', traffic: { protocol: 'udpp' } },
        want: false,
      },
      { given: 'an unknown field', body: { workloadType: 'web', replicas: 3 }, want: false },
      { given: 'no workload type', body: { name: 'orders' }, want: false },
      { given: 'a cpu out of range', body: { workloadType: 'web', resources: { cpu: 500 } }, want: false },
      { given: 'a bad name', body: { workloadType: 'web', name: 'Orders API' }, want: false },
      {
        given: 'an awsAccess entry',
        body: {
          workloadType: 'worker',
          awsAccess: [{ service: 's3', resource: 'arn:aws:s3:::uploads/*', access: 'read' }],
        },
        want: true,
      },
    ];

    it.each(cases)('accepts $given exactly when the API does ($want)', ({ body, want }) => {
      expect({ schema: validate(body), api: validateWorkload(body).ok }).toEqual({ schema: want, api: want });
    });
  });

  describe('given a document it cannot inline', () => {
    const withRequest = (WorkloadRequest: Node, more: Node = {}) => ({
      components: { schemas: { WorkloadRequest, ...more } },
    });

    it('names a circular reference', () => {
      const circular = withRequest(
        { $ref: '#/components/schemas/A' },
        { A: { properties: { a: { $ref: '#/components/schemas/A' } } } },
      );
      expect(() => workloadRequestJsonSchema(circular)).toThrow(
        /#\/components\/schemas\/A -> #\/components\/schemas\/A is circular/,
      );
    });

    it('names a reference that points at nothing', () => {
      expect(() => workloadRequestJsonSchema(withRequest({ $ref: '#/components/schemas/Missing' }))).toThrow(
        /the \$ref #\/components\/schemas\/Missing points at nothing/,
      );
    });
  });
});

import Ajv2020 from 'ajv/dist/2020';
import { compactWorkloadSchema } from '../../src/clients/tool-input-schema';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';

type Node = Record<string, unknown>;

const document = loadOpenApiDocument(OPENAPI_PATH).json;
const schema = compactWorkloadSchema(document);
const schemas = (document.components as { schemas: Record<string, Node> }).schemas;

/** The schema of a field, by its dotted path. */
function field(path: string): Node {
  let current: Node = schema;
  for (const key of path.split('.')) {
    const properties = (current.properties ?? (current.items as Node | undefined)?.properties) as Record<
      string,
      Node
    >;
    current = properties[key] as Node;
  }
  return current;
}

/** Every field with an enum, by dotted path. */
function enumFields(node: Node, at = ''): { path: string; node: Node }[] {
  const properties = (node.properties ?? (node.items as Node | undefined)?.properties) as
    | Record<string, Node>
    | undefined;
  return Object.entries(properties ?? {}).flatMap(([name, property]) => {
    const path = at === '' ? name : `${at}.${name}`;
    return [
      ...(Array.isArray(property.enum) ? [{ path, node: property }] : []),
      ...enumFields(property, path),
    ];
  });
}

describe('compactWorkloadSchema', () => {
  describe('given openapi.yaml', () => {
    it('validates what the request schema validates at the top level: only workloadType required, no unknown fields', () => {
      expect(schema).toMatchObject({
        type: 'object',
        additionalProperties: false,
        required: ['workloadType'],
      });
      const validate = new Ajv2020({ strict: false }).compile(schema);
      expect(validate({ workloadType: 'web', traffic: { protocol: 'udp' } })).toBe(true);
      expect(validate({ workloadType: 'web', replicas: 2 })).toBe(false);
      expect(validate({ workloadType: 'web', persistence: { type: 'nfs' } })).toBe(false);
    });

    it.each([
      { path: 'persistence.type', says: ['Amazon EFS', 'Amazon EBS', 'FSx for Windows', 'FSx for Lustre'] },
      { path: 'control.level', says: ['`full`', 'A hard requirement: it rules out every serverless option'] },
      { path: 'control.kubernetes', says: ['`required` (only EKS is eligible)', 'hard requirements'] },
      { path: 'traffic.protocol', says: ['Application Load Balancer', 'Network Load Balancer'] },
      { path: 'control.gpu', says: ['A hard requirement'] },
      { path: 'resources.ephemeralStorageGiB', says: ['hard requirement'] },
    ])('says what $path means, in the words of openapi.yaml', ({ path, says }) => {
      for (const words of says) expect(field(path).description).toContain(words);
    });

    // Values that name what they are (an OS, an architecture, low/medium/high, an AWS service): their
    // field's description says what choosing one means.
    const SELF_NAMED = ['control.os', 'control.architecture', 'cost.sensitivity', 'awsAccess.service'];

    it('gives every other enum value its meaning: each value is explained in its field description', () => {
      const fields = enumFields(schema);
      expect(fields.length).toBeGreaterThanOrEqual(13);
      for (const { node } of fields) expect(String(node.description).length).toBeGreaterThan(20);
      const unexplained = fields
        .filter(({ path }) => !SELF_NAMED.includes(path))
        .flatMap(({ path, node }) =>
          (node.enum as string[])
            .filter((value) => !String(node.description).includes(value))
            .map((value) => `${path}: ${value}`),
        );
      expect(unexplained).toEqual([]);
    });

    it('takes the meanings from the enum schemas, not retyped', () => {
      const persistence = String(schemas.PersistenceType?.description).replace(/\s+/g, ' ').trim();
      expect(field('persistence.type').description).toBe(persistence);
    });

    it('keeps each default, and leaves out the sentence that repeats it', () => {
      expect(field('traffic.protocol')).toMatchObject({ default: 'http' });
      expect(field('resources.maxTasks')).toMatchObject({ default: 10 });
      expect(field('resources.maxTasks').description).not.toMatch(/Default `10`/);
      expect(field('resources.minTasks').description).toMatch(/Default `1` for `web`/);
    });
  });
});

import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';
import { normalize } from '../support/advisor';

/**
 * Defaults live in one place in code (the zod schema and fillContextualDefaults) and are documented in
 * openapi.yaml. These tests walk the spec's Workload schema and compare the two in both directions, so
 * neither can change a default without the other.
 */

type Schema = Record<string, unknown>;

const document = loadOpenApiDocument(OPENAPI_PATH).json;
const WORKLOAD_TYPES = ['web', 'worker', 'batch'] as const;
type WorkloadType = (typeof WORKLOAD_TYPES)[number];

/** Fields the Workload schema says exist only for some workload types. */
const WEB_ONLY = [
  'traffic.protocol',
  'traffic.exposure',
  'traffic.tlsTermination',
  'traffic.stickySessions',
  'traffic.healthCheckPort',
  'containerPort',
  'healthCheckPath',
];
const appliesTo = (path: string, workloadType: WorkloadType): boolean =>
  path === 'trigger' || path.startsWith('trigger.')
    ? workloadType !== 'web'
    : WEB_ONLY.includes(path)
      ? workloadType === 'web'
      : true;

function resolve(ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let current: unknown = document;
  for (const token of ref.slice(2).split('/')) {
    current = (current as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return current as Schema;
}

/** A schema's own keywords over those of the schema it references (OpenAPI 3.1 allows siblings of $ref). */
function flatten(schema: Schema): Schema {
  const referenced = typeof schema.$ref === 'string' ? flatten(resolve(schema.$ref)) : {};
  const fromAllOf = ((schema.allOf as Schema[] | undefined) ?? []).map(flatten);
  const properties = Object.assign(
    {},
    referenced.properties,
    ...fromAllOf.map((part) => part.properties),
    schema.properties,
  ) as Record<string, Schema>;
  return { ...referenced, ...Object.assign({}, ...fromAllOf), ...schema, properties };
}

interface Documented {
  path: string;
  default?: unknown;
  description: string;
}

/** Every property under a schema, by dotted path, with its default (if any) and its description. */
function propertiesOf(schema: Schema, prefix = ''): Documented[] {
  const found: Documented[] = [];
  for (const [name, property] of Object.entries(flatten(schema).properties as Record<string, Schema>)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    const flat = flatten(property);
    found.push({
      path,
      ...('default' in flat ? { default: flat.default } : {}),
      description: String(flat.description ?? '').replace(/\s+/g, ' '),
    });
    if (Object.keys(flat.properties as object).length > 0) found.push(...propertiesOf(property, path));
  }
  return found;
}

function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Leaf values (arrays count as leaves) by dotted path. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    leaves(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}

const workloadSchema = (document.components as { schemas: Record<string, Schema> }).schemas
  .Workload as Schema;
const documented = propertiesOf(workloadSchema);
const withDefaults = documented.filter((property) => 'default' in property);
const minimal = Object.fromEntries(
  WORKLOAD_TYPES.map((workloadType) => [workloadType, normalize({ workloadType })]),
) as Record<WorkloadType, unknown>;

/**
 * Defaults that depend on other fields, so the spec documents them in prose instead of a `default`
 * keyword: the value the contract states, and the words the spec must say at that path.
 */
const CONTEXTUAL_DEFAULTS: {
  path: string;
  workloadType: WorkloadType;
  want: unknown;
  documentedAs: string;
}[] = [
  {
    path: 'resources.minTasks',
    workloadType: 'web',
    want: 1,
    documentedAs: 'Default `1` for `web` and `worker`',
  },
  {
    path: 'resources.minTasks',
    workloadType: 'worker',
    want: 1,
    documentedAs: 'Default `1` for `web` and `worker`',
  },
  { path: 'resources.minTasks', workloadType: 'batch', want: 0, documentedAs: '`0` for `batch`' },
  { path: 'healthCheckPath', workloadType: 'web', want: '/', documentedAs: 'Default `/`' },
  {
    path: 'traffic.healthCheckPort',
    workloadType: 'web',
    want: 8080,
    documentedAs: 'Default `containerPort`',
  },
  { path: 'trigger.type', workloadType: 'worker', want: 'sqs', documentedAs: '{"type": "sqs"}' },
  { path: 'trigger.type', workloadType: 'batch', want: 'manual', documentedAs: '{"type": "manual"}' },
  {
    path: 'trigger.queueName',
    workloadType: 'worker',
    want: 'app-queue',
    documentedAs: 'Default `<name>-queue`',
  },
];

describe('the defaults in openapi.yaml', () => {
  it('are found (the walk over Workload reaches the nested schemas)', () => {
    const paths = withDefaults.map((property) => property.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'traffic.pattern', 'control.os', 'resources.cpu']));
  });

  describe.each(WORKLOAD_TYPES)('for a minimal %s workload', (workloadType) => {
    const cases = withDefaults.filter((property) => appliesTo(property.path, workloadType));

    it.each(cases)('are what the API fills in at $path', ({ path, default: want }) => {
      expect({ path, value: valueAt(minimal[workloadType], path) }).toEqual({ path, value: want });
    });

    it('leave out the fields that only other workload types have', () => {
      for (const { path } of withDefaults.filter((property) => !appliesTo(property.path, workloadType))) {
        expect({ path, value: valueAt(minimal[workloadType], path) }).toEqual({ path, value: undefined });
      }
    });

    it('cover every value the API fills in that the spec does not document in prose', () => {
      const contextual = CONTEXTUAL_DEFAULTS.filter((entry) => entry.workloadType === workloadType);
      for (const [path, value] of leaves(minimal[workloadType])) {
        if (path === 'workloadType') continue;
        const specDefault = withDefaults.find((property) => property.path === path);
        const prose = contextual.find((entry) => entry.path === path);
        expect({ path, value, documented: specDefault !== undefined || prose !== undefined }).toEqual({
          path,
          value: specDefault?.default ?? prose?.want,
          documented: true,
        });
      }
    });
  });

  describe('for defaults that depend on other fields', () => {
    it.each(CONTEXTUAL_DEFAULTS)(
      '$path of a minimal $workloadType workload is $want, as the spec says',
      ({ path, workloadType, want, documentedAs }) => {
        expect(valueAt(minimal[workloadType], path)).toEqual(want);
        const where = path.startsWith('trigger.') && path !== 'trigger.queueName' ? 'trigger' : path;
        const description = documented.find((property) => property.path === where)?.description ?? '';
        expect(description).toContain(documentedAs);
      },
    );
  });
});

import fc from 'fast-check';
import request from 'supertest';
import { stringify } from 'yaml';
import { SERVICE_KEYS, TOP_LEVEL_KEYS } from '../../src/compose/compose-keys';
import { BODY_LIMIT_BYTES, testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { RANDOM_SEED } from '../support/random-seed';

const PROBLEM_JSON_TYPE = /^application\/problem\+json(;|$)/;
/** Far above what one refusal takes on a busy machine, far below jest's timeout: a hang fails here. */
const ANSWER_WITHIN_MS = 10_000;
const RUNS = { seed: RANDOM_SEED, numRuns: 40 };

const app = testApp({ cacheBytes: 0 });

interface Refusal {
  status: number;
  paths: string[];
  messages: string[];
}

/** Posts a body as a Compose file and checks what every refusal shares: a problem+json 400 or 413, in time. */
async function refused(body: string | Buffer): Promise<Refusal> {
  const started = Date.now();
  const response = await request(app)
    .post('/v1/architectures/from-compose')
    .set('Content-Type', 'application/yaml')
    .send(body);
  expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  expect([400, 413]).toContain(response.status);
  expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
  const problem = jsonOf(response);
  expect(schemaErrors(response.status === 400 ? 'ValidationProblem' : 'Problem', problem)).toEqual([]);
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return {
    status: response.status,
    paths: errors.map((error: { path: string }) => error.path),
    messages: errors.map((error: { message: string }) => error.message),
  };
}

const serviceName = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const validService = { image: 'nginx:1.27', ports: ['80:80'] };

describe('POST /v1/architectures/from-compose, for hostile files', () => {
  it('refuses YAML whose top level is not a map, at the top of the file', async () => {
    const notAMap = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(
        fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.dictionary(serviceName, fc.string())),
        {
          maxLength: 5,
        },
      ),
    );
    await fc.assert(
      fc.asyncProperty(notAMap, async (value) => {
        const { status, paths } = await refused(stringify(value));
        expect(status).toBe(400);
        expect(paths).toContain('');
      }),
      RUNS,
    );
  });

  it('refuses a key the Compose Specification does not define, at its path, at the top and in a service', async () => {
    const unknownKey = fc
      .stringMatching(/^[a-z][a-z_]{2,12}$/)
      .filter(
        (key) =>
          !(TOP_LEVEL_KEYS as readonly string[]).includes(key) &&
          !(SERVICE_KEYS as readonly string[]).includes(key),
      );
    await fc.assert(
      fc.asyncProperty(serviceName, unknownKey, fc.boolean(), async (name, key, atTop) => {
        const file = atTop
          ? { services: { [name]: validService }, [key]: 'value' }
          : { services: { [name]: { ...validService, [key]: 'value' } } };
        const { status, paths } = await refused(stringify(file));
        expect(status).toBe(400);
        expect(paths).toContain(atTop ? key : `services.${name}.${key}`);
      }),
      RUNS,
    );
  });

  it('refuses a known key of the wrong type, at its path', async () => {
    const badValue = fc.constantFrom<[string, unknown]>(
      ['image', ['nginx']],
      ['image', { name: 'nginx' }],
      ['ports', 'eighty'],
      ['ports', [{ published: 80 }]],
      ['ports', ['80:http']],
      ['volumes', 'data'],
      ['volumes', ['data:relative/path']],
      ['environment', 5],
      ['depends_on', 7],
      ['privileged', 'maybe'],
      ['cpus', 'lots'],
      ['mem_limit', true],
      ['deploy', 'three'],
      ['deploy', { replicas: 'many' }],
      ['healthcheck', { interval: 'soon' }],
      ['cap_add', 'NET_ADMIN'],
      ['profiles', 'debug'],
      ['secrets', [{ target: 'x' }]],
    );
    await fc.assert(
      fc.asyncProperty(serviceName, badValue, async (name, [key, value]) => {
        const { status, paths } = await refused(
          stringify({ services: { [name]: { ...validService, [key]: value } } }),
        );
        expect(status).toBe(400);
        const at = `services.${name}.${key}`;
        expect(
          paths.some((path) => path === at || path.startsWith(`${at}[`) || path.startsWith(`${at}.`)),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses a cycle of depends_on, naming a service on it', async () => {
    const cycle = fc.uniqueArray(serviceName, { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(cycle, fc.nat(), async (names, extra) => {
        // Each service depends on the next and the last on the first: a cycle through all of them (a
        // single service depends on itself), plus one service outside it that depends on a member.
        const services: Record<string, unknown> = Object.fromEntries(
          names.map((name, index) => [
            name,
            { image: 'busybox', depends_on: [names[(index + 1) % names.length]] },
          ]),
        );
        services.outsider = { image: 'busybox', depends_on: [names[extra % names.length]] };
        const { status, paths, messages } = await refused(stringify({ services }));
        expect(status).toBe(400);
        expect(names.map((name) => `services.${name}.depends_on`)).toEqual(
          expect.arrayContaining([paths.find((path) => path.endsWith('.depends_on'))]),
        );
        expect(messages.join('\n')).toMatch(/cycle/);
      }),
      RUNS,
    );
  });

  it('refuses two services of the same name, twice in the map or the same once named in AWS', async () => {
    const sameName = fc.oneof(
      serviceName.map((name) => ({
        text: `services:\n  ${name}:\n    image: a\n  ${name}:\n    image: b\n`,
        path: '',
      })),
      // A merge key brings in a service the map then names again in another spelling.
      fc
        .tuple(
          serviceName,
          fc.constantFrom<[string, string]>(['_x', '-x'], ['-x', '_x'], ['.x', '_x'], ['X', 'x']),
        )
        .map(([name, [tail, otherTail]]) => {
          const second = `${name}${otherTail}`;
          return {
            text: `x-base: &base\n  ${name}${tail}:\n    image: a\nservices:\n  <<: *base\n  ${second}:\n    image: b\n`,
            path: `services.${second}`,
          };
        }),
    );
    await fc.assert(
      fc.asyncProperty(sameName, async ({ text, path }) => {
        const { status, paths } = await refused(text);
        expect(status).toBe(400);
        expect(paths.some((found) => found === path || found.startsWith(`${path}`))).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses an alias bomb of any width and depth quickly, instead of expanding it', async () => {
    // At least 6^6 (46,656) copies: far past the bound of 1,000 expansions, so no case sits at its edge
    // (4^5 = 1,024 copies is where the yaml package's count and the bound meet, and either answer is right).
    const bomb = fc.record({ width: fc.integer({ min: 6, max: 12 }), depth: fc.integer({ min: 6, max: 9 }) });
    await fc.assert(
      fc.asyncProperty(bomb, fc.boolean(), async ({ width, depth }, inService) => {
        const lines = ['x-bomb:', `  l0: &l0 [${Array.from({ length: width }, () => '"lol"').join(', ')}]`];
        for (let level = 1; level < depth; level++)
          lines.push(
            `  l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(', ')}]`,
          );
        lines.push('services:', '  web:', '    image: nginx');
        lines.push(inService ? `    x-payload: *l${depth - 1}` : `    labels: {}`);
        const { status, messages } = await refused(lines.join('\n'));
        expect(status).toBe(400);
        expect(messages.join('\n')).toMatch(/aliases/);
      }),
      { ...RUNS, numRuns: 15 },
    );
  });

  it('refuses a body over the limit with 413, however it is padded', async () => {
    const padding = fc.record({
      over: fc.integer({ min: 1, max: 3 * BODY_LIMIT_BYTES }),
      kind: fc.constantFrom('comment', 'environment', 'binary'),
    });
    await fc.assert(
      fc.asyncProperty(padding, async ({ over, kind }) => {
        const head = 'services:\n  web:\n    image: nginx\n';
        const size = BODY_LIMIT_BYTES + over;
        const body =
          kind === 'binary'
            ? Buffer.alloc(size, 0xff)
            : kind === 'comment'
              ? `${head}# ${'x'.repeat(size)}\n`
              : `${head}    environment:\n      BIG: "${'y'.repeat(size)}"\n`;
        const { status } = await refused(body);
        expect(status).toBe(413);
      }),
      { ...RUNS, numRuns: 10 },
    );
  });

  it('refuses random bytes, and a valid file with bytes that are not UTF-8, at the top of the body', async () => {
    const notUtf8 = fc.constantFrom(
      [0xff],
      [0xc3, 0x28],
      [0xe2, 0x82],
      [0xf0, 0x28, 0x8c, 0x28],
      [0xc0, 0xaf],
    );
    const body = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
      fc.tuple(notUtf8, fc.nat()).map(([bytes, at]) => {
        const text = Buffer.from(stringify({ services: { web: validService } }));
        const cut = at % text.length;
        return Buffer.concat([text.subarray(0, cut), Buffer.from(bytes), text.subarray(cut)]);
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        const { status, paths } = await refused(bytes);
        expect(status).toBe(400);
        expect(paths.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

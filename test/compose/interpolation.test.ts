// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Compose interpolations, not template literals
import fc from 'fast-check';
import { interpolate, interpolateTree } from '../../src/compose/interpolation';
import { RANDOM_SEED } from '../support/random-seed';

const variables = new Map([
  ['TAG', '1.25'],
  ['EMPTY', ''],
  ['PORT', '8080'],
]);

function text(template: string): string {
  const result = interpolate(template, variables);
  if (!result.ok) throw new Error(`expected "${template}" to interpolate: ${result.message}`);
  return result.text;
}

function problem(template: string): string {
  const result = interpolate(template, variables);
  if (result.ok) throw new Error(`expected "${template}" to be refused, got "${result.text}"`);
  return result.message;
}

describe('Compose interpolation', () => {
  it.each([
    { given: 'nginx:${TAG}', want: 'nginx:1.25' },
    { given: 'nginx:$TAG', want: 'nginx:1.25' },
    { given: '${PORT}:80', want: '8080:80' },
    { given: 'price: $$5', want: 'price: $5' },
    { given: '$${TAG}', want: '${TAG}' },
    { given: '${MISSING:-fallback}', want: 'fallback' },
    { given: '${EMPTY:-fallback}', want: 'fallback' },
    { given: '${EMPTY-fallback}', want: '' },
    { given: '${MISSING-fallback}', want: 'fallback' },
    { given: '${TAG:+set}', want: 'set' },
    { given: '${EMPTY:+set}', want: '' },
    { given: '${EMPTY+set}', want: 'set' },
    { given: '${MISSING+set}', want: '' },
    { given: '${MISSING:-${TAG}}', want: '1.25' },
    { given: '${MISSING:-${ALSO_MISSING:-deep}}', want: 'deep' },
    { given: '${TAG:-${ALSO_MISSING}}', want: '1.25' },
    { given: '${MISSING:-{x}}', want: '{x}' },
  ])('reads $given as $want', ({ given, want }) => {
    expect(text(given)).toBe(want);
  });

  describe('reports, never guesses', () => {
    it('a variable that is not set, naming it and how to give it', () => {
      expect(problem('postgres://db/${DB_NAME}')).toMatch(
        /\$\{DB_NAME\}, which is not set.*variables.*\$\{DB_NAME:-value\}/,
      );
      expect(problem('$DB_NAME')).toContain('DB_NAME');
    });

    it("a required variable, with the file's own message", () => {
      expect(problem('${API_KEY:?set the API key}')).toBe('needs API_KEY (not empty): set the API key');
      expect(problem('${EMPTY:?}')).toBe('needs EMPTY (not empty): EMPTY is required');
      expect(text('${EMPTY?must be set}')).toBe('');
    });

    it('a default that is used and itself names an unset variable', () => {
      expect(problem('${MISSING:-${ALSO_MISSING}}')).toContain('ALSO_MISSING');
    });

    it.each(['${TAG', '${}', '${1X}', '${TAG:x}', 'cost $ 5'])('malformed "%s"', (template) => {
      expect(problem(template)).toBeTruthy();
    });

    it('a variable named like an Object property, which is not set', () => {
      expect(problem('${constructor}')).toContain('constructor');
      expect(problem('${__proto__}')).toContain('__proto__');
    });
  });

  it('interpolates every string of a parsed file, not its keys, with each problem at its path', () => {
    const result = interpolateTree(
      { services: { web: { image: 'nginx:${TAG}', ports: ['${PORT}:80', 80], 'x-${TAG}': '${NOPE}' } } },
      variables,
    );
    expect(result.value).toEqual({
      services: { web: { image: 'nginx:1.25', ports: ['8080:80', 80], 'x-${TAG}': '${NOPE}' } },
    });
    expect(result.problems).toEqual([
      { path: ['services', 'web', 'x-${TAG}'], message: expect.stringContaining('NOPE') },
    ]);
  });

  describe('for any text', () => {
    const anyVariables = fc
      .dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,6}$/), fc.string({ maxLength: 8 }), { maxKeys: 4 })
      .map((record) => new Map(Object.entries(record)));

    it('leaves text without a "$" as it is', () => {
      fc.assert(
        fc.property(
          fc.string().filter((value) => !value.includes('$')),
          anyVariables,
          (value, given) => {
            expect(interpolate(value, given)).toEqual({ ok: true, text: value });
          },
        ),
        { seed: RANDOM_SEED },
      );
    });

    it('reads "$$" as one "$", so escaping every "$" gives the text back', () => {
      fc.assert(
        fc.property(fc.string(), anyVariables, (value, given) => {
          expect(
            interpolate(
              value.replaceAll('$', () => '$$'),
              given,
            ),
          ).toEqual({ ok: true, text: value });
        }),
        { seed: RANDOM_SEED },
      );
    });

    it('answers or reports, without throwing, for any template', () => {
      const template = fc.array(
        fc.constantFrom('$', '{', '}', ':', '-', '?', '+', 'A', 'B', '_', '1', ' ', '${A}'),
        {
          maxLength: 30,
        },
      );
      fc.assert(
        fc.property(template, anyVariables, (parts, given) => {
          const result = interpolate(parts.join(''), given);
          expect(typeof (result.ok ? result.text : result.message)).toBe('string');
        }),
        { seed: RANDOM_SEED, numRuns: 2000 },
      );
    });

    it('gives the value of a set variable and the default of an unset one', () => {
      fc.assert(
        fc.property(
          anyVariables,
          fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,6}$/),
          fc.stringMatching(/^[a-z0-9 ]*$/),
          (given, name, fallback) => {
            const value = given.get(name);
            expect(interpolate(`\${${name}-${fallback}}`, given)).toEqual({
              ok: true,
              text: value ?? fallback,
            });
          },
        ),
        { seed: RANDOM_SEED },
      );
    });
  });
});

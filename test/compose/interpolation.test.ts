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

describe('Compose interpolation, for any variable, set, empty or unset', () => {
  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
  // A value as the caller gives it: absent (unset), empty, or any text (a "$" in a value is not read again).
  const value = fc.option(fc.oneof(fc.constant(''), fc.string({ maxLength: 12 })), { nil: undefined });
  const word = fc.stringMatching(/^[a-z0-9 ./:]{0,10}$/);
  const message = fc.stringMatching(/^[a-z][a-z0-9 ]{0,15}$/);
  const given = (variable: string, text: string | undefined) =>
    new Map(text === undefined ? [] : [[variable, text]]);

  it('reads ${V} as its value, and reports an unset V by name instead of guessing', () => {
    fc.assert(
      fc.property(name, value, (variable, text) => {
        const result = interpolate(`\${${variable}}`, given(variable, text));
        if (text === undefined)
          expect(result).toEqual({ ok: false, message: expect.stringContaining(variable) });
        else expect(result).toEqual({ ok: true, text });
      }),
      { seed: RANDOM_SEED },
    );
  });

  it('reads ${V:-d} as d when V is unset or empty, ${V-d} as d only when V is unset', () => {
    fc.assert(
      fc.property(name, value, word, (variable, text, fallback) => {
        const variables = given(variable, text);
        expect(interpolate(`\${${variable}:-${fallback}}`, variables)).toEqual({
          ok: true,
          text: text === undefined || text === '' ? fallback : text,
        });
        expect(interpolate(`\${${variable}-${fallback}}`, variables)).toEqual({
          ok: true,
          text: text === undefined ? fallback : text,
        });
      }),
      { seed: RANDOM_SEED },
    );
  });

  it('refuses ${V:?m} with m when V is unset or empty, ${V?m} only when V is unset', () => {
    fc.assert(
      fc.property(name, value, message, (variable, text, why) => {
        const variables = given(variable, text);
        const refused = { ok: false, message: expect.stringContaining(why) };
        expect(interpolate(`\${${variable}:?${why}}`, variables)).toEqual(
          text === undefined || text === '' ? refused : { ok: true, text },
        );
        expect(interpolate(`\${${variable}?${why}}`, variables)).toEqual(
          text === undefined ? refused : { ok: true, text },
        );
      }),
      { seed: RANDOM_SEED },
    );
  });

  it('reads $$ before a variable as a literal "$" and the name after it as text, set or not', () => {
    fc.assert(
      fc.property(name, value, (variable, text) => {
        expect(interpolate(`$\${${variable}} $$${variable}`, given(variable, text))).toEqual({
          ok: true,
          text: `\${${variable}} $${variable}`,
        });
      }),
      { seed: RANDOM_SEED },
    );
  });
});

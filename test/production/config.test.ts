import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, readConfig } from '../../src/config';
import { PROJECT_ROOT } from '../../src/project-paths';

function problemsOf(env: Record<string, string>): { variable: string; received: string; message: string }[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
}

/** The NAME=value lines of an env file. */
function parseEnvFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const equals = line.indexOf('=');
        return [line.slice(0, equals), line.slice(equals + 1)];
      }),
  );
}

describe('readConfig', () => {
  describe('when nothing is set', () => {
    it('uses the defaults: open, rate-limited at 600 a minute, no CORS', () => {
      expect(readConfig({})).toEqual({
        port: 3000,
        bodyLimitBytes: 65_536,
        cacheBytes: 33_554_432,
        logLevel: 'info',
        logBodies: false,
        apiKeys: [],
        metricsRequireApiKey: false,
        corsOrigins: [],
        rateLimitRequests: 600,
        rateLimitWindowMs: 60_000,
        rateLimitRedisUrl: undefined,
        trustProxyHops: 0,
        requestTimeoutMs: 10_000,
        keepAliveTimeoutMs: 65_000,
        shutdownTimeoutMs: 25_000,
        shutdownDrainMs: 5000,
        warnings: [],
        unknownVariables: [],
        retiredVariables: [],
      });
    });
  });

  describe('given valid values', () => {
    const cases = [
      { given: { PORT: '8080' }, want: { port: 8080 } },
      { given: { PORT: '' }, want: { port: 3000 } },
      {
        given: { BERTH_API_KEYS: ' key-one-0123456789 ,key-two-0123456789,' },
        want: { apiKeys: ['key-one-0123456789', 'key-two-0123456789'] },
      },
      {
        given: { BERTH_CORS_ORIGINS: 'https://portal.example.com,http://localhost:5173' },
        want: { corsOrigins: ['https://portal.example.com', 'http://localhost:5173'] },
      },
      { given: { BERTH_LOG_BODIES: 'TRUE' }, want: { logBodies: true } },
      { given: { BERTH_METRICS_REQUIRE_API_KEY: 'true' }, want: { metricsRequireApiKey: true } },
      { given: { BERTH_LOG_LEVEL: 'debug' }, want: { logLevel: 'debug' } },
      {
        given: { BERTH_RATE_LIMIT_REQUESTS: '0', BERTH_RATE_LIMIT_WINDOW_SECONDS: '1' },
        want: { rateLimitRequests: 0, rateLimitWindowMs: 1000 },
      },
      { given: { BERTH_TRUST_PROXY_HOPS: '1' }, want: { trustProxyHops: 1 } },
      {
        given: { BERTH_RATE_LIMIT_REDIS_URL: ' redis://berth-rl.abc123.0001.use1.cache.amazonaws.com:6379 ' },
        want: { rateLimitRedisUrl: 'redis://berth-rl.abc123.0001.use1.cache.amazonaws.com:6379' },
      },
      {
        given: {
          BERTH_RATE_LIMIT_REDIS_URL:
            'rediss://:token@master.berth-rl.abc123.use1.cache.amazonaws.com:6379/0',
        },
        want: {
          rateLimitRedisUrl: 'rediss://:token@master.berth-rl.abc123.use1.cache.amazonaws.com:6379/0',
        },
      },
      {
        given: { BERTH_SHUTDOWN_TIMEOUT_MS: '0', BERTH_SHUTDOWN_DRAIN_MS: '0' },
        want: { shutdownTimeoutMs: 0, shutdownDrainMs: 0 },
      },
      {
        given: { BERTH_SHUTDOWN_TIMEOUT_MS: '3000', BERTH_SHUTDOWN_DRAIN_MS: '2000' },
        want: { shutdownTimeoutMs: 3000, shutdownDrainMs: 2000 },
      },
      {
        given: { BERTH_API_KEY: 'typo-0123456789abc' },
        want: { apiKeys: [], unknownVariables: ['BERTH_API_KEY'] },
      },
      { given: { HOME: '/root', NODE_ENV: 'production' }, want: { unknownVariables: [] } },
      { given: { BERTH_CACHE_BYTES: '0' }, want: { cacheBytes: 0 } },
      {
        given: { BERTH_CACHE_ENTRIES: '1024' },
        want: {
          cacheBytes: 33_554_432,
          unknownVariables: [],
          retiredVariables: [
            {
              variable: 'BERTH_CACHE_ENTRIES',
              instead: expect.stringContaining('set BERTH_CACHE_BYTES instead'),
            },
          ],
        },
      },
    ];

    it.each(cases)('reads $given', ({ given, want }) => {
      expect(readConfig(given)).toMatchObject(want);
    });
  });

  describe('given a bad value', () => {
    const cases: { given: Record<string, string>; variable: string; message: string }[] = [
      { given: { PORT: 'eighty' }, variable: 'PORT', message: 'must be a whole number from 0 to 65535' },
      { given: { PORT: '-1' }, variable: 'PORT', message: 'must be a whole number from 0 to 65535' },
      { given: { PORT: '3000.5' }, variable: 'PORT', message: 'must be a whole number from 0 to 65535' },
      {
        given: { BERTH_BODY_LIMIT_BYTES: '10' },
        variable: 'BERTH_BODY_LIMIT_BYTES',
        message: 'must be a whole number from 1024 to 10485760',
      },
      { given: { BERTH_LOG_BODIES: 'yes' }, variable: 'BERTH_LOG_BODIES', message: 'must be true or false' },
      {
        given: { BERTH_LOG_LEVEL: 'verbose' },
        variable: 'BERTH_LOG_LEVEL',
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      },
      {
        given: { BERTH_CORS_ORIGINS: 'https://portal.example.com/app' },
        variable: 'BERTH_CORS_ORIGINS',
        message: 'item 1 "https://portal.example.com/app" is not an origin',
      },
      {
        given: { BERTH_CORS_ORIGINS: '*' },
        variable: 'BERTH_CORS_ORIGINS',
        message: 'item 1 "*" is not an origin',
      },
      {
        given: { BERTH_RATE_LIMIT_WINDOW_SECONDS: '0' },
        variable: 'BERTH_RATE_LIMIT_WINDOW_SECONDS',
        message: 'must be a whole number from 1 to 86400',
      },
    ];

    it.each(cases)(
      'names $variable, the value received and what is allowed, given $given',
      ({ given, variable, message }) => {
        const [problem, ...others] = problemsOf(given);
        expect(others).toEqual([]);
        expect(problem?.variable).toBe(variable);
        expect(problem?.received).toBe(JSON.stringify(Object.values(given)[0]));
        expect(problem?.message).toContain(message);
      },
    );

    describe('when the drain period is not shorter than the shutdown deadline', () => {
      const cases: { given: Record<string, string>; received: string; drain: number }[] = [
        { given: { BERTH_SHUTDOWN_TIMEOUT_MS: '3000' }, received: '(not set)', drain: 5000 },
        {
          given: { BERTH_SHUTDOWN_TIMEOUT_MS: '3000', BERTH_SHUTDOWN_DRAIN_MS: '3000' },
          received: '"3000"',
          drain: 3000,
        },
        {
          given: { BERTH_SHUTDOWN_TIMEOUT_MS: '0', BERTH_SHUTDOWN_DRAIN_MS: '1' },
          received: '"1"',
          drain: 1,
        },
      ];

      it.each(cases)(
        'names BERTH_SHUTDOWN_DRAIN_MS and the deadline, given $given',
        ({ given, received, drain }) => {
          expect(problemsOf(given)).toEqual([
            {
              variable: 'BERTH_SHUTDOWN_DRAIN_MS',
              received,
              message: expect.stringContaining(
                `(a drain of ${drain} ms) must be shorter than BERTH_SHUTDOWN_TIMEOUT_MS (${given.BERTH_SHUTDOWN_TIMEOUT_MS} ms)`,
              ),
            },
          ]);
        },
      );
    });

    describe('when BERTH_RATE_LIMIT_REDIS_URL is not a Redis URL', () => {
      it.each(['cache.internal:6379', 'http://cache.internal:6379', 'redis://:pw@cache.internal/cache'])(
        'says what is allowed and hides the value, which may hold a password, given %s',
        (url) => {
          expect(problemsOf({ BERTH_RATE_LIMIT_REDIS_URL: url })).toEqual([
            {
              variable: 'BERTH_RATE_LIMIT_REDIS_URL',
              received: '(hidden)',
              message: expect.stringContaining('must be a URL redis://'),
            },
          ]);
        },
      );
    });

    it('reports every bad variable at once', () => {
      expect(problemsOf({ PORT: 'x', BERTH_LOG_LEVEL: 'loud' }).map((problem) => problem.variable)).toEqual([
        'PORT',
        'BERTH_LOG_LEVEL',
      ]);
    });

    describe('when an API key is too short', () => {
      it('says which key and why, and never repeats the keys', () => {
        const keys = 'long-enough-key-0123456789,short';
        let message = '';
        try {
          readConfig({ BERTH_API_KEYS: keys });
        } catch (error) {
          message = (error as Error).message;
          expect((error as ConfigError).problems).toEqual([
            {
              variable: 'BERTH_API_KEYS',
              received: '(hidden)',
              message: 'item 2 is 5 characters long; an API key needs at least 16',
            },
          ]);
        }
        expect(message).toContain('BERTH_API_KEYS');
        expect(message).not.toContain('short');
        expect(message).not.toContain('long-enough-key');
      });
    });
  });

  describe('when a request accepted at the end of the drain could outlast the shutdown deadline', () => {
    it('warns, naming the three variables', () => {
      const { warnings } = readConfig({
        BERTH_SHUTDOWN_DRAIN_MS: '5000',
        BERTH_REQUEST_TIMEOUT_MS: '30000',
        BERTH_SHUTDOWN_TIMEOUT_MS: '25000',
      });
      expect(warnings).toEqual([
        expect.stringMatching(
          /^BERTH_SHUTDOWN_DRAIN_MS \(5000\) \+ BERTH_REQUEST_TIMEOUT_MS \(30000\) is more than BERTH_SHUTDOWN_TIMEOUT_MS \(25000\)/,
        ),
      ]);
    });
  });

  describe('when a Redis URL is set but the rate limit is off', () => {
    it('warns that there is nothing to share', () => {
      expect(
        readConfig({ BERTH_RATE_LIMIT_REDIS_URL: 'redis://cache.internal', BERTH_RATE_LIMIT_REQUESTS: '0' })
          .warnings,
      ).toEqual([
        expect.stringContaining('BERTH_RATE_LIMIT_REDIS_URL is set but BERTH_RATE_LIMIT_REQUESTS is 0'),
      ]);
    });
  });

  describe('.env.example', () => {
    const documented = parseEnvFile(readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8'));

    it('lists every variable Berth reads, and only those', () => {
      expect(Object.keys(documented).sort()).toEqual([...CONFIG_VARIABLES].sort());
    });

    it('sets each one to its default', () => {
      expect(readConfig(documented)).toEqual(readConfig({}));
    });
  });
});

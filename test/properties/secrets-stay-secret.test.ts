import fc from 'fast-check';
import type { WorkloadRequest } from '../../src/contract/workload';
import { generateStarterConfig } from '../../src/generators/starter-config';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { advise } from '../support/advisor';
import { SEED } from './advice';
import { validWorkloadRequest } from './arbitraries';

/**
 * No value of `environment` that looks secret, and no secret, ever appears in an answer or a starter file:
 * neither in the full answer (which echoes the workload), nor in any file of any platform that can run the
 * workload. Secret values carry a marker no generated text contains, so finding the marker anywhere is a
 * leak; plain values must still reach the answer, so the search cannot pass by dropping everything.
 */
const RUNS = { seed: SEED, numRuns: 60 };
const MARKER = 'zqx';

const secretValue = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((random) => `${MARKER}${random}`);
/** Names that look secret, behind a prefix so that many stay distinct. */
const secretName = fc
  .tuple(
    fc.stringMatching(/^[A-Z]{1,5}$/),
    fc.constantFrom(
      'DB_PASSWORD',
      'API_KEY',
      'GITHUB_TOKEN',
      'JWT_SECRET',
      'AWS_CREDENTIALS',
      'SIGNING_KEY',
      'ADMIN_PWD',
      'REDIS_PASS',
      'PRIVATEKEY',
      'db_passwd',
    ),
  )
  .map(([prefix, name]) => `${prefix}_${name}`);
/** A plain name that also carries a URL with a password in it. */
const urlName = fc.stringMatching(/^[A-Z]{1,5}$/).map((prefix) => `${prefix}_DATABASE_URL`);
const plainName = fc.stringMatching(/^[A-Z]{1,5}$/).map((prefix) => `${prefix}_LOG_LEVEL`);

interface SecretCase {
  body: WorkloadRequest;
  secretValues: string[];
  plainValues: string[];
}

const secretCase: fc.Arbitrary<SecretCase> = fc
  .record({
    body: validWorkloadRequest,
    named: fc.uniqueArray(fc.tuple(secretName, secretValue), { maxLength: 4, selector: ([name]) => name }),
    urls: fc.uniqueArray(
      fc.tuple(urlName, secretValue, fc.constantFrom('mysql', 'postgres', 'redis', 'amqp')),
      { maxLength: 2, selector: ([name]) => name },
    ),
    plain: fc.uniqueArray(fc.tuple(plainName, fc.stringMatching(/^[a-z]{4,10}$/)), {
      maxLength: 2,
      selector: ([name]) => name,
    }),
    declared: fc.uniqueArray(
      fc.stringMatching(/^[A-Z]{1,5}$/).map((prefix) => `${prefix}_STRIPE`),
      {
        maxLength: 2,
      },
    ),
  })
  .map(({ body, named, urls, plain, declared }) => {
    const environment: Record<string, string> = {};
    for (const [name, value] of named) environment[name] = value;
    for (const [name, password, scheme] of urls)
      environment[name] = `${scheme}://user:${password}@db:1234/app`;
    for (const [name, value] of plain) environment[name] = value;
    return {
      body: { ...body, environment, secrets: declared.map((name) => ({ name })) },
      secretValues: [...named.map(([, value]) => value), ...urls.map(([, password]) => password)],
      plainValues: plain.map(([, value]) => value),
    };
  });

describe('secrets stay secret (property)', () => {
  it('no secret-looking value is in the answer, its warnings or errors, or in any file of any eligible platform', async () => {
    await fc.assert(
      fc.asyncProperty(secretCase, async ({ body, secretValues, plainValues }) => {
        const advice = await advise(body);
        const answer = JSON.stringify(advice);
        expect(answer).not.toContain(MARKER);
        if (advice.kind === 'recommendation') {
          const { workload } = advice.recommendation;
          for (const value of plainValues) expect(Object.values(workload.environment ?? {})).toContain(value);
          // Every secret-looking variable became a secret, by name.
          expect(workload.secrets?.length ?? 0).toBe(secretValues.length + (body.secrets?.length ?? 0));
        }
        for (const input of await inputsOnEveryEligiblePlatform(body)) {
          for (const file of generateStarterConfig(input)) {
            expect({ path: file.path, leaks: file.content.includes(MARKER) }).toEqual({
              path: file.path,
              leaks: false,
            });
          }
        }
      }),
      RUNS,
    );
  });
});

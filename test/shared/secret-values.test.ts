import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretNamesSchema } from '../../src/catalogue/secret-names';
import { RULES_DIR } from '../../src/project-paths';
import { SecretNameMatcher } from '../../src/shared/secret-values';

const catalogue = secretNamesSchema.parse(
  JSON.parse(readFileSync(join(RULES_DIR, 'catalogue/secret-names.json'), 'utf8')),
);
const matcher = new SecretNameMatcher(catalogue.namePatterns.map(({ pattern }) => pattern));
const secretReason = (name: string, value: string | null) => matcher.secretReason(name, value);

describe('which values are secrets, by the patterns of rules/catalogue/secret-names.json', () => {
  it.each([
    'DB_PASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'POSTGRES_PASSWD',
    'STRIPE_SECRET',
    'JWT_SECRET_KEY',
    'GITHUB_TOKEN',
    'API_KEY',
    'APIKEY',
    'SIGNING_KEY',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'SSH_PRIVATE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'REDIS_PASS',
    'ADMIN_PWD',
    'db_password',
  ])('%s, by its name, whatever its value', (name) => {
    expect(secretReason(name, 'anything')).toBe('name');
    expect(secretReason(name, null)).toBe('name');
  });

  it.each([
    'mysql://shop:hunter2@db:3306/shop',
    'postgres://user:p%40ss@db/app',
    'redis://:only-a-password@cache:6379',
    'amqp://guest:guest@rabbitmq:5672/',
  ])('a URL with a password in it, such as %s', (value) => {
    expect(secretReason('DATABASE_URL', value)).toBe('url-credentials');
  });

  it.each([
    ['LOG_LEVEL', 'info'],
    ['PORT', '8080'],
    ['PWD_DIR', '/app'],
    ['KEYCLOAK_REALM', 'shop'],
    ['DATABASE_URL', 'postgres://db:5432/shop'],
    ['DATABASE_URL', 'postgres://user@db:5432/shop'],
    ['HOMEPAGE', 'https://example.com/a:b@c'],
    ['NODE_ENV', null],
  ])('not %s=%s', (name, value) => {
    expect(secretReason(name, value)).toBeNull();
  });
});

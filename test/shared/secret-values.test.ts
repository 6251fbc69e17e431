import { secretReason } from '../../src/shared/secret-values';

describe('which values are secrets', () => {
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

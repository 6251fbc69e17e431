import type { ApplicationAnswer } from '../../src/advice/application/application-designer';
import { importCompose } from '../../src/clients/compose-import';
import { advisor } from '../support/advisor';

const SHOP = `
services:
  web:
    image: ghcr.io/acme/shop:1.4
    ports: ["8080:8080"]
    environment:
      DATABASE_URL: postgres://shop:hunter2-secret@db:5432/shop
      DB_HOST: db
      DB_ADDRESS: db:5432
      REDIS_URL: redis://cache:6379/0
      DOCS_URL: https://example.com/db
      UPSTREAM: dbx
      LOG_LEVEL: info
    depends_on: [db, cache]
  worker:
    image: ghcr.io/acme/shop-worker:1.4
    environment:
      CACHE_HOST: cache
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2-secret
  cache:
    image: redis:7
`;

async function designed(text: string): Promise<{ answer: ApplicationAnswer; json: string }> {
  const result = await importCompose(advisor, text, { variables: new Map(), profiles: [] });
  if (result.kind !== 'architecture') throw new Error(`expected an architecture, got ${result.kind}`);
  return { answer: result.answer, json: JSON.stringify(result.answer) };
}

describe('the settings that pointed at a container replaced by a managed service', () => {
  let answer: ApplicationAnswer;
  let json: string;
  beforeAll(async () => {
    ({ answer, json } = await designed(SHOP));
  });
  const workloadOf = (name: string) =>
    answer.services.find((service) => service.name === name)?.recommendation.workload;

  it('become secrets to set to the managed endpoint: a bare host, a host and port, or a URL’s host', () => {
    expect(answer.managedServices.map(({ service, usedBy }) => ({ service, usedBy }))).toEqual([
      { service: 'db', usedBy: ['web'] },
      { service: 'cache', usedBy: ['web', 'worker'] },
    ]);
    expect(workloadOf('web')?.secrets).toEqual(
      expect.arrayContaining([
        { name: 'DATABASE_URL' },
        { name: 'DB_HOST' },
        { name: 'DB_ADDRESS' },
        { name: 'REDIS_URL' },
      ]),
    );
    expect(Object.keys(workloadOf('web')?.environment ?? {})).toEqual(['DOCS_URL', 'UPSTREAM', 'LOG_LEVEL']);
    expect(workloadOf('worker')?.secrets).toEqual([{ name: 'CACHE_HOST' }]);
  });

  it('leave values alone that only contain the name elsewhere (a URL path, a longer host)', () => {
    expect(workloadOf('web')?.environment).toMatchObject({
      DOCS_URL: 'https://example.com/db',
      UPSTREAM: 'dbx',
    });
  });

  it('are explained in imported, naming the managed service, and never repeat the value', () => {
    expect(answer.imported).toContainEqual({
      service: 'web',
      field: 'environment.DATABASE_URL',
      value: 'db',
      meaning: expect.stringMatching(
        /^db becomes Amazon RDS for PostgreSQL: DATABASE_URL is a Secrets Manager secret/,
      ),
    });
    expect(json).not.toContain('hunter2-secret');
  });

  it('are named in the warning about the dependency, which says what to do', () => {
    expect(answer.warnings).toContain(
      "web depends on db, which becomes Amazon RDS for PostgreSQL: web's settings that named db (DATABASE_URL, DB_HOST, DB_ADDRESS) are secrets now: set them to its endpoint and credentials.",
    );
  });
});

describe('a container kept with x-berth keep-container', () => {
  it('is still reached by name: its dependents keep their settings', async () => {
    const { answer } = await designed(
      SHOP.replace(
        '    image: postgres:16\n',
        '    image: postgres:16\n    x-berth: { keep-container: true }\n',
      ),
    );
    const web = answer.services.find((service) => service.name === 'web')?.recommendation.workload;
    expect(web?.environment).toMatchObject({ DB_HOST: 'db', DB_ADDRESS: 'db:5432' });
    expect(web?.secrets).not.toContainEqual({ name: 'DB_HOST' });
  });
});

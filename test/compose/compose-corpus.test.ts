import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROBLEM_JSON_TYPE } from '../http/requests';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';

const CORPUS = path.join(__dirname, 'corpus');

/** expected.json: what each file of the corpus should be answered, argued in each case's `because`. */
const expectedSchema = z.strictObject({
  description: z.string(),
  cases: z.array(
    z.strictObject({
      file: z.string().regex(/\.yaml$/),
      because: z.string().min(1),
      variables: z.record(z.string(), z.string()).optional(),
      profiles: z.array(z.string()).optional(),
      status: z.number(),
      services: z
        .record(
          z.string(),
          z.strictObject({
            platform: z.string().optional(),
            workload: z.record(z.string(), z.unknown()),
            never: z.array(z.string()).optional(),
          }),
        )
        .optional(),
      managedServices: z.record(z.string(), z.string()).optional(),
      ignored: z.array(z.strictObject({ service: z.string(), field: z.string() })).optional(),
      warnings: z.array(z.string()).optional(),
      loadBalancers: z
        .array(
          z.strictObject({
            type: z.string(),
            scheme: z.string(),
            listeners: z.array(z.string()),
            services: z.array(z.string()),
          }),
        )
        .optional(),
      errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
      knownBugs: z
        .array(z.strictObject({ service: z.string(), 'left out': z.string(), bug: z.string() }))
        .optional(),
    }),
  ),
});

/** The parts of the 200 answer the expectations read. */
const answerSchema = z.object({
  services: z.array(
    z.object({
      name: z.string(),
      recommendation: z.object({
        platform: z.object({ id: z.string() }),
        workload: z.record(z.string(), z.unknown()),
      }),
    }),
  ),
  managedServices: z.array(z.object({ service: z.string(), replacement: z.object({ id: z.string() }) })),
  ignored: z.array(z.object({ service: z.string(), field: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  ingress: z.object({
    loadBalancers: z.array(
      z.object({
        type: z.string(),
        scheme: z.string(),
        listeners: z.array(z.object({ protocol: z.string(), port: z.number() })),
        services: z.array(z.string()),
      }),
    ),
  }),
});

const problemSchema = z.object({ errors: z.array(z.object({ path: z.string(), message: z.string() })) });

const expected = expectedSchema.parse(JSON.parse(readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')));
const files = readdirSync(CORPUS).filter((name) => name.endsWith('.yaml'));

function post(app: ReturnType<typeof testApp>, file: string, variables = {}, profiles?: string[]) {
  const compose = readFileSync(path.join(CORPUS, file), 'utf8');
  return request(app)
    .post('/v1/architectures/from-compose')
    .set('Content-Type', 'application/json')
    .send(JSON.stringify({ compose, variables, ...(profiles === undefined ? {} : { profiles }) }));
}

describe('POST /v1/architectures/from-compose over the Compose corpus', () => {
  const app = testApp({ cacheBytes: 0 });

  it('has at least 28 files, each with an expected answer, and no expectation without its file', () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
    const described = new Set(expected.cases.map((entry) => entry.file));
    expect(files.filter((file) => !described.has(file))).toEqual([]);
    expect([...described].filter((file) => !files.includes(file))).toEqual([]);
  });

  describe.each(expected.cases)('$file (status $status)', (want) => {
    let status: number;
    let contentType: string;
    let body: Record<string, unknown>;
    beforeAll(async () => {
      const response = await post(app, want.file, want.variables, want.profiles);
      status = response.status;
      contentType = response.headers['content-type'] ?? '';
      body = jsonOf(response);
    });

    it('answers the expected status, as openapi.yaml describes it', () => {
      expect(status).toBe(want.status);
      if (status === 200) expect(schemaErrors('ApplicationArchitecture', body)).toEqual([]);
      else {
        expect(contentType).toMatch(PROBLEM_JSON_TYPE);
        expect(schemaErrors('ValidationProblem', body)).toEqual([]);
      }
    });

    if (want.status !== 200) {
      it('reports each problem at its path inside the file', () => {
        const { errors } = problemSchema.parse(body);
        for (const error of want.errors ?? [])
          expect(errors).toContainEqual(
            expect.objectContaining({ path: error.path, message: expect.stringContaining(error.message) }),
          );
      });
      return;
    }

    it('places each service as AWS allows, or replaces it with a managed service', () => {
      const answer = answerSchema.parse(body);
      const placed = new Map(answer.services.map((service) => [service.name, service.recommendation]));
      for (const [name, service] of Object.entries(want.services ?? {})) {
        const recommendation = placed.get(name);
        expect({ name, found: recommendation !== undefined }).toEqual({ name, found: true });
        if (recommendation === undefined) continue;
        if (service.platform !== undefined)
          expect({ name, platform: recommendation.platform.id }).toEqual({
            name,
            platform: service.platform,
          });
        for (const ruledOut of service.never ?? [])
          expect({ name, platform: recommendation.platform.id }).not.toEqual({ name, platform: ruledOut });
        expect(recommendation.workload).toMatchObject(service.workload);
      }
      const managed = Object.fromEntries(
        answer.managedServices.map((choice) => [choice.service, choice.replacement.id]),
      );
      expect(managed).toMatchObject(want.managedServices ?? {});
    });

    it('accounts for every service of the file exactly once, as run, managed or left out', () => {
      const answer = answerSchema.parse(body);
      // A whole service is left out for its profiles, or for an image a managed service runs itself.
      const leftOut = answer.ignored
        .filter((entry) => entry.field === 'profiles' || entry.field === 'image')
        .map((entry) => entry.service);
      const accounted = [
        ...answer.services.map((service) => service.name),
        ...answer.managedServices.map((choice) => choice.service),
        ...leftOut,
      ];
      expect([...accounted].sort()).toEqual(serviceNames(want.file).sort());
    });

    it('says what it did not carry over and warns where it must', () => {
      const answer = answerSchema.parse(body);
      for (const entry of want.ignored ?? [])
        expect(answer.ignored).toContainEqual(expect.objectContaining(entry));
      for (const start of want.warnings ?? [])
        expect(answer.warnings).toContainEqual(expect.stringContaining(start));
    });

    it('fronts the services with the expected load balancers', () => {
      const answer = answerSchema.parse(body);
      const balancers = answer.ingress.loadBalancers.map((balancer) => ({
        type: balancer.type,
        scheme: balancer.scheme,
        listeners: balancer.listeners.map((listener) => `${listener.protocol}:${listener.port}`),
        services: balancer.services,
      }));
      const leftOutServices = new Set(
        (want.knownBugs ?? [])
          .filter((bug) => bug['left out'] === `services.${bug.service}`)
          .map((bug) => bug.service),
      );
      expect(
        balancers.filter((balancer) => !balancer.services.some((service) => leftOutServices.has(service))),
      ).toEqual(expect.arrayContaining(want.loadBalancers ?? []));
      expect(
        balancers.filter((balancer) => !balancer.services.some((service) => leftOutServices.has(service))),
      ).toHaveLength((want.loadBalancers ?? []).length);
    });
  });

  it('answers the same file with the same bytes', async () => {
    for (const file of ['sentry-like.yaml', 'wireguard.yaml', 'airflow.yaml']) {
      const [first, second] = [await post(app, file), await post(app, file)];
      expect(first?.status).toBe(200);
      expect(second?.text).toBe(first?.text);
    }
  });
});

/** The services a corpus file defines, read as plain YAML with merge keys. */
function serviceNames(file: string): string[] {
  const content: unknown = parse(readFileSync(path.join(CORPUS, file), 'utf8'), { merge: true });
  return Object.keys(z.object({ services: z.record(z.string(), z.unknown()) }).parse(content).services);
}

import request from 'supertest';
import YAML from 'yaml';
import { createApp } from '../../src/app';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { silentLogger } from '../../src/logger';
import { OPENAPI_PATH } from '../../src/project-paths';
import { advisor } from '../support/advisor';
import { BODY_LIMIT_BYTES, testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { CONTRACT_PLATFORM_IDS } from '../support/contract-platform-ids';
import { schemaErrors } from '../support/openapi-validator';
import { webWorkload } from '../support/workloads';
import { JSON_TYPE, postRecommendation } from './requests';

interface RuleDescription {
  name: string;
  group: string;
  priority: number;
  description: string;
  source: string;
}

const app = testApp();

async function rulesVersion(): Promise<unknown> {
  return jsonOf(await request(app).get('/readyz')).rulesVersion;
}

describe('GET /v1/platforms', () => {
  it('answers a PlatformList', async () => {
    const response = await request(app).get('/v1/platforms');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(JSON_TYPE);
    expect(schemaErrors('PlatformList', jsonOf(response))).toEqual([]);
  });

  it('lists each platform of the contract once', async () => {
    const { platforms } = jsonOf(await request(app).get('/v1/platforms')) as { platforms: { id: string }[] };
    expect(platforms.map((platform) => platform.id).sort()).toEqual([...CONTRACT_PLATFORM_IDS].sort());
  });

  it('names the rules version in use', async () => {
    expect(jsonOf(await request(app).get('/v1/platforms')).rulesVersion).toBe(await rulesVersion());
  });

  it('describes every trait the platforms carry, and only those', async () => {
    const { platforms, traitDescriptions } = jsonOf(await request(app).get('/v1/platforms')) as {
      platforms: { traits: Record<string, unknown> }[];
      traitDescriptions: Record<string, string>;
    };
    for (const platform of platforms)
      expect(Object.keys(platform.traits).sort()).toEqual(Object.keys(traitDescriptions).sort());
    expect(Object.values(traitDescriptions).filter((description) => description.length < 20)).toEqual([]);
  });
});

describe('GET /v1/rules', () => {
  it('answers a RuleList', async () => {
    const response = await request(app).get('/v1/rules');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(JSON_TYPE);
    expect(schemaErrors('RuleList', jsonOf(response))).toEqual([]);
  });

  it('describes every rule with its name, group, priority, description and source', async () => {
    const { rules } = jsonOf(await request(app).get('/v1/rules')) as { rules: RuleDescription[] };
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule).toEqual(
        expect.objectContaining({
          name: expect.stringMatching(/\S/),
          group: expect.stringMatching(/\S/),
          priority: expect.any(Number),
          description: expect.stringMatching(/\S/),
          source: expect.stringMatching(/\S/),
        }),
      );
    }
    const names = rules.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists every rule a recommendation cites', async () => {
    const { rules } = jsonOf(await request(app).get('/v1/rules')) as { rules: RuleDescription[] };
    const names = new Set(rules.map((rule) => rule.name));
    const recommendation = jsonOf(
      await postRecommendation(app, webWorkload({ traffic: { protocol: 'https' } })),
    );
    for (const entry of recommendation.rationale as { rule: string }[]) expect(names).toContain(entry.rule);
  });

  it('names the rules version in use', async () => {
    expect(jsonOf(await request(app).get('/v1/rules')).rulesVersion).toBe(await rulesVersion());
  });
});

describe('GET /openapi.yaml', () => {
  it('answers the OpenAPI 3.1 document as YAML', async () => {
    const response = await request(app).get('/openapi.yaml');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/yaml(;|$)/);
    const document = YAML.parse(response.text) as Record<string, unknown>;
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths as object)).toContain('/v1/recommendations');
  });
});

describe('GET /openapi.json', () => {
  it('answers the same document as /openapi.yaml, as JSON', async () => {
    const json = await request(app).get('/openapi.json');
    const yaml = await request(app).get('/openapi.yaml');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(JSON_TYPE);
    expect(jsonOf(json)).toEqual(YAML.parse(yaml.text));
  });
});

describe('GET /healthz', () => {
  it('answers Health', async () => {
    const response = await request(app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(JSON_TYPE);
    expect(schemaErrors('Health', jsonOf(response))).toEqual([]);
  });
});

describe('GET /readyz', () => {
  it('answers Readiness with the version of the rules that answer recommendations', async () => {
    const response = await request(app).get('/readyz');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(JSON_TYPE);
    expect(schemaErrors('Readiness', jsonOf(response))).toEqual([]);
    const recommendation = jsonOf(await postRecommendation(app, webWorkload()));
    expect(jsonOf(response).rulesVersion).toBe(recommendation.rulesVersion);
  });

  describe('when the service is not ready', () => {
    const notReady = createApp({
      advisor,
      openApi: loadOpenApiDocument(OPENAPI_PATH),
      logger: silentLogger,
      readiness: { ready: false, reason: 'Shutting down.' },
      bodyLimitBytes: BODY_LIMIT_BYTES,
      cacheBytes: 0,
    });

    it('answers 503 with a problem, while /healthz stays 200', async () => {
      const response = await request(notReady).get('/readyz');
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json(;|$)/);
      expect(schemaErrors('Problem', jsonOf(response))).toEqual([]);
      expect((await request(notReady).get('/healthz')).status).toBe(200);
    });
  });
});

describe('GET /v1/platforms/{id}', () => {
  describe('when the platform exists', () => {
    it('answers the platform exactly as GET /v1/platforms lists it', async () => {
      const { platforms } = jsonOf(await request(app).get('/v1/platforms')) as {
        platforms: { id: string }[];
      };
      for (const platform of platforms) {
        const response = await request(app).get(`/v1/platforms/${platform.id}`);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(JSON_TYPE);
        expect(schemaErrors('PlatformDescription', jsonOf(response))).toEqual([]);
        expect(jsonOf(response)).toEqual(platform);
      }
    });
  });

  describe('when no platform has the id', () => {
    it('answers a 404 problem naming the list and every id', async () => {
      const response = await request(app).get('/v1/platforms/ecs-fargat');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json(;|$)/);
      const problem = jsonOf(response);
      expect(schemaErrors('Problem', problem)).toEqual([]);
      expect(problem).toMatchObject({
        type: '/problems/not-found',
        title: 'No such platform',
        received: 'ecs-fargat',
        detail: expect.stringContaining('GET /v1/platforms'),
      });
      expect([...(problem.allowed as string[])].sort()).toEqual([...CONTRACT_PLATFORM_IDS].sort());
    });
  });
});

describe('GET /v1/rules/{name}', () => {
  describe('when the rule exists', () => {
    it('answers the rule exactly as GET /v1/rules lists it', async () => {
      const { rules } = jsonOf(await request(app).get('/v1/rules')) as { rules: RuleDescription[] };
      for (const rule of rules.slice(0, 20)) {
        const response = await request(app).get(`/v1/rules/${rule.name}`);
        expect(response.status).toBe(200);
        expect(schemaErrors('RuleDescription', jsonOf(response))).toEqual([]);
        expect(jsonOf(response)).toEqual(rule);
      }
    });
  });

  describe('when no rule has the name', () => {
    it('answers a 404 problem naming the list and every rule', async () => {
      const response = await request(app).get('/v1/rules/no-such-rule');
      expect(response.status).toBe(404);
      const problem = jsonOf(response);
      expect(schemaErrors('Problem', problem)).toEqual([]);
      expect(problem).toMatchObject({
        title: 'No such rule',
        received: 'no-such-rule',
        detail: expect.stringContaining('GET /v1/rules'),
      });
      expect(problem.allowed).toContain('minimal-control-prefers-serverless');
    });
  });
});

import request from 'supertest';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { JSON_TYPE, PROBLEM_JSON_TYPE } from './requests';

interface Answer {
  id: string;
  services: { name: string; recommendation: { platform: { id: string }; whatWouldChange: string[] } }[];
  ingress: {
    loadBalancers: { id: string; type: string; scheme: string; services: string[] }[];
    routes: { service: string; loadBalancer: string; listener: string; pathPattern?: string }[];
  };
  connections: { from: string; to: string; mechanism: string }[];
  monthlyCost: {
    total: number;
    lines: { item: string; monthly: number; service?: string; sharedAs?: string; sharedBy?: string[] }[];
  };
  rationale: string[];
  starterConfig: { files: { path: string }[] };
}

const SHOP = {
  name: 'shop',
  services: [
    { name: 'web', workloadType: 'web', traffic: { protocol: 'https' }, dependsOn: ['api'] },
    { name: 'admin', workloadType: 'web', dependsOn: ['api'] },
    { name: 'api', workloadType: 'web', traffic: { protocol: 'http', exposure: 'private' } },
    { name: 'jobs', workloadType: 'worker', trigger: { type: 'sqs' }, dependsOn: ['api'] },
  ],
  defaults: { region: 'us-east-1', control: { level: 'standard' }, cost: { sensitivity: 'medium' } },
};

function post(app: ReturnType<typeof testApp>, body: unknown) {
  return request(app)
    .post('/v1/architectures')
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(body));
}

describe('POST /v1/architectures', () => {
  const app = testApp();

  describe('for services one platform can run together', () => {
    let answer: Answer;
    let text: string;
    beforeAll(async () => {
      const response = await post(app, SHOP);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(JSON_TYPE);
      text = response.text;
      answer = jsonOf(response) as unknown as Answer;
    });

    it('answers the ApplicationArchitecture schema of the contract', () => {
      expect(schemaErrors('ApplicationArchitecture', answer)).toEqual([]);
    });

    it('runs every service, in the request order, on one platform, and says why', () => {
      expect(answer.services.map((service) => service.name)).toEqual(['web', 'admin', 'api', 'jobs']);
      expect(new Set(answer.services.map((service) => service.recommendation.platform.id)).size).toBe(1);
      expect(answer.rationale[0]).toMatch(/^All 4 services run on .+ highest summed score/);
    });

    it('puts the public HTTP services behind one Application Load Balancer, the first at /* and the next under its name', () => {
      const publicAlb = answer.ingress.loadBalancers.find(
        (shared) => shared.type === 'alb' && shared.scheme === 'internet-facing',
      );
      expect(publicAlb?.services).toEqual(['web', 'admin']);
      const routes = answer.ingress.routes.filter((route) => route.loadBalancer === publicAlb?.id);
      expect(routes.find((route) => route.service === 'web')?.pathPattern).toBe('/*');
      expect(routes.find((route) => route.service === 'admin')?.pathPattern).toBe('/admin/*');
    });

    it('connects each service to what it depends on, and gives the worker nothing to route', () => {
      expect(answer.connections.map(({ from, to }) => `${from}→${to}`)).toEqual([
        'web→api',
        'admin→api',
        'jobs→api',
      ]);
      expect(answer.ingress.routes.some((route) => route.service === 'jobs')).toBe(false);
    });

    it('counts the shared load balancer and NAT gateway once, and totals its lines', () => {
      const albHours = answer.monthlyCost.lines.filter(
        (line) => line.item === 'Application Load Balancer hours',
      );
      // One internet-facing and one internal load balancer: two, not one per web service.
      expect(albHours).toHaveLength(2);
      expect(albHours.find((line) => line.sharedBy?.includes('admin'))?.sharedBy).toEqual(['web', 'admin']);
      const nat = answer.monthlyCost.lines.filter((line) => line.item.startsWith('NAT gateway hours'));
      expect(nat).toHaveLength(1);
      expect(nat[0]?.sharedBy).toEqual(['web', 'admin', 'api', 'jobs']);
      const sum = answer.monthlyCost.lines.reduce((total, line) => total + line.monthly, 0);
      expect(answer.monthlyCost.total).toBeCloseTo(sum, 2);
    });

    it("writes each service's starter files under services/<name>/ beside a README", () => {
      const paths = answer.starterConfig.files.map((file) => file.path);
      expect(paths[0]).toBe('README.md');
      for (const service of ['web', 'admin', 'api', 'jobs'])
        expect(paths).toContain(`services/${service}/cloudformation/template.yaml`);
    });

    it('gives the same bytes for the same request', async () => {
      expect((await post(app, SHOP)).text).toBe(text);
    });
  });

  it('counts one EKS control plane for every service on EKS', async () => {
    const response = await post(app, {
      name: 'kube',
      services: [
        { name: 'a', workloadType: 'web' },
        { name: 'b', workloadType: 'worker' },
        { name: 'c', workloadType: 'web', traffic: { exposure: 'private' } },
      ],
      defaults: { control: { kubernetes: 'required' } },
    });
    expect(response.status).toBe(200);
    const answer = jsonOf(response) as unknown as Answer;
    const fees = answer.monthlyCost.lines.filter((line) => line.item.startsWith('Amazon EKS control plane'));
    expect(fees).toHaveLength(1);
    expect(fees[0]?.sharedBy).toEqual(['a', 'b', 'c']);
    expect(answer.connections).toEqual([]);
  });

  it('splits the services only when no platform can run them all, naming what forced it', async () => {
    const response = await post(app, {
      name: 'mixed',
      services: [
        { name: 'gpu', workloadType: 'worker', control: { gpu: true, kubernetes: 'avoid' } },
        { name: 'win', workloadType: 'web', control: { os: 'windows', kubernetes: 'required' } },
      ],
    });
    expect(response.status).toBe(200);
    const answer = jsonOf(response) as unknown as Answer;
    const platforms = answer.services.map((service) => service.recommendation.platform.id);
    expect(new Set(platforms).size).toBe(2);
    expect(answer.rationale[0]).toMatch(/^No one platform can run every service/);
    expect(answer.rationale.join('\n')).toMatch(/cannot run win/);
  });

  it('tells a service placed away from its own best platform where it would run alone', async () => {
    const response = await post(app, {
      name: 'pair',
      services: [
        { name: 'site', workloadType: 'web', control: { level: 'minimal' } },
        { name: 'core', workloadType: 'web', control: { level: 'full' } },
      ],
    });
    expect(response.status).toBe(200);
    const answer = jsonOf(response) as unknown as Answer;
    const [site, core] = answer.services;
    expect(site?.recommendation.platform.id).toBe(core?.recommendation.platform.id);
    const moved = answer.services.find((service) =>
      service.recommendation.whatWouldChange[0]?.startsWith('Alone,'),
    );
    expect(moved?.recommendation.whatWouldChange[0]).toMatch(/the platform the whole application shares/);
  });

  describe('refuses with a 400 at the path of the problem', () => {
    const cases: { given: string; body: unknown; path: string }[] = [
      { given: 'no services', body: { name: 'x', services: [] }, path: 'services' },
      {
        given: 'an invalid field of a service',
        body: { name: 'x', services: [{ name: 'a', workloadType: 'web', traffic: { protocol: 'smtp' } }] },
        path: 'services.0.traffic.protocol',
      },
      {
        given: 'a service without a name',
        body: { name: 'x', services: [{ workloadType: 'web' }] },
        path: 'services.0.name',
      },
      {
        given: 'two services of one name',
        body: {
          name: 'x',
          services: [
            { name: 'a', workloadType: 'web' },
            { name: 'a', workloadType: 'worker' },
          ],
        },
        path: 'services.1.name',
      },
      {
        given: 'a dependency on no service',
        body: { name: 'x', services: [{ name: 'a', workloadType: 'web', dependsOn: ['b'] }] },
        path: 'services.0.dependsOn.0',
      },
      {
        given: 'a cycle of dependencies',
        body: {
          name: 'x',
          services: [
            { name: 'a', workloadType: 'web', dependsOn: ['b'] },
            { name: 'b', workloadType: 'web', dependsOn: ['a'] },
          ],
        },
        path: 'services.0.dependsOn',
      },
      {
        given: 'a default no service may share',
        body: { name: 'x', services: [{ name: 'a', workloadType: 'web' }], defaults: { containerPort: 80 } },
        path: 'defaults.containerPort',
      },
      {
        given: 'an unknown field',
        body: { name: 'x', services: [{ name: 'a', workloadType: 'web' }], extra: 1 },
        path: 'extra',
      },
    ];
    it.each(cases)('$given', async ({ body, path }) => {
      const response = await post(app, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
      const paths = (jsonOf(response).errors as { path: string }[]).map((error) => error.path);
      expect(paths).toContain(path);
    });
  });

  it('answers 422 for a service no platform can run, with suggestions whose paths point into it', async () => {
    const response = await post(app, {
      name: 'x',
      services: [
        { name: 'ok', workloadType: 'web' },
        { name: 'bad', workloadType: 'web', control: { os: 'windows', architecture: 'arm64' } },
      ],
    });
    expect(response.status).toBe(422);
    const problem = jsonOf(response) as { service: string; suggestions: { changes: { path: string }[] }[] };
    expect(problem.service).toBe('bad');
    expect(problem.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of problem.suggestions)
      for (const change of suggestion.changes) expect(change.path).toMatch(/^services\.1\./);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await request(app).post('/v1/architectures').set('Content-Type', 'text/plain').send('x');
    expect(response.status).toBe(415);
  });
});

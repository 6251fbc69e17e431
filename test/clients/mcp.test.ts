import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import request from 'supertest';
import { recommendationSummary } from '../../src/advice/recommendation-summary';
import { compactWorkloadSchema } from '../../src/clients/tool-input-schema';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { validateWorkload } from '../../src/contract/workload';
import { PROJECT_ROOT } from '../../src/project-paths';
import { advise, recommend } from '../support/advisor';
import { testApp } from '../support/app';
import { requireBuiltTree } from '../support/built-tree';
import { CONTRACT_PLATFORM_IDS } from '../support/contract-platform-ids';
import { schemaErrors } from '../support/openapi-validator';
import { BUILT_CLI_COMMAND } from './support/cli';

const OPENAPI = loadOpenApiDocument(`${PROJECT_ROOT}/openapi.yaml`).json;
const UDP_WITHOUT_KUBERNETES = {
  workloadType: 'web',
  traffic: { protocol: 'udp' },
  control: { kubernetes: 'avoid' },
};
const HTTPS_WEB = { workloadType: 'web', traffic: { protocol: 'https' } };

/** Connects an SDK client to the built `berth mcp`, started as a child process over stdin/stdout. */
async function overStdio(): Promise<{ client: Client; close: () => Promise<void> }> {
  requireBuiltTree();
  const [command, ...args] = BUILT_CLI_COMMAND;
  const client = new Client({ name: 'berth-tests', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({ command, args: [...args, 'mcp'], cwd: PROJECT_ROOT, stderr: 'pipe' }),
  );
  return { client, close: () => client.close() };
}

/** Connects an SDK client to POST /mcp of the API server, listening on an ephemeral port. */
async function overStreamableHttp(): Promise<{ client: Client; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const listening = testApp().listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const client = new Client({ name: 'berth-tests', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)));
  return {
    client,
    close: async () => {
      await client.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

function links(result: CallToolResult): ResourceLink[] {
  return result.content.filter((block): block is ResourceLink => block.type === 'resource_link');
}

describe.each([
  { transport: 'stdio (berth mcp)', connect: overStdio },
  { transport: 'Streamable HTTP (POST /mcp)', connect: overStreamableHttp },
])('the MCP server over $transport', ({ connect }) => {
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ client, close } = await connect());
  });

  afterAll(async () => {
    await close();
  });

  const call = (name: string, args: Record<string, unknown>) =>
    client.callTool({ name, arguments: args }) as Promise<CallToolResult>;

  describe('tools/list', () => {
    it('lists the six tools', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        'compare_workloads',
        'design_compose_application',
        'explain_rule',
        'get_starter_file',
        'list_platforms',
        'recommend_container_platform',
      ]);
    });

    it("gives recommend_container_platform the API's request schema, compacted from openapi.yaml", async () => {
      const { tools } = await client.listTools();
      const recommendTool = tools.find((tool) => tool.name === 'recommend_container_platform');
      expect(recommendTool?.inputSchema).toEqual(compactWorkloadSchema(OPENAPI));
      expect(recommendTool?.annotations).toMatchObject({ readOnlyHint: true });
    });
  });

  describe('recommend_container_platform', () => {
    describe('when the workload is valid', () => {
      it('answers a summary to repeat, and as structured content the summary view=summary gives', async () => {
        const result = await call('recommend_container_platform', UDP_WITHOUT_KUBERNETES);
        expect(result.isError).toBeFalsy();
        expect(text(result)).toContain('Amazon ECS on AWS Fargate (ecs-fargate)');
        expect(text(result)).toContain('nlb');
        expect(schemaErrors('RecommendationSummary', result.structuredContent)).toEqual([]);
        const advice = await advise(UDP_WITHOUT_KUBERNETES);
        if (advice.kind !== 'recommendation') throw new Error('expected a recommendation');
        expect(result.structuredContent).toEqual(
          recommendationSummary(advice.recommendation, advice.scoreContributions),
        );
        expect(result.content.filter((block) => block.type === 'text')).toHaveLength(1);
      });

      it('links to the full answer and to every starter file, and serves them as resources', async () => {
        const recommendation = await recommend(UDP_WITHOUT_KUBERNETES);
        const result = await call('recommend_container_platform', UDP_WITHOUT_KUBERNETES);
        const [full, ...files] = links(result);
        expect(full?.uri).toBe(`berth://recommendations/${recommendation.id}`);
        expect(files.map((link) => link.name)).toEqual(recommendation.starterConfig.files.map((f) => f.path));
        const read = await client.readResource({ uri: String(full?.uri) });
        const [contents] = read.contents;
        expect(contents && 'text' in contents ? JSON.parse(contents.text) : undefined).toEqual(
          recommendation,
        );
        const template = recommendation.starterConfig.files.find(
          (f) => f.path === 'cloudformation/template.yaml',
        );
        const templateLink = files.find((link) => link.name === template?.path);
        const file = await client.readResource({ uri: String(templateLink?.uri) });
        expect(file.contents[0]).toEqual({
          uri: templateLink?.uri,
          mimeType: 'application/yaml',
          text: template?.content,
        });
      });

      it('offers the resource templates, and a protocol error for a resource it does not hold', async () => {
        const { resourceTemplates } = await client.listResourceTemplates();
        expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual([
          'berth://recommendations/{id}',
          'berth://recommendations/{id}/files/{+path}',
        ]);
        await expect(
          client.readResource({ uri: 'berth://recommendations/rec_000000000000000000000000' }),
        ).rejects.toThrow(/holds no resource/);
      });
    });

    describe('when a field is invalid', () => {
      it('answers a tool error naming each field as the API does', async () => {
        const body = { workloadType: 'worker', traffic: { protocol: 'udpp' }, replicas: 2 };
        const result = await call('recommend_container_platform', body);
        expect(result.isError).toBe(true);
        expect(text(result)).toContain('traffic.protocol must be one of "http"');
        expect(text(result)).toContain('replicas is not a field of this object');
        const validation = validateWorkload(body);
        expect(result.structuredContent).toEqual({ errors: validation.ok ? [] : validation.errors });
      });
    });

    describe('when no platform is eligible', () => {
      it('answers a tool error with the blockers and the smallest change', async () => {
        const result = await call('recommend_container_platform', {
          workloadType: 'web',
          persistence: { type: 'windows-file' },
        });
        expect(result.isError).toBe(true);
        expect(text(result)).toContain('No platform meets every hard requirement');
        expect(text(result)).toContain('Set control.os to "windows" (now "linux")');
      });
    });
  });

  describe('get_starter_file', () => {
    it('answers the file of a recommendation the tool made, whole', async () => {
      const recommendation = await recommend(HTTPS_WEB);
      await call('recommend_container_platform', HTTPS_WEB);
      const readme = recommendation.starterConfig.files.find((file) => file.path === 'README.md');
      const result = await call('get_starter_file', {
        recommendationId: recommendation.id,
        path: 'README.md',
      });
      expect(result.isError).toBeFalsy();
      expect(result.content).toEqual([{ type: 'text', text: readme?.content }]);
    });

    it('answers a tool error listing the paths for a path the recommendation has not', async () => {
      const recommendation = await recommend(HTTPS_WEB);
      await call('recommend_container_platform', HTTPS_WEB);
      const result = await call('get_starter_file', { recommendationId: recommendation.id, path: 'main.tf' });
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('cloudformation/template.yaml');
    });

    it('answers a tool error for a recommendation it does not hold', async () => {
      const result = await call('get_starter_file', {
        recommendationId: 'rec_000000000000000000000000',
        path: 'README.md',
      });
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('call recommend_container_platform again');
    });
  });

  describe('list_platforms', () => {
    it('lists every platform of the contract, a line each', async () => {
      const result = await call('list_platforms', {});
      const { platforms } = result.structuredContent as { platforms: { id: string }[] };
      expect(platforms.map(({ id }) => id).sort()).toEqual([...CONTRACT_PLATFORM_IDS].sort());
      for (const { id } of platforms) expect(text(result)).toMatch(new RegExp(`^${id}: `, 'm'));
    });

    it("answers one platform's capabilities and limits when asked for its id", async () => {
      const result = await call('list_platforms', { platformId: 'eks-fargate' });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ id: 'eks-fargate', capabilities: expect.any(Object) });
    });

    it('answers a tool error naming the ids for an unknown platform', async () => {
      const result = await call('list_platforms', { platformId: 'fargate' });
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('ecs-fargate');
    });
  });

  describe('explain_rule', () => {
    it("explains a rule a recommendation's rationale cites", async () => {
      const { rationale } = await recommend(UDP_WITHOUT_KUBERNETES);
      const cited = rationale.find((entry) => entry.rule === 'udp-targets-need-a-tcp-health-check');
      const result = await call('explain_rule', { name: cited?.rule });
      expect(result.isError).toBeFalsy();
      expect(text(result)).toContain('Network Load Balancer health-checks UDP targets');
      expect(result.structuredContent).toMatchObject({
        name: cited?.rule,
        group: 'caveats',
        source: cited?.source,
      });
    });

    it('answers a tool error with the closest names for an unknown rule', async () => {
      const result = await call('explain_rule', { name: 'nlb-for-udpp' });
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('There is no rule named "nlb-for-udpp"');
    });

    it('answers a tool error naming the field when the name is missing', async () => {
      const result = await call('explain_rule', {});
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('name is required');
    });
  });

  describe('compare_workloads', () => {
    it('reports the differing input and what it changes in the recommendation', async () => {
      const result = await call('compare_workloads', { a: HTTPS_WEB, b: UDP_WITHOUT_KUBERNETES });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        a: { outcome: 'recommendation', platformId: 'ecs-fargate' },
        b: { outcome: 'recommendation', platformId: 'ecs-fargate' },
        samePlatform: true,
        inputDifferences: expect.arrayContaining([
          { path: 'traffic.protocol', a: 'https', b: 'udp' },
          { path: 'control.kubernetes', a: 'no-preference', b: 'avoid' },
        ]),
        recommendationDifferences: expect.arrayContaining([
          { path: 'loadBalancer.type', a: 'alb', b: 'nlb' },
        ]),
      });
      expect(text(result)).toContain('loadBalancer.type: "alb" -> "nlb"');
    });

    it('compares the monthly cost and every design field that differs', async () => {
      const result = await call('compare_workloads', {
        a: HTTPS_WEB,
        b: { ...HTTPS_WEB, resources: { minTasks: 3 }, persistence: { type: 'shared-file' } },
      });
      const { recommendationDifferences } = result.structuredContent as {
        recommendationDifferences: { path: string }[];
      };
      const paths = recommendationDifferences.map((difference) => difference.path);
      expect(paths).toEqual(
        expect.arrayContaining(['monthlyCost.total', 'storage.type', 'scaling.minCapacity']),
      );
    });

    it('answers a tool error naming the field under the workload it belongs to', async () => {
      const result = await call('compare_workloads', {
        a: HTTPS_WEB,
        b: { workloadType: 'web', traffic: { protocol: 'udpp' } },
      });
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('b.traffic.protocol must be one of');
    });
  });

  describe('design_compose_application', () => {
    const SHOP = [
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    ports: ["80:80"]',
      '    depends_on: [db]',
      '  db:',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Compose interpolation, not a template literal
      '    image: postgres:${POSTGRES_VERSION}',
      '',
    ].join('\n');

    it('answers where each service runs, what becomes a managed service, and the bill, as the API does', async () => {
      const result = await call('design_compose_application', {
        compose: SHOP,
        variables: { POSTGRES_VERSION: '16' },
      });
      expect(result.isError).toBeFalsy();
      const overview = result.structuredContent as {
        services: { name: string; platformId: string }[];
        managedServices: { service: string; replacement: string; usedBy: string[] }[];
        monthlyCost: { total: number };
      };
      expect(overview.services.map((service) => service.name)).toEqual(['web']);
      expect(overview.managedServices).toEqual([
        { service: 'db', replacement: 'Amazon RDS for PostgreSQL', usedBy: ['web'] },
      ]);
      expect(overview.monthlyCost.total).toBeGreaterThan(0);
      expect(text(result)).toContain('db: replaced by Amazon RDS for PostgreSQL');
      const api = await request(testApp())
        .post('/v1/architectures/from-compose')
        .send({ compose: SHOP, variables: { POSTGRES_VERSION: '16' } });
      expect(api.status).toBe(200);
      expect(overview.services[0]?.platformId).toBe(api.body.services[0].recommendation.platform.id);
      expect(overview.monthlyCost).toEqual(api.body.monthlyCost);
      expect(JSON.stringify(result)).not.toContain('starterConfig');
    });

    it('answers a tool error at the place in the file, never guessing an unset variable', async () => {
      const result = await call('design_compose_application', { compose: SHOP });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/services\.db\.image.*POSTGRES_VERSION/);
    });

    it('answers a tool error naming a field of the wrong type', async () => {
      const result = await call('design_compose_application', { compose: SHOP, profiles: 'debug' });
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('profiles must be an array of profile names');
    });
  });

  describe('an unknown tool', () => {
    it('is a protocol error (invalid params), not a crash', async () => {
      await expect(call('recommend_platform', {})).rejects.toThrow(/Unknown tool "recommend_platform"/);
      expect((await client.listTools()).tools).toHaveLength(6);
    });
  });
});

describe('/mcp with other methods', () => {
  const app = testApp();

  it.each(['get', 'delete'] as const)('answers %s with 405: the endpoint is stateless', async (method) => {
    const response = await request(app)[method]('/mcp');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await request(app).post('/mcp').set('Content-Type', 'text/plain').send('tools/list');
    expect(response.status).toBe(415);
  });
});

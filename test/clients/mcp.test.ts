import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import request from 'supertest';
import { workloadRequestJsonSchema } from '../../src/clients/workload-json-schema';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { validateWorkload } from '../../src/contract/workload';
import { PROJECT_ROOT } from '../../src/project-paths';
import { recommend } from '../support/advisor';
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
    it('lists the four tools', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        'compare_workloads',
        'explain_rule',
        'list_platforms',
        'recommend_container_platform',
      ]);
    });

    it("gives recommend_container_platform the API's request schema, generated from openapi.yaml", async () => {
      const { tools } = await client.listTools();
      const recommendTool = tools.find((tool) => tool.name === 'recommend_container_platform');
      expect(recommendTool?.inputSchema).toEqual(workloadRequestJsonSchema(OPENAPI));
      expect(recommendTool?.annotations).toMatchObject({ readOnlyHint: true });
    });
  });

  describe('recommend_container_platform', () => {
    describe('when the workload is valid', () => {
      it('answers a summary to repeat and the recommendation the API gives', async () => {
        const result = await call('recommend_container_platform', UDP_WITHOUT_KUBERNETES);
        expect(result.isError).toBeFalsy();
        expect(text(result)).toContain('Amazon ECS on AWS Fargate (ecs-fargate)');
        expect(text(result)).toContain('nlb');
        expect(schemaErrors('Recommendation', result.structuredContent)).toEqual([]);
        expect(result.structuredContent).toEqual(await recommend(UDP_WITHOUT_KUBERNETES));
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

  describe('list_platforms', () => {
    it('lists every platform of the contract', async () => {
      const result = await call('list_platforms', {});
      const { platforms } = result.structuredContent as { platforms: { id: string }[] };
      expect(platforms.map(({ id }) => id).sort()).toEqual([...CONTRACT_PLATFORM_IDS].sort());
      for (const { id } of platforms) expect(text(result)).toContain(id);
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

    it('answers a tool error naming the field under the workload it belongs to', async () => {
      const result = await call('compare_workloads', {
        a: HTTPS_WEB,
        b: { workloadType: 'web', traffic: { protocol: 'udpp' } },
      });
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('b.traffic.protocol must be one of');
    });
  });

  describe('an unknown tool', () => {
    it('is a protocol error (invalid params), not a crash', async () => {
      await expect(call('recommend_platform', {})).rejects.toThrow(/Unknown tool "recommend_platform"/);
      expect((await client.listTools()).tools).toHaveLength(4);
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

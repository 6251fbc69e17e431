import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { PROJECT_ROOT } from '../../project-paths';
import type { BerthTools } from './berth-tools';
import { RESOURCE_TEMPLATES } from './recommendation-resources';

/** MCP's code for a resource that does not exist (the specification's "Resources", error handling). */
const RESOURCE_NOT_FOUND = -32002;

const INSTRUCTIONS = [
  'Berth recommends where to run a container workload on AWS, and explains why.',
  'Call recommend_container_platform with what the user described (only workloadType is required) and repeat',
  'its text; its links (or get_starter_file) give the full answer and each starter file when the user wants',
  'them. compare_workloads answers "what if" questions; explain_rule explains a rule of the rationale;',
  'list_platforms lists the platforms. A result with isError names the field to fix, or, when no platform',
  'fits, the smallest change that makes one fit.',
].join(' ');

const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/**
 * An MCP server over Berth's tools. It uses the SDK's low-level `Server` rather than `McpServer`, whose
 * `registerTool` only takes zod schemas: the tools advertise the JSON Schema derived from openapi.yaml
 * (with its descriptions), and the input is validated by the API's own `validateWorkload`, so a bad field
 * is reported with the same path and message as the API, as a tool error the model can act on.
 */
export function createMcpServer(tools: BerthTools): Server {
  const server = new Server(
    { name: 'berth', title: 'Berth: AWS container platform advisor', version: VERSION },
    { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.definitions }));
  // Every resource is a recommendation a tool answered, reached by the links in its result: none to list.
  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: RESOURCE_TEMPLATES,
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const { uri } = request.params;
    const result = await tools.readResource(uri);
    if (result === undefined) {
      throw new McpError(
        RESOURCE_NOT_FOUND,
        `Berth holds no resource ${JSON.stringify(uri)}: it serves the links recommend_container_platform answered, until it restarts; call the tool again for new ones.`,
        { uri },
      );
    }
    return result;
  });
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args = {} } = request.params;
    const result = tools.call(name, args);
    if (result === undefined) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool ${JSON.stringify(name)}; the tools are ${tools.definitions.map((tool) => tool.name).join(', ')}.`,
      );
    }
    return result;
  });
  return server;
}

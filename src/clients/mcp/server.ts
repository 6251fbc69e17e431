import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import { PROJECT_ROOT } from '../../project-paths';
import type { BerthTools } from './berth-tools';

const INSTRUCTIONS = [
  'Berth recommends where to run a container workload on AWS, and explains why.',
  'Call recommend_container_platform with what the user described (only workloadType is required) and repeat',
  'the first text block of its result; compare_workloads answers "what if" questions; explain_rule explains a',
  "rule named in a recommendation's rationale; list_platforms lists the platforms with their capabilities and",
  'limits. A result with isError names the field to fix, or, when no platform fits, the smallest change that',
  'makes one fit.',
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
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.definitions }));
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

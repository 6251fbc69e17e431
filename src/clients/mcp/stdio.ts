import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { Advisor } from '../../advice/advisor';
import { loadOpenApiDocument } from '../../contract/openapi-document';
import { OPENAPI_PATH, RULES_DIR } from '../../project-paths';
import { BerthTools } from './berth-tools';
import { createMcpServer } from './server';

/**
 * `berth mcp`: Berth's MCP server on stdin and stdout, for chat clients that start it as a subprocess.
 * stdout carries only the protocol; anything else goes to stderr.
 */
export async function runStdioServer(): Promise<void> {
  const tools = new BerthTools(Advisor.fromRulesDir(RULES_DIR), loadOpenApiDocument(OPENAPI_PATH).json);
  await createMcpServer(tools).connect(new StdioServerTransport());
}

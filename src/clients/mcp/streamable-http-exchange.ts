import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';
import type { BerthTools } from './berth-tools';
import { createMcpServer } from './server';

/**
 * Answers one POST /mcp: a server and a transport of its own (stateless, no session id), answered with
 * plain JSON rather than an event stream; both are closed with the response.
 */
export async function answerMcpRequest(tools: BerthTools, req: Request, res: Response): Promise<void> {
  const server = createMcpServer(tools);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
}

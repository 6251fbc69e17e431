import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express, { Router } from 'express';
import type { Advisor } from '../../advice/advisor';
import type { OpenApiDocument } from '../../contract/openapi-document';
import { requireJson } from '../../http/middleware/require-json';
import { BerthTools } from './berth-tools';
import { createMcpServer } from './server';

/**
 * POST /mcp: Berth's MCP server over Streamable HTTP, inside the API server. Stateless: every request gets
 * its own server and transport (no session id, no server-initiated stream, so GET and DELETE /mcp are
 * 405), answered with plain JSON rather than an event stream. The tools, and the advisor behind them, are
 * built once.
 */
export function mcpRouter(advisor: Advisor, document: OpenApiDocument, bodyLimitBytes: number): Router {
  const tools = new BerthTools(advisor, document.json);
  const router = Router();
  router.post('/mcp', requireJson, express.json({ limit: bodyLimitBytes }), async (req, res) => {
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
  });
  return router;
}

import express, { Router } from 'express';
import type { Advisor } from '../../advice/advisor';
import type { OpenApiDocument } from '../../contract/openapi-document';
import { requireJson } from '../../http/middleware/require-json';
import { BerthTools } from './berth-tools';

/**
 * POST /mcp: Berth's MCP server over Streamable HTTP, inside the API server. Stateless: every request gets
 * its own server and transport (no session id, no server-initiated stream, so GET and DELETE /mcp are
 * 405). The tools, and the advisor behind them, are built once.
 *
 * The MCP SDK is loaded by the first POST /mcp, not at start: loading it takes longer than the rest of
 * the server's start-up, and a server that no agent calls never needs it.
 */
export function mcpRouter(advisor: Advisor, document: OpenApiDocument, bodyLimitBytes: number): Router {
  let tools: BerthTools | undefined;
  let exchange: Promise<typeof import('./streamable-http-exchange')> | undefined;
  const router = Router();
  router.post('/mcp', requireJson, express.json({ limit: bodyLimitBytes }), async (req, res) => {
    tools ??= new BerthTools(advisor, document.json);
    exchange ??= import('./streamable-http-exchange');
    await (await exchange).answerMcpRequest(tools, req, res);
  });
  return router;
}

import { Router } from 'express';
import type { Platform } from '../catalogue/platform-catalogue';
import type { OpenApiDocument } from '../contract/openapi-document';
import { recommendToolDefinitions } from './tool-definition';

/**
 * GET /v1/tool-definition: Berth as a function a chatbot can call, with the compact request schema derived
 * from openapi.yaml at start-up (never copied by hand), in the Chat Completions (`openai`) and Anthropic
 * Messages (`anthropic`) shapes.
 */
export function toolDefinitionRouter(document: OpenApiDocument, platforms: readonly Platform[]): Router {
  const body = JSON.stringify(recommendToolDefinitions(document.json, platforms));
  const router = Router();
  router.get('/v1/tool-definition', (_req, res) => {
    res.type('application/json').send(body);
  });
  return router;
}

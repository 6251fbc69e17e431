import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from '../../contract/openapi-document';

/** The contract, as YAML and JSON, and Swagger UI over it at /docs. */
export function openApiRouter(document: OpenApiDocument): Router {
  const json = JSON.stringify(document.json);
  const router = Router();
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(document.yaml);
  });
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.use('/docs', swaggerUi.serve);
  router.get('/docs', swaggerUi.setup(document.json, { customSiteTitle: 'Berth API' }));
  return router;
}

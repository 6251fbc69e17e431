import { Router } from 'express';
import type { Metrics } from './metrics';

/** GET /metrics: the registry in the Prometheus text format. */
export function metricsRouter(metrics: Metrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.type(metrics.registry.contentType).send(body);
  });
  return router;
}

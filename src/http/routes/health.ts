import { Router } from 'express';
import { NotReadyProblem } from '../problem';

/** Whether the service should receive traffic: false until the rules are loaded, and again once shutdown begins. */
export interface Readiness {
  ready: boolean;
  reason: string;
}

/** GET /healthz (the process is alive) and GET /readyz (it should get traffic). */
export function healthRouter(readiness: Readiness, rulesVersion: string): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res, next) => {
    if (!readiness.ready) {
      next(new NotReadyProblem(readiness.reason));
      return;
    }
    res.json({ status: 'ready', rulesVersion });
  });
  return router;
}

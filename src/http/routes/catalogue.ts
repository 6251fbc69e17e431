import { Router } from 'express';
import type { Advisor } from '../../advice/advisor';
import { platformList, priceList, ruleList } from '../../advice/catalogue-documents';

/** GET /v1/platforms, GET /v1/rules and GET /v1/prices: what the rules know, the rules themselves, and the prices. */
export function catalogueRouter(advisor: Advisor): Router {
  const { ruleSet } = advisor;
  // The rule set never changes while the process runs, so each document is serialized once.
  const documents = new Map([
    ['/v1/platforms', JSON.stringify(platformList(ruleSet))],
    ['/v1/rules', JSON.stringify(ruleList(ruleSet))],
    ['/v1/prices', JSON.stringify(priceList(ruleSet))],
  ]);
  const router = Router();
  for (const [path, body] of documents) {
    router.get(path, (_req, res) => {
      res.type('application/json').send(body);
    });
  }
  return router;
}

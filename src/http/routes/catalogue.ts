import { Router } from 'express';
import type { Advisor } from '../../advice/advisor';
import { platformList, priceList, ruleList } from '../../advice/catalogue-documents';
import { UnknownCatalogueEntryProblem } from '../problem';

/**
 * GET /v1/platforms, GET /v1/rules and GET /v1/prices: what the rules know, the rules themselves, and the
 * prices; GET /v1/platforms/{id} and GET /v1/rules/{name}: one entry, as its list describes it.
 */
export function catalogueRouter(advisor: Advisor): Router {
  const { ruleSet } = advisor;
  const platforms = platformList(ruleSet);
  const rules = ruleList(ruleSet);
  // The rule set never changes while the process runs, so each document is serialized once.
  const documents = new Map([
    ['/v1/platforms', JSON.stringify(platforms)],
    ['/v1/rules', JSON.stringify(rules)],
    ['/v1/prices', JSON.stringify(priceList(ruleSet))],
  ]);
  const router = Router();
  for (const [path, body] of documents) {
    router.get(path, (_req, res) => {
      res.type('application/json').send(body);
    });
  }
  const entries = [
    {
      route: '/v1/platforms/:id',
      kind: 'platform',
      list: '/v1/platforms',
      bodies: new Map<string, string>(
        platforms.platforms.map((platform) => [platform.id, JSON.stringify(platform)]),
      ),
    },
    {
      route: '/v1/rules/:name',
      kind: 'rule',
      list: '/v1/rules',
      bodies: new Map<string, string>(rules.rules.map((rule) => [rule.name, JSON.stringify(rule)])),
    },
  ] as const;
  for (const { route, kind, list, bodies } of entries) {
    router.get(route, (req, res) => {
      const key = String(Object.values(req.params)[0]);
      const body = bodies.get(key);
      if (body === undefined) throw new UnknownCatalogueEntryProblem(kind, key, list, [...bodies.keys()]);
      res.type('application/json').send(body);
    });
  }
  return router;
}

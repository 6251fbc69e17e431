import { Router } from 'express';
import type { Advisor } from '../../engine/advisor';
import type { EventType } from '../../engine/rule-file-schema';

const DECIDES: Record<EventType, string> = {
  blocker: 'makes a platform ineligible',
  score: "moves an eligible platform's score",
  warning: 'adds a warning',
  note: 'adds a note to the rationale',
  'load-balancer': 'chooses the load balancer and its listeners',
  'load-balancer-scheme': "sets the load balancer's scheme",
  storage: 'chooses the storage service',
  'scaling-policy': 'adds a scaling policy',
  capacity: 'chooses the capacity (on-demand or Spot, capacity providers)',
  trigger: 'adds a trigger',
  'monitoring-rule': 'adds a monitoring rule',
  'iam-role': 'defines an IAM role',
  'iam-statement': 'adds a permission to an IAM role',
  registry: 'defines the image registry',
};

/** GET /v1/platforms, GET /v1/rules and GET /v1/prices: what the rules know, the rules themselves, and the prices. */
export function catalogueRouter(advisor: Advisor): Router {
  const { ruleSet } = advisor;
  const platformsBody = JSON.stringify({
    platforms: ruleSet.platforms.map((platform) => ({
      id: platform.id,
      service: platform.service,
      capacity: platform.capacity,
      name: platform.name,
      summary: platform.summary,
      seedSection: platform.seedSection,
      traits: platform.traits,
      capabilities: platform.capabilities,
      limits: { sizingModel: platform.sizingModel, ...ruleSet.taskSizes.models[platform.sizingModel] },
    })),
    rulesVersion: ruleSet.version,
  });
  const rulesBody = JSON.stringify({
    rulesVersion: ruleSet.version,
    groups: ruleSet.groupDescriptions,
    rules: ruleSet.rules.map((rule) => ({
      name: rule.name,
      group: rule.group,
      priority: rule.priority,
      description: rule.description,
      source: rule.source,
      decides: DECIDES[rule.event.type],
      engine: rule.engine,
      conditions: rule.conditions,
      event: rule.event,
    })),
  });
  const pricesBody = JSON.stringify({
    rulesVersion: ruleSet.version,
    fallbackRegion: 'us-east-1',
    tables: Object.values(ruleSet.prices),
    costModel: ruleSet.costModel,
  });
  const router = Router();
  router.get('/v1/prices', (_req, res) => {
    res.type('application/json').send(pricesBody);
  });
  router.get('/v1/platforms', (_req, res) => {
    res.type('application/json').send(platformsBody);
  });
  router.get('/v1/rules', (_req, res) => {
    res.type('application/json').send(rulesBody);
  });
  return router;
}

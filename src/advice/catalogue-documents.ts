import { PLATFORM_TRAIT_DESCRIPTIONS } from '../catalogue/platform-catalogue';
import { RULE_EVENTS } from '../design/rule-events';
import type { RuleSet } from '../engine/rule-set';

type LoadedRule = RuleSet['rules'][number];

/**
 * The documents that describe what Berth knows, shared by the HTTP API (GET /v1/platforms, /v1/rules,
 * /v1/prices) and the clients (CLI, MCP), so both always say the same thing.
 */
export function platformList(ruleSet: RuleSet) {
  return {
    platforms: ruleSet.platforms.map((platform) => ({
      id: platform.id,
      service: platform.service,
      capacity: platform.capacity,
      name: platform.name,
      summary: platform.summary,
      seedSection: platform.seedSection,
      traits: platform.traits,
      capabilities: platform.capabilities,
      limits: {
        sizingModel: platform.sizingModel,
        ...ruleSet.taskSizes.models[platform.sizingModel],
        ...(platform.hostLimits === undefined ? {} : { hosts: platform.hostLimits }),
      },
    })),
    traitDescriptions: PLATFORM_TRAIT_DESCRIPTIONS,
    rulesVersion: ruleSet.version,
  };
}

/** One rule as GET /v1/rules describes it. */
export function ruleView(ruleSet: RuleSet, rule: LoadedRule) {
  return {
    name: rule.name,
    group: rule.group,
    groupDescription: ruleSet.groupDescriptions[rule.group] ?? '',
    priority: rule.priority,
    description: rule.description,
    source: rule.source,
    decides: RULE_EVENTS[rule.event.type].decides,
    engine: rule.engine,
    conditions: rule.conditions,
    event: rule.event,
  };
}

export function ruleList(ruleSet: RuleSet) {
  return {
    rulesVersion: ruleSet.version,
    groups: ruleSet.groupDescriptions,
    rules: ruleSet.rules.map((rule) => ruleView(ruleSet, rule)),
  };
}

export function priceList(ruleSet: RuleSet) {
  return {
    rulesVersion: ruleSet.version,
    fallbackRegion: 'us-east-1',
    tables: Object.values(ruleSet.prices),
    costModel: ruleSet.costModel,
  };
}

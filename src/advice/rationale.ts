import type { PlatformId } from '../catalogue/platform-catalogue';
import type { components } from '../contract/generated/openapi-types';
import { explainEvent } from '../design/rule-events';
import type { PlatformEvaluation } from '../engine/platform-evaluation';
import type { FiredRule } from '../engine/rules-engine';

type RationaleEntry = components['schemas']['RationaleEntry'];

/** Every rule that fired, explained: the platform-fit and cost-fit rules of each platform, then the chosen design's. */
export function rationale(
  evaluations: readonly PlatformEvaluation[],
  designFired: readonly FiredRule[],
): RationaleEntry[] {
  const entries: RationaleEntry[] = [];
  for (const evaluation of evaluations) {
    for (const fired of evaluation.fired) entries.push(rationaleEntry(fired, evaluation.platform.id));
  }
  for (const fired of designFired) entries.push(rationaleEntry(fired));
  return entries;
}

function rationaleEntry(fired: FiredRule, platformId?: PlatformId): RationaleEntry {
  const { rule } = fired;
  const { effect, message } = explainEvent(fired, {
    ...(platformId === undefined ? {} : { platformId }),
    ruleDescription: rule.description,
  });
  const entry: RationaleEntry = {
    rule: rule.name,
    group: rule.group as components['schemas']['RuleGroup'],
    effect,
    message,
    source: rule.source,
  };
  if (platformId !== undefined) entry.platformId = platformId;
  return entry;
}
